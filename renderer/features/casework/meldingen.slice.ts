import { IsoDate } from '../../../shared/casework/common.schema';
import type { Melding, MeldingFieldsInput, MeldingSummary } from '../../../shared/casework/melding.schema';
import type { MeldingFilter } from '../../../shared/casework/query.schema';
import type { Input, Output } from '../../../shared/ipc/contract';
import { ApiError, toApiError, type ApiClient } from '../../platform/api';
import { caseSlice } from '../../store/caseData';
import { emptyList, freshList, pagedLoader, type PagedList } from '../../store/pagedList';
import { idleWrite, type WriteState } from '../../store/writeState';

/** The meldingen filter as the screen edits it. */
export type MeldingListFilter = Partial<MeldingFilter> & Pick<MeldingFilter, 'sort' | 'richting'>;

/** Why a vanaf/tot pair cannot filter the list, or null when it can (either may be empty). */
export type DateRangeProblem = 'vanafInvalid' | 'totInvalid' | 'order' | null;

/** Checks the date range of the meldingen filter before it is applied, so a wrong range never empties the list. */
export function dateRangeProblem(vanaf: string, tot: string): DateRangeProblem {
  if (vanaf !== '' && !IsoDate.safeParse(vanaf).success) return 'vanafInvalid';
  if (tot !== '' && !IsoDate.safeParse(tot).success) return 'totInvalid';
  // ISO dates compare correctly as text.
  if (vanaf !== '' && tot !== '' && vanaf > tot) return 'order';
  return null;
}

/** The regions with their gemeenten, for pick lists. */
export type RegioList = Output<'gemeenten.list'>['regios'];

export interface MeldingenSlice {
  meldingFilter: MeldingListFilter;
  meldingList: PagedList<MeldingSummary>;
  meldingListError: ApiError | null;
  /** The melding that is open (with the core's routing advice). */
  melding: Melding | null;
  meldingError: ApiError | null;
  meldingWrite: WriteState;
  regios: RegioList;

  setMeldingFilter(filter: MeldingListFilter): void;
  /** Drops the loaded rows so the list is read again under the same filter. */
  refreshMeldingList(): void;
  loadMeldingRows(start: number, end: number): Promise<void>;
  loadGemeenten(): Promise<void>;
  /** Registers a melding; on success it is open, with its advice. */
  createMelding(fields: MeldingFieldsInput): Promise<Melding | null>;
  openMelding(id: string): Promise<void>;
  /** Changes or corrects the open melding (any field; null removes an optional one). */
  updateMelding(fields: Input<'meldingen.update'>['fields']): Promise<boolean>;
  /** Turns the open melding into a traject (new or existing cliënt) and opens that traject. */
  convertMelding(client: Input<'meldingen.convertToTraject'>['client'], fields?: Input<'meldingen.convertToTraject'>['fields']): Promise<boolean>;
  /** Turns the open melding into a traject for the existing cliënt with this pseudonym code. */
  convertMeldingForPseudonym(pseudoniem: string, fields?: Input<'meldingen.convertToTraject'>['fields']): Promise<boolean>;
  resetMeldingWrite(): void;
}

/** Meldingen of the meld- en adviespunt: list, register, conclusion, feedback, turn into a traject. */
export const meldingenSlice = caseSlice<MeldingenSlice>()(
  () => ({
    meldingFilter: { sort: 'datum', richting: 'desc' } as MeldingListFilter,
    meldingList: emptyList<MeldingSummary>(),
    meldingListError: null as ApiError | null,
    melding: null as Melding | null,
    meldingError: null as ApiError | null,
    meldingWrite: idleWrite,
    regios: [] as RegioList,
  }),
  (api: ApiClient) => (set, get) => {
    const list = pagedLoader<MeldingSummary, MeldingListFilter>({
      read: () => ({ list: get().meldingList, filter: get().meldingFilter }),
      write: ({ list, filter, error }) => set({ meldingList: list, ...(filter ? { meldingFilter: filter } : {}), ...(error !== undefined ? { meldingListError: error } : {}) }),
      fetchPage: (filter, page) => api.call('meldingen.list', { filter, page }),
    });
    return {
      setMeldingFilter: list.setFilter,
      refreshMeldingList: list.refresh,
      loadMeldingRows: list.loadRows,

      async loadGemeenten() {
        if (get().regios.length > 0) return;
        try {
          const { regios } = await api.call('gemeenten.list', {});
          set({ regios });
        } catch (error) {
          set({ meldingError: toApiError(error) });
        }
      },

      async createMelding(fields) {
        if (get().meldingWrite.busy) return null;
        set({ meldingWrite: { busy: true, error: null } });
        try {
          const melding = await api.call('meldingen.create', { fields });
          set({ melding, meldingWrite: idleWrite, meldingList: freshList(get().meldingList) });
          return melding;
        } catch (error) {
          set({ meldingWrite: { busy: false, error: toApiError(error) } });
          return null;
        }
      },

      async openMelding(id) {
        if (get().melding?.id !== id) set({ melding: null });
        set({ meldingError: null, meldingWrite: idleWrite });
        try {
          set({ melding: await api.call('meldingen.get', { id }) });
        } catch (error) {
          set({ meldingError: toApiError(error) });
        }
      },

      async updateMelding(fields) {
        const current = get().melding;
        if (!current || get().meldingWrite.busy) return false;
        set({ meldingWrite: { busy: true, error: null } });
        try {
          const melding = await api.call('meldingen.update', { id: current.id, version: current.version, fields });
          set({ melding, meldingWrite: idleWrite, meldingList: freshList(get().meldingList) });
          return true;
        } catch (error) {
          const apiError = toApiError(error);
          set({ meldingWrite: { busy: false, error: apiError } });
          // Our copy is old: read the melding as it is now, so the next try can succeed (the message stays).
          if (apiError.code === 'CONFLICT') {
            try {
              set({ melding: await api.call('meldingen.get', { id: current.id }) });
            } catch {
              // The conflict message says enough; a failed re-read changes nothing shown.
            }
          }
          return false;
        }
      },

      async convertMelding(clientChoice, fields) {
        const current = get().melding;
        if (!current || get().meldingWrite.busy) return false;
        set({ meldingWrite: { busy: true, error: null } });
        try {
          const { trajectId } = await api.call('meldingen.convertToTraject', { meldingId: current.id, client: clientChoice, ...(fields ? { fields } : {}) });
          set({ meldingWrite: idleWrite, melding: null, meldingList: freshList(get().meldingList), trajectList: freshList(get().trajectList) });
          get().openCase({ area: 'trajecten', screen: 'traject', id: trajectId });
          await get().openTraject(trajectId);
          return true;
        } catch (error) {
          set({ meldingWrite: { busy: false, error: toApiError(error) } });
          return false;
        }
      },

      async convertMeldingForPseudonym(pseudoniem, fields) {
        if (get().meldingWrite.busy) return false;
        try {
          const { hits } = await api.call('quickSwitch.query', { q: pseudoniem, limit: 10 });
          const hit = hits.find((h) => h.pseudoniem === pseudoniem);
          if (!hit) {
            set({ meldingWrite: { busy: false, error: new ApiError('NOT_FOUND', 'No cliënt with this pseudonym') } });
            return false;
          }
          return await get().convertMelding({ clientId: hit.clientId }, fields);
        } catch (error) {
          set({ meldingWrite: { busy: false, error: toApiError(error) } });
          return false;
        }
      },

      resetMeldingWrite() {
        set({ meldingWrite: idleWrite });
      },
    };
  },
);
