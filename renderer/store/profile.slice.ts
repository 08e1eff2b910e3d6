import type { Partner, PartnerFields } from '../../shared/partners/partner.schema';
import type { Profile, ProfileFields } from '../../shared/profile/profile.schema';
import { toApiError, type ApiError } from '../platform/api';
import { caseSlice } from './caseData';
import { idleWrite, type WriteState } from './writeState';

/**
 * Whether the app asks for the profile now: `laden` right after the vault opened (until the
 * core answered), `vragen` when the vault has no profile and the person never chose "Later",
 * `vingerafdruk` right after it was made (the fingerprint is shown once, on its own), `klaar` otherwise.
 */
export type ProfielVraag = 'laden' | 'vragen' | 'vingerafdruk' | 'klaar';

export interface ProfileSlice {
  profiel: Profile | null;
  /** The person chose "Later": Settings shows a calm reminder, the app does not ask again. */
  profielUitgesteld: boolean;
  profielVraag: ProfielVraag;
  /** The partner register, active partners first. */
  partners: Partner[];
  /** The last refusal of reading the profile or the register. */
  profielError: ApiError | null;
  profielWrite: WriteState;
  partnerWrite: WriteState;
  loadProfile(): Promise<void>;
  /** Creates the profile (when there is none) or saves a change to it. */
  saveProfile(fields: ProfileFields): Promise<boolean>;
  postponeProfile(): Promise<void>;
  /** After the fingerprint: on to the vault. */
  finishProfileQuestion(): void;
  loadPartners(): Promise<void>;
  /** Adds a partner (no id) or saves a change; returns the saved partner, or null when refused. */
  savePartner(input: { id?: string; version?: number; fields: PartnerFields }): Promise<Partner | null>;
  retirePartner(partner: Partner): Promise<boolean>;
  reactivatePartner(partner: Partner): Promise<boolean>;
  removePartner(partner: Partner): Promise<boolean>;
  resetProfileWrites(): void;
}

/**
 * The vault profile and the partner register. Case data (a person's name, the register read from
 * the vault): dropped on lock with every other case slice. The profile is read each time the
 * vault opens, which is when the app decides whether to ask for it.
 */
export const profileSlice = caseSlice<ProfileSlice>()(
  () => ({
    profiel: null as Profile | null,
    profielUitgesteld: false,
    profielVraag: 'laden' as ProfielVraag,
    partners: [] as Partner[],
    profielError: null as ApiError | null,
    profielWrite: idleWrite,
    partnerWrite: idleWrite,
  }),
  (api) => (set, get, store) => {
    store.subscribe((state, previous) => {
      if (state.vaultPhase === 'unlocked' && previous.vaultPhase !== 'unlocked') void get().loadProfile();
    });

    /** A write of the register, then the register read again (what "used" means may have changed). */
    const partnerWrite = async <T>(work: () => Promise<T>): Promise<T | null> => {
      set({ partnerWrite: { busy: true, error: null } });
      try {
        const result = await work();
        await get().loadPartners();
        set({ partnerWrite: idleWrite });
        return result;
      } catch (error) {
        set({ partnerWrite: { busy: false, error: toApiError(error) } });
        return null;
      }
    };

    return {
      async loadProfile() {
        try {
          const { profiel, uitgesteld } = await api.call('profile.get', {});
          set({ profiel, profielUitgesteld: uitgesteld, profielError: null, profielVraag: profiel || uitgesteld ? 'klaar' : 'vragen' });
        } catch (error) {
          // Never keep the person out of the vault because the question could not be asked.
          set({ profielError: toApiError(error), profielVraag: 'klaar' });
        }
      },

      async saveProfile(fields) {
        const current = get().profiel;
        set({ profielWrite: { busy: true, error: null } });
        try {
          const profiel = await api.call('profile.save', current ? { version: current.version, fields } : { fields });
          set({ profiel, profielWrite: idleWrite, profielVraag: get().profielVraag === 'vragen' ? 'vingerafdruk' : get().profielVraag });
          // The organisation is now "used" in the register.
          await get().loadPartners();
          return true;
        } catch (error) {
          set({ profielWrite: { busy: false, error: toApiError(error) } });
          return false;
        }
      },

      async postponeProfile() {
        set({ profielWrite: { busy: true, error: null } });
        try {
          await api.call('profile.postpone', {});
          set({ profielUitgesteld: true, profielVraag: 'klaar', profielWrite: idleWrite });
        } catch (error) {
          set({ profielWrite: { busy: false, error: toApiError(error) } });
        }
      },

      finishProfileQuestion() {
        set({ profielVraag: 'klaar' });
      },

      async loadPartners() {
        try {
          const { partners } = await api.call('partners.list', {});
          set({ partners, profielError: null });
        } catch (error) {
          set({ profielError: toApiError(error) });
        }
      },

      savePartner: (input) => partnerWrite(() => api.call('partners.save', input)),
      retirePartner: async (p) => (await partnerWrite(() => api.call('partners.retire', { id: p.id, version: p.version }))) !== null,
      reactivatePartner: async (p) => (await partnerWrite(() => api.call('partners.reactivate', { id: p.id, version: p.version }))) !== null,
      removePartner: async (p) => (await partnerWrite(() => api.call('partners.remove', { id: p.id, version: p.version }))) !== null,

      resetProfileWrites() {
        set({ profielWrite: idleWrite, partnerWrite: idleWrite });
      },
    };
  },
);
