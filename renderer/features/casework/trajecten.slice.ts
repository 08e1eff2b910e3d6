import type { StateCreator } from 'zustand';
import type { Client, ClientFieldsInput } from '../../../shared/casework/client.schema';
import type { TrajectFilter, SavedView } from '../../../shared/casework/query.schema';
import type { JournaalEntry, TrajectDetail, TrajectFieldsInput, TrajectSummary } from '../../../shared/casework/traject.schema';
import type { Input } from '../../../shared/ipc/contract';
import { toApiError, type ApiClient, type ApiError } from '../../platform/api';
import type { AppState } from '../../store/appStore';
import { emptyList, missingPages, PAGE_SIZE, type PagedList } from './pagedList';

/** The list filter as the screen edits it (sort and direction always set). */
export type TrajectListFilter = Partial<TrajectFilter> & Pick<TrajectFilter, 'sort' | 'richting'>;

/** The state of one write (a form): busy, and the core's refusal if any. */
export interface WriteState {
  busy: boolean;
  error: ApiError | null;
}

export const idleWrite: WriteState = { busy: false, error: null };

/** The lists a saved view can belong to on these screens. */
export type ViewList = 'trajecten' | 'meldingen';

/** Journal entries a traject opens with, and how many more each "older" step loads. */
export const JOURNAL_PAGE = 100;

export interface TrajectenSlice {
  trajectFilter: TrajectListFilter;
  trajectList: PagedList<TrajectSummary>;
  trajectListError: ApiError | null;
  savedViews: SavedView[];
  /** The last refusal of a saved-view action (load, save, delete). */
  viewsError: ApiError | null;
  /** The traject that is open, as the core last returned it (its journal: the newest entries loaded so far). */
  trajectDetail: TrajectDetail | null;
  trajectDetailError: ApiError | null;
  /** The last write on the open traject (transition, journal, task, consent, fields). */
  trajectWrite: WriteState;
  /** Loading older journal entries of the open traject. */
  journalMore: WriteState;
  /** The cliënt being edited. */
  client: Client | null;
  /** The trajecten of the open cliënt (pseudonym rows). */
  clientTrajecten: TrajectSummary[];
  clientError: ApiError | null;
  clientWrite: WriteState;

  setTrajectFilter(filter: TrajectListFilter): void;
  /** Drops the loaded rows so the list is read again under the same filter. */
  refreshTrajectList(): void;
  /** Makes sure the rows start..end are (being) loaded. */
  loadTrajectRows(start: number, end: number): Promise<void>;
  loadViews(): Promise<void>;
  /** Saves the current filter of `lijst` under a name. */
  saveView(naam: string, lijst: ViewList): Promise<boolean>;
  /** Makes a saved view's filter the filter of its own list. */
  applyView(view: SavedView): void;
  deleteView(id: string): Promise<boolean>;
  openTraject(id: string): Promise<void>;
  transitionTraject(change: Omit<Input<'trajecten.transition'>, 'id' | 'version'>): Promise<boolean>;
  updateTraject(fields: Input<'trajecten.update'>['fields']): Promise<boolean>;
  addJournal(entry: Omit<Input<'trajecten.addJournal'>, 'trajectId'>): Promise<boolean>;
  /** Corrects a journal entry (text or kind). */
  updateJournal(change: Input<'trajecten.updateJournal'>): Promise<boolean>;
  /** Removes a journal entry (also from the search index). */
  deleteJournal(id: string, version: number): Promise<boolean>;
  /** Loads the next page of older journal entries of the open traject (after those shown). */
  loadOlderJournal(): Promise<boolean>;
  addTask(task: Omit<Input<'tasks.create'>, 'trajectId'>): Promise<boolean>;
  completeTask(id: string): Promise<boolean>;
  addToestemming(fields: Input<'toestemmingen.add'>['fields']): Promise<boolean>;
  withdrawToestemming(id: string, datum?: string): Promise<boolean>;
  resetTrajectWrite(): void;
  loadClient(id: string): Promise<void>;
  /** Creates a cliënt; on success returns it (the screen then offers to start a traject). */
  createClient(fields: ClientFieldsInput): Promise<Client | null>;
  updateClient(fields: Input<'clienten.update'>['fields']): Promise<boolean>;
  /** Starts a traject for a cliënt and opens it. */
  createTraject(clientId: string, fields: TrajectFieldsInput): Promise<boolean>;
  resetClientWrite(): void;
}

