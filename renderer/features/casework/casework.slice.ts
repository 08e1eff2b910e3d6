import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../platform/api';
import type { AppState } from '../../store/appStore';
import { createCaseNavSlice, initialCaseNav, type CaseNavSlice } from './caseNav.slice';
import { createMeldingenSlice, initialMeldingen, type MeldingenSlice } from './meldingen.slice';
import { createOverviewSlice, initialOverview, type OverviewSlice } from './overview.slice';
import { createTrajectenSlice, initialTrajecten, type TrajectenSlice } from './trajecten.slice';

/** Everything the casework screens keep in the store. */
export type CaseworkSlice = CaseNavSlice & TrajectenSlice & MeldingenSlice & OverviewSlice;

/** Every casework value in its starting state: nothing read from the vault. */
export function initialCasework() {
  return { ...initialCaseNav(), ...initialTrajecten(), ...initialMeldingen(), ...initialOverview() };
}

/**
 * The casework slices joined into one for the app store. When the vault stops being open, all
 * case data the renderer holds is dropped at once (names, pseudonyms, journal text), whatever
 * caused the lock.
 */
export function createCaseworkSlice(client: ApiClient): StateCreator<AppState, [], [], CaseworkSlice> {
  return (set, get, api) => {
    api.subscribe((state, previous) => {
      if (previous.vaultPhase === 'unlocked' && state.vaultPhase !== 'unlocked') set(initialCasework());
    });
    return {
      ...createCaseNavSlice(set, get, api),
      ...createTrajectenSlice(client)(set, get, api),
      ...createMeldingenSlice(client)(set, get, api),
      ...createOverviewSlice(client)(set, get, api),
    };
  };
}
