import { z } from 'zod';
import { duplicates, policyFile } from '../policy/policy.schema';

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

/** The file `resources/gemeenten.json`: a policy file (see shared/policy) with the gemeenten per region. */
export const GemeentenFile = policyFile(
  'gemeenten',
  z.strictObject({
    regios: z.array(RegioGemeenten).min(1),
  }).refine((i) => duplicates(i.regios.map((r) => r.regio)).length === 0, { message: 'Elke regio maar één keer', path: ['regios'] }),
);
/** The gemeenten file. */
export type GemeentenFile = z.infer<typeof GemeentenFile>;
/** The gemeenten of every region, as the app uses them. */
export type Gemeenten = GemeentenFile['inhoud'];
