import { z } from 'zod';
import { Id, Timestamp } from '../casework/common.schema';
import { MonitorCijfers } from '../casework/dashboard.schema';
import { PartnerId } from '../partners/partner.schema';
import { Vingerafdruk } from '../profile/profile.schema';
import { TafelPeriode } from './tafel.schema';

/*
 * The organisation's combine step (issue 14). Colleagues of one organisation (coordinators, the
 * meldpunt) each keep their own vault. Before a summary for the Regionale Tafel is made, they send
 * their RAW counts to the colleague who makes the release (the reporter), so disclosure control is
 * applied once, on the combined figures.
 *
 * - The reporter's vault holds a receiving key (X25519). Its public half travels as an
 *   `Ontvangstsleutel` file (signed with the reporter's Ed25519 profile key).
 * - A colleague's count file (`Telbestand`) holds the raw figures of one period, signed with the
 *   colleague's Ed25519 key (`TelInhoud`), then encrypted to the receiving key: ephemeral X25519
 *   ECDH → HKDF-SHA-256 → AES-256-GCM, with the header (everything but `inhoud` and `tag`) as
 *   associated data, so a header cannot be swapped or changed without the file being refused.
 * A count file holds raw counts (small numbers included): it is never published.
 */

const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

/** The format name of a receiving-key file. */
export const ONTVANGSTSLEUTEL_FORMAAT = 'ketenkluis.ontvangstsleutel';
/** The format name of a count file. */
export const TELBESTAND_FORMAAT = 'ketenkluis.telbestand';
/** The format name of the signed content inside a count file. */
export const TELINHOUD_FORMAAT = 'ketenkluis.telbestand.inhoud';
/** The version of these formats; a changed shape makes a new version. */
export const TELBESTAND_VERSIE = 1;

/** What every count file says about itself, in plain Dutch. */
export const TELBESTAND_WAARSCHUWING =
  'Niet publiceren. Dit telbestand bevat ruwe aantallen (ook kleine) van één collega voor de eigen organisatie. ' +
  'Het is versleuteld voor de collega die het overzicht voor de Regionale Tafel maakt, en alleen die kan het lezen. ' +
  'Stuur het alleen naar die collega.';

/**
 * The reporter's receiving key as given to colleagues: the organisation, the X25519 public key
 * (SPKI DER, base64) and its fingerprint, signed with the reporter's Ed25519 profile key over
 * the canonical JSON without `handtekening`.
 */
export const Ontvangstsleutel = z.strictObject({
  format: z.literal(ONTVANGSTSLEUTEL_FORMAAT),
  versie: z.literal(TELBESTAND_VERSIE),
  organisatie: z.strictObject({ id: PartnerId, naam: z.string().min(1) }),
  regio: z.string().min(1),
  /** X25519 public key, SPKI DER in base64. */
  publiekeSleutel: Base64.min(1),
  /** SHA-256 over the SPKI DER, grouped hex: what a colleague compares by phone. */
  vingerafdruk: Vingerafdruk,
  aangemaakt: Timestamp,
  /** The reporter's Ed25519 signing key (SPKI DER base64) and its fingerprint. */
  ondertekenaar: Vingerafdruk,
  ondertekenaarSleutel: Base64.min(1),
  handtekening: Base64.min(1),
});
/** A receiving-key file. */
export type Ontvangstsleutel = z.infer<typeof Ontvangstsleutel>;

/** The raw figures of one period (never suppressed): the monitor figures and meldingen per gemeente of the region. */
export const RuweCijfers = z.strictObject({
  cijfers: MonitorCijfers,
  perGemeente: z.record(z.string().min(1), z.number().int().nonnegative()),
});
/** Raw figures of one period. */
export type RuweCijfers = z.infer<typeof RuweCijfers>;

/** The signed content of a count file (the plaintext inside the encryption). */
export const TelInhoud = z.strictObject({
  format: z.literal(TELINHOUD_FORMAAT),
  versie: z.literal(TELBESTAND_VERSIE),
  /** Unique per file: the same file read twice is a replay. */
  telbestandId: Id,
  organisatie: z.strictObject({ id: PartnerId, naam: z.string().min(1) }),
  regio: z.string().min(1),
  periode: TafelPeriode,
  /** The receiving key it was made for (also inside the signature). */
  ontvanger: Vingerafdruk,
  ruw: RuweCijfers,
  grondslag: z.string().min(1),
  aangemaakt: Timestamp,
  /** The colleague's Ed25519 signing key: fingerprint, SPKI DER base64, signature over the canonical JSON without `handtekening`. */
  ondertekenaar: Vingerafdruk,
  publiekeSleutel: Base64.min(1),
  handtekening: Base64.min(1),
});
/** The signed content of a count file. */
export type TelInhoud = z.infer<typeof TelInhoud>;

