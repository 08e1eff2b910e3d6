import { z } from 'zod';
import { duplicates, policyFile } from '../policy/policy.schema';

/**
 * The regions Ketenkluis knows, one meld- en adviespunt or zorgcoördinator each: ESSM Rotterdam,
 * SHOP Den Haag, and the zorgcoördinator of De Baronie en De Markiezaten in West-Brabant.
 */
export const Regio = z.enum(['rotterdam', 'den-haag', 'west-brabant']);
/** A region. */
export type Regio = z.infer<typeof Regio>;

/** A CBS gemeentecode: GM and four digits (GM0599 is Rotterdam). */
export const GemeenteCode = z.string().regex(/^GM\d{4}$/, { message: 'Een gemeentecode is GM met vier cijfers, bijvoorbeeld GM0599' });
/** A CBS gemeentecode. */
export type GemeenteCode = z.infer<typeof GemeenteCode>;

/** One gemeente of the CBS list: its code and its name exactly as CBS writes it. */
export const CbsGemeente = z.strictObject({ code: GemeenteCode, naam: z.string().min(1) });
/** One gemeente of the CBS list. */
export type CbsGemeente = z.infer<typeof CbsGemeente>;

/**
 * The CBS list of all Dutch gemeenten on 1 January of `jaar`. `eerdereNamen` keeps names an
 * earlier CBS list used for a gemeente that is still in the list (the same code), so a gemeente
 * recorded under that name stays valid.
 */
export const CbsLijst = z.strictObject({
  jaar: z.number().int().min(2000).max(2100),
  gemeenten: z.array(CbsGemeente).min(1),
  eerdereNamen: z.array(z.strictObject({ code: GemeenteCode, naam: z.string().min(1), jaar: z.number().int().min(2000).max(2100) })),
});
/** The CBS list of gemeenten. */
export type CbsLijst = z.infer<typeof CbsLijst>;

/** One region with its gemeenten (names as in the CBS list). */
export const RegioGemeenten = z.strictObject({
  regio: Regio,
  naam: z.string().min(1),
  centrumgemeente: z.string().min(1),
  gemeenten: z.array(z.string().min(1)).min(1),
}).refine((r) => r.gemeenten.includes(r.centrumgemeente), { message: 'De centrumgemeente hoort bij de regio', path: ['centrumgemeente'] })
  .refine((r) => new Set(r.gemeenten).size === r.gemeenten.length, { message: 'Elke gemeente maar één keer', path: ['gemeenten'] });
/** One region with its gemeenten. */
export type RegioGemeenten = z.infer<typeof RegioGemeenten>;

/** Each index of `list` whose value came earlier in the list. */
function repeatedAt<T>(list: readonly T[]): number[] {
  const seen = new Set<T>();
  const repeated: number[] = [];
  list.forEach((item, i) => (seen.has(item) ? repeated.push(i) : seen.add(item)));
  return repeated;
}

/**
 * The file `resources/gemeenten.json`: a policy file (see shared/policy) with the CBS list of
 * all gemeenten and the gemeenten per region. Every code and name is in the list once; every
 * gemeente of a region is a gemeente of the CBS list (exact spelling) and of one region only.
 * The messages point at the place in the file and never repeat what it holds.
 */
export const GemeentenFile = policyFile(
  'gemeenten',
  z.strictObject({
    cbs: CbsLijst,
    regios: z.array(RegioGemeenten).min(1),
  }).refine((i) => duplicates(i.regios.map((r) => r.regio)).length === 0, { message: 'Elke regio maar één keer', path: ['regios'] })
    .superRefine((inhoud, ctx) => {
      const { gemeenten, eerdereNamen } = inhoud.cbs;
      for (const i of repeatedAt(gemeenten.map((g) => g.code))) ctx.addIssue({ code: 'custom', message: 'Deze gemeentecode staat al eerder in de CBS-lijst', path: ['cbs', 'gemeenten', i, 'code'] });
      for (const i of repeatedAt(gemeenten.map((g) => g.naam))) ctx.addIssue({ code: 'custom', message: 'Deze gemeentenaam staat al eerder in de CBS-lijst', path: ['cbs', 'gemeenten', i, 'naam'] });
      const codes = new Set(gemeenten.map((g) => g.code));
      const namen = new Set(gemeenten.map((g) => g.naam));
      eerdereNamen.forEach((e, i) => {
        if (!codes.has(e.code)) ctx.addIssue({ code: 'custom', message: 'Deze gemeentecode staat niet in de CBS-lijst', path: ['cbs', 'eerdereNamen', i, 'code'] });
        if (namen.has(e.naam)) ctx.addIssue({ code: 'custom', message: 'Deze naam is nu de naam van een gemeente in de CBS-lijst', path: ['cbs', 'eerdereNamen', i, 'naam'] });
      });
      for (const i of repeatedAt(eerdereNamen.map((e) => e.naam))) ctx.addIssue({ code: 'custom', message: 'Deze naam staat al eerder in de lijst', path: ['cbs', 'eerdereNamen', i, 'naam'] });
      const regioVan = new Map<string, number>();
      inhoud.regios.forEach((regio, r) => {
        regio.gemeenten.forEach((naam, j) => {
          if (!namen.has(naam)) ctx.addIssue({ code: 'custom', message: 'Deze gemeente staat niet in de CBS-lijst. Schrijf de naam precies zoals CBS', path: ['regios', r, 'gemeenten', j] });
          const eerder = regioVan.get(naam);
          if (eerder !== undefined && eerder !== r) ctx.addIssue({ code: 'custom', message: 'Deze gemeente hoort al bij een andere regio', path: ['regios', r, 'gemeenten', j] });
          else regioVan.set(naam, r);
        });
      });
    }),
);
/** The gemeenten file. */
export type GemeentenFile = z.infer<typeof GemeentenFile>;
/** The CBS list and the gemeenten of every region, as the app uses them. */
export type Gemeenten = GemeentenFile['inhoud'];
