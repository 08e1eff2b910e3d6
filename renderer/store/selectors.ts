import type { AppState } from './appStore';

// Named selectors: components read state through these, so a rename touches one file.
export const selectVaultPhase = (s: AppState) => s.vaultPhase;
export const selectLanguage = (s: AppState) => s.language;
export const selectRoute = (s: AppState) => s.route;
export const selectGateView = (s: AppState) => s.gateView;
export const selectGate = (s: AppState) => s.gate;
export const selectLockReason = (s: AppState) => s.lockReason;
export const selectRecoveryKey = (s: AppState) => s.recoveryKey;
export const selectPassphraseChange = (s: AppState) => s.passphraseChange;
export const selectSettings = (s: AppState) => s.settings;
/** Settings feedback as one object (use with useShallow). */
export const selectSettingsFeedback = (s: AppState) => ({
  busy: s.settingsBusy,
  error: s.settingsError,
  saved: s.settingsSaved,
});
/** Vault actions as one object (use with useShallow). */
export const selectVaultActions = (s: AppState) => ({
  createVault: s.createVault,
  confirmRecoveryKeyStored: s.confirmRecoveryKeyStored,
  unlock: s.unlock,
  recover: s.recover,
  lock: s.lock,
  changePassphrase: s.changePassphrase,
  resetGate: s.resetGate,
  resetPassphraseChange: s.resetPassphraseChange,
  loadStatus: s.loadStatus,
});
/** Settings actions as one object (use with useShallow). */
export const selectSettingsActions = (s: AppState) => ({
  updateSettings: s.updateSettings,
  clearSettingsFeedback: s.clearSettingsFeedback,
});
/** Navigation actions as one object (use with useShallow). */
export const selectNavigation = (s: AppState) => ({ navigate: s.navigate, showGate: s.showGate });
