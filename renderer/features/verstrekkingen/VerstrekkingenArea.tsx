import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/translate';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import type { VerstrekkingenView } from '../../store/verstrekkingen.slice';
import { BesluitScreen } from './BesluitScreen';
import { OverzichtScreen } from './OverzichtScreen';
import { RegelsScreen } from './RegelsScreen';
import { RegisterScreen } from './RegisterScreen';
import { StartScreen } from './StartScreen';
import { selectVkActions, selectVkView } from './verstrekkingenSelectors';
import { WizardScreen } from './WizardScreen';
import '../casework/casework.css';
import './verstrekkingen.css';

type Tab = { screen: 'overzicht' | 'register' | 'regels'; key: MessageKey };
const tabs: Tab[] = [
  { screen: 'overzicht', key: 'vk.tab.overzicht' },
  { screen: 'register', key: 'vk.tab.register' },
  { screen: 'regels', key: 'vk.tab.regels' },
];

/** Which tab a screen belongs to: the wizard and a decision live under the overview. */
function tabOf(view: VerstrekkingenView): Tab['screen'] {
  return view.screen === 'register' || view.screen === 'regels' ? view.screen : 'overzicht';
}

function keyOf(view: VerstrekkingenView): string {
  return `${view.screen}:${'id' in view ? view.id : 'conceptId' in view ? view.conceptId : 'trajectId' in view ? view.trajectId : ''}`;
}

/**
 * The Verstrekkingen area: the drafts and starting a disclosure, the wizard (stappenplan steps
 * 0–9), a decision with its package, print and copy, the register, and the rule set's versions.
 * The wizard and a decision put focus on their own heading, so the area's title does not take it.
 */
export function VerstrekkingenArea() {
  const { t } = useT();
  const view = useAppStore(selectVkView);
  const ownFocus = view.screen === 'nieuw' || view.screen === 'wizard' || view.screen === 'besluit';
  const titleRef = useFocusOnMount<HTMLHeadingElement>(ownFocus);
  const { openVerstrekkingen } = useAppStoreShallow(selectVkActions);
  const current = tabOf(view);
  const key = keyOf(view);
  let screen;
  switch (view.screen) {
    case 'overzicht':
      screen = <OverzichtScreen key={key} />;
      break;
    case 'nieuw':
      screen = <StartScreen key={key} trajectId={view.trajectId} />;
      break;
    case 'wizard':
      screen = <WizardScreen key={key} conceptId={view.conceptId} />;
      break;
    case 'besluit':
      screen = <BesluitScreen key={key} id={view.id} />;
      break;
    case 'register':
      screen = <RegisterScreen key={key} />;
      break;
    case 'regels':
      screen = <RegelsScreen key={key} />;
      break;
  }
  return (
    <section className="kk-page kk-casework kk-vk" aria-labelledby="kk-page-title">
      <Heading level={1} id="kk-page-title" ref={titleRef} tabIndex={-1} className="kk-screen-title">
        {t('nav.verstrekkingen')}
      </Heading>
      <Paragraph className="kk-intro">{t('area.verstrekkingen.intro')}</Paragraph>
      <nav className="kk-subnav" aria-label={t('vk.tabs.label')}>
        <ul className="kk-subnav__list">
          {tabs.map((tab) => {
            const active = tab.screen === current;
            return (
              <li key={tab.screen}>
                <button
                  type="button"
                  className={active ? 'kk-subnav__tab kk-subnav__tab--current' : 'kk-subnav__tab'}
                  aria-current={active ? 'page' : undefined}
                  onClick={() => openVerstrekkingen({ screen: tab.screen })}
                >
                  {t(tab.key)}
                </button>
              </li>
            );
          })}
        </ul>
      </nav>
      {screen}
    </section>
  );
}
