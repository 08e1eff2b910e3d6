import type { StateCreator } from 'zustand';
import type { ApiClient } from '../platform/api';
import type { AppState } from './appStore';

/**
 * A slice that holds case data (names, pseudonyms, journal text, lists read from the vault, the
 * screen that shows them). Such a slice is declared with `caseSlice`: its data values come from
 * `caseData()` and only from there, and the app store restores every case slice's `caseData()`
 * when the vault stops being open. A new slice joins the lock reset by being declared this way;
 * test/renderer/caseData.test.ts fails for a store key that holds data outside it.
 */
export interface CaseSlice<S> {
  /** The slice's data values before anything was read from the vault (restored on lock). */
  caseData(): Partial<S>;
  create(api: ApiClient): StateCreator<AppState, [], [], S>;
}

/**
 * Declares a case slice `S`: `caseData` gives its data values, `actions` the rest (its actions).
 * Curried so `S` is written once and the data's keys are inferred from `caseData`.
 */
export function caseSlice<S extends object>() {
  return <D extends Partial<S>>(caseData: () => D, actions: (api: ApiClient) => StateCreator<AppState, [], [], Omit<S, keyof D>>): CaseSlice<S> => ({
    caseData,
    create: (api) => (set, get, store) => ({ ...caseData(), ...actions(api)(set, get, store) }) as unknown as S,
  });
}

/** The case data of all these slices in its starting state: what the store holds after a lock. */
export function initialCaseData(slices: readonly CaseSlice<object>[]): Record<string, unknown> {
  return Object.assign({}, ...slices.map((s) => s.caseData()));
}
