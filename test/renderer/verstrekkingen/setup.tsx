// What the verstrekkingen renderer tests share: a fresh unlocked vault with a synthetic profile
// (a decision records who made it), the whole App rendered within its store, and the answers of
// a CoMensha registration with the cliënt's written consent.
import { render } from '@testing-library/react';
import { beforeAll, expect } from 'vitest';
import { App } from '../../../renderer/App';
import { StoreProvider } from '../../../renderer/store/StoreProvider';
import { localToday } from '../../../shared/casework/dates';
import { screenVault, type ScreenVault } from '../casework/setup';

/** The day the tests run (the core's dates are checked against it). */
export const today = localToday();

/** The answers of a CoMensha registration with the cliënt's written consent (one list for the core and renderer tests). */
export { COMENSHA_ANTWOORDEN as COMENSHA } from '../../core/verstrekkingen/helpers';

/** A ScreenVault whose profile is `naam` (a zorgcoördinator of ESSM, Rotterdam), with the whole App to render. */
export interface VkVault extends ScreenVault {
  s(): ReturnType<ScreenVault['store']['getState']>;
  renderApp(): void;
}

/** Registers the file's hooks (see screenVault) and, before all its tests, saves the profile `naam`. */
export function vkVault(naam: string, options: { virtualLists?: boolean } = {}): VkVault {
  const vault = screenVault(options);
  beforeAll(async () => {
    const s = vault.store.getState();
    expect(await s.saveProfile({ naam, functie: 'zorgcoordinator', organisatie: 'essm', regio: 'rotterdam' })).toBe(true);
    vault.store.getState().finishProfileQuestion();
  });
  return Object.assign(vault, {
    s: () => vault.store.getState(),
    renderApp: () => {
      render(
        <StoreProvider store={vault.store}>
          <App />
        </StoreProvider>,
      );
    },
  });
}
