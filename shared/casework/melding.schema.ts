import { z } from 'zod';
import { Id, IsoDate, LongText, PseudonymCode, ShortText, Timestamp, Uitbuitingsvorm, Version, type Sensitivity } from './common.schema';
import { GemeenteRef } from './traject.schema';

/** How a melding came in. */
export const MeldKanaal = z.enum(['telefoon', 'email', 'website', 'persoonlijk', 'chat', 'brief', 'anders']);
/** How a melding came in. */
export type MeldKanaal = z.infer<typeof MeldKanaal>;

/** Who reported. */
export const MelderType = z.enum(['burger', 'professional-zorg', 'aandachtsfunctionaris', 'politie', 'gemeente', 'onderwijs', 'werkgever', 'sekswerker', 'zelfmelder', 'anders', 'onbekend']);
/** Who reported. */
export type MelderType = z.infer<typeof MelderType>;

/** The form a melding is about; `onbekend` while unclear, `geen` for a plain information request. */
export const MeldingVorm = z.union([Uitbuitingsvorm, z.enum(['onbekend', 'geen'])]);
/** The form a melding is about. */
export type MeldingVorm = z.infer<typeof MeldingVorm>;

/** Meldroute conclusion ("Van signaal naar actie"). */
export const MeldConclusie = z.enum(['geen', 'verder-onderzoek', 'wel']);
/** Meldroute conclusion. */
export type MeldConclusie = z.infer<typeof MeldConclusie>;

/** Feedback (terugkoppeling) to the reporter: always given, unless anonymous without contact. */
export const Terugkoppeling = z.strictObject({
  datum: IsoDate,
  wijze: z.enum(['telefoon', 'email', 'persoonlijk', 'brief', 'niet-mogelijk']),
  toelichting: z.string().max(2000).optional(),
});
/** Feedback to the reporter. */
export type Terugkoppeling = z.infer<typeof Terugkoppeling>;

/** Contact details of a reporter who is not anonymous. */
export const MelderContact = z.strictObject({
  naam: ShortText.optional(),
  organisatie: ShortText.optional(),
  telefoon: z.string().trim().max(40).optional(),
  email: z.email().max(200).optional(),
});
/** Contact details of a reporter. */
export type MelderContact = z.infer<typeof MelderContact>;

/** Editable fields of a melding, without the cross-field check (for partial updates). */
export const MeldingFieldsBase = z.strictObject({
  datum: IsoDate,
  kanaal: MeldKanaal,
  anoniem: z.boolean(),
  melderType: MelderType,
  melderContact: MelderContact.optional(),
  gemeente: GemeenteRef,
  vorm: MeldingVorm,
  /** Null while not known. */
  minderjarig: z.boolean().nullable().default(null),
  preventiefGesprek: z.boolean().default(false),
  informatieverzoek: z.boolean().default(false),
  /** The signal in the reporter's words. Content: never logged. */
  signaal: LongText.optional(),
  conclusie: MeldConclusie.nullable().default(null),
  acuut: z.boolean().default(false),
  terugkoppeling: Terugkoppeling.optional(),
  notities: LongText.optional(),
});
/** Editable fields of a melding. */
export const MeldingFields = MeldingFieldsBase.superRefine((m, ctx) => meldingBezwaren(m).forEach((b) => ctx.addIssue({ code: 'custom', ...b })));

/**
 * What makes a melding impossible, with the reason: one definition for the form, the core and
 * the import (the core checks the merged record after every update too).
 */
export function meldingBezwaren(m: { anoniem: boolean; melderContact?: unknown; vorm: MeldingVorm; conclusie: MeldConclusie | null; preventiefGesprek: boolean; informatieverzoek: boolean }): Array<{ path: string[]; message: string }> {
  const out: Array<{ path: string[]; message: string }> = [];
  if (m.anoniem && m.melderContact) out.push({ path: ['melderContact'], message: 'Een anonieme melding heeft geen contactgegevens van de melder' });
  if (m.conclusie === 'wel' && (m.vorm === 'onbekend' || m.vorm === 'geen')) out.push({ path: ['vorm'], message: 'Bij "wel mensenhandel" hoort een vorm van uitbuiting. Kies de vorm, of kies "verder onderzoek"' });
  if (m.preventiefGesprek && m.informatieverzoek) out.push({ path: ['informatieverzoek'], message: 'Een melding is een preventief gesprek of een informatieverzoek, niet allebei' });
  return out;
}
/** Editable fields of a melding. */
export type MeldingFields = z.infer<typeof MeldingFields>;
/** Editable fields of a melding, before defaults. */
export type MeldingFieldsInput = z.input<typeof MeldingFields>;

/** Sensitivity class per melding field. */
export const meldingFieldSensitivity: Record<keyof z.infer<typeof MeldingFieldsBase>, Sensitivity> = {
  datum: 'gewoon',
  kanaal: 'gewoon',
  anoniem: 'gewoon',
  melderType: 'gewoon',
  melderContact: 'direct-identifier',
  gemeente: 'gewoon',
  vorm: 'strafrechtelijk',
  minderjarig: 'gewoon',
  preventiefGesprek: 'gewoon',
  informatieverzoek: 'gewoon',
  signaal: 'strafrechtelijk',
  conclusie: 'strafrechtelijk',
  acuut: 'gewoon',
  terugkoppeling: 'gewoon',
  notities: 'bijzonder',
};

// The meldroute's partners and steps are defined with the meldroute (meldroute.schema.ts).
import { RouteStap } from './meldroute.schema';
export { RoutePartner, RouteStap } from './meldroute.schema';

/** A stored melding with its routing advice (computed by meldroute.ts, never stored). */
export const Melding = z.object({
  id: Id,
  datum: IsoDate,
  kanaal: MeldKanaal,
  anoniem: z.boolean(),
  melderType: MelderType,
  melderContact: MelderContact.strip().nullable(),
  gemeente: z.string(),
  vorm: MeldingVorm,
  minderjarig: z.boolean().nullable(),
  preventiefGesprek: z.boolean(),
  informatieverzoek: z.boolean(),
  signaal: z.string().nullable(),
  conclusie: MeldConclusie.nullable(),
  acuut: z.boolean(),
  terugkoppeling: Terugkoppeling.strip().nullable(),
  notities: z.string().nullable(),
  trajectId: Id.nullable(),
  advies: z.array(RouteStap),
  version: Version,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
/** A stored melding. */
export type Melding = z.infer<typeof Melding>;

/** A row in the meldingen list. Derived from Melding so the two cannot drift. */
export const MeldingSummary = Melding.pick({
  id: true,
  datum: true,
  kanaal: true,
  anoniem: true,
  melderType: true,
  gemeente: true,
  vorm: true,
  minderjarig: true,
  conclusie: true,
  acuut: true,
  trajectId: true,
}).extend({ teruggekoppeld: z.boolean(), trajectPseudoniem: PseudonymCode.nullable() });
/** A row in the meldingen list. */
export type MeldingSummary = z.infer<typeof MeldingSummary>;
