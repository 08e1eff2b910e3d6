import { z } from 'zod';
import { method, NoInput } from './define';
import { Id, Timestamp } from '../casework/common.schema';
import { TafelPeriode } from '../tafel/tafel.schema';
import {
  Collega,
  CollegaInvoer,
  GecombineerdeBron,
  OntvangenTelbestand,
  OntvangerInfo,
  OntvangstsleutelInfo,
  TelWeigering,
} from '../tafel/telbestand.schema';
import { Vingerafdruk } from '../profile/profile.schema';

/** An absolute path from main's own file dialog (host methods only; the window never sends one). */
const AbsolutePath = z
  .string()
  .min(2)
  .max(4096)
  .refine((p) => !p.includes('\0') && (p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p)), { message: 'Geen absoluut pad' });

/** The outcome of reading one count file: accepted (perhaps replacing an earlier one), or refused with a Dutch reason. Nothing is stored on a refusal. */
export const TelbestandUitkomst = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('ingelezen'),
    telbestand: OntvangenTelbestand,
    /** The earlier file of the same colleague and period this one replaces (it no longer counts). */
    vervangt: Id.nullable(),
    /** Dutch, one or two sentences, for a person. */
    melding: z.string(),
  }),
  z.strictObject({ status: z.literal('geweigerd'), soort: TelWeigering, reden: z.string() }),
]);
/** The outcome of reading one count file. */
export type TelbestandUitkomst = z.infer<typeof TelbestandUitkomst>;

/** What a count file will hold (before it is made, and after). */
const TelbestandSamenvatting = z.strictObject({
  periode: TafelPeriode,
  /** The receiving key it is encrypted to. */
  ontvanger: Vingerafdruk,
  /** This vault's signing fingerprint (the reporter registers it). */
  ondertekenaar: Vingerafdruk,
  clienten: z.number().int().nonnegative(),
  meldingen: z.number().int().nonnegative(),
});

/**
 * The organisation's combine step for the Regionale Tafel (issue 14). Two roles, any vault can
 * take either:
 * - the REPORTER (makes the organisation's release): creates a receiving key, gives its file to
 *   colleagues, registers each colleague's signing fingerprint, reads their count files; the
 *   release (`bereidVrijgaveVoor`) then adds the accepted counts of the period before suppression.
 * - a COLLEAGUE: stores the reporter's receiving-key file once, then makes a count file per period.
 * The window never names a path: main's dialogs choose files and pass them to host methods.
 */
