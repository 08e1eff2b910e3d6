import { Button, Paragraph } from '@utrecht/component-library-react';
import { useEffect } from 'react';
import { ErrorAlert } from './components/ErrorAlert';
import { useFocusOnMount } from './components/useFocusOnMount';
import { AreaPlaceholder } from './features/areas/AreaPlaceholder';
import { AppFrame } from './features/frame/AppFrame';
import { MeldingenArea, TrajectenArea } from './features/casework/CaseworkAreas';
import { QuickSwitcher } from './features/casework/QuickSwitcher';
import { FirstRunScreen } from './features/gate/FirstRunScreen';
import { GateLayout } from './features/gate/GateLayout';
import { RecoverScreen } from './features/gate/RecoverScreen';
import { RecoveryKeyScreen } from './features/gate/RecoveryKeyScreen';
import { UnlockScreen } from './features/gate/UnlockScreen';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { VerstrekkingenArea } from './features/verstrekkingen/VerstrekkingenArea';
import { TafelArea } from './features/tafel/TafelArea';
import { PartnersScreen } from './features/profile/PartnersScreen';
import { ProfileQuestionScreen } from './features/profile/ProfileQuestionScreen';
import { ProfileScreen } from './features/profile/ProfileScreen';
import { selectProfielVraag } from './features/profile/profileSelectors';
import { useT } from './i18n/useT';
import { selectGate, selectGateView, selectRoute, selectVaultActions, selectVaultPhase } from './store/selectors';
import { useAppStore, useAppStoreShallow } from './store/StoreProvider';

function Loading() {
  const { t } = useT();
  return (
    <main id="kk-main" className="kk-loading" aria-busy="true">
      <Paragraph role="status">{t('app.loading')}</Paragraph>
    </main>
  );
}

function Unavailable() {
  const { t } = useT();
  const titleRef = useFocusOnMount<HTMLHeadingElement>();
  const gate = useAppStore(selectGate);
  const { loadStatus } = useAppStoreShallow(selectVaultActions);
  return (
    <GateLayout title={t('app.unavailable.title')} titleRef={titleRef} intro={t('app.unavailable.body')}>
      <ErrorAlert error={gate.error} />
      <Button type="button" appearance="secondary-action-button" onClick={() => void loadStatus()}>
        {t('app.retry')}
      </Button>
    </GateLayout>
  );
}

function OpenVault() {
  const route = useAppStore(selectRoute);
  // A vault without a profile asks for it once, before anything else (features/profile).
  const profielVraag = useAppStore(selectProfielVraag);
  if (profielVraag === 'vragen' || profielVraag === 'vingerafdruk') return <ProfileQuestionScreen />;
  const screen =
    route === 'settings' ? <SettingsScreen key="settings" /> : route === 'profiel' ? <ProfileScreen key="profiel" /> : route === 'partners' ? <PartnersScreen key="partners" /> : route === 'trajecten' ? <TrajectenArea key="trajecten" /> : route === 'meldingen' ? <MeldingenArea key="meldingen" /> : route === 'verstrekkingen' ? <VerstrekkingenArea key="verstrekkingen" /> : route === 'regionaleTafel' ? <TafelArea key="regionaleTafel" /> : <AreaPlaceholder key={route} area={route} />;
  return (
    <AppFrame>
      {screen}
      <QuickSwitcher />
    </AppFrame>
  );
}

/** Picks the screen from the vault's phase; keeps `<html lang>` and the title in the chosen language. */
export function App() {
  const { t, language } = useT();
  const phase = useAppStore(selectVaultPhase);
  const gateView = useAppStore(selectGateView);

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = t('app.name');
  }, [language, t]);

  switch (phase) {
    case 'loading':
      return <Loading />;
    case 'unavailable':
      return <Unavailable />;
    case 'firstRun':
      return <FirstRunScreen />;
    case 'recoveryKey':
      return <RecoveryKeyScreen />;
    case 'locked':
      return gateView === 'recover' ? <RecoverScreen /> : <UnlockScreen />;
    case 'unlocked':
      return <OpenVault />;
  }
}
