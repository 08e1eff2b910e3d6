import { z } from 'zod';
import { Id, Timestamp, Version } from '../casework/common.schema';
import { Regio } from '../casework/gemeenten.schema';
import { PartnerId } from '../partners/partner.schema';

/** The work a person does with Ketenkluis (DOMAIN: who uses it). */
export const Functie = z.enum(['zorgcoordinator', 'meldpunt-medewerker', 'riec-analist', 'privacy-officer', 'secretariaat-regionale-tafel'], {
  message: 'Kies uw functie',
});
/** The work a person does with Ketenkluis. */
export type Functie = z.infer<typeof Functie>;

/**
 * Who works with this vault: what a change event and, later, a decision record as "who".
 * The organisation is a partner from the register; the region decides which gemeenten and
 * which monitor the screens show.
 */
export const ProfileFields = z.strictObject({
  naam: z.string().trim().min(1, { message: 'Vul uw naam in' }).max(120, { message: 'Uw naam is hooguit 120 tekens' }),
  functie: Functie,
  organisatie: PartnerId,
  // The regions of gemeenten.schema.ts, with a message a person understands.
  regio: z.enum(Regio.options, { message: 'Kies uw regio' }),
});
/** Who works with this vault. */
export type ProfileFields = z.infer<typeof ProfileFields>;

/**
 * The SHA-256 fingerprint of the organisation's public signing key, as a person reads it aloud:
 * 64 hex digits in 16 groups of four (`3F2A 9C01 …`).
 */
export const Vingerafdruk = z.string().regex(/^[0-9A-F]{4}( [0-9A-F]{4}){15}$/);

/** The vault's profile: its fields, its id (what change events record), and the key's fingerprint. */
export const Profile = ProfileFields.extend({
  id: Id,
  version: Version,
  aangemaakt: Timestamp,
  bijgewerkt: Timestamp,
  /** Fingerprint of the organisation's Ed25519 public key (the private key never leaves the vault). */
  vingerafdruk: Vingerafdruk,
});
/** The vault's profile. */
export type Profile = z.infer<typeof Profile>;

/** Formats 32 bytes (given as hex) as the grouped fingerprint: upper case, groups of four. */
export function fingerprintText(hex: string): string {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error('A SHA-256 fingerprint has 64 hex digits');
  return hex.toUpperCase().match(/.{4}/g)!.join(' ');
}
