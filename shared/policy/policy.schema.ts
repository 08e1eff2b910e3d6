import { z } from 'zod';
import { IsoDate } from '../casework/common.schema';

/**
 * Where a rule comes from: a public document, optionally its web address, the file it was
 * read from and the line. Seed documents are cited by file name and line (`001_….txt:912`).
 */
export const PolicyBron = z.strictObject({
  titel: z.string().min(1),
  // A plain pattern, not z.url(): that needs the URL global, which the preload's sandbox (and
  // its test's vm) may not have, and the preload loads the policy files through the contract.
  url: z.string().regex(/^https:\/\/\S+$/, { message: 'Een webadres begint met https://' }).optional(),
  document: z.string().min(1).optional(),
  regel: z.string().min(1).optional(),
});
/** Where a rule comes from. */
export type PolicyBron = z.infer<typeof PolicyBron>;

/**
 * The envelope every policy file in `resources/` shares: what kind of policy it is, its version
 * (a version that was ever used for a decision is never changed; a change makes a new version),
 * from when it applies, its sources, a plain-Dutch explanation, and the policy itself.
 * The meldroute, the monitor's categories, the gemeenten and the coming stappenplan rule set
 * all have this shape, so one loader checks them all the same way.
 */
export function policyFile<const Soort extends string, Inhoud extends z.ZodType>(soort: Soort, inhoud: Inhoud) {
  return z.strictObject({
    soort: z.literal(soort),
    versie: z.string().regex(/^[0-9A-Za-z][0-9A-Za-z.-]*$/, { message: 'Een versie is bijvoorbeeld 2025-01 of 1.2' }),
    geldigVanaf: IsoDate.optional(),
    bron: z.array(PolicyBron).min(1, { message: 'Noem minstens één bron' }),
    toelichting: z.string().min(1),
    inhoud,
  });
}

/** The names in `list` that occur more than once (for "each entry once" rules). */
export function duplicates<T>(list: readonly T[]): T[] {
  const seen = new Set<T>();
  const twice = new Set<T>();
  for (const item of list) (seen.has(item) ? twice : seen).add(item);
  return [...twice];
}
