import { z } from 'zod';
import { method, NoInput, NoOutput } from './define';
import { Id, Version } from '../casework/common.schema';
import { StappenplanFile } from '../stappenplan/ruleSet.schema';
import { Besluit, BesluitInvoer, Concept, ConceptNieuw, ConceptStap, GoedkeuringInvoer, StapAntwoord, GevraagdeGegevens } from '../verstrekkingen/besluit.schema';
import { KopieVerzoek, PakketInhoud, PakketResultaat, VerstrekkingsVerzoek } from '../verstrekkingen/pakket.schema';
import { RegisterFilter, RegisterPagina, RegisterZoek } from '../verstrekkingen/register.schema';
import { RuleSetVersie } from '../verstrekkingen/ruleSetVersie.schema';

/** An absolute path from main's own file dialog (host methods only; the window never sends one). */
const AbsolutePath = z
  .string()
  .min(2)
  .max(4096)
  .refine((p) => !p.includes('\0') && (p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p)), { message: 'Geen absoluut pad' });

/** A draft as the caller last read it. */
const ConceptRef = z.strictObject({ id: Id, version: Version });

/**
 * Verstrekkingen (issue 12): the stappenplan per disclosure (drafts, steps, decisions, four-eyes,
 * revocation), the gate every disclosure passes (package, print, copy), the register, and the
 * rule set's versions. The core decides everything; the window shows and asks.
 */
export const verstrekkingenMethods = {
  'verstrekkingen.createDraft': method({
    doc: 'Starts a draft decision for a traject, a recipient from the partner register and a purpose (optionally the data asked for, or the decision it corrects), under the current rule-set version; returns it with the first step. A vault without a profile cannot decide (PROFILE_MISSING).',
    input: ConceptNieuw,
    output: ConceptStap,
  }),
  'verstrekkingen.listDrafts': method({
    doc: 'The open drafts, newest first; only those of one traject when given.',
    input: z.strictObject({ trajectId: Id.optional() }),
    output: z.object({ concepten: z.array(Concept) }),
  }),
  'verstrekkingen.step': method({
    doc: 'Saves an answer (or the data asked for) in the draft when given, and runs the stappenplan on it with the facts from the vault (partner category and beroepsgeheim from the register, the traject’s consents with the cliënt’s age on the day): the next question, or the outcome. Without changes it only reads (then `version` may be left out).',
    input: z.strictObject({ id: Id, version: Version.optional(), antwoord: StapAntwoord.optional(), gevraagdeGegevens: GevraagdeGegevens.optional() }),
    output: ConceptStap,
  }),
  'verstrekkingen.discardDraft': method({
    doc: 'Throws a draft away (nothing was decided, nothing is recorded in the register).',
    input: ConceptRef,
    output: NoOutput,
  }),
  'verstrekkingen.complete': method({
    doc: 'Completes a draft whose stappenplan reached an outcome: stores the decision record (append-only) with what the person writes (necessity, alternatives, informing, channel, retention, review date, four-eyes, advice) and records it in the register. The draft is gone after this.',
    input: ConceptRef.extend({ besluit: BesluitInvoer }),
    output: Besluit,
  }),
  'verstrekkingen.approve': method({
    doc: 'Four-eyes approval of a decision that asks for it: a second person’s own name and function (not the profile’s). Until then the decision cannot be used.',
    input: GoedkeuringInvoer,
    output: Besluit,
  }),
  'verstrekkingen.revoke': method({
    doc: 'Revokes a decision with a reason (a register entry referring to it); it can no longer be used. The decision itself is never changed.',
    input: z.strictObject({ besluitId: Id, reden: z.string().trim().min(1, { message: 'Vul de reden in' }).max(2000, { message: 'Hooguit 2000 tekens' }) }),
    output: Besluit,
  }),
  'verstrekkingen.get': method({
    doc: 'One decision record with whether it can be used today and, if not, why (in Dutch).',
    input: z.strictObject({ id: Id }),
    output: Besluit,
  }),
  'verstrekkingen.list': method({
    doc: 'The decisions of a traject, newest first, each with whether it can be used today.',
    input: z.strictObject({ trajectId: Id }),
    output: z.object({ besluiten: z.array(Besluit) }),
  }),
  'verstrekkingen.preview': method({
    doc: 'Exactly what would leave under a decision, or under a draft’s outcome: the cover and only the fields of the allowed categories, built by the core from the vault. Nothing leaves and nothing is recorded.',
    input: z.union([z.strictObject({ besluitId: Id }), z.strictObject({ conceptId: Id })]),
    output: PakketInhoud,
  }),
  'verstrekkingen.register': method({
    doc: 'The verstrekkingenregister, newest first: per cliënt (pseudonym), per partner, per ground, per period (any combination), each entry with its decision record.',
    input: RegisterZoek,
    output: RegisterPagina,
  }),
  'verstrekkingen.savePackage': method({
    doc: 'Makes the disclosure package of a decision (main shows the save dialog; the window never names a path): the core checks the gate, builds the PDF (AES-256, JSON inside) and writes it atomically; returns the file name, size and the password, shown once. Refused (DISCLOSURE_REFUSED, and recorded) unless the decision allows exactly these categories for this recipient and traject today.',
    input: VerstrekkingsVerzoek,
    output: PakketResultaat,
    answeredBy: 'main',
  }),
  'verstrekkingen.print': method({
    doc: 'Prints the allowed data of a decision (main prints what the core built after the gate allowed it and recorded the print). Refused and recorded like a package.',
    input: VerstrekkingsVerzoek,
    output: z.object({ afgedrukt: z.boolean() }),
    answeredBy: 'main',
  }),
  'verstrekkingen.copyField': method({
    doc: 'Copies one identifying field to the clipboard (main does this; the window never receives the value) when a decision allows its category for this recipient and traject; the core records the copy; main clears the clipboard after 30 seconds if it still holds the value.',
    input: KopieVerzoek,
    output: z.object({ gekopieerd: z.literal(true), wisNaSeconden: z.number().int().positive() }),
    answeredBy: 'main',
  }),
  'verstrekkingen.kopieerWachtwoord': method({
    doc: 'Copies the password of a package just saved to the clipboard (main keeps it in memory, by the register id of the package, until the person closes the password or locks the vault, and at most 10 minutes; the window never sends it back). Cleared from the clipboard after 30 seconds if it is still there. `gekopieerd` false with `reden` when main no longer has it.',
    input: z.strictObject({ registerId: Id }),
    output: z.discriminatedUnion('gekopieerd', [
      z.object({ gekopieerd: z.literal(true), wisNaSeconden: z.number().int().positive() }),
      z.object({ gekopieerd: z.literal(false), reden: z.enum(['verlopen']) }),
    ]),
    answeredBy: 'main',
  }),
  'verstrekkingen.vergeetWachtwoord': method({
    doc: 'The person closed the password of a package: main forgets it now (copying it is no longer possible). Nothing happens for a register id main does not hold.',
    input: z.strictObject({ registerId: Id }),
    output: NoOutput,
    answeredBy: 'main',
  }),
  'verstrekkingen.exportRegister': method({
    doc: 'Exports the register (with a filter) as CSV for the privacy officer: main shows the save dialog, the core writes the file atomically (UTF-8 with BOM, Dutch headers, no formula injection). `opgeslagen` false when the person cancels.',
    input: z.strictObject({ filter: RegisterFilter.default({}) }),
    output: z.object({ opgeslagen: z.boolean(), rijen: z.number().int().nonnegative() }),
    answeredBy: 'main',
  }),
  'stappenplan.versions': method({
    doc: 'The versions of the stappenplan rule set in this vault, newest first: which is current, its SHA-256, where it came from and how many decisions used it.',
    input: NoInput,
    output: z.object({ versies: z.array(RuleSetVersie) }),
  }),
  'stappenplan.get': method({
    doc: 'One version of the rule set as stored in the vault (the current one when no version is given), for reading in the app.',
    input: z.strictObject({ versie: z.string().min(1).max(64).optional() }),
    output: StappenplanFile,
  }),
  'stappenplan.import': method({
    doc: 'Imports a new version of the rule set from a file main lets the person choose: validated (POLICY_INVALID with the path in the file), recorded as an event, and from then on the current version for new drafts. A version number already in the vault is refused; old decisions keep theirs. `versie` null when the person cancels.',
    input: NoInput,
    output: z.object({ versie: z.string().nullable() }),
    answeredBy: 'main',
  }),
} as const;

