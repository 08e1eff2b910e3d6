import { z } from 'zod';
import { method, NoInput } from './define';
import { Timestamp } from '../casework/common.schema';
import { Vingerafdruk } from '../profile/profile.schema';
import { K_MINIMUM, K_STANDAARD, TafelPeriode } from '../tafel/tafel.schema';

/** An absolute path from main's own save dialog (host methods only; the window never sends one). */
const AbsolutePath = z
  .string()
  .min(2)
  .max(4096)
  .refine((p) => !p.includes('\0') && (p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p)), { message: 'Geen absoluut pad' });

/**
 * The privacy officer's settings for summaries, as the window sees and sends them. The noise
 * secret is never here: it is made in the vault (crypto.randomBytes) and never leaves it.
 * The core checks every value with `Instellingen` (shared/tafel/tafel.schema.ts): a k below 3 is
 * refused with its Dutch message.
 */
export const TafelInstellingenInvoer = z.strictObject({
  k: z.number().int(),
  /** Round shown counts to a multiple of this (2..10); null: no rounding. */
  afronding: z.number().int().nullable(),
  /** Deterministic noise (cell-key) on or off. */
  ruis: z.boolean(),
  /** The largest noise, up or down (1..5), used when `ruis` is on. */
  ruisMax: z.number().int(),
});
/** Settings as the window sends them. */
export type TafelInstellingenInvoer = z.infer<typeof TafelInstellingenInvoer>;

/** The settings in the vault, with the safe defaults where nothing was chosen. */
export const TafelInstellingenWeergave = TafelInstellingenInvoer.extend({
  k: z.number().int().min(K_MINIMUM),
  /** True while nothing was changed: k = 5, no rounding, no noise. */
  standaard: z.boolean(),
  /** When the settings were last changed (null: never). */
  gewijzigdOp: Timestamp.nullable(),
});
/** The settings as shown. */
export type TafelInstellingenWeergave = z.infer<typeof TafelInstellingenWeergave>;

/** Why a cell is not shown as its count (see `Reden` in shared/tafel/suppression.ts). */
export const VerborgenSoort = z.enum(['klein', 'kleine-gemeente', 'nul-tussen-klein', 'eerdere-versie', 'aanvullend']);
/** Why a cell is hidden. */
export type VerborgenSoort = z.infer<typeof VerborgenSoort>;

/** One table as it would leave: cells shown as a number, "<k" or "x"; `verborgen` marks a hidden cell. */
export const VoorbeeldTabel = z.object({
  id: z.string(),
  titel: z.string(),
  kolommen: z.array(z.object({ id: z.string(), label: z.string() })),
  rijen: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      cellen: z.array(z.object({ cel: z.string(), toon: z.string(), verborgen: VerborgenSoort.nullable() }).nullable()),
    }),
  ),
});
/** One table of the preview. */
export type VoorbeeldTabel = z.infer<typeof VoorbeeldTabel>;

/** A hidden cell in the preview (inside the vault only: its true count never leaves). */
export const VoorbeeldVerborgen = z.object({
  cel: z.string(),
  label: z.string(),
  /** As shown: "<5", "x", or "" for a gemeente only counted in "overige gemeenten". */
  getoond: z.string(),
  soort: VerborgenSoort,
  /** Dutch, for a person: why it is hidden. */
  uitleg: z.string(),
  /** The true count (stays in the vault). */
  waarde: z.number().int().nonnegative(),
  /** What a reader can still conclude: the smallest and largest count possible (null: no upper bound). */
  interval: z.object({ min: z.number().int(), max: z.number().int().nullable() }),
});
/** A hidden cell in the preview. */
export type VoorbeeldVerborgen = z.infer<typeof VoorbeeldVerborgen>;

/**
 * The preview of a summary: exactly what would leave (the tables as published, the method
 * statement), which cells are hidden and why, and the settings it is made with. When the summary
 * may not leave (the order of periods, or a hidden count already given away by earlier releases),
 * `mogelijk` is false with the Dutch reason, and nothing else.
 */
export const TafelVoorbeeld = z.discriminatedUnion('mogelijk', [
  z.object({ mogelijk: z.literal(false), periode: TafelPeriode, reden: z.string() }),
  z.object({
    mogelijk: z.literal(true),
    periode: TafelPeriode,
    organisatie: z.string(),
    regio: z.string(),
    k: z.number().int(),
    afronding: z.number().int().nullable(),
    ruisMax: z.number().int().nullable(),
    /** The release number this summary would get, and the one it corrects (an earlier version of the same period). */
    volgnummer: z.number().int().min(1),
    verbetert: z.number().int().nullable(),
    tabellen: z.array(VoorbeeldTabel),
    verborgen: z.array(VoorbeeldVerborgen),
    /** How many cells the file has, and how many earlier releases were checked with it. */
    aantalCellen: z.number().int(),
    eerdere: z.number().int(),
    methode: z.string(),
    grondslag: z.string(),
    /** Colleagues' count files combined into these figures (names of the colleagues, or empty). */
    bronnen: z.array(z.string()),
  }),
]);
/** The preview of a summary. */
export type TafelVoorbeeld = z.infer<typeof TafelVoorbeeld>;

