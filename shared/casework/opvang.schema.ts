import { z } from 'zod';
import { ClientFields } from './client.schema';
import { OpvangSoort } from './traject.schema';
import { policyFile, PolicyBron } from '../policy/policy.schema';

/** How a cliënt identifies (the cliënt's own field). */
export const Geslacht = ClientFields.shape.geslacht.unwrap();
/** How a cliënt identifies. */
export type Geslacht = z.infer<typeof Geslacht>;

const Basis = { opvang: OpvangSoort, bron: PolicyBron, toelichting: z.string().min(1).optional() };

/** One rule for a kind of opvang, with its source line. */
export const OpvangRegel = z.discriminatedUnion('regel', [
  /** Only for persons who identify as one of these. */
  z.strictObject({ ...Basis, regel: z.literal('geslacht'), geslachten: z.array(Geslacht.exclude(['onbekend'])).min(1) }),
  /** Only from this age, on the day the stay starts. */
  z.strictObject({ ...Basis, regel: z.literal('minimumleeftijd'), jaren: z.number().int().min(0).max(120) }),
  /** At most this many calendar months. */
  z.strictObject({ ...Basis, regel: z.literal('maximumduur'), maanden: z.number().int().min(1).max(120) }),
]);
/** One rule for a kind of opvang. */
export type OpvangRegel = z.infer<typeof OpvangRegel>;

/**
 * The file `resources/opvang.json`: the rules for stays in the opvang, a policy file (see
 * shared/policy). Each kind of rule at most once per kind of opvang; crisisopvang has its
 * maximum duration (the traject's signals and the dashboard count from it).
 */
export const OpvangFile = policyFile(
  'opvang',
  z.strictObject({ regels: z.array(OpvangRegel) }).superRefine((inhoud, ctx) => {
    const seen = new Set<string>();
    inhoud.regels.forEach((r, i) => {
      const key = `${r.opvang}/${r.regel}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['regels', i], message: `De regel "${r.regel}" voor "${r.opvang}" staat er meer dan één keer in` });
      seen.add(key);
    });
    if (!seen.has('crisisopvang/maximumduur')) ctx.addIssue({ code: 'custom', path: ['regels'], message: 'De maximale duur van de crisisopvang ontbreekt' });
  }),
);
/** The opvang rules file. */
export type OpvangFile = z.infer<typeof OpvangFile>;
