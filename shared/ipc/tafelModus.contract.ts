import { z } from 'zod';
import { method, NoInput } from './define';
import { Id } from '../casework/common.schema';
import { TafelPeriode } from '../tafel/tafel.schema';
import { ImportUitkomst, Ondertekenaar, OndertekenaarInvoer, Ontvangen, RegionaleMonitor } from '../tafel/monitor.schema';

/** An absolute path from main's own file dialog (host methods only; the window never sends one). */
const AbsolutePath = z
  .string()
  .min(2)
  .max(4096)
  .refine((p) => !p.includes('\0') && (p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p)), { message: 'Geen absoluut pad' });

/**
 * Tafel mode (issue 14): the secretariaat of the Regionale Tafel registers the organisations'
 * signing keys, imports their signed summaries (each verified against the registered keys, for
 * the one period being compiled), and compiles the regional monitor: a section per organisation,
 * combined figures as intervals, charts, and a PDF to publish. The core decides every refusal.
 */
export const tafelModusMethods = {
  'tafelModus.registerSigner': method({
    doc: 'Registers an organisation’s signing key (name, organisation id as in its files, fingerprint as its profile shows it). A fingerprint already registered is refused (CONFLICT). Recorded as an event.',
    input: OndertekenaarInvoer,
    output: Ondertekenaar,
  }),
  'tafelModus.listSigners': method({
    doc: 'The registered signing keys, active first, then retired; each with how many imported files it signed.',
    input: NoInput,
    output: z.object({ ondertekenaars: z.array(Ondertekenaar) }),
  }),
  'tafelModus.retireSigner': method({
    doc: 'Retires a signing key with a reason: files signed with it are refused from now on; files imported before stay. A key is never deleted. Recorded as an event.',
    input: z.strictObject({ id: Id, reden: z.string().trim().min(1, { message: 'Vul de reden in' }).max(500, { message: 'Hooguit 500 tekens' }) }),
    output: Ondertekenaar,
  }),
  'tafelModus.import': method({
    doc: 'Imports summary files for the monitor of `periode` (main shows the open dialog, several files at once; the window never names a path). Per file: verified (format, signature, registered and active signer, its organisation, period, not seen before, not older than what is there); a refused file stores nothing and gets its Dutch reason. A correction replaces the release it corrects. `geannuleerd` true when the person cancels.',
    input: z.strictObject({ periode: TafelPeriode }),
    output: z.object({ geannuleerd: z.boolean(), uitkomsten: z.array(ImportUitkomst) }),
    answeredBy: 'main',
  }),
  'tafelModus.listImported': method({
    doc: 'The imported summaries (of one period when given), newest period first; replaced ones carry `vervangenDoor`.',
    input: z.strictObject({ periode: TafelPeriode.optional() }),
    output: z.object({ ontvangen: z.array(Ontvangen) }),
  }),
  'tafelModus.compile': method({
    doc: 'Compiles the regional monitor of `periode` from the current (not replaced) imported summaries: a section per organisation as published ("<k", "x"), the combined tables with intervals ("<5" + 12 → 12–16), and the two charts (meldingen per vorm, cliënten per categorie) as intervals. Nothing is stored.',
    input: z.strictObject({ periode: TafelPeriode }),
    output: RegionaleMonitor,
  }),
  'tafelModus.savePdf': method({
    doc: 'Saves the monitor of `periode` as a PDF to publish (main shows the save dialog). Refused (INVALID_INPUT) when no summary of that period is imported. `opgeslagen` false when the person cancels.',
    input: z.strictObject({ periode: TafelPeriode }),
    output: z.object({ opgeslagen: z.boolean(), bestandsnaam: z.string().optional(), bytes: z.number().int().positive().optional() }),
    answeredBy: 'main',
  }),
} as const;

/** Tafel mode methods only main calls (see `hostMethods` in contract.ts), with paths from main's own dialogs. */
export const tafelModusHostMethods = {
  'tafelModus.importFiles': method({
    doc: 'Imports the files at `paths` (chosen in main’s dialog) for the monitor of `periode`, each verified as `tafelModus.import` says.',
    input: z.strictObject({ periode: TafelPeriode, paths: z.array(AbsolutePath).min(1).max(200) }),
    output: z.object({ uitkomsten: z.array(ImportUitkomst) }),
  }),
  'tafelModus.pdfName': method({
    doc: 'The suggested file name of the monitor PDF of `periode`; refused (INVALID_INPUT) when nothing of that period is imported, before any dialog shows.',
    input: z.strictObject({ periode: TafelPeriode }),
    output: z.object({ bestandsnaam: z.string() }),
  }),
  'tafelModus.writePdf': method({
    doc: 'Compiles the monitor of `periode` and writes its PDF to `path` atomically (temp file in the same folder, then rename).',
    input: z.strictObject({ periode: TafelPeriode, path: AbsolutePath }),
    output: z.object({ bestandsnaam: z.string(), bytes: z.number().int().positive() }),
  }),
} as const;
