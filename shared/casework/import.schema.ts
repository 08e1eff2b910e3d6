import { z } from 'zod';
import { IsoDate, PseudonymCode, ShortText } from './common.schema';
import { ClientFields, DubbelOp } from './client.schema';
import { AfsluitReden, Fase, JournaalSoort, ToestemmingFields, TrajectFields } from './traject.schema';
import { MeldingFields } from './melding.schema';
import { trajectBezwaren } from './trajectRules';

/** The largest import file, in the app and in kk (both stream it; the cap bounds how long the vault is busy). */
export const MAX_IMPORT_FILE_BYTES = 512 * 1024 * 1024;

/** One traject in an import file, with its cliënt and its history inline. */
export const ImportTraject = TrajectFields.extend({
  /**
   * The cliënt of this traject. With `clientRef`, several trajecten share one cliënt: the first
   * traject with a ref gives the cliënt's fields, later ones may leave `client` out (or repeat it
   * exactly).
   */
  client: ClientFields.optional(),
  /** A key of the cliënt within this file only (never stored), e.g. "c17". */
  clientRef: z.string().trim().min(1).max(64).optional(),
  fase: Fase.default('aanmelding'),
  afsluitReden: AfsluitReden.optional(),
  afsluitToelichting: z.string().max(2000).optional(),
  afgeslotenOp: IsoDate.optional(),
  toestemmingen: z.array(ToestemmingFields.extend({ ingetrokkenOp: IsoDate.optional() })).max(50).default([]),
  journaal: z.array(z.strictObject({ datum: IsoDate, soort: JournaalSoort, tekst: z.string().min(1).max(20_000) })).max(10_000).default([]),
  taken: z.array(z.strictObject({ titel: ShortText, deadline: IsoDate, herinnering: IsoDate.optional(), afgerond: z.boolean().default(false) })).max(500).default([]),
}).superRefine((t, ctx) => {
  if (!t.client && !t.clientRef) ctx.addIssue({ code: 'custom', path: ['client'], message: 'Vul de gegevens van de cliënt in, of verwijs met clientRef naar een cliënt eerder in het bestand' });
  const bezwaren = trajectBezwaren({ ...t, afgeslotenOp: t.fase === 'afgesloten' ? (t.afgeslotenOp ?? t.aanmelddatum) : null, geboortedatum: t.client?.geboortedatum });
  for (const b of bezwaren) ctx.addIssue({ code: 'custom', path: b.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message: b.message });
  if (t.fase !== 'afgesloten' && t.afgeslotenOp) ctx.addIssue({ code: 'custom', path: ['afgeslotenOp'], message: 'Alleen een afgesloten traject heeft een datum van afsluiten' });
  if (t.fase === 'afgesloten' && !t.afsluitReden) ctx.addIssue({ code: 'custom', path: ['afsluitReden'], message: 'Een afgesloten traject heeft een reden' });
  if (t.fase !== 'afgesloten' && t.afsluitReden) ctx.addIssue({ code: 'custom', path: ['afsluitReden'], message: 'Alleen een afgesloten traject heeft een reden' });
  if (t.afsluitReden === 'anders' && !t.afsluitToelichting?.trim()) ctx.addIssue({ code: 'custom', path: ['afsluitToelichting'], message: 'Licht de reden "anders" toe' });
});
/** One traject in an import file. */
export type ImportTraject = z.infer<typeof ImportTraject>;

/** The import file format, version 1. An invalid file is refused whole. */
export const ImportFile = z.strictObject({
  format: z.literal('ketenkluis.casework'),
  versie: z.literal(1),
  trajecten: z.array(ImportTraject).max(250_000).default([]),
  meldingen: z.array(MeldingFields).max(500_000).default([]),
});
/** The import file format. */
export type ImportFile = z.infer<typeof ImportFile>;

/**
 * A cliënt in an import file that may be someone who is already there (issue 13): the same BSN,
 * or the same name and birth date, as a cliënt in the vault or one earlier in the same file. It
 * names records by their place in the file and cliënten by pseudonym code, never by a value.
 */
export const ImportDubbel = z.object({
  /** The cliënt in the file, e.g. "trajecten.3.client" (as the refusals name a place). */
  pad: z.string(),
  /** Whether it looks like a cliënt already in the vault, or one earlier in this file. */
  lijktOp: z.enum(['in-kluis', 'in-bestand']),
  /** The pseudonym code of that cliënt; for one earlier in the file only once it has one (an import, not a check). */
  pseudoniem: PseudonymCode.optional(),
  /** For one earlier in the file: where it is, e.g. "trajecten.1.client". */
  eerderPad: z.string().optional(),
  /** What matched. */
  op: z.array(DubbelOp).min(1),
});
/** A cliënt in an import file that may be someone who is already there. */
export type ImportDubbel = z.infer<typeof ImportDubbel>;

/** What an import wrote (or, in a dry run, would write). */
export const ImportResult = z.object({
  dryRun: z.boolean(),
  clienten: z.number().int(),
  trajecten: z.number().int(),
  meldingen: z.number().int(),
  journaal: z.number().int(),
  taken: z.number().int(),
  toestemmingen: z.number().int(),
  /** When this same file (by the SHA-256 of its bytes) was first imported, if it was before (ISO 8601, UTC). */
  eerderIngelezenOp: z.iso.datetime().optional(),
  /** Cliënten that may be written twice (the first ones, at most MAX_IMPORT_DUBBEL), and how many there are in all. */
  dubbel: z.object({ eerste: z.array(ImportDubbel), totaal: z.number().int() }).optional(),
});
/** What an import wrote. */
export type ImportResult = z.infer<typeof ImportResult>;
