import type { AppState } from '../../store/appStore';

// Named selectors for the casework screens (use the object ones with useAppStoreShallow).
export const selectTrajectenView = (s: AppState) => s.trajectenView;
export const selectMeldingenView = (s: AppState) => s.meldingenView;
export const selectQuickSwitcherOpen = (s: AppState) => s.quickSwitcherOpen;
export const selectTrajectFilter = (s: AppState) => s.trajectFilter;
export const selectTrajectList = (s: AppState) => s.trajectList;
export const selectTrajectListError = (s: AppState) => s.trajectListError;
export const selectSavedViews = (s: AppState) => s.savedViews;
export const selectViewsError = (s: AppState) => s.viewsError;
export const selectJournalMore = (s: AppState) => s.journalMore;
export const selectTrajectDetail = (s: AppState) => s.trajectDetail;
export const selectTrajectDetailError = (s: AppState) => s.trajectDetailError;
export const selectTrajectWrite = (s: AppState) => s.trajectWrite;
export const selectClient = (s: AppState) => s.client;
export const selectClientError = (s: AppState) => s.clientError;
export const selectClientTrajecten = (s: AppState) => s.clientTrajecten;
export const selectClientWrite = (s: AppState) => s.clientWrite;
export const selectClientRemove = (s: AppState) => s.clientRemove;
export const selectClientRemoved = (s: AppState) => s.clientRemoved;
export const selectMeldingFilter = (s: AppState) => s.meldingFilter;
export const selectMeldingList = (s: AppState) => s.meldingList;
export const selectMeldingListError = (s: AppState) => s.meldingListError;
export const selectMelding = (s: AppState) => s.melding;
export const selectMeldingError = (s: AppState) => s.meldingError;
export const selectMeldingWrite = (s: AppState) => s.meldingWrite;
export const selectRegios = (s: AppState) => s.regios;
export const selectDashboard = (s: AppState) => s.dashboard;
export const selectDashboardError = (s: AppState) => s.dashboardError;
export const selectDashboardJaar = (s: AppState) => s.dashboardJaar;
export const selectOverdue = (s: AppState) => s.overdue;
export const selectReminders = (s: AppState) => s.reminders;
export const selectSearch = (s: AppState) => s.search;
export const selectQuickSwitch = (s: AppState) => s.quickSwitch;
export const selectImportState = (s: AppState) => s.importState;

/** Casework actions as one object (stable functions; use with useAppStoreShallow). */
export const selectCaseActions = (s: AppState) => ({
  openCase: s.openCase,
  setQuickSwitcherOpen: s.setQuickSwitcherOpen,
  setTrajectFilter: s.setTrajectFilter,
  refreshTrajectList: s.refreshTrajectList,
  loadTrajectRows: s.loadTrajectRows,
  loadViews: s.loadViews,
  saveView: s.saveView,
  applyView: s.applyView,
  deleteView: s.deleteView,
  openTraject: s.openTraject,
  transitionTraject: s.transitionTraject,
  updateTraject: s.updateTraject,
  addJournaal: s.addJournaal,
  updateJournaal: s.updateJournaal,
  deleteJournaal: s.deleteJournaal,
  loadOlderJournaal: s.loadOlderJournaal,
  addTaak: s.addTaak,
  completeTaak: s.completeTaak,
  updateTaak: s.updateTaak,
  addToestemming: s.addToestemming,
  withdrawToestemming: s.withdrawToestemming,
  resetTrajectWrite: s.resetTrajectWrite,
  loadClient: s.loadClient,
  createClient: s.createClient,
  updateClient: s.updateClient,
  createTraject: s.createTraject,
  resetClientWrite: s.resetClientWrite,
  checkClientDuplicate: s.checkClientDuplicate,
  removeClient: s.removeClient,
  resetClientRemove: s.resetClientRemove,
  clearClientRemoved: s.clearClientRemoved,
  setMeldingFilter: s.setMeldingFilter,
  refreshMeldingList: s.refreshMeldingList,
  loadMeldingRows: s.loadMeldingRows,
  loadGemeenten: s.loadGemeenten,
  createMelding: s.createMelding,
  openMelding: s.openMelding,
  updateMelding: s.updateMelding,
  convertMelding: s.convertMelding,
  convertMeldingForPseudonym: s.convertMeldingForPseudonym,
  resetMeldingWrite: s.resetMeldingWrite,
  loadDashboard: s.loadDashboard,
  chooseDashboardJaar: s.chooseDashboardJaar,
  loadOverdue: s.loadOverdue,
  runSearch: s.runSearch,
  runQuickSwitch: s.runQuickSwitch,
  chooseImportFile: s.chooseImportFile,
  importChosen: s.importChosen,
  resetImport: s.resetImport,
});
