import { cleanup, render } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { App } from '../../../renderer/App';
import type { AppStore } from '../../../renderer/store/appStore';
import { StoreProvider } from '../../../renderer/store/StoreProvider';
import type { InProcessApi } from '../inProcessApi';
import { unlockedStore } from '../casework/unlockedStore';

/** A tafel test's vault: unlocked, with the profile of a privacy officer of ESSM (Rotterdam). */
export interface TafelVault {
  env(): InProcessApi;
  store(): AppStore;
  s(): ReturnType<AppStore['getState']>;
  renderApp(): void;
}

/** Registers the file's hooks: one unlocked vault with a profile for all its tests. */
export function tafelVault(): TafelVault {
  let env: InProcessApi;
  let store: AppStore;
  beforeAll(async () => {
    ({ env, store } = await unlockedStore());
    expect(await store.getState().saveProfile({ naam: 'Testa Tafel', functie: 'privacy-officer', organisatie: 'essm', regio: 'rotterdam' })).toBe(true);
    store.getState().finishProfileQuestion();
  });
  afterAll(() => env.dispose());
  afterEach(() => cleanup());
  return {
    env: () => env,
    store: () => store,
    s: () => store.getState(),
    renderApp: () =>
      render(
        <StoreProvider store={store}>
          <App />
        </StoreProvider>,
      ),
  };
}
