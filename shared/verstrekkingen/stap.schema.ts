import { z } from 'zod';
import { PolicyBron } from '../policy/policy.schema';
import { DataCategorie } from '../stappenplan/dataCategories';
import { Antwoord, BijzondereKlasse, GeheimhoudingBasis, Grondslag, Regime, Uitkomst } from '../stappenplan/ruleSet.schema';

/**
 * The engine's answers (shared/stappenplan/situatie.schema.ts: `VolgendeVraag`,
 * `StappenplanUitkomst`) as zod schemas, so they can cross the contract. The engine's own
 * TypeScript types stay the definition; a test checks that the engine's output parses here.
 */

/** The next question, with the answers allowed now (and why an earlier answer no longer fits). */
export const VolgendeVraagSchema = z.object({
  soort: z.literal('vraag'),
  vraag: z.object({
    id: z.string(),
    stap: z.number().int().min(0).max(9),
    tekst: z.string(),
    uitleg: z.string(),
    antwoorden: z.array(Antwoord),
    fout: z.string().optional(),
  }),
  redenering: z.array(z.string()),
  ruleSetVersie: z.string(),
});
/** The next question. */
export type VolgendeVraagSchema = z.infer<typeof VolgendeVraagSchema>;

/** A source the outcome used: the rule set's named source with its id. */
export const GebruikteBronSchema = PolicyBron.extend({ id: z.string() });

/** The outcome: exactly the allowed categories, the reasoning in plain Dutch and every source used. */
export const UitkomstSchema = z.object({
  soort: z.literal('uitkomst'),
  uitkomst: Uitkomst,
  velden: z.array(DataCategorie),
  redenering: z.array(z.string()),
  bronnen: z.array(GebruikteBronSchema),
  ruleSetVersie: z.string(),
  regime: Regime,
  grondslag: Grondslag.optional(),
  bepaling: z.string().optional(),
  uitzonderingen: z.array(z.object({ klasse: BijzondereKlasse, antwoord: z.string() })),
  geheimhouding: GeheimhoudingBasis.optional(),
  regels: z.array(z.string()),
});
/** The outcome of the stappenplan. */
export type UitkomstSchema = z.infer<typeof UitkomstSchema>;

/** One step of the stappenplan as the window receives it: a question or the outcome. */
export const StapSchema = z.discriminatedUnion('soort', [VolgendeVraagSchema, UitkomstSchema]);
/** One step of the stappenplan. */
export type StapSchema = z.infer<typeof StapSchema>;
