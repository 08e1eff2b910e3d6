import type { Client, ClientFieldsInput, ClientVerwijderReden, DubbelCheckFields, DubbelMatch } from '../../../shared/casework/client.schema';
import type { TrajectFieldsInput, TrajectSummary } from '../../../shared/casework/traject.schema';
import type { Input } from '../../../shared/ipc/contract';
import { toApiError, type ApiError } from '../../platform/api';
import { caseSlice } from '../../store/caseData';
import { freshList } from '../../store/pagedList';
import { idleWrite, type WriteState } from '../../store/writeState';

export interface ClientenSlice {
  /** The cliënt being edited. */
  client: Client | null;
  /** The trajecten of the open cliënt (pseudonym rows). */
  clientTrajecten: TrajectSummary[];
  clientError: ApiError | null;
  clientWrite: WriteState;
  /** Removing the open cliënt (its own state: the form's messages stay apart from the removal's). */
  clientRemove: WriteState;
  /** The cliënt just removed, for the announcement on the list it leads to (its code, never a name). */
  clientRemoved: { pseudoniem: string } | null;
  loadClient(id: string): Promise<void>;
  /** Creates a cliënt; on success returns it (the screen then offers to start a traject). */
  createClient(fields: ClientFieldsInput): Promise<Client | null>;
  updateClient(fields: Input<'clienten.update'>['fields']): Promise<boolean>;
  /** Starts a traject for a cliënt and opens it. */
  createTraject(clientId: string, fields: TrajectFieldsInput): Promise<boolean>;
  resetClientWrite(): void;
  /**
   * Asks the core for existing cliënten that may be this person (same BSN, or same name and
   * birth date), as pseudonym codes. Null when the question failed (the error is in clientWrite).
   */
  checkClientDuplicate(fields: DubbelCheckFields, exceptId?: string): Promise<DubbelMatch[] | null>;
  /** Removes the open cliënt (one without trajecten) with a reason, then opens the list. */
  removeClient(reden: ClientVerwijderReden, toelichting?: string): Promise<boolean>;
  resetClientRemove(): void;
  /** The list has announced the removal. */
  clearClientRemoved(): void;
}

/** The cliënt forms: read, create, change, and start a traject for a cliënt (`api` is the API client; `client` is the cliënt). */
export const clientenSlice = caseSlice<ClientenSlice>()(
  () => ({
    client: null as Client | null,
    clientTrajecten: [] as TrajectSummary[],
    clientError: null as ApiError | null,
    clientWrite: idleWrite,
    clientRemove: idleWrite,
    clientRemoved: null as { pseudoniem: string } | null,
  }),
  (api) => (set, get) => ({
    async loadClient(id) {
      set({ clientError: null, clientWrite: idleWrite, clientRemove: idleWrite });
      if (get().client?.id !== id) set({ client: null, clientTrajecten: [] });
      try {
        const [found, trajecten] = await Promise.all([
          api.call('clienten.get', { id }),
          api.call('trajecten.list', { filter: { clientId: id, sort: 'aanmelddatum', richting: 'desc' }, page: { offset: 0, limit: 100 } }),
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
        const created = await api.call('clienten.create', { fields });
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
        const updated = await api.call('clienten.update', { id: current.id, version: current.version, fields });
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
        const { id } = await api.call('trajecten.create', { clientId, fields });
        set({ clientWrite: idleWrite, trajectList: freshList(get().trajectList) });
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

    async checkClientDuplicate(fields, exceptId) {
      try {
        const { matches } = await api.call('clienten.checkDuplicate', exceptId ? { fields, exceptId } : { fields });
        return matches;
      } catch (error) {
        set({ clientWrite: { busy: false, error: toApiError(error) } });
        return null;
      }
    },

    async removeClient(reden, toelichting) {
      const current = get().client;
      if (!current || get().clientRemove.busy) return false;
      set({ clientRemove: { busy: true, error: null } });
      try {
        const { pseudoniem } = await api.call('clienten.remove', { id: current.id, version: current.version, reden, ...(toelichting ? { toelichting } : {}) });
        set({ client: null, clientTrajecten: [], clientRemove: idleWrite, clientRemoved: { pseudoniem }, trajectList: freshList(get().trajectList) });
        get().openCase({ area: 'trajecten', screen: 'list' });
        return true;
      } catch (error) {
        const apiError = toApiError(error);
        set({ clientRemove: { busy: false, error: apiError } });
        // Changed elsewhere meanwhile (or a traject was started): read it again, so the screen shows what is true now.
        if (apiError.code === 'CONFLICT') {
          try {
            const [found, trajecten] = await Promise.all([
              api.call('clienten.get', { id: current.id }),
              api.call('trajecten.list', { filter: { clientId: current.id, sort: 'aanmelddatum', richting: 'desc' }, page: { offset: 0, limit: 100 } }),
            ]);
            set({ client: found, clientTrajecten: trajecten.items });
          } catch {
            // The removal's own error says what happened; a failed re-read changes nothing shown.
          }
        }
        return false;
      }
    },

    resetClientRemove() {
      set({ clientRemove: idleWrite });
    },

    clearClientRemoved() {
      set({ clientRemoved: null });
    },
  }),
);
