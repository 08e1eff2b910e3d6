import { z } from 'zod';

/** The regions Ketenkluis knows (one meld- en adviespunt each: ESSM Rotterdam, SHOP Den Haag). */
export const Regio = z.enum(['rotterdam', 'den-haag']);
/** A region. */
export type Regio = z.infer<typeof Regio>;

/** One region with its gemeenten. */
export const RegioGemeenten = z.strictObject({
  regio: Regio,
  naam: z.string().min(1),
  centrumgemeente: z.string().min(1),
  gemeenten: z.array(z.string().min(1)).min(1),
}).refine((r) => r.gemeenten.includes(r.centrumgemeente), { message: 'De centrumgemeente hoort bij de regio', path: ['centrumgemeente'] })
  .refine((r) => new Set(r.gemeenten).size === r.gemeenten.length, { message: 'Elke gemeente maar één keer', path: ['gemeenten'] });
/** One region with its gemeenten. */
export type RegioGemeenten = z.infer<typeof RegioGemeenten>;

/** The file `resources/gemeenten.json`: versioned policy data, reviewed like code. */
export const GemeentenFile = z.strictObject({
  versie: z.string().min(1),
  toelichting: z.string(),
  regios: z.array(RegioGemeenten).min(1),
});
/** The gemeenten file. */
export type GemeentenFile = z.infer<typeof GemeentenFile>;
