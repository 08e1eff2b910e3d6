import { changeLog } from '../changelog/changeLog';

/** The record kinds of the profile and the partner register in the change log, and what can happen to each. */
export interface ProfileChangeKinds {
  profiel: 'create' | 'update';
  partner: 'create' | 'update' | 'retire' | 'reactivate' | 'remove';
}

/** The change log of the profile and the partner register: a kind or action not listed above does not compile. */
export const { recordChange, changesOf } = changeLog<ProfileChangeKinds>();
