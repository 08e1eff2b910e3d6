import { changeLog } from '../changelog/changeLog';

/** The record kinds of casework in the change log, and what can happen to each. */
export interface CaseworkChangeKinds {
  /** `remove`: a wrongly created cliënt; its one field is `reden:<category>` (never a name). */
  client: 'create' | 'update' | 'remove';
  traject: 'create' | 'update' | 'transition';
  journaal: 'create' | 'update' | 'delete';
  taak: 'create' | 'complete' | 'update';
  toestemming: 'create' | 'withdraw';
  melding: 'create' | 'update' | 'convert';
  view: 'create' | 'update' | 'delete';
}

/** The change log of casework: a kind or action not listed above does not compile. */
export const { recordChange, changesOf } = changeLog<CaseworkChangeKinds>();