/** Verstrekkingen methods only main calls (see `hostMethods` in contract.ts), with a path from main's own dialog. */
export const verstrekkingenHostMethods = {
  'verstrekkingen.gate': method({
    doc: 'Checks the gate for a package or a print before main shows a dialog; records a refusal. Returns the suggested file name (no personal data).',
    input: VerstrekkingsVerzoek.extend({ wat: z.enum(['pakket', 'afdruk']) }),
    output: z.object({ bestandsnaam: z.string() }),
  }),
  'verstrekkingen.writePackage': method({
    doc: 'Checks the gate again, builds and writes the encrypted package to `path` (temp file in the same folder, then rename), and records it.',
    input: VerstrekkingsVerzoek.extend({ path: AbsolutePath }),
    output: z.object({ bestandsnaam: z.string(), bytes: z.number().int().positive(), wachtwoord: z.string(), registerId: Id }),
  }),
  'verstrekkingen.printDocument': method({
    doc: 'Checks the gate, records the print and returns the printable document (self-contained HTML, no scripts) of exactly the allowed data.',
    input: VerstrekkingsVerzoek,
    output: z.object({ html: z.string(), registerId: Id }),
  }),
  'verstrekkingen.copyValue': method({
    doc: 'Checks the gate for one identifying field, records the copy and returns the value for main’s clipboard.',
    input: KopieVerzoek,
    output: z.object({ waarde: z.string(), registerId: Id }),
  }),
  'verstrekkingen.writeRegisterCsv': method({
    doc: 'Writes the register (with a filter) as CSV to `path` atomically.',
    input: z.strictObject({ path: AbsolutePath, filter: RegisterFilter.default({}) }),
    output: z.object({ rijen: z.number().int().nonnegative() }),
  }),
  'stappenplan.importFile': method({
    doc: 'Imports a rule-set version from `path` (chosen in main’s dialog).',
    input: z.strictObject({ path: AbsolutePath }),
    output: z.object({ versie: z.string() }),
  }),
} as const;
