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

/**
 * A few words around the first matched word, cut from a free-text field the record's own screen
 * shows (a journal entry's text, a melding's signal or notes, a traject's notes): never from a
 * name, and never more than about 90 characters. The renderer marks `treffer`.
 */
export const SearchSnippet = z
  .object({
    /** The words before the match, starting with "…" when the field goes on before them. */
    voor: z.string().max(40),
    /** The matched word as written in the record. */
    treffer: z.string().min(1).max(40),
    /** The words after the match, ending with "…" when the field goes on after them. */
    na: z.string().max(100),
  })
  .refine((s) => s.voor.length + s.treffer.length + s.na.length <= 100, { message: 'A snippet is a short window, never more than 100 characters' });
/** A short piece of text around a search match. */
export type SearchSnippet = z.infer<typeof SearchSnippet>;

/**
 * One full-text search hit: what it is and where it leads, the cliënt's pseudonym code (never a
 * name), a date where the record has one, and a snippet where the match is in free text.
 */
export const SearchHit = z.object({
  kind: SearchKind,
  id: Id,
  /** The traject to open for this hit (journal entries, trajecten), if any. */
  trajectId: Id.nullable(),
  clientId: Id.nullable(),
  /** The pseudonym code of the cliënt (a melding: of its traject, when it has one). */
  pseudoniem: PseudonymCode.nullable(),
  /** The record's own date: a journal entry's or a melding's date. The renderer writes it as dd-mm-jjjj. */
  datum: IsoDate.nullable(),
  /** A traject's phase. */
  fase: Fase.nullable(),
  snippet: SearchSnippet.nullable(),
});
/** One full-text search hit. */
export type SearchHit = z.infer<typeof SearchHit>;

/** The most relevant hits first (bm25, a match in a name column weighing more), and how many there are in all. */
export const SearchResult = z.object({ hits: z.array(SearchHit), totaal: z.number().int().nonnegative() });
/** Full-text search hits and their total. */
export type SearchResult = z.infer<typeof SearchResult>;

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
