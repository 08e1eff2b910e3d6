import type { Handlers } from '../../../shared/ipc/contract';
import type { profileMethods } from '../../../shared/ipc/profile.contract';
import { localToday } from '../../../shared/casework/dates';
import type { Session } from '../session';
import { inTransaction } from '../db/sql';
import { postponeProfile, profileStatus, saveProfile } from './profile.repo';
import { listPartners, reactivatePartner, removePartner, retirePartner, savePartner } from './partners.repo';

/** The profile and partner register handlers: parsed by the dispatcher, one transaction per write. */
export const profileHandlers: Pick<Handlers<Session>, keyof typeof profileMethods> = {
  'profile.get': (_input, s) => profileStatus(s.db()),
  'profile.save': (input, s) => inTransaction(s.db(), () => saveProfile(s.db(), s.writer(), input)),
  'profile.postpone': (_input, s) => {
    inTransaction(s.db(), () => postponeProfile(s.db(), s.writer()));
    return {};
  },
  'partners.list': (_input, s) => ({ partners: listPartners(s.db()) }),
  'partners.save': (input, s) => inTransaction(s.db(), () => savePartner(s.db(), s.writer(), input)),
  'partners.retire': (input, s) => inTransaction(s.db(), () => retirePartner(s.db(), s.writer(), input.id, input.version, input.datum ?? localToday())),
  'partners.reactivate': (input, s) => inTransaction(s.db(), () => reactivatePartner(s.db(), s.writer(), input.id, input.version)),
  'partners.remove': (input, s) => {
    inTransaction(s.db(), () => removePartner(s.db(), s.writer(), input.id, input.version));
    return {};
  },
};
