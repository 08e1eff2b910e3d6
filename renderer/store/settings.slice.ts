import type { StateCreator } from 'zustand';
import type { Language } from '../../shared/errors';
import type { Settings } from '../../shared/ipc/vault.contract';
import { toApiError, type ApiClient, type ApiError } from '../platform/api';
import type { AppState } from './appStore';

export interface SettingsSlice {
  /** Null until loaded (settings can be read while the vault is locked). */
  settings: Settings | null;
  /** The language shown before settings load; follows the settings afterwards. */
  language: Language;
  settingsBusy: boolean;
  settingsError: ApiError | null;
  settingsSaved: boolean;
  loadSettings(): Promise<void>;
  updateSettings(change: Partial<Settings>): Promise<boolean>;
  clearSettingsFeedback(): void;
}

/** Settings: auto-lock minutes and language, stored by the core beside the vault. */
export function createSettingsSlice(api: ApiClient): StateCreator<AppState, [], [], SettingsSlice> {
  return (set) => ({
    settings: null,
    language: 'nl',
    settingsBusy: false,
    settingsError: null,
    settingsSaved: false,

    async loadSettings() {
      try {
        const settings = await api.call('settings.get', {});
        set({ settings, language: settings.language, settingsError: null });
      } catch (error) {
        // Without settings the app still works in Dutch with the core's defaults.
        set({ settingsError: toApiError(error) });
      }
    },

    async updateSettings(change) {
      set({ settingsBusy: true, settingsError: null, settingsSaved: false });
      try {
        const settings = await api.call('settings.update', change);
        set({ settings, language: settings.language, settingsBusy: false, settingsSaved: true });
        return true;
      } catch (error) {
        set({ settingsBusy: false, settingsError: toApiError(error) });
        return false;
      }
    },

    clearSettingsFeedback() {
      set({ settingsError: null, settingsSaved: false });
    },
  });
}
