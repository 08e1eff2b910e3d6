import type { Client, ClientFieldsInput } from '../../../shared/casework/client.schema';
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
  loadClient(id: string): Promise<void>;
  /** Creates a cliënt; on success returns it (the screen then offers to start a traject). */
  createClient(fields: ClientFieldsInput): Promise<Client | null>;
  updateClient(fields: Input<'clienten.update'>['fields']): Promise<boolean>;
  /** Starts a traject for a cliënt and opens it. */
  createTraject(clientId: string, fields: TrajectFieldsInput): Promise<boolean>;
  resetClientWrite(): void;
}

/** The cliënt forms: read, create, change, and start a traject for a cliënt (`api` is the API client; `client` is the cliënt). */
export const clientenSlice = caseSlice<ClientenSlice>()(
  () => ({ client: null as Client | null, clientTrajecten: [] as TrajectSummary[], clientError: null as ApiError | null, clientWrite: idleWrite }),
  (api) => (set, get) => ({
    async loadClient(id) {
      set({ clientError: null, clientWrite: idleWrite });
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
  }),
);
