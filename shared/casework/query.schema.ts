import { z } from 'zod';
import { Id, IsoDate, PseudonymCode, ShortText, Uitbuitingsvorm } from './common.schema';
import { Fase } from './traject.schema';
import { MeldConclusie, MeldingVorm } from './melding.schema';

/** Sort direction. */
export const Richting = z.enum(['asc', 'desc']);

/** Filter and sort for the trajecten list (also stored in saved views). */
export const TrajectFilter = z.strictObject({
  fasen: z.array(Fase).max(5).optional(),
  /** true: only open (not afgesloten); false: only afgesloten. */
  open: z.boolean().optional(),
  vorm: Uitbuitingsvorm.optional(),
  preventief: z.boolean().optional(),
  minderjarigBijStart: z.boolean().optional(),
  gemeente: ShortText.optional(),
  clientId: Id.optional(),
  sort: z.enum(['aanmelddatum', 'bijgewerkt', 'pseudoniem']).default('bijgewerkt'),
  richting: Richting.default('desc'),
});
/** Filter and sort for the trajecten list. */
export type TrajectFilter = z.infer<typeof TrajectFilter>;

/** Filter and sort for the meldingen list. */
export const MeldingFilter = z.strictObject({
  vanaf: IsoDate.optional(),
  tot: IsoDate.optional(),
  vorm: MeldingVorm.optional(),
  /** `open`: no conclusion yet. */
  conclusie: z.union([MeldConclusie, z.literal('open')]).optional(),
  gemeente: ShortText.optional(),
  zonderTerugkoppeling: z.boolean().optional(),
  minderjarig: z.boolean().optional(),
  acuut: z.boolean().optional(),
  sort: z.enum(['datum', 'bijgewerkt']).default('datum'),
  richting: Richting.default('desc'),
});
/** Filter and sort for the meldingen list. */
export type MeldingFilter = z.infer<typeof MeldingFilter>;

/** Filter and sort for the cliënten list. */
export const ClientFilter = z.strictObject({
  sort: z.enum(['pseudoniem', 'bijgewerkt']).default('bijgewerkt'),
  richting: Richting.default('desc'),
});
/** Filter and sort for the cliënten list. */
export type ClientFilter = z.infer<typeof ClientFilter>;

/** A saved view: a named filter for one of the lists. */
export const ViewDefinition = z.discriminatedUnion('lijst', [
  z.strictObject({ lijst: z.literal('trajecten'), filter: TrajectFilter }),
  z.strictObject({ lijst: z.literal('meldingen'), filter: MeldingFilter }),
  z.strictObject({ lijst: z.literal('clienten'), filter: ClientFilter }),
]);
/** A saved view definition. */
export type ViewDefinition = z.infer<typeof ViewDefinition>;

/** A stored saved view. */
export const SavedView = z.object({ id: Id, naam: z.string(), definitie: ViewDefinition });
/** A stored saved view. */
export type SavedView = z.infer<typeof SavedView>;

/** The kinds of record full-text search looks in. */
export const SearchKind = z.enum(['client', 'traject', 'melding', 'journaal']);
/** A kind of record full-text search looks in. */
export type SearchKind = z.infer<typeof SearchKind>;

/** One full-text search hit. `label` is the pseudonym (or melding date), never the matched text. */
export const SearchHit = z.object({
  kind: SearchKind,
  id: Id,
  /** The traject to open for this hit (journal entries, trajecten), if any. */
  trajectId: Id.nullable(),
  clientId: Id.nullable(),
  label: z.string(),
});
/** One full-text search hit. */
export type SearchHit = z.infer<typeof SearchHit>;

/** One quick-switcher (Ctrl+K) hit. */
export const QuickSwitchHit = z.object({
  kind: z.enum(['client', 'traject']),
  id: Id,
  clientId: Id,
  pseudoniem: PseudonymCode,
  /** Name of the cliënt: shown only because the person typed it or the pseudonym. */
  naam: z.string(),
  fase: Fase.nullable(),
});
/** One quick-switcher hit. */
export type QuickSwitchHit = z.infer<typeof QuickSwitchHit>;
