import type { AppState } from '../../store/appStore';

/** Which screen of the Regionale Tafel area is open. */
export const selectTafelScreen = (s: AppState) => s.tafelScreen;

/** The area's actions (stable functions; use with useAppStoreShallow). */
export const selectTafelActions = (s: AppState) => ({
  openTafel: s.openTafel,
  loadTafelVoorbeeld: s.loadTafelVoorbeeld,
  clearTafelVoorbeeld: s.clearTafelVoorbeeld,
  saveTafelOverzicht: s.saveTafelOverzicht,
  loadTafelInstellingen: s.loadTafelInstellingen,
  saveTafelInstellingen: s.saveTafelInstellingen,
  loadTafelLedger: s.loadTafelLedger,
  loadTafelSleutel: s.loadTafelSleutel,
  resetTafelFeedback: s.resetTafelFeedback,
});

/** The preview and its state. */
export const selectTafelVoorbeeld = (s: AppState) => ({ voorbeeld: s.tafelVoorbeeld, busy: s.tafelVoorbeeldWrite.busy, error: s.tafelVoorbeeldWrite.error ?? s.tafelError, opslag: s.tafelOpslag });
/** The settings and their write state. */
export const selectTafelInstellingen = (s: AppState) => ({ instellingen: s.tafelInstellingen, write: s.tafelInstellingenWrite, error: s.tafelError });
/** The ledger. */
export const selectTafelLedger = (s: AppState) => ({ ledger: s.tafelLedger, error: s.tafelError });
/** The organisation's signing key. */
export const selectTafelSleutel = (s: AppState) => s.tafelSleutel;
