import type { AppState } from '../../store/appStore';

// Named selectors for the Verstrekkingen screens (object ones with useAppStoreShallow).
export const selectVkView = (s: AppState) => s.verstrekkingenView;
export const selectVkConcepten = (s: AppState) => s.vkConcepten;
export const selectVkTraject = (s: AppState) => s.vkTraject;
export const selectVkTrajectBesluiten = (s: AppState) => s.vkTrajectBesluiten;
export const selectVkStap = (s: AppState) => s.vkStap;
export const selectVkRegels = (s: AppState) => s.vkRegels;
export const selectVkBesluit = (s: AppState) => s.vkBesluit;
export const selectVkError = (s: AppState) => s.vkError;
export const selectVkWrite = (s: AppState) => s.vkWrite;
export const selectVkVersies = (s: AppState) => s.vkVersies;
/** Where the wizard is: the path of earlier questions and which one is shown again. */
export const selectVkWizardPlek = (s: AppState) => ({ pad: s.vkPad, terug: s.vkTerug });
/** The register's list, filter and refusal (use with useShallow). */
export const selectVkRegister = (s: AppState) => ({ list: s.vkRegister, filter: s.vkRegisterFilter, error: s.vkRegisterError });
/** The actions of the Verstrekkingen screens as one object (use with useShallow). */
export const selectVkActions = (s: AppState) => ({
  openVerstrekkingen: s.openVerstrekkingen,
  loadConcepten: s.loadConcepten,
  navigate: s.navigate,
  loadStart: s.loadStart,
  createConcept: s.createConcept,
  openConcept: s.openConcept,
  answer: s.answer,
  back: s.back,
  forwardToCurrent: s.forwardToCurrent,
  showEarlier: s.showEarlier,
  setGevraagd: s.setGevraagd,
  discardConcept: s.discardConcept,
  previewConcept: s.previewConcept,
  previewBesluit: s.previewBesluit,
  completeConcept: s.completeConcept,
  openBesluit: s.openBesluit,
  approveBesluit: s.approveBesluit,
  revokeBesluit: s.revokeBesluit,
  correctBesluit: s.correctBesluit,
  savePackage: s.savePackage,
  printBesluit: s.printBesluit,
  copyVeld: s.copyVeld,
  kopieerWachtwoord: s.kopieerWachtwoord,
  vergeetWachtwoord: s.vergeetWachtwoord,
  setRegisterFilter: s.setRegisterFilter,
  refreshRegister: s.refreshRegister,
  loadRegisterRows: s.loadRegisterRows,
  exportRegister: s.exportRegister,
  loadVersies: s.loadVersies,
  readRegelset: s.readRegelset,
  importRegelset: s.importRegelset,
  resetVkWrite: s.resetVkWrite,
  loadPartners: s.loadPartners,
  zoekTrajecten: s.zoekTrajecten,
  openCase: s.openCase,
});
/** The traject page's entry point ("Gegevens verstrekken"). */
export const selectStartVerstrekking = (s: AppState) => s.startVerstrekking;
