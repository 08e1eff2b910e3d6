import type { TrajectFilter } from '../../../shared/casework/query.schema';
import type { JournaalEntry, TrajectDetail, TrajectSummary } from '../../../shared/casework/traject.schema';
import type { Input } from '../../../shared/ipc/contract';
import { toApiError, type ApiError } from '../../platform/api';
import { caseSlice } from '../../store/caseData';
import { emptyList, freshList, pagedLoader, type PagedList } from '../../store/pagedList';
import { idleWrite, type WriteState } from '../../store/writeState';

/** The list filter as the screen edits it (sort and direction always set). */
export type TrajectListFilter = Partial<TrajectFilter> & Pick<TrajectFilter, 'sort' | 'richting'>;

/** Journal entries a traject opens with, and how many more each "older" step loads. */
export const JOURNAL_PAGE = 100;

export interface TrajectenSlice {
  trajectFilter: TrajectListFilter;
  trajectList: PagedList<TrajectSummary>;
  trajectListError: ApiError | null;
  /** The traject that is open, as the core last returned it (its journal: the newest entries loaded so far). */
  trajectDetail: TrajectDetail | null;
  trajectDetailError: ApiError | null;
  /** The last write on the open traject (transition, journal, task, consent, fields). */
  trajectWrite: WriteState;
  /** Loading older journal entries of the open traject. */
  journalMore: WriteState;

  setTrajectFilter(filter: TrajectListFilter): void;
  /** Drops the loaded rows so the list is read again under the same filter. */
  refreshTrajectList(): void;
  /** Makes sure the rows start..end are (being) loaded. */
  loadTrajectRows(start: number, end: number): Promise<void>;
  openTraject(id: string): Promise<void>;
  transitionTraject(change: Omit<Input<'trajecten.transition'>, 'id' | 'version'>): Promise<boolean>;
  updateTraject(fields: Input<'trajecten.update'>['fields']): Promise<boolean>;
  addJournaal(entry: Omit<Input<'journaal.add'>, 'trajectId'>): Promise<boolean>;
  /** Corrects a journal entry (text or kind). */
  updateJournaal(change: Input<'journaal.update'>): Promise<boolean>;
  /** Removes a journal entry (also from the search index). */
  deleteJournaal(id: string, version: number): Promise<boolean>;
  /** Loads the next page of older journal entries of the open traject (after those shown). */
  loadOlderJournaal(): Promise<boolean>;
  addTaak(task: Omit<Input<'taken.create'>, 'trajectId'>): Promise<boolean>;
  completeTaak(id: string): Promise<boolean>;
  /** Corrects a task's title, due date or reminder (null removes the reminder). */
  updateTaak(id: string, change: Omit<Input<'taken.update'>, 'id'>): Promise<boolean>;
  addToestemming(fields: Input<'toestemmingen.add'>['fields']): Promise<boolean>;
  withdrawToestemming(id: string, datum?: string): Promise<boolean>;
  resetTrajectWrite(): void;
}

/** The default list order: recently changed first. */
export const defaultTrajectFilter: TrajectListFilter = { sort: 'bijgewerkt', richting: 'desc', open: true };