/** The header of a count file: readable, and bound to the ciphertext as associated data. */
export const TelbestandKop = z.strictObject({
  format: z.literal(TELBESTAND_FORMAAT),
  versie: z.literal(TELBESTAND_VERSIE),
  waarschuwing: z.literal(TELBESTAND_WAARSCHUWING),
  periode: TafelPeriode,
  /** Fingerprint of the receiving key the file is encrypted to. */
  ontvanger: Vingerafdruk,
  /** The ephemeral X25519 public key (SPKI DER, base64). */
  efemeer: Base64.min(1),
  /** The AES-GCM nonce, 12 bytes base64. */
  nonce: Base64.length(16),
});
/** The header of a count file. */
export type TelbestandKop = z.infer<typeof TelbestandKop>;

/** A count file as written: the header, the AES-256-GCM ciphertext of the signed content and its tag. */
export const Telbestand = TelbestandKop.extend({
  inhoud: Base64.min(1),
  /** The GCM tag, 16 bytes base64. */
  tag: Base64.length(24),
});
/** A count file. */
export type Telbestand = z.infer<typeof Telbestand>;

/** Why a count file is refused (the reason itself is Dutch text beside it). */
export const TelWeigering = z.enum([
  'afgebroken',
  'schema',
  'versie',
  'andere-ontvanger',
  'veranderd',
  'onbekende-ondertekenaar',
  'andere-organisatie',
  'andere-regio',
  'periode',
  'herhaald',
  'ouder',
  'geen-ontvangstsleutel',
]);
/** Why a count file is refused. */
export type TelWeigering = z.infer<typeof TelWeigering>;

/** A colleague whose count files the reporter accepts: registered by hand by signing fingerprint. */
export const Collega = z.strictObject({
  id: Id,
  vingerafdruk: Vingerafdruk,
  organisatie: PartnerId,
  /** The reporter's own note ("meldpunt", "coördinator west"); stays in the vault, never in a file or release. */
  omschrijving: z.string(),
  geregistreerd: Timestamp,
  /** Set once revoked: new files of this colleague are refused; files accepted before still count. */
  ingetrokken: Timestamp.nullable(),
});
/** A registered colleague. */
export type Collega = z.infer<typeof Collega>;

/** What the registration of a colleague asks (the organisation must be the reporter's own). */
export const CollegaInvoer = z.strictObject({
  vingerafdruk: z
    .string()
    .trim()
    .transform((v) => v.replace(/\s+/g, '').toUpperCase())
    .refine((v) => /^[0-9A-F]{64}$/.test(v), { message: 'Een vingerafdruk is 64 tekens 0-9 en A-F (spaties mogen)' })
    .transform((v) => v.match(/.{4}/g)!.join(' ')),
  organisatie: PartnerId,
  omschrijving: z.string().trim().max(120, { message: 'Hooguit 120 tekens' }).default(''),
});
/** What the registration of a colleague asks. */
export type CollegaInvoer = z.input<typeof CollegaInvoer>;

/** One accepted count file in the reporter's vault (the raw counts themselves stay inside). */
export const OntvangenTelbestand = z.strictObject({
  telbestandId: Id,
  ondertekenaar: Vingerafdruk,
  collegaId: Id,
  periode: TafelPeriode,
  /** When the colleague made it, and when it was read here. */
  aangemaakt: Timestamp,
  ingelezen: Timestamp,
  /** The newer file of the same colleague and period that replaced this one, if any (then it no longer counts). */
  vervangenDoor: Id.nullable(),
  /** A few totals, to recognise the file: cliënten and meldingen. */
  clienten: z.number().int().nonnegative(),
  meldingen: z.number().int().nonnegative(),
});
/** One accepted count file. */
export type OntvangenTelbestand = z.infer<typeof OntvangenTelbestand>;

/** A colleague count file combined into a release (ids and fingerprints, never names). */
export const GecombineerdeBron = z.strictObject({ telbestandId: Id, ondertekenaar: Vingerafdruk });
/** A combined source. */
export type GecombineerdeBron = z.infer<typeof GecombineerdeBron>;

/** The receiving key of this vault as shown (never the private half). */
export const OntvangstsleutelInfo = z.strictObject({
  vingerafdruk: Vingerafdruk,
  organisatie: PartnerId,
  aangemaakt: Timestamp,
});
/** The receiving key as shown. */
export type OntvangstsleutelInfo = z.infer<typeof OntvangstsleutelInfo>;

/** The reporter's receiving key as stored in a colleague's vault (from an `Ontvangstsleutel` file). */
export const OntvangerInfo = z.strictObject({
  vingerafdruk: Vingerafdruk,
  organisatie: PartnerId,
  organisatieNaam: z.string(),
  /** The reporter's signing fingerprint (compare it with the reporter). */
  ondertekenaar: Vingerafdruk,
  ingesteld: Timestamp,
});
/** The reporter's receiving key as a colleague's vault knows it. */
export type OntvangerInfo = z.infer<typeof OntvangerInfo>;
