import { z } from 'zod';
import raw from '../../resources/meldroute.json';
import { duplicates, policyFile, PolicyBron } from '../policy/policy.schema';
import { loadPolicy } from '../policy/loadPolicy';
import { MeldingVorm, RoutePartner, RouteStap, type MeldConclusie } from './melding.schema';

/** A partner the meldroute sends to (the melder only gets the closing feedback, never a route step). */
const RouteNaarPartner = RoutePartner.exclude(['melder']);
/** One step of a form's route: a partner and how to involve them. */
const RouteRegel = z.strictObject({ partner: RouteNaarPartner, actie: RouteStap.shape.actie.exclude(['bel-direct', 'terugkoppelen']) });

/** Every form as one list, so a wrong name in the file gets "not in the list" rather than a vague union error. */
const Vorm = z.enum(MeldingVorm.options.flatMap((o) => o.options));

/** The route for one form; a row cites its line in the source, or says why it has none. */
const VormRoute = z
  .strictObject({ vorm: Vorm, stappen: z.array(RouteRegel), bron: PolicyBron.optional(), toelichting: z.string().min(1).optional() })
  .refine((r) => r.bron !== undefined || r.toelichting !== undefined, { message: 'Noem de bron van deze route, of leg in een toelichting uit waarom er geen is', path: ['bron'] })
  .refine((r) => duplicates(r.stappen.map((s) => s.partner)).length === 0, { message: 'Elke partner maar één keer per route', path: ['stappen'] });

/** The file `resources/meldroute.json`: the routing advice per form, a policy file (see shared/policy). */
export const MeldrouteFile = policyFile(
  'meldroute',
  z.strictObject({
    /** Who is called straight away when a melding is acute. */
    acuutBellen: z.strictObject({ partner: RouteNaarPartner, bron: PolicyBron }),
    perVorm: z.array(VormRoute),
  }).superRefine((inhoud, ctx) => {
    const vormen = inhoud.perVorm.map((r) => r.vorm);
    for (const vorm of duplicates(vormen)) ctx.addIssue({ code: 'custom', message: `De vorm "${vorm}" staat er meer dan één keer in`, path: ['perVorm'] });
    for (const vorm of Vorm.options) {
      if (!vormen.includes(vorm)) ctx.addIssue({ code: 'custom', message: `De route voor de vorm "${vorm}" ontbreekt`, path: ['perVorm'] });
    }
  }),
);
/** The meldroute file. */
export type MeldrouteFile = z.infer<typeof MeldrouteFile>;

/** The meldroute with its version and sources, validated at load: a broken file stops Ketenkluis at start. */
export const meldroutePolicy: MeldrouteFile = loadPolicy(MeldrouteFile, raw, 'resources/meldroute.json');

/**
 * The routing advice for a melding, in order. Acute: call the acute partner (AVIM) now, before
 * anything else. Conclusion "geen mensenhandel": no partners, only feedback. Always ends with
 * feedback (terugkoppeling) to the reporter. The screen words each step from partner and actie.
 * `meldroute` is the validated table (a region's own meldroute once there are several).
 */
export function routeringsAdvies(
  melding: { vorm: MeldingVorm; acuut: boolean; conclusie: MeldConclusie | null },
  meldroute: MeldrouteFile['inhoud'] = meldroutePolicy.inhoud,
): RouteStap[] {
  const acuut = meldroute.acuutBellen.partner;
  const steps: Array<Omit<RouteStap, 'volgorde'>> = [];
  if (melding.acuut && melding.conclusie !== 'geen') steps.push({ partner: acuut, actie: 'bel-direct' });
  if (melding.conclusie !== 'geen') {
    for (const step of meldroute.perVorm.find((r) => r.vorm === melding.vorm)?.stappen ?? []) {
      // After the acute call that partner is already involved: do not list it twice.
      if (melding.acuut && step.partner === acuut) continue;
      steps.push(step);
    }
  }
  steps.push({ partner: 'melder', actie: 'terugkoppelen' });
  return steps.map((step, index) => ({ volgorde: index + 1, partner: step.partner, actie: step.actie }));
}
