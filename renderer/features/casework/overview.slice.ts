import type { Dashboard } from '../../../shared/casework/dashboard.schema';
import type { ImportResult } from '../../../shared/casework/import.schema';
import type { QuickSwitchHit, SearchHit } from '../../../shared/casework/query.schema';
import type { Output } from '../../../shared/ipc/contract';
import type { EventPayload } from '../../../shared/ipc/events';
import { ApiError, toApiError, type ApiClient } from '../../platform/api';
import type { StoreApi } from 'zustand';
import type { AppState } from '../../store/appStore';
import { caseSlice } from '../../store/caseData';
import { emptyList } from '../../store/pagedList';

/** The import file main's dialog chose: a token with its name and size, never its path. */
export type ChosenImportFile = NonNullable<Output<'import.chooseFile'>['file']>;

/** How far a running import is (the core reports it a few times a second). */
export type ImportProgress = EventPayload<'import.progress'>;

/** The import part of the screen's state. */
export interface ImportState {
  busy: boolean;
  chosen: ChosenImportFile | null;
  result: ImportResult | null;
  error: ApiError | null;
  /** The latest progress of the running import; null when none runs. */
  progress: ImportProgress | null;
  /** The answer did not come in time (OUTCOME_UNKNOWN): the real outcome comes as import.finished. */
  awaitingOutcome: boolean;
}

/** One overdue task with the pseudonym of its traject. */
export type OverdueTask = Output<'taken.listOverdue'>['items'][number];

export interface OverviewSlice {
  dashboard: Dashboard | null;
  dashboardError: ApiError | null;
  /** The year the person chose for the monitor figures (null: this year); kept while they move around. */
  dashboardJaar: number | null;
  overdue: { items: OverdueTask[]; total: number | null; busy: boolean; error: ApiError | null };
  /** Open tasks whose reminder day has come but whose due date has not passed yet. */
  reminders: OverdueTask[];
  /** `totaal`: how many matches there are in all (the hits are the first, most relevant ones). */
  search: { q: string; hits: SearchHit[] | null; totaal: number; busy: boolean; error: ApiError | null };
  quickSwitch: { q: string; hits: QuickSwitchHit[]; error: ApiError | null };
  importState: ImportState;

  /** Reads the dashboard, with the monitor figures of the chosen year. */
  loadDashboard(): Promise<void>;
  /** Chooses the year of the monitor figures and reads them (the figures shown stay until they are there). */
  chooseDashboardJaar(jaar: number): Promise<void>;
  /** Loads the first page of overdue tasks, or the next one with `more`. */
  loadOverdue(more?: boolean): Promise<void>;
  runSearch(q: string): Promise<void>;
  runQuickSwitch(q: string): Promise<void>;
  /** Asks main to show the file dialog; a cancel keeps the file chosen before. */
  chooseImportFile(): Promise<void>;
  /**
   * Checks (dryRun) or imports the chosen file; the core streams it from disk. `opnieuw`: the
   * person confirmed importing a file that was imported before.
   */
  importChosen(dryRun: boolean, opnieuw?: boolean): Promise<boolean>;
  /** Clears the outcome shown (the chosen file stays). */
  resetImport(): void;
  /** Follows a running import's progress and late outcome (events); returns the unsubscribe. */
  watchImport(): () => void;
}

/** Initial state (also restored when the vault locks). */
export function initialOverview() {
  return {
    dashboard: null,
    dashboardError: null,
    dashboardJaar: null as number | null,
    overdue: { items: [] as OverdueTask[], total: null, busy: false, error: null },
    reminders: [] as OverdueTask[],
    search: { q: '', hits: null, totaal: 0, busy: false, error: null },
    quickSwitch: { q: '', hits: [] as QuickSwitchHit[], error: null },
    importState: { busy: false, chosen: null, result: null, error: null, progress: null, awaitingOutcome: false } as ImportState,
  };
}

/** Shows what an import wrote (or would write), from its answer or from its late outcome. */
function showImported(set: StoreApi<AppState>['setState'], get: StoreApi<AppState>['getState'], result: ImportResult): void {
  const { chosen } = get().importState;
  // Main forgets a file once it is imported: choosing it again is a deliberate act.
  set({ importState: { busy: false, chosen: result.dryRun ? chosen : null, result, error: null, progress: null, awaitingOutcome: false } });
  // New records: every list and the dashboard must be read again.
  if (!result.dryRun) set({ trajectList: emptyList(get().trajectList.generation + 1), meldingList: emptyList(get().meldingList.generation + 1), dashboard: null });
}