/** Trajecten: the paged list, the open traject and its changes. */
export const trajectenSlice = caseSlice<TrajectenSlice>()(
  () => ({
    trajectFilter: defaultTrajectFilter,
    trajectList: emptyList<TrajectSummary>(),
    trajectListError: null as ApiError | null,
    trajectDetail: null as TrajectDetail | null,
    trajectDetailError: null as ApiError | null,
    trajectWrite: idleWrite,
    journalMore: idleWrite,
  }),
  (api) => (set, get) => {
    /**
     * Runs a write on the open traject, then reloads it, so the screen always shows what the core
     * stored. `journalDelta` is how the number of journal entries changes (+1 add, -1 delete), so
     * older entries the person already loaded stay loaded.
     */
    async function writeOnTraject(action: (detail: TrajectDetail) => Promise<unknown>, journalDelta = 0): Promise<boolean> {
      const detail = get().trajectDetail;
      if (!detail || get().trajectWrite.busy) return false;
      set({ trajectWrite: { busy: true, error: null } });
      try {
        await action(detail);
        await reloadDetail(detail.traject.id, loadedJournal() + journalDelta);
        set({ trajectWrite: idleWrite, trajectList: freshList(get().trajectList) });
        return true;
      } catch (error) {
        set({ trajectWrite: { busy: false, error: toApiError(error) } });
        // A conflict means our copy is old: load the current one so the next try can succeed.
        if (toApiError(error).code === 'CONFLICT') await reloadDetail(detail.traject.id, loadedJournal());
        return false;
      }
    }

    function loadedJournal(): number {
      return get().trajectDetail?.journaal.length ?? 0;
    }

    /** Reads the traject with its newest `keepJournal` journal entries (at least one page). */
    async function reloadDetail(id: string, keepJournal = JOURNAL_PAGE): Promise<void> {
      try {
        const detail = await api.call('trajecten.get', { id, journaalLimit: JOURNAL_PAGE });
        let journaal = detail.journaal;
        let total = detail.journaalTotaal;
        // Older pages the person had loaded: read them again, so what is shown is one unbroken run of the newest entries.
        while (journaal.length < Math.min(keepJournal, total)) {
          const page = await api.call('journaal.list', { trajectId: id, page: { offset: journaal.length, limit: Math.min(500, keepJournal - journaal.length) } });
          const before = journaal.length;
          journaal = appendNew(journaal, page.items);
          total = page.total;
          if (journaal.length === before) break;
        }
        set({ trajectDetail: { ...detail, journaal, journaalTotaal: total }, trajectDetailError: null, journalMore: idleWrite });
      } catch (error) {
        set({ trajectDetailError: toApiError(error) });
      }
    }

    const list = pagedLoader<TrajectSummary, TrajectListFilter>({
      read: () => ({ list: get().trajectList, filter: get().trajectFilter }),
      write: ({ list, filter, error }) => set({ trajectList: list, ...(filter ? { trajectFilter: filter } : {}), ...(error !== undefined ? { trajectListError: error } : {}) }),
      fetchPage: (filter, page) => api.call('trajecten.list', { filter, page }),
    });

    return {
      setTrajectFilter: list.setFilter,
      refreshTrajectList: list.refresh,
      loadTrajectRows: list.loadRows,

      async openTraject(id) {
        if (get().trajectDetail?.traject.id !== id) set({ trajectDetail: null });
        set({ trajectDetailError: null, trajectWrite: idleWrite, journalMore: idleWrite });
        await reloadDetail(id);
      },

      transitionTraject(change) {
        return writeOnTraject((d) => api.call('trajecten.transition', { ...change, id: d.traject.id, version: d.traject.version }));
      },
      updateTraject(fields) {
        return writeOnTraject((d) => api.call('trajecten.update', { id: d.traject.id, version: d.traject.version, fields }));
      },
      addJournaal(entry) {
        return writeOnTraject((d) => api.call('journaal.add', { ...entry, trajectId: d.traject.id }), +1);
      },
      updateJournaal(change) {
        return writeOnTraject(() => api.call('journaal.update', change));
      },
      deleteJournaal(id, version) {
        return writeOnTraject(() => api.call('journaal.delete', { id, version }), -1);
      },

      async loadOlderJournaal() {
        const detail = get().trajectDetail;
        if (!detail || get().journalMore.busy || detail.journaal.length >= detail.journaalTotaal) return false;
        set({ journalMore: { busy: true, error: null } });
        try {
          const page = await api.call('journaal.list', { trajectId: detail.traject.id, page: { offset: detail.journaal.length, limit: JOURNAL_PAGE } });
          const now = get().trajectDetail;
          // Another traject was opened, or a write reloaded this one meanwhile: that answer is the truth now.
          if (now !== detail) {
            set({ journalMore: idleWrite });
            return false;
          }
          set({ trajectDetail: { ...now, journaal: appendNew(now.journaal, page.items), journaalTotaal: page.total }, journalMore: idleWrite });
          return true;
        } catch (error) {
          set({ journalMore: { busy: false, error: toApiError(error) } });
          return false;
        }
      },
      addTaak(task) {
        return writeOnTraject((d) => api.call('taken.create', { ...task, trajectId: d.traject.id }));
      },
      completeTaak(id) {
        return writeOnTraject(() => api.call('taken.complete', { id }));
      },
      updateTaak(id, change) {
        return writeOnTraject(() => api.call('taken.update', { ...change, id }));
      },
      addToestemming(fields) {
        return writeOnTraject((d) => api.call('toestemmingen.add', { trajectId: d.traject.id, fields }));
      },
      withdrawToestemming(id, datum) {
        return writeOnTraject(() => api.call('toestemmingen.withdraw', datum ? { id, datum } : { id }));
      },
      resetTrajectWrite() {
        set({ trajectWrite: idleWrite });
      },
    };
  },
);

/** `more` after `shown`, without entries already shown (a page can overlap when entries were added meanwhile). */
function appendNew(shown: JournaalEntry[], more: readonly JournaalEntry[]): JournaalEntry[] {
  const ids = new Set(shown.map((j) => j.id));
  return [...shown, ...more.filter((j) => !ids.has(j.id))];
}
