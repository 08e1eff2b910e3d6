import { createStore, type StoreApi } from 'zustand/vanilla';
import { createCaseworkSlice, type CaseworkSlice } from '../features/casework/casework.slice';
import type { ApiClient } from '../platform/api';
import { createSettingsSlice, type SettingsSlice } from './settings.slice';
import { createUiSlice, type UiSlice } from './ui.slice';
import { createVaultSlice, type VaultSlice } from './vault.slice';

/** The one store of the renderer, built from slices. */
export type AppState = VaultSlice & SettingsSlice & UiSlice & CaseworkSlice & { start(): Promise<() => void> };
/** The store object (vanilla zustand), created once per page with the API client it talks to. */
export type AppStore = StoreApi<AppState>;

/**
 * Creates the store around a client (the preload API in Electron, the bridge in development).
 * Slices call the client; components only call slice actions.
 */
export function createAppStore(client: ApiClient, now: () => number = Date.now): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createVaultSlice(client, now)(...a),
    ...createSettingsSlice(client)(...a),
    ...createUiSlice(...a),
    ...createCaseworkSlice(client)(...a),
    async start() {
      const [, get] = a;
      const unsubscribe = client.on('vault.locked', ({ reason }) => get().onLocked(reason));
      const unsubscribeSettings = client.on('settings.changed', () => void get().loadSettings());
      await Promise.all([get().loadSettings(), get().loadStatus()]);
      return () => {
        unsubscribe();
        unsubscribeSettings();
      };
    },
  }));
}