/** The three files of a release, by name only (the window never sees a path). */
export const TafelBestanden = z.object({ json: z.string(), csv: z.string(), pdf: z.string() });
/** The files written. */
export type TafelBestanden = z.infer<typeof TafelBestanden>;

/** The result of saving a release. */
export const TafelOpslag = z.discriminatedUnion('opgeslagen', [
  z.object({
    opgeslagen: z.literal(true),
    bestanden: TafelBestanden,
    volgnummer: z.number().int().min(1),
    verborgen: z.number().int().nonnegative(),
    ondertekenaar: Vingerafdruk,
  }),
  z.object({
    opgeslagen: z.literal(false),
    /** `geannuleerd`: the person closed the dialog; `bestaat-al`: a file of that name is there (never overwritten); `geweigerd`: the summary may not leave. */
    reden: z.enum(['geannuleerd', 'bestaat-al', 'geweigerd']),
    /** The file that is there already, or the Dutch reason of a refusal. */
    tekst: z.string().optional(),
  }),
]);
/** The result of saving. */
export type TafelOpslag = z.infer<typeof TafelOpslag>;

/** One earlier release in the ledger (never its true counts). */
export const LedgerItem = z.object({
  id: z.string(),
  volgnummer: z.number().int(),
  periode: TafelPeriode,
  /** The number of the release it corrects. */
  verbetert: z.number().int().nullable(),
  k: z.number().int(),
  afronding: z.number().int().nullable(),
  ruisMax: z.number().int().nullable(),
  cellen: z.number().int(),
  verborgen: z.number().int(),
  gemaaktOp: Timestamp,
  /** SHA-256 of the JSON file as written (hex), so a file can be matched with its entry. */
  bestandHash: z.string(),
});
/** One entry of the ledger as shown. */
export type LedgerItem = z.infer<typeof LedgerItem>;

/**
 * Summaries for the Regionale Tafel (issue 14): the privacy officer's settings, the preview of
 * exactly what would leave, saving the signed JSON with its CSV and PDF report (main's save
 * dialog; the window never names a path), the ledger of earlier releases, and the
 * organisation's key fingerprint. The core decides everything.
 */
export const tafelMethods = {
  'tafel.settings': method({
    doc: `The disclosure-control settings in the vault (safe defaults: k = ${K_STANDAARD}, no rounding, no noise); never the noise secret.`,
    input: NoInput,
    output: TafelInstellingenWeergave,
  }),
  'tafel.saveSettings': method({
    doc: `Saves the settings (a change event names the fields changed). Refused (INVALID_INPUT, Dutch, path "k") below k = ${K_MINIMUM}; rounding 2..10, noise 1..5. Turning noise on for the first time makes its secret in the vault.`,
    input: TafelInstellingenInvoer,
    output: TafelInstellingenWeergave,
  }),
  'tafel.preview': method({
    doc: 'Exactly what a summary over a year or a quarter would leave, with the settings in the vault and checked against every earlier release: the tables as published, the hidden cells and why, the method statement. Writes nothing.',
    input: z.strictObject({ periode: TafelPeriode }),
    output: TafelVoorbeeld,
  }),
  'tafel.save': method({
    doc: 'Saves a summary: main shows the save dialog, the core makes it again, writes the signed JSON, the CSV and the PDF report beside it (each atomically, never over an existing file), and only then records the release in the ledger with a change event. A cancel writes and records nothing.',
    input: z.strictObject({ periode: TafelPeriode }),
    output: TafelOpslag,
    answeredBy: 'main',
  }),
  'tafel.ledger': method({
    doc: 'The earlier releases of this vault, newest first (what was published and how; never the true counts).',
    input: NoInput,
    output: z.object({ vrijgaven: z.array(LedgerItem) }),
  }),
  'tafel.sleutel': method({
    doc: 'The organisation and the fingerprint of its signing key, to give the Regionale Tafel so it can register it. PROFILE_MISSING without a profile.',
    input: NoInput,
    output: z.object({ organisatie: z.string(), vingerafdruk: Vingerafdruk }),
  }),
} as const;

/** Tafel methods only main calls, with a path from main's own dialog. */
export const tafelHostMethods = {
  'tafel.suggestName': method({
    doc: 'The file name the save dialog suggests for a summary: organisation, period and the next release number (no personal data).',
    input: z.strictObject({ periode: TafelPeriode }),
    output: z.object({ bestandsnaam: z.string() }),
  }),
  'tafel.writeRelease': method({
    doc: 'Makes the summary again, writes the JSON to `path` and the CSV and PDF beside it (temp file and rename each; none over an existing file), then records the release and its event.',
    input: z.strictObject({ periode: TafelPeriode, path: AbsolutePath }),
    output: TafelOpslag,
  }),
} as const;
