import { Button, SkipLink } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
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

/** The frame around the open vault: header with the lock button (always visible), navigation, content. */
export function AppFrame({ children }: { children: ReactNode }) {
  const { t } = useT();
  const route = useAppStore(selectRoute);
  const { navigate } = useAppStoreShallow(selectNavigation);
  const { lock } = useAppStoreShallow(selectVaultActions);

  const item = (target: Route) => (
    <li key={target} className="kk-nav__item">
      <button
        type="button"
        className={target === route ? 'kk-nav__link kk-nav__link--current' : 'kk-nav__link'}
        aria-current={target === route ? 'page' : undefined}
        onClick={() => navigate(target)}
      >
        {t(navKey[target])}
      </button>
    </li>
  );

  return (
    <div className="kk-frame">
      <SkipLink href="#kk-main">{t('frame.skipLink')}</SkipLink>
      <header className="kk-frame__header">
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
        <nav className="kk-nav" aria-label={t('frame.nav.label')}>
          <ul className="kk-nav__list">{areas.map(item)}</ul>
          <ul className="kk-nav__list kk-nav__list--bottom">{item('settings')}</ul>
        </nav>
        <main id="kk-main" className="kk-frame__main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
