import { Button, SkipLink } from '@utrecht/component-library-react';
import { useEffect, useState, type ReactNode } from 'react';
import { Logo } from '../../components/Logo';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/translate';
import { selectRoute, selectNavigation, selectVaultActions } from '../../store/selectors';
import { useAppStore, useAppStoreShallow } from '../../store/StoreProvider';
import { areas, type Route } from '../../store/ui.slice';
import { BackupReminder } from '../settings/BackupReminder';

const navKey: Record<Route, MessageKey> = {
  trajecten: 'nav.trajecten',
  meldingen: 'nav.meldingen',
  riec: 'nav.riec',
  verstrekkingen: 'nav.verstrekkingen',
  regionaleTafel: 'nav.regionaleTafel',
  audit: 'nav.audit',
  settings: 'nav.settings',
  profiel: 'nav.settings',
  partners: 'nav.settings',
};

/** A line icon per menu item (decoration: the item's name is its text, also when only the icon shows). */
const navIcon: Record<Route, string> = {
  trajecten: 'M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z',
  meldingen: 'M4 4h16v12H9l-5 4z M8 9h8 M8 12h5',
  riec: 'M8 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6z M16 13a3 3 0 1 0 0-6 3 3 0 0 0 0 6z M2 20c0-3 3-5 6-5s6 2 6 5 M14 16c1-1 2-1.5 3-1.5 2.5 0 5 1.8 5 4.5',
  verstrekkingen: 'M4 13v7h16v-7 M12 3v12 M7 8l5-5 5 5',
  regionaleTafel: 'M4 20V11 M10 20V5 M16 20v-7 M2 20h20',
  audit: 'M9 3h6v3H9z M15 4.5h3V21H6V4.5h3 M9 14l2 2 4-4',
  settings: 'M4 6h9 M17 6h3 M4 12h3 M11 12h9 M4 18h11 M19 18h1 M15 4v4 M9 10v4 M17 16v4',
  profiel: '',
  partners: '',
};

function NavIcon({ route }: { route: Route }) {
  return (
    <svg className="kk-nav__icon" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={navIcon[route] || navIcon.settings} />
    </svg>
  );
}

/** Where the person's choice to collapse the menu is kept (no case data: only this choice). */
const MENU_KEY = 'kk.menu';

function keptCollapsed(): boolean {
  try {
    return window.localStorage.getItem(MENU_KEY) === 'ingeklapt';
  } catch {
    return false;
  }
}

/**
 * The frame around the open vault: header with the lock button (always visible), navigation,
 * content. The menu collapses to a rail of icons with the button before the logo (its name says
 * what it will do; aria-expanded says the state); the choice is kept for the next time.
 */
export function AppFrame({ children }: { children: ReactNode }) {
  const { t } = useT();
  const route = useAppStore(selectRoute);
  const { navigate } = useAppStoreShallow(selectNavigation);
  const { lock } = useAppStoreShallow(selectVaultActions);
  const [collapsed, setCollapsed] = useState(keptCollapsed);
  useEffect(() => {
    try {
      if (collapsed) window.localStorage.setItem(MENU_KEY, 'ingeklapt');
      else window.localStorage.removeItem(MENU_KEY);
    } catch {
      // Without storage the choice holds until the window reloads.
    }
  }, [collapsed]);

  const item = (target: Route) => (
    <li key={target} className="kk-nav__item">
      <button
        type="button"
        className={target === route ? 'kk-nav__link kk-nav__link--current' : 'kk-nav__link'}
        aria-current={target === route ? 'page' : undefined}
        title={collapsed ? t(navKey[target]) : undefined}
        onClick={() => navigate(target)}
      >
        <NavIcon route={target} />
        <span className="kk-nav__label">{t(navKey[target])}</span>
      </button>
    </li>
  );

  return (
    <div className={collapsed ? 'kk-frame kk-frame--nav-collapsed' : 'kk-frame'}>
      <SkipLink href="#kk-main">{t('frame.skipLink')}</SkipLink>
      <header className="kk-frame__header">
        <button type="button" className="kk-menu-toggle" aria-expanded={!collapsed} aria-controls="kk-nav" aria-label={collapsed ? t('frame.menu.expand') : t('frame.menu.collapse')} title={collapsed ? t('frame.menu.expand') : t('frame.menu.collapse')} onClick={() => setCollapsed(!collapsed)}>
          <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
            <path d={collapsed ? 'M4 6h16 M4 12h16 M4 18h16' : 'M4 6h16 M4 12h10 M4 18h16 M20 9l-3 3 3 3'} />
          </svg>
        </button>
        <div className="kk-brand">
          <Logo size={32} />
          <span className="kk-brand__name">{t('app.name')}</span>
        </div>
        <BackupReminder />
        <div className="kk-frame__status">
          <span className="kk-status-dot" aria-hidden="true" />
          <span>{t('frame.status.unlocked')}</span>
        </div>
        <Button type="button" appearance="secondary-action-button" className="kk-lock-button" onClick={() => void lock()} title={t('frame.lockHint')}>
          {t('frame.lock')}
        </Button>
      </header>
      <div className="kk-frame__body">
        <nav id="kk-nav" className="kk-nav" aria-label={t('frame.nav.label')}>
          <div className="kk-nav__inner">
            <ul className="kk-nav__list">{areas.map(item)}</ul>
            <ul className="kk-nav__list kk-nav__list--bottom">{item('settings')}</ul>
          </div>
        </nav>
        <main id="kk-main" className="kk-frame__main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
