import denHaag from '../../resources/meldroute/den-haag.json';
import rotterdam from '../../resources/meldroute/rotterdam.json';
import westBrabant from '../../resources/meldroute/west-brabant.json';
import { loadPolicy } from '../policy/loadPolicy';
import type { Regio } from './gemeenten.schema';
import type { MeldConclusie, MeldingVorm } from './melding.schema';
import { MeldrouteFile, type MeldrouteInhoud, type RouteRegel, type RouteStap } from './meldroute.schema';
import { Uitbuitingsvorm } from './common.schema';

function load(raw: unknown, regio: Regio): MeldrouteFile {
  const file = `resources/meldroute/${regio}.json`;
  const policy = loadPolicy(MeldrouteFile, raw, file);
  // A file under another region's name would give one region the other's advice.
  if (policy.inhoud.regio !== regio) throw new Error(`${file} holds the meldroute of ${policy.inhoud.regio}`);
  return policy;
}

/** The meldroute of every region, with its version and sources, validated at load: a broken file stops Ketenkluis at start. */
export const meldroutePolicies: Readonly<Record<Regio, MeldrouteFile>> = {
  'west-brabant': load(westBrabant, 'west-brabant'),
  rotterdam: load(rotterdam, 'rotterdam'),
  'den-haag': load(denHaag, 'den-haag'),
};

/** The validated meldroute of one region. */
export function meldrouteFor(regio: Regio): MeldrouteInhoud {
  return meldroutePolicies[regio].inhoud;
}

/** What the advice depends on. */
export interface MeldingVoorRoute {
  vorm: MeldingVorm;
  conclusie: MeldConclusie | null;
  acuut: boolean;
  /** Null while not known. */
  minderjarig: boolean | null;
}

/**
 * The routing advice for a melding, in order, written for the person using Ketenkluis (the
 * zorgcoördinator or the meld- en adviespunt) in the melding's region:
 * - no conclusion yet: the steps towards one;
 * - "geen mensenhandel": a referral to the right (zorg)organisatie when there are concerns;
 * - "verder onderzoek": advice from the partners the region names;
 * - "wel mensenhandel": acute → call AVIM now, first; then report to the partner of the form
 *   (AVIM is not listed twice) and offer help;
 * - "acuut" without "wel": a note that the immediate call belongs to "wel mensenhandel";
 * - a minor adds the meldcode (Veilig Thuis) and the gemeente's Jeugdwet duty; an unknown age
 *   adds finding out;
 * - always last: feedback to the melder.
 * "Wel mensenhandel" without a form is refused by the melding schema; such a record (stored
 * before that rule) gets the single step "vorm-kiezen" and nothing else.
 */
export function routeringsAdvies(melding: MeldingVoorRoute, regio: Regio, table: MeldrouteInhoud = meldrouteFor(regio)): RouteStap[] {
  const number = (rules: Array<Pick<RouteRegel, 'actie' | 'partners'>>): RouteStap[] =>
    rules.map((r, i) => ({ volgorde: i + 1, actie: r.actie, partners: [...r.partners] }));

  const vorm = Uitbuitingsvorm.safeParse(melding.vorm);
  if (melding.conclusie === 'wel' && !vorm.success) return number([{ actie: 'vorm-kiezen', partners: [] }]);

  const steps: RouteRegel[] = [];
  if (melding.acuut && melding.conclusie === 'wel') steps.push(table.wel.acuut);
  if (melding.acuut && melding.conclusie !== 'wel') steps.push(table.acuutZonderWel);

  switch (melding.conclusie) {
    case null:
      steps.push(...table.open);
      break;
    case 'geen':
      steps.push(...table.geen);
      break;
    case 'verder-onderzoek':
      steps.push(...table.verderOnderzoek);
      break;
    case 'wel': {
      const route = table.wel.perVorm.find((r) => r.vorm === vorm.data)?.stappen ?? [];
      const called = melding.acuut ? table.wel.acuut.partners : [];
      // After the acute call that partner already knows: reporting to it again is no new step.
      steps.push(...route.filter((r) => !(r.actie === 'melden' && r.partners.every((p) => called.includes(p)))));
      break;
    }
  }

  if (melding.minderjarig === true) steps.push(...table.minderjarig);
  if (melding.minderjarig === null) steps.push(...table.minderjarigOnbekend);
  steps.push(table.terugkoppeling);
  return number(steps);
}
