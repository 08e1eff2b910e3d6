import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/translate';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { EerdereScreen } from './EerdereScreen';
import { InstellingenScreen } from './InstellingenScreen';
import { MakenScreen } from './MakenScreen';
import { tafelExtraTabs } from './tafelExtra';
import type { TafelScreen } from './tafel.slice';
import { selectTafelActions, selectTafelScreen } from './tafelSelectors';
import '../casework/casework.css';
import './tafel.css';

const tabs: Array<{ screen: TafelScreen; key: MessageKey }> = [
  { screen: 'maken', key: 'tafel.tab.maken' },
  { screen: 'instellingen', key: 'tafel.tab.instellingen' },
  { screen: 'eerdere', key: 'tafel.tab.eerdere' },
];

/**
 * The Regionale Tafel area: making a summary (preview, then save), the privacy officer's
 * settings, the earlier releases, and — where built — combining colleagues' counts and tafel
 * mode for the secretariaat. Opening the area puts focus on its title; a tab on its own heading.
 */
export function TafelArea() {
  const { t } = useT();
  const titleRef = useFocusOnMount<HTMLHeadingElement>();
  const screen = useAppStore(selectTafelScreen);
  const { openTafel } = useAppStoreShallow(selectTafelActions);
  const extra = tafelExtraTabs();
  const alle = [...tabs, ...extra.map((e) => ({ screen: e.screen, key: e.key }))];
  let inhoud;
  if (screen === 'instellingen') inhoud = <InstellingenScreen key="instellingen" />;
  else if (screen === 'eerdere') inhoud = <EerdereScreen key="eerdere" />;
  else {
    const e = extra.find((x) => x.screen === screen);
    inhoud = e ? <e.Component key={screen} /> : <MakenScreen key="maken" />;
  }
  const current = alle.some((tab) => tab.screen === screen) ? screen : 'maken';
  return (
    <section className="kk-page kk-casework kk-tafel" aria-labelledby="kk-page-title">
      <Heading level={1} id="kk-page-title" ref={titleRef} tabIndex={-1} className="kk-screen-title">
        {t('nav.regionaleTafel')}
      </Heading>
      <Paragraph className="kk-intro">{t('area.regionaleTafel.intro')}</Paragraph>
      <nav className="kk-subnav" aria-label={t('tafel.tabs.label')}>
        <ul className="kk-subnav__list">
          {alle.map((tab) => {
            const active = tab.screen === current;
            return (
              <li key={tab.screen}>
                <button type="button" className={active ? 'kk-subnav__tab kk-subnav__tab--current' : 'kk-subnav__tab'} aria-current={active ? 'page' : undefined} onClick={() => openTafel(tab.screen)}>
                  {t(tab.key)}
                </button>
              </li>
            );
          })}
        </ul>
      </nav>
      {inhoud}
    </section>
  );
}
