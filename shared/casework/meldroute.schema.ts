import { z } from 'zod';
import { Uitbuitingsvorm } from './common.schema';
import { Regio } from './gemeenten.schema';
import { duplicates, policyFile, PolicyBron } from '../policy/policy.schema';

/**
 * Who a step of the meldroute involves, seen from the person using Ketenkluis (the
 * zorgcoördinator or a medewerker of the meld- en adviespunt). The zorgcoördinator is not in
 * this list: that is the user. `client` is the (possible) victim the user offers help to.
 */
export const RoutePartner = z.enum([
  'AVIM',
  'NLA',
  'riec',
  'taskforce-riec',
  'ketenpartners',
  'veilig-thuis',
  'gemeente',
  'zorgorganisatie',
  'client',
  'melder',
]);
/** Who a step of the meldroute involves. */
export type RoutePartner = z.infer<typeof RoutePartner>;

/**
 * What the user does in a step. The screen words each one (AdviceBox, meldrouteOpvang.i18n.ts).
 * - `acuut-alleen-bij-wel`: "acuut" was ticked without the conclusion "wel mensenhandel"; the
 *   immediate call to AVIM belongs to that conclusion only, so this says so instead of calling.
 * - `vorm-kiezen`: "wel mensenhandel" without a form, which the melding schema refuses; a record
 *   stored before that rule gets only this step.
 */
export const RouteActie = z.enum([
  'acuut-alleen-bij-wel',
  'bel-direct',
  'signaal-verrijken',
  'signaal-doorspreken',
  'advies-vragen',
  'conclusie-trekken',
  'melden',
  'hulp-aanbieden',
  'doorverwijzen',
  'meldcode-volgen',
  'jeugdwet',
  'leeftijd-nagaan',
  'terugkoppelen',
  'vorm-kiezen',
]);
/** What the user does in a step. */
export type RouteActie = z.infer<typeof RouteActie>;

/** One step of routing advice, in order. The screen words it from actie and partners. */
export const RouteStap = z.object({
  volgorde: z.number().int().positive(),
  actie: RouteActie,
  partners: z.array(RoutePartner),
});
/** One step of routing advice. */
export type RouteStap = z.infer<typeof RouteStap>;

/** Partners one may ask for advice or consult to enrich a signal. */
const ADVISEURS = ['AVIM', 'NLA', 'riec', 'taskforce-riec', 'ketenpartners'] as const satisfies readonly RoutePartner[];

/**
 * Which partners each action takes: the exact list, or `{ uit, min }` for a free choice of at
 * least `min` from `uit`. A step the screen could not word sensibly is refused in the file.
 */
export const PARTNERS_PER_ACTIE: Record<RouteActie, readonly RoutePartner[] | { uit: readonly RoutePartner[]; min: number; max: number }> = {
  'acuut-alleen-bij-wel': ['AVIM'],
  'bel-direct': ['AVIM'],
  'signaal-verrijken': { uit: ADVISEURS, min: 1, max: ADVISEURS.length },
  'signaal-doorspreken': ['melder'],
  'advies-vragen': { uit: ADVISEURS, min: 1, max: ADVISEURS.length },
  'conclusie-trekken': [],
  melden: { uit: ['AVIM', 'NLA'], min: 1, max: 1 },
  'hulp-aanbieden': ['client'],
  doorverwijzen: ['zorgorganisatie'],
  'meldcode-volgen': ['veilig-thuis'],
  jeugdwet: ['gemeente'],
  'leeftijd-nagaan': [],
  terugkoppelen: ['melder'],
  'vorm-kiezen': [],
};

/** One rule of a region's meldroute: a step with its source line, and why, where the source leaves a choice. */
export const RouteRegel = z
  .strictObject({
    actie: RouteActie,
    partners: z.array(RoutePartner),
    bron: PolicyBron,
    toelichting: z.string().min(1).optional(),
  })
  .superRefine((r, ctx) => {
    const rule = PARTNERS_PER_ACTIE[r.actie];
    if (Array.isArray(rule)) {
      if (r.partners.length !== rule.length || rule.some((p, i) => r.partners[i] !== p)) {
        ctx.addIssue({ code: 'custom', path: ['partners'], message: rule.length ? `Bij "${r.actie}" hoort precies: ${rule.map((p) => `"${p}"`).join(', ')}` : `Bij "${r.actie}" hoort geen partner` });
      }
      return;
    }
    const { uit, min, max } = rule as { uit: readonly RoutePartner[]; min: number; max: number };
    if (r.partners.length < min || r.partners.length > max || r.partners.some((p) => !uit.includes(p))) {
      ctx.addIssue({ code: 'custom', path: ['partners'], message: `Bij "${r.actie}" horen ${min === max ? min : `${min} tot ${max}`} van: ${uit.map((p) => `"${p}"`).join(', ')}` });
    }
    if (duplicates(r.partners).length) ctx.addIssue({ code: 'custom', path: ['partners'], message: 'Elke partner maar één keer per stap' });
  });