export const tafelSamenvoegenMethods = {
  // ---- reporter: the receiving key
  'tafelSamenvoegen.ontvangstsleutel': method({
    doc: 'The receiving key of this vault (fingerprint, organisation, created), or null when there is none yet. Never the private key.',
    input: NoInput,
    output: z.object({ sleutel: OntvangstsleutelInfo.nullable() }),
  }),
  'tafelSamenvoegen.maakOntvangstsleutel': method({
    doc: 'Creates the receiving key (X25519; the private key stays in the vault). Needs a profile (PROFILE_MISSING). CONFLICT when there is one already.',
    input: NoInput,
    output: z.object({ sleutel: OntvangstsleutelInfo }),
  }),
  'tafelSamenvoegen.bewaarOntvangstsleutel': method({
    doc: 'Saves the receiving-key file for colleagues (main shows the save dialog; the core writes organisation, public key and fingerprint, signed with the profile key). `opgeslagen` false when the person cancels.',
    input: NoInput,
    output: z.object({ opgeslagen: z.boolean(), bestandsnaam: z.string().optional(), vingerafdruk: Vingerafdruk.optional() }),
    answeredBy: 'main',
  }),
  // ---- reporter: colleagues
  'tafelSamenvoegen.collegas': method({
    doc: 'The registered colleagues (active and revoked), oldest first.',
    input: NoInput,
    output: z.object({ collegas: z.array(Collega) }),
  }),
  'tafelSamenvoegen.registreerCollega': method({
    doc: 'Registers a colleague by signing fingerprint (compared by hand, e.g. by phone) and organisation, which must be the profile’s own (INVALID_INPUT with a Dutch message otherwise). A fingerprint registered already (and not revoked) is CONFLICT; a revoked one is registered again.',
    input: CollegaInvoer,
    output: Collega,
  }),
  'tafelSamenvoegen.trekCollegaIn': method({
    doc: 'Revokes a colleague: new count files signed with that fingerprint are refused from now on; files accepted before keep counting (they were verified when read).',
    input: z.strictObject({ id: Id }),
    output: Collega,
  }),
  // ---- reporter: count files
  'tafelSamenvoegen.leesTelbestand': method({
    doc: 'Reads a count file (main shows the open dialog): decrypt with the receiving key, verify the signature against the registered colleagues, check organisation, region, period (`periode` when given must match) and replay; a newer file of the same colleague and period replaces the earlier one. `gekozen` false when the person cancels. A refusal is an outcome with a Dutch reason, and stores nothing.',
    input: z.strictObject({ periode: TafelPeriode.optional() }),
    output: z.discriminatedUnion('gekozen', [z.strictObject({ gekozen: z.literal(false) }), z.strictObject({ gekozen: z.literal(true), bestandsnaam: z.string(), uitkomst: TelbestandUitkomst })]),
    answeredBy: 'main',
  }),
  'tafelSamenvoegen.status': method({
    doc: 'For one period: whether this vault has a receiving key, the count files read for it (current and replaced, newest first), and the sources a release of the period would combine now (ids and fingerprints). Also, for a colleague, the reporter key stored.',
    input: z.strictObject({ periode: TafelPeriode }),
    output: z.object({
      ontvangstsleutel: OntvangstsleutelInfo.nullable(),
      ontvanger: OntvangerInfo.nullable(),
      collegas: z.number().int().nonnegative(),
      telbestanden: z.array(OntvangenTelbestand),
      bronnen: z.array(GecombineerdeBron),
    }),
  }),
  // ---- colleague: the reporter's key, and count files
  'tafelSamenvoegen.ontvanger': method({
    doc: 'The reporter’s receiving key this vault makes count files for (or null): its fingerprint, organisation and the reporter’s signing fingerprint, to compare with the reporter.',
    input: NoInput,
    output: z.object({ ontvanger: OntvangerInfo.nullable() }),
  }),
  'tafelSamenvoegen.kiesOntvanger': method({
    doc: 'Reads the reporter’s receiving-key file (main shows the open dialog), checks its signature and that it is of this profile’s organisation, and stores it (replacing an earlier one). `gekozen` false when the person cancels; INVALID_INPUT with a Dutch reason for a wrong, altered or foreign file.',
    input: NoInput,
    output: z.object({ gekozen: z.boolean(), ontvanger: OntvangerInfo.nullable() }),
    answeredBy: 'main',
  }),
  'tafelSamenvoegen.voorbeeldTelbestand': method({
    doc: 'What a count file for the period would hold (a few totals), to whom it would be encrypted and with which signing fingerprint. Writes nothing. PROFILE_MISSING without a profile; INVALID_INPUT (Dutch) without a stored reporter key.',
    input: z.strictObject({ periode: TafelPeriode }),
    output: TelbestandSamenvatting,
  }),
  'tafelSamenvoegen.maakTelbestand': method({
    doc: 'Makes the count file of a period for the stored reporter key (main shows the save dialog; the core signs, encrypts and writes it atomically; the save dialog asks before replacing a file). `opgeslagen` false when the person cancels.',
    input: z.strictObject({ periode: TafelPeriode }),
    output: z.object({ opgeslagen: z.boolean(), bestandsnaam: z.string().optional(), telbestandId: Id.optional(), samenvatting: TelbestandSamenvatting.optional() }),
    answeredBy: 'main',
  }),
} as const;

/** Methods only main calls (see `hostMethods` in contract.ts), with a path from main's own dialog. */
export const tafelSamenvoegenHostMethods = {
  'tafelSamenvoegen.schrijfOntvangstsleutel': method({
    doc: 'Writes the receiving-key file to `path` (temp file in the same folder, then rename).',
    input: z.strictObject({ path: AbsolutePath }),
    output: z.object({ bestandsnaam: z.string(), vingerafdruk: Vingerafdruk }),
  }),
  'tafelSamenvoegen.ontvangstsleutelNaam': method({
    doc: 'The suggested file name of the receiving-key file (no personal data); refuses before a dialog when there is no receiving key.',
    input: NoInput,
    output: z.object({ bestandsnaam: z.string() }),
  }),
  'tafelSamenvoegen.leesOntvangerBestand': method({
    doc: 'Reads, checks and stores the reporter’s receiving-key file at `path`.',
    input: z.strictObject({ path: AbsolutePath }),
    output: z.object({ ontvanger: OntvangerInfo }),
  }),
  'tafelSamenvoegen.telbestandNaam': method({
    doc: 'Checks that a count file can be made for the period (profile, reporter key) before main shows a dialog; the suggested file name.',
    input: z.strictObject({ periode: TafelPeriode }),
    output: z.object({ bestandsnaam: z.string() }),
  }),
  'tafelSamenvoegen.schrijfTelbestand': method({
    doc: 'Makes, signs, encrypts and writes the count file of the period to `path` atomically.',
    input: z.strictObject({ periode: TafelPeriode, path: AbsolutePath }),
    output: z.object({ bestandsnaam: z.string(), telbestandId: Id, samenvatting: TelbestandSamenvatting, aangemaakt: Timestamp }),
  }),
  'tafelSamenvoegen.leesTelbestandBestand': method({
    doc: 'Reads one count file at `path` as `tafelSamenvoegen.leesTelbestand` describes.',
    input: z.strictObject({ path: AbsolutePath, periode: TafelPeriode.optional() }),
    output: z.object({ bestandsnaam: z.string(), uitkomst: TelbestandUitkomst }),
  }),
} as const;
