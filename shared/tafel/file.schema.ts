import { z } from 'zod';
import { Timestamp } from '../casework/common.schema';
import { Vingerafdruk } from '../profile/profile.schema';
import { CelId, K_MINIMUM, TafelPeriode, Vergelijking } from './tafel.schema';

/** The format name of a summary file for the Regionale Tafel. */
export const TAFEL_FORMAAT = 'ketenkluis.tafel';
/** The version of the file format; a changed shape makes a new version. */
export const TAFEL_BESTAND_VERSIE = 1;

/** One table as the reader sees it: "<k" and "x" as text. */
const BestandTabel = z.strictObject({
  id: z.string().min(1),
  titel: z.string().min(1),
  kolommen: z.array(z.strictObject({ id: z.string().min(1), label: z.string() })),
  rijen: z.array(z.strictObject({ id: z.string().min(1), label: z.string(), cellen: z.array(z.strictObject({ cel: CelId, toon: z.string() }).nullable()) })),
});

/**
 * A summary for the Regionale Tafel as it leaves the vault: published cells only (a number, or
 * `klein` for "<k", or `verborgen` for "x"), never a true count of a hidden cell, never the noise
 * key. Signed with the organisation's Ed25519 key over the canonical JSON of everything except
 * `handtekening` (see `tekenbareInhoud`).
 */
export const TafelBestand = z.strictObject({
  format: z.literal(TAFEL_FORMAAT),
  versie: z.literal(TAFEL_BESTAND_VERSIE),
  /** The release's id in the organisation's ledger (unique; a replayed file has an id already seen). */
  vrijgaveId: z.string().min(1),
  /** The release number of this organisation: 1, 2, 3, … */
  volgnummer: z.number().int().min(1),
  /** The release this one corrects (an earlier version of the same period), if any. */
  verbetert: z.string().min(1).optional(),
  organisatie: z.strictObject({ id: z.string().min(1), naam: z.string().min(1) }),
  regio: z.string().min(1),
  periode: TafelPeriode,
  instellingen: z.strictObject({
    k: z.number().int().min(K_MINIMUM),
    afronding: z.number().int().min(2).max(10).optional(),
    /** Whether noise was added (never its key). */
    ruis: z.boolean(),
    ruisMax: z.number().int().min(1).max(5).optional(),
  }),
  methodeVersie: z.string().min(1),
  /** The method statement (Dutch). */
  methode: z.string().min(1),
  /** Which records were counted and on what basis (Dutch). */
  grondslag: z.string().min(1),
  cellen: z.record(CelId, z.union([z.number().int().nonnegative(), z.enum(['klein', 'verborgen'])])),
  vergelijkingen: z.array(Vergelijking),
  tabellen: z.array(BestandTabel),
  aangemaakt: Timestamp,
  /** The signer: the fingerprint of `publiekeSleutel` (SHA-256 over the SPKI DER, grouped hex). */
  ondertekenaar: Vingerafdruk,
  /** The Ed25519 public key, SPKI DER in base64. */
  publiekeSleutel: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/),
  /** Ed25519 signature over `tekenbareInhoud`, base64. */
  handtekening: z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/),
});
/** A summary file for the Regionale Tafel. */
export type TafelBestand = z.infer<typeof TafelBestand>;

/**
 * Canonical JSON: object keys sorted (by UTF-16 code units), no whitespace, arrays in order,
 * numbers and strings as JSON.stringify writes them. The same value gives the same bytes.
 */
export function canoniekeJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('Not a finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canoniekeJson(v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canoniekeJson(v)}`).join(',')}}`;
}

/** What the signature covers: the canonical JSON of the file without `handtekening`. */
export function tekenbareInhoud(bestand: Omit<TafelBestand, 'handtekening'> & { handtekening?: string }): string {
  const { handtekening: _weg, ...rest } = bestand;
  return canoniekeJson(rest);
}
