import { z } from 'zod';
import { method, NoInput, NoOutput } from './define';
import { Id, IsoDate, LongText, PageRequest, PseudonymCode, ShortText, Version, pageOf, patchOf } from '../casework/common.schema';
import { Client, ClientFields, ClientSummary, ClientVerwijderReden, DubbelCheckFields, DubbelMatch } from '../casework/client.schema';
import {
  AfsluitReden,
  Fase,
  JournaalEntry,
  JournaalSoort,
  Task,
  Toestemming,
  ToestemmingFields,
  TrajectDetail,
  TrajectFields,
  TrajectSummary,
} from '../casework/traject.schema';
import { Melding, MeldingFields, MeldingFieldsBase, MeldingSummary } from '../casework/melding.schema';
import { ClientFilter, MeldingFilter, QuickSwitchHit, SavedView, SearchKind, SearchResult, TrajectFilter, ViewDefinition } from '../casework/query.schema';
import { Dashboard } from '../casework/dashboard.schema';
import { ImportResult } from '../casework/import.schema';
import { Regio } from '../casework/gemeenten.schema';

const Ref = z.strictObject({ id: Id });
const Versioned = z.object({ id: Id, version: Version });
/** The one-time token that stands for a file main's dialog chose (32 random bytes, base64url). */
const ImportToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: 'Kies het bestand opnieuw' });
/** What the window learns of a chosen import file: its name and size, never its path. */
const ChosenImportFile = z.object({ token: ImportToken, name: z.string().min(1).max(255), size: z.number().int().nonnegative() });
/** The page a list shows first when the caller names none. */
const FirstPage = PageRequest.default({ offset: 0, limit: 100 });

