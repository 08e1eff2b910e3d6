import { KkError } from '../../../shared/errors';
import { newRecordId, pooledRandomBytes } from '../db/ids';

/**
 * The person behind a write: the vault's profile (who works with this vault, by its id) once
 * there is one, before that the vault's owner. The Session's `writer` picks it; the repositories
 * and the change log do not care which.
 */
export type Actor = { kind: 'eigenaar' } | { kind: 'profiel'; id: string };

/** How a write came: by hand (the app or kk), from an import file, or from the synthetic seed. */
export type WriteChannel = 'hand' | 'import' | 'seed';

/** Who wrote, and how: what a change event records besides the record and the field names. */
export interface WrittenBy {
  actor: Actor;
  via: WriteChannel;
}

/** Things a write needs besides the data: who and how, when, and where randomness comes from. */
export interface WriteContext extends WrittenBy {
  /** ISO timestamp of this write. */
  now: string;
  /** Source of ids (time-ordered UUID v7); the seed passes a deterministic one. */
  newId: () => string;
  /** Source of random bytes for pseudonym codes; the seed passes a deterministic one. */
  randomBytes: (n: number) => Uint8Array;
}

/** The vault owner, the only person a vault knows until it has a profile. */
export const OWNER: Actor = { kind: 'eigenaar' };

/** The context of a write by the vault owner, now. Handlers get theirs from `Session.writer`. */
export function ownerWriter(via: WriteChannel = 'hand'): WriteContext {
  return { actor: OWNER, via, now: new Date().toISOString(), newId: () => newRecordId(), randomBytes: pooledRandomBytes };
}

const CHANNELS: readonly WriteChannel[] = ['hand', 'import', 'seed'];

/**
 * How `change_events.actor` stores who wrote: `<person>/<channel>`, e.g. `eigenaar/hand`,
 * `eigenaar/import`, `eigenaar/seed`, `profiel:<uuid>/hand`. Plain text, so the audit trail can
 * hash and read it back without this program. Rows written before this format hold a single
 * word — `eigenaar`, `import` or `seed` — and read as the owner by hand, by import and by seed
 * (`parseActor`); they are never rewritten (the change log is append-only).
 */
export function actorText(by: WrittenBy): string {
  return `${personText(by.actor)}/${by.via}`;
}

function personText(actor: Actor): string {
  return actor.kind === 'profiel' ? `profiel:${actor.id}` : actor.kind;
}

const PROFILE_PERSON = /^profiel:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

const LEGACY: ReadonlyMap<string, WrittenBy> = new Map([
  ['eigenaar', { actor: OWNER, via: 'hand' }],
  ['import', { actor: OWNER, via: 'import' }],
  ['seed', { actor: OWNER, via: 'seed' }],
]);

/** Reads back what `actorText` stored (or a word of the older form). */
export function parseActor(text: string): WrittenBy {
  const legacy = LEGACY.get(text);
  if (legacy) return legacy;
  const [person = '', via, ...rest] = text.split('/');
  if (rest.length === 0 && CHANNELS.includes(via as WriteChannel)) {
    if (person === 'eigenaar') return { actor: OWNER, via: via as WriteChannel };
    const profile = PROFILE_PERSON.exec(person);
    if (profile) return { actor: { kind: 'profiel', id: profile[1]! }, via: via as WriteChannel };
  }
  throw new KkError('INTERNAL', 'Unknown actor in the change log');
}