/** The default list order: recently changed first. */
export const defaultTrajectFilter: TrajectListFilter = { sort: 'bijgewerkt', richting: 'desc', open: true };

/** Initial state (also restored when the vault locks). */
export function initialTrajecten() {
  return {
    trajectFilter: defaultTrajectFilter,
    trajectList: emptyList<TrajectSummary>(),
    trajectListError: null,
    savedViews: [] as SavedView[],
    viewsError: null,
    trajectDetail: null,
    trajectDetailError: null,
    trajectWrite: idleWrite,
    journalMore: idleWrite,
    client: null,
    clientTrajecten: [] as TrajectSummary[],
    clientError: null,
    clientWrite: idleWrite,
  };
}

/** Trajecten: the paged list, saved views, the open traject and its changes, cliënt forms. */
export function createTrajectenSlice(client: ApiClient): StateCreator<AppState, [], [], TrajectenSlice> {
  return (set, get) => {
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
        set({ trajectWrite: idleWrite, trajectList: emptyList(get().trajectList.generation + 1) });
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
        const detail = await client.call('trajecten.get', { id, journaalLimit: JOURNAL_PAGE });
        let journaal = detail.journaal;
        let total = detail.journaalTotaal;
        // Older pages the person had loaded: read them again, so what is shown is one unbroken run of the newest entries.
        while (journaal.length < Math.min(keepJournal, total)) {
          const page = await client.call('trajecten.listJournal', { trajectId: id, page: { offset: journaal.length, limit: Math.min(500, keepJournal - journaal.length) } });
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

    /** Sets the filter of the list a view belongs to. */
    function setListFilter(view: SavedView): void {
      const { definitie } = view;
      if (definitie.lijst === 'trajecten') get().setTrajectFilter({ ...definitie.filter });
      else if (definitie.lijst === 'meldingen') get().setMeldingFilter({ ...definitie.filter });
    }

    return {
      ...initialTrajecten(),

      setTrajectFilter(filter) {
        set({ trajectFilter: filter, trajectList: emptyList(get().trajectList.generation + 1), trajectListError: null });
      },

      refreshTrajectList() {
        set({ trajectList: emptyList(get().trajectList.generation + 1), trajectListError: null });
      },

      async loadTrajectRows(start, end) {
        const list = get().trajectList;
        const pages = missingPages(list, start, end);
        if (pages.length === 0) return;
        const generation = list.generation;
        set({ trajectList: { ...list, loading: [...list.loading, ...pages] } });
        const { sort, richting, ...rest } = get().trajectFilter;
        await Promise.all(
          pages.map(async (page) => {
            try {
              const result = await client.call('trajecten.list', { filter: { ...rest, sort, richting }, page: { offset: page * PAGE_SIZE, limit: PAGE_SIZE } });
              const now = get().trajectList;
              if (now.generation !== generation) return;
              set({ trajectList: { ...now, total: result.total, pages: { ...now.pages, [page]: result.items }, loading: now.loading.filter((p) => p !== page) } });
            } catch (error) {
              const now = get().trajectList;
              if (now.generation !== generation) return;
              set({ trajectListError: toApiError(error), trajectList: { ...now, loading: now.loading.filter((p) => p !== page) } });
            }
          }),
        );
      },

      async loadViews() {
        try {
          const { views } = await client.call('views.list', {});
          set({ savedViews: views, viewsError: null });
        } catch (error) {
          set({ viewsError: toApiError(error) });
        }
      },

      async saveView(naam, lijst) {
        try {
          const definitie = lijst === 'trajecten' ? { lijst, filter: get().trajectFilter } : { lijst, filter: get().meldingFilter };
          await client.call('views.save', { naam, definitie });
          await get().loadViews();
          return true;
        } catch (error) {
          set({ viewsError: toApiError(error) });
          return false;
        }
      },

      applyView(view) {
        setListFilter(view);
      },

      async deleteView(id) {
        try {
          await client.call('views.delete', { id });
          await get().loadViews();
          return true;
        } catch (error) {
          set({ viewsError: toApiError(error) });
          return false;
        }
      },

      async openTraject(id) {
        if (get().trajectDetail?.traject.id !== id) set({ trajectDetail: null });
        set({ trajectDetailError: null, trajectWrite: idleWrite, journalMore: idleWrite });
        await reloadDetail(id);
      },

      transitionTraject(change) {
        return writeOnTraject((d) => client.call('trajecten.transition', { ...change, id: d.traject.id, version: d.traject.version }));
      },
      updateTraject(fields) {
        return writeOnTraject((d) => client.call('trajecten.update', { id: d.traject.id, version: d.traject.version, fields }));
      },
      addJournal(entry) {
        return writeOnTraject((d) => client.call('trajecten.addJournal', { ...entry, trajectId: d.traject.id }), +1);
      },
      updateJournal(change) {
        return writeOnTraject(() => client.call('trajecten.updateJournal', change));
      },
      deleteJournal(id, version) {
        return writeOnTraject(() => client.call('trajecten.deleteJournal', { id, version }), -1);
      },

      async loadOlderJournal() {
        const detail = get().trajectDetail;
        if (!detail || get().journalMore.busy || detail.journaal.length >= detail.journaalTotaal) return false;
        set({ journalMore: { busy: true, error: null } });
        try {
          const page = await client.call('trajecten.listJournal', { trajectId: detail.traject.id, page: { offset: detail.journaal.length, limit: JOURNAL_PAGE } });
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
      addTask(task) {
        return writeOnTraject((d) => client.call('tasks.create', { ...task, trajectId: d.traject.id }));
      },
      completeTask(id) {
        return writeOnTraject(() => client.call('tasks.complete', { id }));
      },
      addToestemming(fields) {
        return writeOnTraject((d) => client.call('toestemmingen.add', { trajectId: d.traject.id, fields }));
      },
      withdrawToestemming(id, datum) {
        return writeOnTraject(() => client.call('toestemmingen.withdraw', datum ? { id, datum } : { id }));
      },
      resetTrajectWrite() {
        set({ trajectWrite: idleWrite });
      },

      async loadClient(id) {
        set({ clientError: null, clientWrite: idleWrite });
        if (get().client?.id !== id) set({ client: null, clientTrajecten: [] });
        try {
          const [found, trajecten] = await Promise.all([
            client.call('clienten.get', { id }),
            client.call('trajecten.list', { filter: { clientId: id, sort: 'aanmelddatum', richting: 'desc' }, page: { offset: 0, limit: 100 } }),
          ]);
          set({ client: found, clientTrajecten: trajecten.items });
        } catch (error) {
          set({ clientError: toApiError(error) });
        }
      },

      async createClient(fields) {
        if (get().clientWrite.busy) return null;
        set({ clientWrite: { busy: true, error: null } });
        try {
          const created = await client.call('clienten.create', { fields });
          set({ client: created, clientWrite: idleWrite });
          return created;
        } catch (error) {
          set({ clientWrite: { busy: false, error: toApiError(error) } });
          return null;
        }
      },

      async updateClient(fields) {
        const current = get().client;
        if (!current || get().clientWrite.busy) return false;
        set({ clientWrite: { busy: true, error: null } });
        try {
          const updated = await client.call('clienten.update', { id: current.id, version: current.version, fields });
          set({ client: updated, clientWrite: idleWrite });
          return true;
        } catch (error) {
          set({ clientWrite: { busy: false, error: toApiError(error) } });
          return false;
        }
      },

      async createTraject(clientId, fields) {
        if (get().clientWrite.busy) return false;
        set({ clientWrite: { busy: true, error: null } });
        try {
          const { id } = await client.call('trajecten.create', { clientId, fields });
          set({ clientWrite: idleWrite, trajectList: emptyList(get().trajectList.generation + 1) });
          get().openCase({ area: 'trajecten', screen: 'traject', id });
          await get().openTraject(id);
          return true;
        } catch (error) {
          set({ clientWrite: { busy: false, error: toApiError(error) } });
          return false;
        }
      },

      resetClientWrite() {
        set({ clientWrite: idleWrite });
      },
    };
  };
}

/** `more` after `shown`, without entries already shown (a page can overlap when entries were added meanwhile). */
function appendNew(shown: JournaalEntry[], more: readonly JournaalEntry[]): JournaalEntry[] {
  const ids = new Set(shown.map((j) => j.id));
  return [...shown, ...more.filter((j) => !ids.has(j.id))];
}