/** Casework of the zorgcoördinator: cliënten, trajecten, meldingen, search, dashboard, import. */
export const caseworkMethods = {
  'clienten.create': method({
    doc: 'Registers a cliënt and gives it a new random pseudonym code.',
    input: z.strictObject({ fields: ClientFields }),
    output: Client,
  }),
  'clienten.get': method({ doc: 'Returns one cliënt with all fields.', input: Ref, output: Client }),
  'clienten.update': method({
    doc: 'Changes fields of a cliënt; refused with CONFLICT when the version is not the one last read.',
    input: z.strictObject({ id: Id, version: Version, fields: patchOf(ClientFields) }),
    output: Client,
  }),
  'clienten.list': method({
    doc: 'One page of cliënten (pseudonym and name) for a virtualised list.',
    input: z.strictObject({ filter: ClientFilter.default({ sort: 'bijgewerkt', richting: 'desc' }), page: FirstPage }),
    output: pageOf(ClientSummary),
  }),
  'clienten.checkDuplicate': method({
    doc: 'Before a cliënt is saved: existing cliënten with the same BSN, or the same name (case and accents aside) and birth date; answers with pseudonym codes, never names. `exceptId`: the cliënt being edited.',
    input: z.strictObject({ fields: DubbelCheckFields, exceptId: Id.optional() }),
    output: z.object({ matches: z.array(DubbelMatch) }),
  }),
  'clienten.remove': method({
    doc: "Removes a wrongly created cliënt without trajecten, with its search index rows; the change log keeps the action and the reason's category, never a name. Refused with CONFLICT on an old version.",
    input: z
      .strictObject({ id: Id, version: Version, reden: ClientVerwijderReden, toelichting: z.string().trim().max(500).optional() })
      .refine((r) => r.reden !== 'anders' || (r.toelichting ?? '') !== '', { path: ['toelichting'], message: 'Licht de reden "anders" toe' }),
    output: z.object({ id: Id, pseudoniem: PseudonymCode }),
  }),

  'trajecten.create': method({
    doc: 'Starts a traject for a cliënt in phase aanmelding.',
    input: z.strictObject({ clientId: Id, fields: TrajectFields }),
    output: Versioned,
  }),
  'trajecten.get': method({
    doc: 'Opens a traject: fields, phases, consents, tasks, signals and the newest journal entries.',
    input: z.strictObject({ id: Id, journaalLimit: z.number().int().min(0).max(500).default(50) }),
    output: TrajectDetail,
  }),
  'trajecten.update': method({
    doc: 'Changes fields of a traject (opvang and procedures are replaced as a whole list); the phase moves only by transition.',
    input: z.strictObject({ id: Id, version: Version, fields: patchOf(TrajectFields) }),
    output: Versioned,
  }),
  'trajecten.transition': method({
    doc: 'Moves a traject to another phase; closing needs a reason, reopening starts again at intake or actief.',
    input: z.strictObject({
      id: Id,
      version: Version,
      naar: Fase,
      datum: IsoDate.optional(),
      reden: AfsluitReden.optional(),
      toelichting: z.string().max(2000).optional(),
    }),
    output: Versioned,
  }),
  'trajecten.list': method({
    doc: 'One page of trajecten (pseudonym, phase, forms; never names) for a virtualised list.',
    input: z.strictObject({ filter: TrajectFilter.default({ sort: 'bijgewerkt', richting: 'desc' }), page: FirstPage }),
    output: pageOf(TrajectSummary),
  }),
  'journaal.add': method({
    doc: 'Adds a journal entry (note, action, contact, meeting) to a traject.',
    input: z.strictObject({ trajectId: Id, datum: IsoDate.optional(), soort: JournaalSoort.default('notitie'), tekst: LongText.min(1) }),
    output: JournaalEntry,
  }),
  'journaal.update': method({
    doc: 'Corrects the text or kind of a journal entry; the search index follows.',
    input: z.strictObject({ id: Id, version: Version, soort: JournaalSoort.optional(), tekst: LongText.min(1).optional() }),
    output: JournaalEntry,
  }),
  'journaal.delete': method({
    doc: 'Removes a journal entry; it is securely removed from the search index too.',
    input: z.strictObject({ id: Id, version: Version }),
    output: NoOutput,
  }),
  'journaal.list': method({
    doc: 'One page of the journal of a traject, newest first.',
    input: z.strictObject({ trajectId: Id, page: FirstPage }),
    output: pageOf(JournaalEntry),
  }),

  'taken.create': method({
    doc: 'Adds a task with a due date (and an optional reminder day) to a traject.',
    input: z.strictObject({ trajectId: Id, titel: ShortText, deadline: IsoDate, herinnering: IsoDate.optional() }),
    output: Task,
  }),
  'taken.complete': method({ doc: 'Marks a task as done.', input: Ref, output: Task }),
  'taken.update': method({
    doc: 'Corrects the title, due date or reminder day of a task (null removes the reminder); recorded as a change event.',
    input: z.strictObject({ id: Id, titel: ShortText.optional(), deadline: IsoDate.optional(), herinnering: IsoDate.nullable().optional() }),
    output: Task,
  }),
  'taken.listOverdue': method({
    doc: 'One page of open tasks whose due date has passed, oldest first, with the traject pseudonym.',
    input: z.strictObject({ vandaag: IsoDate.optional(), page: FirstPage }),
    output: pageOf(Task.extend({ pseudoniem: z.string() })),
  }),
  'taken.listReminders': method({
    doc: 'Open tasks whose reminder day or due date is today or earlier, for the reminder badge.',
    input: z.strictObject({ vandaag: IsoDate.optional(), page: FirstPage }),
    output: pageOf(Task.extend({ pseudoniem: z.string() })),
  }),

  'toestemmingen.add': method({
    doc: 'Records a consent of the cliënt (or a parent/guardian under 16) for a traject.',
    input: z.strictObject({ trajectId: Id, fields: ToestemmingFields }),
    output: Toestemming,
  }),
  'toestemmingen.withdraw': method({
    doc: 'Records that a consent was withdrawn on a day; from that day it no longer counts.',
    input: z.strictObject({ id: Id, datum: IsoDate.optional() }),
    output: Toestemming,
  }),

  'meldingen.create': method({
    doc: 'Registers a melding of the meld- en adviespunt and returns it with its routing advice.',
    input: z.strictObject({ fields: MeldingFields }),
    output: Melding,
  }),
  'meldingen.get': method({ doc: 'Returns one melding with its routing advice.', input: Ref, output: Melding }),
  'meldingen.update': method({
    doc: 'Changes or corrects a melding (any field: signal, form, gemeente, date, reporter, minderjarig, conclusion, feedback); the merged melding is checked whole, the kept dashboard counts follow; refused with CONFLICT on an old version.',
    input: z.strictObject({ id: Id, version: Version, fields: patchOf(MeldingFieldsBase) }),
    output: Melding,
  }),
  'meldingen.list': method({
    doc: 'One page of meldingen for a virtualised list.',
    input: z.strictObject({ filter: MeldingFilter.default({ sort: 'datum', richting: 'desc' }), page: FirstPage }),
    output: pageOf(MeldingSummary),
  }),
  'meldingen.convertToTraject': method({
    doc: 'Turns a melding into a traject for a new or existing cliënt, in one transaction.',
    input: z.strictObject({
      meldingId: Id,
      client: z.union([z.strictObject({ clientId: Id }), z.strictObject({ nieuw: ClientFields })]),
      fields: patchOf(TrajectFields).optional(),
    }),
    output: z.object({ trajectId: Id, clientId: Id }),
  }),

  'search.query': method({
    doc: 'Full-text search over cliënten, trajecten, meldingen and journal, most relevant first (bm25), with the total number of matches; hits carry the pseudonym, a date and a short snippet from free text, never a name.',
    input: z.strictObject({ q: z.string().trim().min(1).max(200), kinds: z.array(SearchKind).max(4).optional(), limit: z.number().int().min(1).max(200).default(50) }),
    output: SearchResult,
  }),
  'quickSwitch.query': method({
    doc: 'Quick switcher (Ctrl+K): cliënten and their trajecten by pseudonym code or name.',
    input: z.strictObject({ q: z.string().trim().min(1).max(100), limit: z.number().int().min(1).max(50).default(10) }),
    output: z.object({ hits: z.array(QuickSwitchHit) }),
  }),
  'views.save': method({
    doc: 'Saves (or, with an id, replaces) a named filter for a list.',
    input: z.strictObject({ id: Id.optional(), naam: ShortText, definitie: ViewDefinition }),
    output: SavedView,
  }),
  'views.list': method({ doc: 'All saved views, by name.', input: NoInput, output: z.object({ views: z.array(SavedView) }) }),
  'views.delete': method({ doc: 'Removes a saved view.', input: Ref, output: NoOutput }),

  'dashboard.get': method({
    doc: "The coordinator dashboard: open trajecten by phase and form, overdue tasks, bedenktijd and opvang ending soon, a year (this year unless chosen) in monitor shape for the region of the vault's profile, and the years with data.",
    input: z.strictObject({ vandaag: IsoDate.optional(), jaar: z.number().int().min(2000).max(2100).optional(), regio: Regio.optional() }),
    output: Dashboard,
  }),
  'gemeenten.list': method({
    doc: 'The gemeenten of each region (Rotterdam, Den Haag, West-Brabant), for pick lists; every CBS gemeente is valid (resources/gemeenten.json).',
    input: NoInput,
    output: z.object({ regios: z.array(z.object({ regio: Regio, naam: z.string(), centrumgemeente: z.string(), gemeenten: z.array(z.string()) })) }),
  }),
  'import.chooseFile': method({
    doc: 'Shows the file dialog (main does this, not the core) and remembers the chosen file behind a one-time token; the window gets the name and size only, never the path. `file` is null when the person cancels.',
    input: NoInput,
    output: z.object({ file: ChosenImportFile.nullable() }),
    answeredBy: 'main',
  }),
  'import.chosen': method({
    doc: 'Checks (dryRun) or imports the file chosen with import.chooseFile; main hands its path to the core, which streams it. Every record is checked; one invalid record refuses the whole file and nothing is written. A file imported before is refused (ALREADY_IMPORTED) unless `opnieuw` confirms; progress comes as import.progress events, and is never timed out while it runs.',
    input: z.strictObject({ token: ImportToken, dryRun: z.boolean().default(false), opnieuw: z.boolean().default(false) }),
    output: ImportResult,
    answeredBy: 'main',
  }),
} as const;

/** Casework methods only main calls (see `hostMethods` in contract.ts). */
export const caseworkHostMethods = {
  'import.file': method({
    doc: 'Imports a casework JSON file from disk, streamed: only main calls this, with a path from its own file dialog (never one from the window).',
    input: z.strictObject({
      path: z
        .string()
        .min(2)
        .max(4096)
        .refine((p) => !p.includes('\0') && (p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p)), { message: 'Geen absoluut pad' }),
      dryRun: z.boolean().default(false),
      /** The person confirmed importing a file that was imported before. */
      opnieuw: z.boolean().default(false),
    }),
    output: ImportResult,
  }),
} as const;
