import { createStore, type StoreApi } from 'zustand/vanilla';
import { caseworkSlices, type CaseworkSlice } from '../features/casework/casework.slice';
import type { ApiClient } from '../platform/api';
import { initialCaseData, type CaseSlice } from './caseData';
import { createSettingsSlice, type SettingsSlice } from './settings.slice';
import { createUiSlice, type UiSlice } from './ui.slice';
import { createVaultSlice, type VaultSlice } from './vault.slice';
import { profileSlice, type ProfileSlice } from './profile.slice';
import { verstrekkingenSlice, type VerstrekkingenSlice } from './verstrekkingen.slice';
import { backupSlice, type BackupSlice } from '../features/settings/backup.slice';
import { createRestoreSlice, type RestoreSlice } from '../features/gate/restore.slice';
import { tafelSlice, type TafelSlice } from '../features/tafel/tafel.slice';

/** The one store of the renderer, built from slices. */
export type AppState = VaultSlice & SettingsSlice & UiSlice & CaseworkSlice & ProfileSlice & VerstrekkingenSlice & BackupSlice & RestoreSlice & TafelSlice & { start(): Promise<() => void> };
/** The store object (vanilla zustand), created once per page with the API client it talks to. */
export type AppStore = StoreApi<AppState>;

/** Every slice that holds case data, of every area. A new area adds its slices here. */
export const caseSlices: readonly CaseSlice<object>[] = [...caseworkSlices, profileSlice, verstrekkingenSlice, backupSlice, tafelSlice];

/**
 * Creates the store around the API client (the preload API in Electron, the bridge in development).
 * Slices call the API; components only call slice actions.
 */
export function createAppStore(api: ApiClient, now: () => number = Date.now): AppStore {
  return createStore<AppState>()((...a) => {
    const [set, get, store] = a;
    // When the vault stops being open, all case data the renderer holds (names, pseudonyms,
    // journal text, which record a screen shows) is dropped at once, whatever caused the lock.
    store.subscribe((state, previous) => {
      if (previous.vaultPhase === 'unlocked' && state.vaultPhase !== 'unlocked') set(initialCaseData(caseSlices) as Partial<AppState>);
    });
    // Case slices write only while the vault is open: an answer that arrives after the lock
    // (a page asked for just before it) is dropped instead of filling the cleared store again.
    const caseSet = ((partial: Partial<AppState> | ((state: AppState) => Partial<AppState>)) => {
      if (get().vaultPhase === 'unlocked') set(partial);
    }) as typeof set;
    const caseState = Object.assign({}, ...caseSlices.map((slice) => slice.create(api)(caseSet, get, store))) as CaseworkSlice & ProfileSlice & VerstrekkingenSlice & BackupSlice & TafelSlice;
    return {
      ...createVaultSlice(api, now)(...a),
      ...createSettingsSlice(api)(...a),
      ...createUiSlice(...a),
      ...createRestoreSlice(api)(...a),
      ...caseState,
      async start() {
        const unsubscribe = api.on('vault.locked', ({ reason }) => get().onLocked(reason));
        const unsubscribeSettings = api.on('settings.changed', () => void get().loadSettings());
        await Promise.all([get().loadSettings(), get().loadStatus()]);
        return () => {
          unsubscribe();
          unsubscribeSettings();
        };
      },
    };
  });
}