/** Dashboard, overdue tasks, full-text search, the quick switcher and the JSON import. */
export const overviewSlice = caseSlice<OverviewSlice>()(
  initialOverview,
  (api: ApiClient) => (set, get) => ({
    async loadDashboard() {
      const jaar = get().dashboardJaar;
      set({ dashboardError: null });
      try {
        // The core picks the region (the vault's profile); only the year is the person's choice here.
        const dashboard = await api.call('dashboard.get', jaar === null ? {} : { jaar });
        // A slower answer for a year chosen before is dropped: only the year chosen now counts.
        if (get().dashboardJaar === jaar) set({ dashboard });
      } catch (error) {
        if (get().dashboardJaar === jaar) set({ dashboardError: toApiError(error) });
      }
    },

    async chooseDashboardJaar(jaar) {
      set({ dashboardJaar: jaar });
      await get().loadDashboard();
    },

    async loadOverdue(more = false) {
      const current = get().overdue;
      if (current.busy) return;
      const offset = more ? current.items.length : 0;
      set({ overdue: { ...current, busy: true, error: null } });
      try {
        const [page, reminders] = await Promise.all([
          api.call('taken.listOverdue', { page: { offset, limit: 100 } }),
          more ? null : api.call('taken.listReminders', { page: { offset: 0, limit: 100 } }),
        ]);
        const items = more ? [...get().overdue.items, ...page.items] : page.items;
        set({ overdue: { items, total: page.total, busy: false, error: null } });
        if (reminders) set({ reminders: reminders.items.filter((task) => task.state !== 'verlopen') });
      } catch (error) {
        set({ overdue: { ...get().overdue, busy: false, error: toApiError(error) } });
      }
    },

    async runSearch(q) {
      const query = q.trim();
      if (!query) {
        set({ search: { q, hits: null, totaal: 0, busy: false, error: null } });
        return;
      }
      set({ search: { ...get().search, q, busy: true, error: null } });
      try {
        const { hits, totaal } = await api.call('search.query', { q: query, limit: 100 });
        if (get().search.q === q) set({ search: { q, hits, totaal, busy: false, error: null } });
      } catch (error) {
        if (get().search.q === q) set({ search: { q, hits: null, totaal: 0, busy: false, error: toApiError(error) } });
      }
    },

    async runQuickSwitch(q) {
      const query = q.trim();
      set({ quickSwitch: { q, hits: query ? get().quickSwitch.hits : [], error: null } });
      if (!query) return;
      try {
        const { hits } = await api.call('quickSwitch.query', { q: query, limit: 10 });
        // Only the answer to what is typed now counts; a slower earlier answer is dropped.
        if (get().quickSwitch.q === q) set({ quickSwitch: { q, hits, error: null } });
      } catch (error) {
        if (get().quickSwitch.q === q) set({ quickSwitch: { q, hits: [], error: toApiError(error) } });
      }
    },

    async chooseImportFile() {
      const before = get().importState;
      if (before.busy || before.awaitingOutcome) return;
      set({ importState: { ...before, busy: true } });
      try {
        const { file } = await api.call('import.chooseFile', {});
        const chosen = file ?? before.chosen;
        const same = chosen === before.chosen;
        set({ importState: { ...before, busy: false, chosen, result: same ? before.result : null, error: same ? before.error : null } });
      } catch (error) {
        set({ importState: { ...before, busy: false, result: null, error: toApiError(error) } });
      }
    },

    async importChosen(dryRun, opnieuw = false) {
      const { busy, chosen, awaitingOutcome } = get().importState;
      if (busy || awaitingOutcome || chosen === null) return false;
      set({ importState: { busy: true, chosen, result: null, error: null, progress: null, awaitingOutcome: false } });
      try {
        const result = await api.call('import.chosen', { token: chosen.token, dryRun, opnieuw });
        showImported(set, get, result);
        return true;
      } catch (error) {
        const apiError = toApiError(error);
        // Main stopped waiting, but the core may still commit: no "failed", wait for the real outcome.
        const awaiting = apiError.code === 'OUTCOME_UNKNOWN' && !dryRun;
        // NOT_FOUND: main no longer holds the file (it expired or the app locked in between).
        set({ importState: { busy: false, chosen: apiError.code === 'NOT_FOUND' ? null : chosen, result: null, error: apiError, progress: awaiting ? get().importState.progress : null, awaitingOutcome: awaiting } });
        return false;
      }
    },

    resetImport() {
      const state = get().importState;
      // An outcome still to come is not forgotten when the screen is left.
      if (state.awaitingOutcome) return;
      set({ importState: { ...state, busy: false, result: null, error: null, progress: null } });
    },

    watchImport() {
      const offProgress = api.on('import.progress', (progress) => {
        const state = get().importState;
        if (state.busy || state.awaitingOutcome) set({ importState: { ...state, progress } });
      });
      const offFinished = api.on('import.finished', (outcome) => {
        if (!get().importState.awaitingOutcome) return;
        if (outcome.ok) showImported(set, get, outcome.value);
        else set({ importState: { ...get().importState, busy: false, error: new ApiError(outcome.error.code, outcome.error.message, outcome.error.issues ? { issues: outcome.error.issues } : {}), progress: null, awaitingOutcome: false } });
      });
      return () => {
        offProgress();
        offFinished();
      };
    },
  }),
);
