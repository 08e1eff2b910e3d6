import { z } from 'zod';
import { KkError } from '../errors';

/** The smallest threshold a privacy officer may choose: below 3, a hidden count of 1 or 2 tells too much. */
export const K_MINIMUM = 3;
/** The default threshold: a count of 1 to 4 is shown as "<5". */
export const K_STANDAARD = 5;
/** The version of the disclosure-control method; a changed rule makes a new version (the file names it). */
export const METHODE_VERSIE = 'tafel-onderdrukking-1';

/** A summary covers a calendar year, or one quarter of it; no other periods. */
export const TafelPeriode = z.strictObject({
  jaar: z.number().int().min(2000).max(2100),
  kwartaal: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).optional(),
});
/** A year or a quarter. */
export type TafelPeriode = z.infer<typeof TafelPeriode>;

/** "2024" or "2024-K2": the period as one short key (in cell keys for noise, and in texts). */
export function periodeSleutel(p: TafelPeriode): string {
  return p.kwartaal === undefined ? String(p.jaar) : `${p.jaar}-K${p.kwartaal}`;
}

/** A cell of a summary, e.g. `clienten.categorie.seksuele-uitbuiting.nieuw`. */
export const CelId = z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, { message: 'Een cel heet zoals "clienten.totaal.nieuw": kleine letters, cijfers en streepjes, met punten ertussen' });
/** The id of a cell. */
export type CelId = z.infer<typeof CelId>;

/**
 * A published linear relation between true counts: Σ factor·cel = 0 (`gelijk`) or ≥ 0 (`minstens`).
 * Totals are relations: `totaal − deel₁ − deel₂ = 0`. Every count is a whole number ≥ 0.
 */
export const Vergelijking = z.strictObject({
  id: z.string().min(1),
  soort: z.enum(['gelijk', 'minstens']),
  termen: z.array(z.strictObject({ cel: CelId, factor: z.number().int().refine((f) => f !== 0) })).min(1),
});
/** A published relation between cells. */
export type Vergelijking = z.infer<typeof Vergelijking>;

/**
 * What a summary shows for one cell: a number (after rounding and noise, when set), `klein` (shown
 * as "<k": 0 up to k−1), `verborgen` (hidden to protect a small count elsewhere, shown as "x": k or
 * more), or `in-overige` (a gemeente with fewer than k meldingen, not shown apart but counted in
 * "overige gemeenten").
 */
export const CelPublicatie = z.union([z.number().int().nonnegative(), z.enum(['klein', 'verborgen', 'in-overige'])]);
/** What a summary shows for one cell. */
export type CelPublicatie = z.infer<typeof CelPublicatie>;

/** A table as the reader sees it: rows of cell ids (null where the table has no cell). */
export const Raster = z.strictObject({ tabel: z.string().min(1), rijen: z.array(z.array(CelId.nullable())) });
/** The layout of one table. */
export type Raster = z.infer<typeof Raster>;

/** Optional deterministic noise (cell-key style): the same cell with the same count gets the same noise in every release. */
export const RuisInstelling = z.strictObject({
  /** A secret of the vault (never in the file): without it nobody can recompute the noise. */
  sleutel: z.string().min(16, { message: 'De sleutel voor de ruis moet minstens 16 tekens hebben' }),
  /** The largest noise, up or down. */
  max: z.number().int().min(1, { message: 'De ruis is minstens 1' }).max(5, { message: 'De ruis is hoogstens 5' }).default(2),
});
/** Noise settings. */
export type RuisInstelling = z.infer<typeof RuisInstelling>;

/** The privacy officer's settings for disclosure control, with safe defaults (k = 5, no rounding, no noise). */
export const Instellingen = z.strictObject({
  k: z
    .number({ message: 'De drempel k moet een geheel getal zijn' })
    .int({ message: 'De drempel k moet een geheel getal zijn' })
    .min(K_MINIMUM, { message: `De drempel k moet minstens ${K_MINIMUM} zijn. Bij een lagere drempel zijn aantallen van 1 of 2 personen te zien.` })
    .max(50, { message: 'De drempel k is hoogstens 50' })
    .default(K_STANDAARD),
  /** Round every shown count (not 0) to a multiple of this base, after suppression. */
  afronding: z.number().int().min(2, { message: 'Afronden kan op 2 tot en met 10' }).max(10, { message: 'Afronden kan op 2 tot en met 10' }).optional(),
  ruis: RuisInstelling.optional(),
});
/** Settings for disclosure control. */
export type Instellingen = z.infer<typeof Instellingen>;
/** Settings as given (defaults still to be filled in). */
export type InstellingenInvoer = z.input<typeof Instellingen>;

/** Reads the settings, refusing (with the Dutch message, as INVALID_INPUT) a k below 3 and other impossible values. */
export function leesInstellingen(invoer: InstellingenInvoer | undefined): Instellingen {
  const r = Instellingen.safeParse(invoer ?? {});
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const path = issue.path.join('.') || 'instellingen';
    throw new KkError('INVALID_INPUT', issue.message, { issues: [{ path, message: issue.message }] });
  }
  return r.data;
}

/**
 * One release, as the release ledger in the vault keeps it: what was published (and how: k,
 * rounding, noise), the published relations and table layouts, and — vault only, never in a
 * file — the true counts at the time (`waarden`), so a later check knows which cells changed.
 */
export const Vrijgave = z.strictObject({
  id: z.string().min(1),
  periode: TafelPeriode,
  methodeVersie: z.string().min(1),
  k: z.number().int().min(K_MINIMUM),
  afronding: z.number().int().min(2).max(10).optional(),
  ruisMax: z.number().int().min(1).max(5).optional(),
  gepubliceerd: z.record(CelId, CelPublicatie),
  vergelijkingen: z.array(Vergelijking),
  rasters: z.array(Raster),
  waarden: z.record(CelId, z.number().int().nonnegative()),
});
/** One entry of the release ledger. */
export type Vrijgave = z.infer<typeof Vrijgave>;
