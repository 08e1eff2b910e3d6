import type { LedgerItem, TafelInstellingenInvoer, TafelInstellingenWeergave, TafelOpslag, TafelVoorbeeld } from '../../../shared/ipc/tafel.contract';
import type { TafelPeriode } from '../../../shared/tafel/tafel.schema';
import { toApiError, type ApiError } from '../../platform/api';
import { caseSlice } from '../../store/caseData';
import { idleWrite, type WriteState } from '../../store/writeState';

/** A screen of the Regionale Tafel area. */
export type TafelScreen = 'maken' | 'instellingen' | 'eerdere' | 'samenvoegen' | 'modus';

export interface TafelReleaseSlice {
  tafelScreen: TafelScreen;
  /** The preview of the period last asked for (null: none yet). */
  tafelVoorbeeld: TafelVoorbeeld | null;
  /** Asking for a preview: busy, and the refusal. */
  tafelVoorbeeldWrite: WriteState;
  tafelInstellingen: TafelInstellingenWeergave | null;
  tafelLedger: LedgerItem[] | null;
  tafelSleutel: { organisatie: string; vingerafdruk: string } | null;
  /** The last refusal of reading something. */
  tafelError: ApiError | null;
  /** Saving a summary: busy, the refusal, or what main and the core answered (file names only). */
  tafelOpslag: WriteState & { uitkomst: TafelOpslag | null };
  /** Saving the settings: busy, the refusal (with the field), or saved. */
  tafelInstellingenWrite: WriteState & { saved: boolean };

  openTafel(screen: TafelScreen): void;
  loadTafelVoorbeeld(periode: TafelPeriode): Promise<void>;
  clearTafelVoorbeeld(): void;
  /** Main shows the save dialog; the core writes the JSON, CSV and PDF and records the release. */
  saveTafelOverzicht(periode: TafelPeriode): Promise<TafelOpslag | null>;
  loadTafelInstellingen(): Promise<void>;
  /** Null when saved; else the refusal (also kept in the write state). */
  saveTafelInstellingen(invoer: TafelInstellingenInvoer): Promise<ApiError | null>;
  loadTafelLedger(): Promise<void>;
  loadTafelSleutel(): Promise<void>;
  resetTafelFeedback(): void;
}

const idleOpslag = { ...idleWrite, uitkomst: null };
const idleInstellingen = { ...idleWrite, saved: false };

/**
 * Summaries for the Regionale Tafel (features/tafel). Case data (dropped on lock): a preview holds
 * the true counts of hidden cells, which stay in the vault's window only while it is open.
 */
export const tafelReleaseSlice = caseSlice<TafelReleaseSlice>()(
  () => ({
    tafelScreen: 'maken' as TafelScreen,
    tafelVoorbeeld: null as TafelVoorbeeld | null,
    tafelVoorbeeldWrite: idleWrite as WriteState,
    tafelInstellingen: null as TafelInstellingenWeergave | null,
    tafelLedger: null as LedgerItem[] | null,
    tafelSleutel: null as { organisatie: string; vingerafdruk: string } | null,
    tafelError: null as ApiError | null,
    tafelOpslag: idleOpslag as TafelReleaseSlice['tafelOpslag'],
    tafelInstellingenWrite: idleInstellingen as TafelReleaseSlice['tafelInstellingenWrite'],
  }),
  (api) => (set, get) => ({
    openTafel(screen) {
      set({ tafelScreen: screen, tafelError: null, tafelOpslag: idleOpslag, tafelInstellingenWrite: idleInstellingen });
      if (get().route !== 'regionaleTafel') get().navigate('regionaleTafel');
    },

    async loadTafelVoorbeeld(periode) {
      set({ tafelVoorbeeldWrite: { busy: true, error: null }, tafelError: null, tafelOpslag: idleOpslag });
      try {
        set({ tafelVoorbeeld: await api.call('tafel.preview', { periode }), tafelVoorbeeldWrite: idleWrite });
      } catch (error) {
        set({ tafelVoorbeeld: null, tafelVoorbeeldWrite: { busy: false, error: toApiError(error) } });
      }
    },

    clearTafelVoorbeeld() {
      set({ tafelVoorbeeld: null, tafelOpslag: idleOpslag, tafelError: null });
    },

    async saveTafelOverzicht(periode) {
      set({ tafelOpslag: { ...idleOpslag, busy: true } });
      try {
        const uitkomst = await api.call('tafel.save', { periode });
        set({ tafelOpslag: { ...idleOpslag, uitkomst } });
        if (uitkomst.opgeslagen) {
          // The next preview of this period is a new version: read it again, and the ledger too.
          void get().loadTafelLedger();
        }
        return uitkomst;
      } catch (error) {
        set({ tafelOpslag: { ...idleOpslag, error: toApiError(error) } });
        return null;
      }
    },

    async loadTafelInstellingen() {
      try {
        set({ tafelInstellingen: await api.call('tafel.settings', {}) });
      } catch (error) {
        set({ tafelError: toApiError(error) });
      }
    },

    async saveTafelInstellingen(invoer) {
      set({ tafelInstellingenWrite: { ...idleInstellingen, busy: true } });
      try {
        const tafelInstellingen = await api.call('tafel.saveSettings', invoer);
        // Settings change what a preview shows: the old preview is dropped.
        set({ tafelInstellingen, tafelVoorbeeld: null, tafelInstellingenWrite: { ...idleInstellingen, saved: true } });
        return null;
      } catch (error) {
        const refusal = toApiError(error);
        set({ tafelInstellingenWrite: { ...idleInstellingen, error: refusal } });
        return refusal;
      }
    },

    async loadTafelLedger() {
      try {
        set({ tafelLedger: (await api.call('tafel.ledger', {})).vrijgaven });
      } catch (error) {
        set({ tafelError: toApiError(error) });
      }
    },

    async loadTafelSleutel() {
      try {
        set({ tafelSleutel: await api.call('tafel.sleutel', {}) });
      } catch {
        // Without a profile there is no key yet; the screens say so instead of a fingerprint.
        set({ tafelSleutel: null });
      }
    },

    resetTafelFeedback() {
      set({ tafelOpslag: idleOpslag, tafelInstellingenWrite: idleInstellingen, tafelError: null });
    },
  }),
);
