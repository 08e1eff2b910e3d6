import { createHash, generateKeyPairSync } from 'node:crypto';
import { KkError } from '../../../shared/errors';
import { Regio } from '../../../shared/casework/gemeenten.schema';
import { fingerprintText, Profile, type ProfileFields } from '../../../shared/profile/profile.schema';
import type { Actor, WriteContext } from '../changelog/writeContext';
import { assertVersion, changedFields } from '../db/records';
import { stmt, type Db } from '../db/sql';
import { recordChange } from './changeKinds';

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
