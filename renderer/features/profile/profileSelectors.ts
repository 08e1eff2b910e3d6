import type { AppState } from '../../store/appStore';

// Named selectors for the profile and partner screens (object ones with useAppStoreShallow).
export const selectProfiel = (s: AppState) => s.profiel;
export const selectProfielVraag = (s: AppState) => s.profielVraag;
export const selectProfielUitgesteld = (s: AppState) => s.profielUitgesteld;
export const selectProfielError = (s: AppState) => s.profielError;
export const selectProfielWrite = (s: AppState) => s.profielWrite;
export const selectPartners = (s: AppState) => s.partners;
export const selectPartnerWrite = (s: AppState) => s.partnerWrite;
/** The actions of the profile and partner screens as one object (use with useShallow). */
export const selectProfileActions = (s: AppState) => ({
  loadProfile: s.loadProfile,
  saveProfile: s.saveProfile,
  postponeProfile: s.postponeProfile,
  finishProfileQuestion: s.finishProfileQuestion,
  loadPartners: s.loadPartners,
  savePartner: s.savePartner,
  retirePartner: s.retirePartner,
  reactivatePartner: s.reactivatePartner,
  removePartner: s.removePartner,
  resetProfileWrites: s.resetProfileWrites,
  navigate: s.navigate,
});
