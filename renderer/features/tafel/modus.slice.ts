import type { ImportUitkomst, Ondertekenaar, OndertekenaarInvoer, RegionaleMonitor } from '../../../shared/tafel/monitor.schema';
import type { TafelPeriode } from '../../../shared/tafel/tafel.schema';
import { toApiError, type ApiError } from '../../platform/api';
import { caseSlice } from '../../store/caseData';
import { idleWrite, type WriteState } from '../../store/writeState';

export interface TafelModusSlice {
  /** The registered signing keys of the organisations (null: not read yet). */
  modusOndertekenaars: Ondertekenaar[] | null;
  /** The outcome of the last import: one line per file (null: none yet, or cancelled). */
  modusImport: { geannuleerd: boolean; uitkomsten: ImportUitkomst[] } | null;
  modusMonitor: RegionaleMonitor | null;
  modusError: ApiError | null;
  /** Any write of tafel mode (register, import, compile, PDF): busy and the refusal. */
  modusWrite: WriteState & { pdf: { opgeslagen: boolean; bestandsnaam?: string | undefined } | null };

  loadOndertekenaars(): Promise<void>;
  /** Null when registered; else the refusal (field problems in its issues). */
  registreerOndertekenaar(invoer: OndertekenaarInvoer): Promise<ApiError | null>;
  /** Retires a key with a reason (the core refuses an empty one). Null when retired; else the refusal. */
  trekOndertekenaarIn(id: string, reden: string): Promise<ApiError | null>;
  importeerOverzichten(periode: TafelPeriode): Promise<void>;
  stelMonitorSamen(periode: TafelPeriode): Promise<void>;
  bewaarMonitorPdf(periode: TafelPeriode): Promise<void>;
  resetModus(): void;
}

const idleModus = { ...idleWrite, pdf: null };

/** Tafel mode for the secretariaat (case data: the imported figures and the monitor are dropped on lock). */
export const tafelModusSlice = caseSlice<TafelModusSlice>()(
  () => ({
    modusOndertekenaars: null as Ondertekenaar[] | null,
    modusImport: null as TafelModusSlice['modusImport'],
    modusMonitor: null as RegionaleMonitor | null,
    modusError: null as ApiError | null,
    modusWrite: idleModus as TafelModusSlice['modusWrite'],
  }),
  (api) => (set, get) => {
    async function write<T>(work: () => Promise<T>): Promise<T | null> {
      set({ modusWrite: { ...idleModus, busy: true }, modusError: null });
      try {
        const value = await work();
        if (get().modusWrite.busy) set({ modusWrite: { ...get().modusWrite, busy: false } });
        return value;
      } catch (error) {
        set({ modusWrite: { ...idleModus, error: toApiError(error) } });
        return null;
      }
    }
    /** A change to the list of keys: busy, then the list loaded again; the refusal (also in modusWrite) or null. */
    async function wijzigEnLaad(work: () => Promise<unknown>): Promise<ApiError | null> {
      set({ modusWrite: { ...idleModus, busy: true } });
      try {
        await work();
        set({ modusWrite: idleModus });
        await get().loadOndertekenaars();
        return null;
      } catch (error) {
        const refusal = toApiError(error);
        set({ modusWrite: { ...idleModus, error: refusal } });
        return refusal;
      }
    }
    return {
      async loadOndertekenaars() {
        try {
          set({ modusOndertekenaars: (await api.call('tafelModus.listSigners', {})).ondertekenaars });
        } catch (error) {
          set({ modusError: toApiError(error) });
        }
      },

      registreerOndertekenaar: (invoer) => wijzigEnLaad(() => api.call('tafelModus.registerSigner', invoer)),

      trekOndertekenaarIn: (id, reden) => wijzigEnLaad(() => api.call('tafelModus.retireSigner', { id, reden })),

      async importeerOverzichten(periode) {
        const r = await write(() => api.call('tafelModus.import', { periode }));
        if (r) {
          set({ modusImport: r });
          // What was imported changes the monitor and the counts per key.
          if (r.uitkomsten.some((u) => u.ok)) set({ modusMonitor: null });
          void get().loadOndertekenaars();
        }
      },

      async stelMonitorSamen(periode) {
        const r = await write(() => api.call('tafelModus.compile', { periode }));
        if (r) set({ modusMonitor: r });
      },

      async bewaarMonitorPdf(periode) {
        const r = await write(() => api.call('tafelModus.savePdf', { periode }));
        if (r) set({ modusWrite: { ...idleModus, pdf: { opgeslagen: r.opgeslagen, bestandsnaam: r.bestandsnaam } } });
      },

      resetModus() {
        set({ modusImport: null, modusWrite: idleModus, modusError: null });
      },
    };
  },
);
