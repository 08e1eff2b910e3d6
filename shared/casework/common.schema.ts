import { z } from 'zod';

/** A stable record id (UUID v4, made by the core). Never derived from content. */
export const Id = z.uuid();
/** A stable record id. */
export type Id = z.infer<typeof Id>;

/** A calendar date `YYYY-MM-DD` (no time zone: the day as the professional sees it). */
export const IsoDate = z.iso.date();
/** A calendar date `YYYY-MM-DD`. */
export type IsoDate = z.infer<typeof IsoDate>;

/** A moment in time, ISO 8601 with offset (set by the core, never by the renderer). */
export const Timestamp = z.iso.datetime({ offset: true });
/** A moment in time, ISO 8601. */
export type Timestamp = z.infer<typeof Timestamp>;

/**
 * Pseudonym code of a cliënt, e.g. `KK-7F3Q-9M`: random, stable, unique; used everywhere a name
 * is not needed. The alphabet leaves out 0/O, 1/I/L and U so a code can be read aloud.
 */
export const PseudonymCode = z.string().regex(/^KK-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{2}$/, 'Ongeldige pseudoniemcode');
/** Pseudonym code of a cliënt. */
export type PseudonymCode = z.infer<typeof PseudonymCode>;

/** Short free text (a name, an organisation, a title). */
export const ShortText = z.string().trim().min(1).max(200);
/** Longer free text (a note, a description). Content: never logged, never in a change event. */
export const LongText = z.string().max(20_000);

/**
 * Forms of exploitation (art. 273f Sr) including the three forms of the EU directive
 * agreement of 26 January 2024. SU/AU/CU/OV are the monitor's categories.
 */
export const Uitbuitingsvorm = z.enum([
  'seksuele-uitbuiting',
  'arbeidsuitbuiting',
  'criminele-uitbuiting',
  'orgaanverwijdering',
  'gedwongen-huwelijk',
  'illegale-adoptie',
  'draagmoederschap',
]);
/** A form of exploitation. */
export type Uitbuitingsvorm = z.infer<typeof Uitbuitingsvorm>;

/** Optimistic concurrency: every editable record carries a version; an update names the one it read. */
export const Version = z.number().int().nonnegative();

/** Paging for lists that a virtualised view reads in slices (100,000 rows stay smooth). */
export const PageRequest = z.strictObject({
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
/** Paging request. */
export type PageRequest = z.infer<typeof PageRequest>;

/** A page of a list: the rows and the total count under the same filter. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int().nonnegative(), offset: z.number().int(), limit: z.number().int() });
}
/** A page of rows. */
export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}

/**
 * Sensitivity class of a stored field, used by the future disclosure gate and de-identification:
 * direct identifiers never leave without a ground; bijzondere (art. 9 AVG) and strafrechtelijke
 * (art. 10 AVG) gegevens need an exception; gewoon is still personal data when linked.
 */
export const Sensitivity = z.enum(['direct-identifier', 'bijzonder', 'strafrechtelijk', 'gewoon']);
/** Sensitivity class of a stored field. */
export type Sensitivity = z.infer<typeof Sensitivity>;

/**
 * The patch form of an object schema: every field optional and WITHOUT its default, so an update
 * that names one field never resets the others to their defaults (zod's `.partial()` would).
 * `null` clears a field; the core then checks the merged record against the full schema, so
 * clearing a required field is refused with a clear message.
 */
export function patchOf<Shape extends z.ZodRawShape>(schema: z.ZodObject<Shape>): z.ZodObject<{ [K in keyof Shape]: z.ZodOptional<z.ZodNullable<Shape[K]>> }> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    shape[key] = (field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field).nullable().optional();
  }
  return z.strictObject(shape) as unknown as z.ZodObject<{ [K in keyof Shape]: z.ZodOptional<z.ZodNullable<Shape[K]>> }>;
}
