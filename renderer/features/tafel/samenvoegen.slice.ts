import type { Output } from '../../../shared/ipc/contract';
import type { Collega, CollegaInvoer, OntvangerInfo, OntvangstsleutelInfo } from '../../../shared/tafel/telbestand.schema';
import type { TafelPeriode } from '../../../shared/tafel/tafel.schema';
import { toApiError, type ApiError } from '../../platform/api';
import { caseSlice } from '../../store/caseData';
import { idleWrite, type WriteState } from '../../store/writeState';

/** What the last action of the combine step gave, for the announcement. */
export type SamenvoegenUitkomst =
  | { soort: 'sleutel-bewaard'; bestandsnaam: string }
  | { soort: 'ontvanger-gekozen' }
  | { soort: 'gelezen'; bestandsnaam: string; uitkomst: Extract<Output<'tafelSamenvoegen.leesTelbestand'>, { gekozen: true }>['uitkomst'] }
  | { soort: 'telbestand'; bestandsnaam: string; clienten: number; meldingen: number }
  | { soort: 'geannuleerd' };

export interface TafelSamenvoegenSlice {
  svSleutel: OntvangstsleutelInfo | null;
  svCollegas: Collega[];
  svOntvanger: OntvangerInfo | null;
  svStatus: Output<'tafelSamenvoegen.status'> | null;
  svGeladen: boolean;
  svUitkomst: SamenvoegenUitkomst | null;
  svWrite: WriteState;

  loadSamenvoegen(): Promise<void>;
  loadSamenvoegenStatus(periode: TafelPeriode): Promise<void>;
  maakOntvangstsleutel(): Promise<void>;
  bewaarOntvangstsleutel(): Promise<void>;
  /** Null when registered; else the refusal (field problems in its issues). */
  registreerCollega(invoer: CollegaInvoer): Promise<ApiError | null>;
  /** Revokes a colleague: new count files of that key are refused. Null when revoked; else the refusal. */
  trekCollegaIn(id: string): Promise<ApiError | null>;
  leesTelbestand(periode: TafelPeriode): Promise<void>;
  kiesOntvanger(): Promise<void>;
  maakTelbestand(periode: TafelPeriode): Promise<void>;
}

/** The organisation's combine step (case data: count totals and colleagues are dropped on lock). */
export const tafelSamenvoegenSlice = caseSlice<TafelSamenvoegenSlice>()(
  () => ({
    svSleutel: null as OntvangstsleutelInfo | null,
    svCollegas: [] as Collega[],
    svOntvanger: null as OntvangerInfo | null,
    svStatus: null as TafelSamenvoegenSlice['svStatus'],
    svGeladen: false,
    svUitkomst: null as SamenvoegenUitkomst | null,
    svWrite: idleWrite as WriteState,
  }),
  (api) => (set, get) => {
    /** A change to the list of colleagues: busy, then the lists loaded again; the refusal (also in svWrite) or null. */
    async function wijzigEnLaad(work: () => Promise<unknown>): Promise<ApiError | null> {
      set({ svWrite: { busy: true, error: null }, svUitkomst: null });
      try {
        await work();
        set({ svWrite: idleWrite });
        await get().loadSamenvoegen();
        return null;
      } catch (error) {
        const refusal = toApiError(error);
        set({ svWrite: { busy: false, error: refusal } });
        return refusal;
      }
    }
    async function write(work: () => Promise<SamenvoegenUitkomst | null>): Promise<void> {
      set({ svWrite: { busy: true, error: null }, svUitkomst: null });
      try {
        const uitkomst = await work();
        set({ svWrite: idleWrite, svUitkomst: uitkomst });
        await get().loadSamenvoegen();
      } catch (error) {
        set({ svWrite: { busy: false, error: toApiError(error) } });
      }
    }
    return {
      async loadSamenvoegen() {
        try {
          const [sleutel, collegas, ontvanger] = await Promise.all([
            api.call('tafelSamenvoegen.ontvangstsleutel', {}),
            api.call('tafelSamenvoegen.collegas', {}),
            api.call('tafelSamenvoegen.ontvanger', {}),
          ]);
          set({ svSleutel: sleutel.sleutel, svCollegas: collegas.collegas, svOntvanger: ontvanger.ontvanger, svGeladen: true });
        } catch (error) {
          set({ svWrite: { busy: false, error: toApiError(error) }, svGeladen: true });
        }
      },
      async loadSamenvoegenStatus(periode) {
        try {
          set({ svStatus: await api.call('tafelSamenvoegen.status', { periode }) });
        } catch (error) {
          set({ svWrite: { busy: false, error: toApiError(error) } });
        }
      },
      maakOntvangstsleutel: () =>
        write(async () => {
          await api.call('tafelSamenvoegen.maakOntvangstsleutel', {});
          return null;
        }),
      bewaarOntvangstsleutel: () =>
        write(async () => {
          const r = await api.call('tafelSamenvoegen.bewaarOntvangstsleutel', {});
          return r.opgeslagen && r.bestandsnaam ? { soort: 'sleutel-bewaard', bestandsnaam: r.bestandsnaam } : { soort: 'geannuleerd' };
        }),
      registreerCollega: (invoer) => wijzigEnLaad(() => api.call('tafelSamenvoegen.registreerCollega', invoer)),
      trekCollegaIn: (id) => wijzigEnLaad(() => api.call('tafelSamenvoegen.trekCollegaIn', { id })),
      leesTelbestand: (periode) =>
        write(async () => {
          const r = await api.call('tafelSamenvoegen.leesTelbestand', { periode });
          if (!r.gekozen) return { soort: 'geannuleerd' };
          void get().loadSamenvoegenStatus(periode);
          return { soort: 'gelezen', bestandsnaam: r.bestandsnaam, uitkomst: r.uitkomst };
        }),
      kiesOntvanger: () =>
        write(async () => {
          const r = await api.call('tafelSamenvoegen.kiesOntvanger', {});
          return r.gekozen ? { soort: 'ontvanger-gekozen' } : { soort: 'geannuleerd' };
        }),
      maakTelbestand: (periode) =>
        write(async () => {
          const r = await api.call('tafelSamenvoegen.maakTelbestand', { periode });
          return r.opgeslagen && r.bestandsnaam && r.samenvatting
            ? { soort: 'telbestand', bestandsnaam: r.bestandsnaam, clienten: r.samenvatting.clienten, meldingen: r.samenvatting.meldingen }
            : { soort: 'geannuleerd' };
        }),
    };
  },
);