/** One rule of a region's meldroute. */
export type RouteRegel = z.infer<typeof RouteRegel>;

/** A list of rules whose actions must come from `allowed` (so a step lands only where the screen expects it). */
function regels(allowed: readonly RouteActie[], min = 1) {
  return z
    .array(RouteRegel)
    .min(min, { message: 'Noem minstens één stap' })
    .superRefine((list, ctx) => {
      list.forEach((r, i) => {
        if (!allowed.includes(r.actie)) ctx.addIssue({ code: 'custom', path: [i, 'actie'], message: `Hier horen alleen: ${allowed.map((a) => `"${a}"`).join(', ')}` });
      });
    });
}

/** One rule that must be exactly one action. */
function regel(actie: RouteActie) {
  return RouteRegel.refine((r) => r.actie === actie, { message: `Hier hoort precies "${actie}"`, path: ['actie'] });
}

/** The route for "wel mensenhandel" of one form: whom to report to, and the help the user offers. */
export const VormRoute = z.strictObject({
  vorm: Uitbuitingsvorm,
  stappen: regels(['melden', 'hulp-aanbieden']).refine((s) => s.some((r) => r.actie === 'melden'), { message: 'Bij "wel mensenhandel" hoort een melding aan een partner' }),
});
/** The route for "wel mensenhandel" of one form. */
export type VormRoute = z.infer<typeof VormRoute>;

/**
 * The content of a region's meldroute file (`resources/meldroute/<regio>.json`): the steps per
 * conclusion of the melding, the extra steps for a minor (or an unknown age), and the closing
 * feedback to the melder. Every step carries its source line.
 */
export const MeldrouteInhoud = z.strictObject({
  regio: Regio,
  /** No conclusion yet: the steps towards one. */
  open: regels(['signaal-verrijken', 'signaal-doorspreken', 'advies-vragen', 'conclusie-trekken']),
  /** Conclusion "geen mensenhandel": what to do when there are concerns all the same. */
  geen: regels(['doorverwijzen'], 0),
  /** Conclusion "verder onderzoek en afstemming nodig": a vague signal. */
  verderOnderzoek: regels(['signaal-verrijken', 'signaal-doorspreken', 'advies-vragen']),
  /** Conclusion "wel mensenhandel": the acute call, and the route per form. */
  wel: z.strictObject({
    acuut: regel('bel-direct'),
    perVorm: z.array(VormRoute),
  }).superRefine((wel, ctx) => {
    const vormen = wel.perVorm.map((r) => r.vorm);
    for (const vorm of duplicates(vormen)) ctx.addIssue({ code: 'custom', message: `De vorm "${vorm}" staat er meer dan één keer in`, path: ['perVorm'] });
    for (const vorm of Uitbuitingsvorm.options) {
      if (!vormen.includes(vorm)) ctx.addIssue({ code: 'custom', message: `De route voor de vorm "${vorm}" ontbreekt`, path: ['perVorm'] });
    }
  }),
  /** "Acuut" ticked without "wel mensenhandel". */
  acuutZonderWel: regel('acuut-alleen-bij-wel'),
  /** Added when the melding is about a minor. */
  minderjarig: regels(['meldcode-volgen', 'jeugdwet']).refine((s) => ['meldcode-volgen', 'jeugdwet'].every((a) => s.some((r) => r.actie === a)), {
    message: 'Bij een minderjarige horen de meldcode (Veilig Thuis) en de Jeugdwet (gemeente)',
  }),
  /** Added when it is not known whether the melding is about a minor. */
  minderjarigOnbekend: regels(['leeftijd-nagaan']),
  /** Always last: feedback to the melder. */
  terugkoppeling: regel('terugkoppelen'),
});
/** The content of a region's meldroute file. */
export type MeldrouteInhoud = z.infer<typeof MeldrouteInhoud>;

/** A region's meldroute file: a policy file (see shared/policy). */
export const MeldrouteFile = policyFile('meldroute', MeldrouteInhoud);
/** A region's meldroute file. */
export type MeldrouteFile = z.infer<typeof MeldrouteFile>;
