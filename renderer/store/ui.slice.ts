import type { StateCreator } from 'zustand';
import type { AppState } from './appStore';

/** The areas in the main navigation, in menu order. */
export const areas = ['trajecten', 'meldingen', 'riec', 'verstrekkingen', 'regionaleTafel', 'audit'] as const;
/** One area of the main navigation. */
export type Area = (typeof areas)[number];
/** Everything the frame can show (the profile and the partner register are reached from Settings). */
export type Route = Area | 'settings' | 'profiel' | 'partners';
/** Which form the unlock screen shows. */
export type GateView = 'passphrase' | 'recover';

export interface UiSlice {
  route: Route;
  gateView: GateView;
  navigate(route: Route): void;
  showGate(view: GateView): void;
  resetUi(): void;
}

/** Navigation state: a small state router (no URL, so a reload after lock starts clean). */
export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  route: 'trajecten',
  gateView: 'passphrase',
  navigate(route) {
    set({ route });
  },
  showGate(gateView) {
    set({ gateView, gate: { busy: false, error: null, retryUntil: null, done: false } });
  },
  resetUi() {
    set({ route: 'trajecten', gateView: 'passphrase' });
  },
});
