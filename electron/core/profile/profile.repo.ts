import { createHash, generateKeyPairSync } from 'node:crypto';
import { KkError } from '../../../shared/errors';
import { Regio } from '../../../shared/casework/gemeenten.schema';
import { fingerprintText, Profile, type ProfileFields } from '../../../shared/profile/profile.schema';
import type { Actor, WriteContext } from '../changelog/writeContext';
import { assertVersion, changedFields } from '../db/records';
import { stmt, type Db } from '../db/sql';
import { recordChange } from './changeKinds';
import { assertActivePartner } from './partners.repo';

interface ProfileRow {
  id: string;
  naam: string;
  functie: string;
  organisatie: string;
  regio: string;
  sleutel_publiek: Buffer;
  version: number;
  created_at: string;
  updated_at: string;
}

const SELECT_PROFILE = 'SELECT id, naam, functie, organisatie, regio, sleutel_publiek, version, created_at, updated_at FROM profiel WHERE enig = 1';

/** The grouped SHA-256 fingerprint of a public key in its SubjectPublicKeyInfo (DER) form. */
export function keyFingerprint(spki: Uint8Array): string {
  return fingerprintText(createHash('sha256').update(spki).digest('hex'));
}

function toProfile(row: ProfileRow): Profile {
  return Profile.parse({
    id: row.id,
    naam: row.naam,
    functie: row.functie,
    organisatie: row.organisatie,
    regio: row.regio,
    version: row.version,
    aangemaakt: row.created_at,
    bijgewerkt: row.updated_at,
    vingerafdruk: keyFingerprint(row.sleutel_publiek),
  });
}

/** The vault's profile (who works with this vault), or null while there is none. Never the private key. */
export function readProfile(db: Db): Profile | null {
  const row = stmt(db, SELECT_PROFILE).get() as ProfileRow | undefined;
  return row ? toProfile(row) : null;
}

/** The region of the vault's profile (what the dashboard and pick lists show), or null without a profile. */
export function profielRegio(db: Db): Regio | null {
  const row = stmt(db, 'SELECT regio FROM profiel WHERE enig = 1').get() as { regio: string } | undefined;
  return row ? Regio.parse(row.regio) : null;
}

/**
 * Who writes, as the change log records it: the profile once there is one. Null before that
 * (and in a vault whose schema has no profile yet, such as a test's own migration list).
 */
export function profileActor(db: Db): Actor | null {
  if (!hasProfileTable(db)) return null;
  const row = stmt(db, 'SELECT id FROM profiel WHERE enig = 1').get() as { id: string } | undefined;
  return row ? { kind: 'profiel', id: row.id } : null;
}

const profileTables = new WeakMap<Db, boolean>();
function hasProfileTable(db: Db): boolean {
  let known = profileTables.get(db);
  if (known === undefined) {
    known = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'profiel'").get() !== undefined;
    // Only a yes is final: a vault at an older schema gets the table when it is migrated.
    if (known) profileTables.set(db, known);
  }
  return known;
}

/** The profile and whether the person chose "Later" when asked for it (then it is not asked again). */
export function profileStatus(db: Db): { profiel: Profile | null; uitgesteld: boolean } {
  return { profiel: readProfile(db), uitgesteld: stmt(db, 'SELECT 1 FROM profiel_later').get() !== undefined };
}

/** Records that the person chose "Later": the app asks once, after that Settings reminds calmly. */
export function postponeProfile(db: Db, ctx: WriteContext): void {
  stmt(db, 'INSERT INTO profiel_later (enig, op) VALUES (1, ?) ON CONFLICT (enig) DO NOTHING').run(ctx.now);
}

function keepHistory(db: Db, id: string, version: number, fields: ProfileFields, now: string): void {
  stmt(db, 'INSERT INTO profiel_historie (profiel_id, version, naam, functie, organisatie, regio, vanaf) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    id,
    version,
    fields.naam,
    fields.functie,
    fields.organisatie,
    fields.regio,
    now,
  );
}

/**
 * Creates the profile (no version: there must be none yet) or changes it (the version last
 * read; CONFLICT otherwise). Creating it makes the organisation's Ed25519 signing key pair; the
 * private key is written only into this (encrypted) database and never returned or logged.
 * The organisation must be an active partner, unless it is the one the profile already has.
 */
export function saveProfile(db: Db, ctx: WriteContext, input: { version?: number | undefined; fields: ProfileFields }): Profile {
  const { fields } = input;
  const current = readProfile(db);
  if (fields.organisatie !== current?.organisatie) assertActivePartner(db, fields.organisatie, 'fields.organisatie');

  if (input.version === undefined) {
    // A second profile would silently replace who the change log says wrote before.
    if (current) throw new KkError('CONFLICT', 'The vault has a profile already');
    const id = ctx.newId();
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const spki = publicKey.export({ type: 'spki', format: 'der' });
    const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' });
    try {
      stmt(db, 'INSERT INTO profiel (id, naam, functie, organisatie, regio, sleutel_publiek, sleutel_prive, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)').run(
        id,
        fields.naam,
        fields.functie,
        fields.organisatie,
        fields.regio,
        spki,
        pkcs8,
        ctx.now,
        ctx.now,
      );
    } finally {
      pkcs8.fill(0);
    }
    keepHistory(db, id, 1, fields, ctx.now);
    // The first write by the profile is its own creation.
    recordChange(db, { ...ctx, actor: { kind: 'profiel', id } }, 'profiel', id, 'create', ['naam', 'functie', 'organisatie', 'regio', 'sleutel']);
    return readProfile(db)!;
  }

  if (!current) throw new KkError('NOT_FOUND', 'profile not found');
  assertVersion(current.version, input.version);
  const before = { naam: current.naam, functie: current.functie, organisatie: current.organisatie, regio: current.regio };
  const changed = changedFields(before, { ...fields });
  if (changed.length === 0) return current;
  const version = current.version + 1;
  stmt(db, 'UPDATE profiel SET naam = ?, functie = ?, organisatie = ?, regio = ?, version = ?, updated_at = ? WHERE id = ?').run(
    fields.naam,
    fields.functie,
    fields.organisatie,
    fields.regio,
    version,
    ctx.now,
    current.id,
  );
  keepHistory(db, current.id, version, fields, ctx.now);
  recordChange(db, ctx, 'profiel', current.id, 'update', changed);
  return readProfile(db)!;
}
