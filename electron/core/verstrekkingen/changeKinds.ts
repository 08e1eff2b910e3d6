import { createHash } from 'node:crypto';
import { changeLog } from '../changelog/changeLog';
import { uuidFromBytes } from '../db/ids';

/** The record kinds of verstrekkingen in the change log, and what can happen to each. */
export interface VerstrekkingenChangeKinds {
  concept: 'create' | 'update' | 'delete';
  besluit: 'create' | 'approve' | 'revoke';
  stappenplan: 'import';
}

/** The change log of verstrekkingen: a kind or action not listed above does not compile. */
export const { recordChange, changesOf } = changeLog<VerstrekkingenChangeKinds>();

/**
 * The UUID under which the change log knows a rule-set version (change events store record ids as
 * UUIDs; a version is named `1`, `2026-03`): UUID version 8 over SHA-256 of
 * `ketenkluis:stappenplan:<versie>`, so anyone can recompute it, as for partners (partnerIds.ts).
 */
export function ruleSetRecordId(versie: string): string {
  const b = createHash('sha256').update(`ketenkluis:stappenplan:${versie}`).digest().subarray(0, 16);
  b[6] = 0x80 | (b[6]! & 0x0f);
  b[8] = 0x80 | (b[8]! & 0x3f);
  return uuidFromBytes(b);
}
