import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useFocusOnMount } from '../../components/useFocusOnMount';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/translate';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { selectCaseActions, selectMeldingenView, selectTrajectenView } from './caseSelectors';
import type { MeldingenView, TrajectenView } from './caseNav.slice';
import { ClientRemovedNotice, ClientScreen } from './ClientScreen';
import { DashboardScreen } from './DashboardScreen';
import { ImportScreen } from './ImportScreen';
import { MeldingFormScreen } from './MeldingFormScreen';
import { MeldingListScreen } from './MeldingListScreen';
import { MeldingScreen } from './MeldingScreen';
import { OverdueScreen } from './OverdueScreen';
import { SearchScreen } from './SearchScreen';
import { TrajectListScreen } from './TrajectListScreen';
import { TrajectNewScreen } from './TrajectNewScreen';
import { TrajectScreen } from './TrajectScreen';
import './casework.css';

type Tab<V> = { view: V; key: MessageKey };

const trajectTabs: Tab<TrajectenView>[] = [
  { view: { screen: 'dashboard' }, key: 'cw.tab.dashboard' },
  { view: { screen: 'list' }, key: 'cw.tab.list' },
  { view: { screen: 'overdue' }, key: 'cw.tab.overdue' },
  { view: { screen: 'search' }, key: 'cw.tab.search' },
  { view: { screen: 'clientNew' }, key: 'cw.tab.clientNew' },
  { view: { screen: 'import' }, key: 'cw.tab.import' },
];
const meldingTabs: Tab<MeldingenView>[] = [
  { view: { screen: 'list' }, key: 'cw.mtab.list' },
  { view: { screen: 'new' }, key: 'cw.mtab.new' },
];

function SubNav<V extends { screen: string }>({ label, tabs, current, onSelect }: { label: string; tabs: Tab<V>[]; current: V; onSelect(view: V): void }) {
  const { t } = useT();
  return (
    <nav className="kk-subnav" aria-label={label}>
      <ul className="kk-subnav__list">
        {tabs.map((tab) => {
          const active = tab.view.screen === current.screen;
          return (
            <li key={tab.view.screen}>
              <button type="button" className={active ? 'kk-subnav__tab kk-subnav__tab--current' : 'kk-subnav__tab'} aria-current={active ? 'page' : undefined} onClick={() => onSelect(tab.view)}>
                {t(tab.key)}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function viewKey(view: { screen: string; id?: string; clientId?: string }): string {
  return `${view.screen}:${view.id ?? view.clientId ?? ''}`;
}

/** The Trajecten area: overview (start screen), list, traject, cliënt, overdue tasks, search, import. */
export function TrajectenArea() {
  const { t } = useT();
  const titleRef = useFocusOnMount<HTMLHeadingElement>();
  const view = useAppStore(selectTrajectenView);
  const { openCase } = useAppStoreShallow(selectCaseActions);
  const key = viewKey(view);
  let screen;
  switch (view.screen) {
    case 'dashboard':
      screen = <DashboardScreen key={key} />;
      break;
    case 'list':
      // After a cliënt was removed, the list says which code went (issue 13).
      screen = (
        <>
          <ClientRemovedNotice key={`${key}:removed`} />
          <TrajectListScreen key={key} />
        </>
      );
      break;
    case 'traject':
      screen = <TrajectScreen key={key} id={view.id} />;
      break;
    case 'clientNew':
      screen = <ClientScreen key={key} id={null} />;
      break;
    case 'client':
      screen = <ClientScreen key={key} id={view.id} />;
      break;
    case 'trajectNew':
      screen = <TrajectNewScreen key={key} clientId={view.clientId} />;
      break;
    case 'overdue':
      screen = <OverdueScreen key={key} />;
      break;
    case 'search':
      screen = <SearchScreen key={key} />;
      break;
    case 'import':
      screen = <ImportScreen key={key} />;
      break;
  }
  return (
    <section className="kk-page kk-casework" aria-labelledby="kk-page-title">
      <Heading level={1} id="kk-page-title" ref={titleRef} tabIndex={-1} className="kk-screen-title">
        {t('nav.trajecten')}
      </Heading>
      <Paragraph className="kk-intro">{t('area.trajecten.intro')}</Paragraph>
      <SubNav label={t('cw.tabs.label')} tabs={trajectTabs} current={view} onSelect={(v) => openCase({ area: 'trajecten', ...v })} />
      {screen}
    </section>
  );
}

/** The Meldingen area: the list, registering a melding, and one melding with its advice. */
export function MeldingenArea() {
  const { t } = useT();
  const titleRef = useFocusOnMount<HTMLHeadingElement>();
  const view = useAppStore(selectMeldingenView);
  const { openCase } = useAppStoreShallow(selectCaseActions);
  const key = viewKey(view);
  return (
    <section className="kk-page kk-casework" aria-labelledby="kk-page-title">
      <Heading level={1} id="kk-page-title" ref={titleRef} tabIndex={-1} className="kk-screen-title">
        {t('nav.meldingen')}
      </Heading>
      <Paragraph className="kk-intro">{t('area.meldingen.intro')}</Paragraph>
      <SubNav label={t('cw.mtabs.label')} tabs={meldingTabs} current={view} onSelect={(v) => openCase({ area: 'meldingen', ...v })} />
      {view.screen === 'list' ? <MeldingListScreen key={key} /> : view.screen === 'new' ? <MeldingFormScreen key={key} /> : <MeldingScreen key={key} id={view.id} />}
    </section>
  );
}
