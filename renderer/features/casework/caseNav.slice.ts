import { caseSlice } from '../../store/caseData';

/** A screen inside the Trajecten area (the dashboard is its start screen). */
export type TrajectenView =
  | { screen: 'dashboard' }
  | { screen: 'list' }
  | { screen: 'traject'; id: string }
  | { screen: 'clientNew' }
  | { screen: 'client'; id: string }
  | { screen: 'trajectNew'; clientId: string }
  | { screen: 'overdue' }
  | { screen: 'search' }
  | { screen: 'import' };

/** A screen inside the Meldingen area. */
export type MeldingenView = { screen: 'list' } | { screen: 'new' } | { screen: 'melding'; id: string };

/** Any casework screen, with the area it lives in. */
export type CaseTarget = ({ area: 'trajecten' } & TrajectenView) | ({ area: 'meldingen' } & MeldingenView);

export interface CaseNavSlice {
  trajectenView: TrajectenView;
  meldingenView: MeldingenView;
  quickSwitcherOpen: boolean;
  /** Opens a casework screen; switches the main navigation to its area. */
  openCase(target: CaseTarget): void;
  setQuickSwitcherOpen(open: boolean): void;
}

/**
 * Navigation inside the casework areas: which sub-screen each area shows. Case data too: a
 * screen's id names a record, and after a lock the next person starts at the dashboard.
 */
export const caseNavSlice = caseSlice<CaseNavSlice>()(
  () => ({ trajectenView: { screen: 'dashboard' } as TrajectenView, meldingenView: { screen: 'list' } as MeldingenView, quickSwitcherOpen: false }),
  () => (set, get) => ({
    openCase(target) {
      if (target.area === 'trajecten') {
        const { area: _area, ...view } = target;
        set({ trajectenView: view });
      } else {
        const { area: _area, ...view } = target;
        set({ meldingenView: view });
      }
      if (get().route !== target.area) get().navigate(target.area);
    },
    setQuickSwitcherOpen(open) {
      set({ quickSwitcherOpen: open });
    },
  }),
);
