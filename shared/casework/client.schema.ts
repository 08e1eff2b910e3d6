import { z } from 'zod';
import { Id, IsoDate, PseudonymCode, Sensitivity, ShortText, LongText, Timestamp, Version } from './common.schema';

/** A contact person of a cliënt (family, guardian, lawyer, mentor). */
export const ContactPerson = z.strictObject({
  naam: ShortText,
  relatie: z.enum(['ouder', 'voogd', 'partner', 'familie', 'advocaat', 'mentor', 'hulpverlener', 'anders']),
  telefoon: z.string().trim().max(40).optional(),
  email: z.email().max(200).optional(),
  /** A parent or guardian can give consent for a cliënt under 16. */
  wettelijkVertegenwoordiger: z.boolean().default(false),
});
/** A contact person of a cliënt. */
export type ContactPerson = z.infer<typeof ContactPerson>;

/** Language and interpreter needs. */
export const TaalBehoefte = z.strictObject({
  /** Languages the cliënt speaks, free names ("Roemeens", "Tigrinya"). */
  talen: z.array(ShortText).max(10).default([]),
  tolkNodig: z.boolean().default(false),
  tolkTaal: ShortText.optional(),
});
/** Language and interpreter needs. */
export type TaalBehoefte = z.infer<typeof TaalBehoefte>;

/** Editable fields of a cliënt, as a form sends them. */
export const ClientFields = z.strictObject({
  roepnaam: ShortText,
  achternaam: ShortText.optional(),
  geboortedatum: IsoDate.optional(),
  geslacht: z.enum(['vrouw', 'man', 'anders', 'onbekend']).default('onbekend'),
  geboorteland: ShortText.optional(),
  nationaliteit: ShortText.optional(),
  bsn: z.string().regex(/^\d{9}$/, 'Een BSN heeft 9 cijfers').optional(),
  vNummer: z.string().regex(/^\d{10}$/, 'Een V-nummer heeft 10 cijfers').optional(),
  telefoon: z.string().trim().max(40).optional(),
  email: z.email().max(200).optional(),
  /** The address where the cliënt stays; a crisisopvang address is secret. */
  verblijfadres: z.string().max(300).optional(),
  /** Health, including mental health and pregnancy (art. 9 AVG). */
  gezondheid: LongText.optional(),
  /** Criminal proceedings against the cliënt, e.g. under the non-punishment principle (art. 10 AVG). */
  strafrechtelijk: LongText.optional(),
  taal: TaalBehoefte.default({ talen: [], tolkNodig: false }),
  contactpersonen: z.array(ContactPerson).max(20).default([]),
  notities: LongText.optional(),
});
/** Editable fields of a cliënt. */
export type ClientFields = z.infer<typeof ClientFields>;
/** Editable fields of a cliënt, before defaults. */
export type ClientFieldsInput = z.input<typeof ClientFields>;

/**
 * Sensitivity class per cliënt field, for the future disclosure gate and de-identification.
 * Every field of ClientFields appears here (checked by a test), so a new field cannot slip out unclassified.
 */
export const clientFieldSensitivity: Record<keyof ClientFields, Sensitivity> = {
  roepnaam: 'direct-identifier',
  achternaam: 'direct-identifier',
  geboortedatum: 'direct-identifier',
  geslacht: 'gewoon',
  geboorteland: 'gewoon',
  nationaliteit: 'gewoon',
  bsn: 'direct-identifier',
  vNummer: 'direct-identifier',
  telefoon: 'direct-identifier',
  email: 'direct-identifier',
  verblijfadres: 'direct-identifier',
  gezondheid: 'bijzonder',
  strafrechtelijk: 'strafrechtelijk',
  taal: 'gewoon',
  contactpersonen: 'direct-identifier',
  notities: 'bijzonder',
};

/** A stored cliënt. */
export const Client = ClientFields.extend({
  id: Id,
  pseudoniem: PseudonymCode,
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
}).strip();
/** A stored cliënt. */
export type Client = z.infer<typeof Client>;

/** A row in the cliënten list: pseudonym and name, nothing more. */
export const ClientSummary = z.object({
  id: Id,
  pseudoniem: PseudonymCode,
  roepnaam: z.string(),
  achternaam: z.string().nullable(),
  openTrajecten: z.number().int().nonnegative(),
  updatedAt: Timestamp,
});
/** A row in the cliënten list. */
export type ClientSummary = z.infer<typeof ClientSummary>;

/** Why a wrongly created cliënt is removed. Only the category is kept in the change log, never a name. */
export const ClientVerwijderReden = z.enum(['dubbel-aangemaakt', 'verkeerde-persoon', 'test', 'anders']);
/** Why a wrongly created cliënt is removed. */
export type ClientVerwijderReden = z.infer<typeof ClientVerwijderReden>;

/** What the duplicate check compares: the BSN exactly, the name with the birth date. */
export const DubbelCheckFields = ClientFields.pick({ roepnaam: true, achternaam: true, geboortedatum: true, bsn: true });
/** What the duplicate check compares. */
export type DubbelCheckFields = z.infer<typeof DubbelCheckFields>;

/** Why an existing cliënt looks like the one being saved. */
export const DubbelOp = z.enum(['bsn', 'naam-geboortedatum']);
/** Why an existing cliënt looks like the one being saved. */
export type DubbelOp = z.infer<typeof DubbelOp>;

/** An existing cliënt that may be the same person: its pseudonym code (never its name) and what matched. */
export const DubbelMatch = z.object({ id: Id, pseudoniem: PseudonymCode, op: z.array(DubbelOp).min(1) });
/** An existing cliënt that may be the same person. */
export type DubbelMatch = z.infer<typeof DubbelMatch>;

/**
 * A name as the duplicate check compares it: case, accents, hyphens and extra spaces do not
 * count ("Ana-María  López" and "ana maria lopez" are the same name).
 */
export function naamSleutel(roepnaam: string, achternaam?: string | null): string {
  return [roepnaam, achternaam ?? '']
    .join(' ')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('nl')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
