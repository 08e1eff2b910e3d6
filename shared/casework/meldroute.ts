import type { MeldConclusie, MeldingVorm, RoutePartner, RouteStap } from './melding.schema';

type Route = { partner: RoutePartner; actie: RouteStap['actie'] }[];

const avimThenZoco: Route = [
  { partner: 'AVIM', actie: 'eerst-afstemmen' },
  { partner: 'ZoCo', actie: 'daarna-afstemmen' },
];
const together = (first: RoutePartner): Route => [
  { partner: first, actie: 'samen-afstemmen' },
  { partner: 'ZoCo', actie: 'samen-afstemmen' },
];

/**
 * Routing per form, from the stroomschema "Van signaal naar actie": SU → AVIM first, ZoCo
 * second; AU → NLA (SZW) and ZoCo; CU → AVIM and ZoCo; OV → AVIM first, ZoCo second.
 * The schema names no route for the 2024 EU forms or an unknown form; Ketenkluis advises
 * AVIM and ZoCo together there (police lead on every form of 273f Sr) — a policy choice
 * that a privacy officer or chain partner may review.
 */
export const routePerVorm: Readonly<Record<MeldingVorm, Route>> = {
  'seksuele-uitbuiting': avimThenZoco,
  arbeidsuitbuiting: together('NLA'),
  'criminele-uitbuiting': together('AVIM'),
  orgaanverwijdering: avimThenZoco,
  'gedwongen-huwelijk': together('AVIM'),
  'illegale-adoptie': together('AVIM'),
  draagmoederschap: together('AVIM'),
  onbekend: together('AVIM'),
  geen: [],
};

const partnerNaam: Record<RoutePartner, string> = {
  AVIM: 'de politie (AVIM)',
  NLA: 'de Nederlandse Arbeidsinspectie (NLA)',
  ZoCo: 'de zorgcoördinator',
  melder: 'de melder',
};

function tekst(partner: RoutePartner, actie: RouteStap['actie'], anoniem: boolean): string {
  switch (actie) {
    case 'bel-direct':
      return `Acuut: bel nu direct ${partnerNaam[partner]}.`;
    case 'eerst-afstemmen':
      return `Stem eerst af met ${partnerNaam[partner]}.`;
    case 'daarna-afstemmen':
      return `Stem daarna af met ${partnerNaam[partner]}.`;
    case 'samen-afstemmen':
      return `Stem samen af met ${partnerNaam[partner]}.`;
    case 'terugkoppelen':
      return anoniem ? 'Koppel terug aan de melder als die opnieuw contact opneemt.' : 'Koppel terug aan de melder wat er met de melding gebeurt.';
  }
}

/**
 * The routing advice for a melding, in order. Acute: call AVIM now, before anything else.
 * Conclusion "geen mensenhandel": no partners, only feedback. Always ends with feedback
 * (terugkoppeling) to the reporter.
 */
export function routeringsAdvies(melding: { vorm: MeldingVorm; acuut: boolean; conclusie: MeldConclusie | null; anoniem: boolean }): RouteStap[] {
  const steps: Route = [];
  if (melding.acuut && melding.conclusie !== 'geen') steps.push({ partner: 'AVIM', actie: 'bel-direct' });
  if (melding.conclusie !== 'geen') {
    for (const step of routePerVorm[melding.vorm]) {
      // After an acute call to AVIM, AVIM is already involved: do not list it twice.
      if (melding.acuut && step.partner === 'AVIM') continue;
      steps.push(step);
    }
  }
  steps.push({ partner: 'melder', actie: 'terugkoppelen' });
  return steps.map((step, index) => ({ volgorde: index + 1, partner: step.partner, actie: step.actie, tekst: tekst(step.partner, step.actie, melding.anoniem) }));
}
