// Synthetic worlds for the Tafel tests and the bench: grouped records (never persons) that
// marginalise into consistent monitor figures, so every total adds up by construction, and a
// year can be made from its quarters.
import { Uitbuitingsvorm } from '../../../shared/casework/common.schema';
import type { GemeenteGroep, MeldingRij, MonitorCategorie, MonitorCijfers } from '../../../shared/casework/dashboard.schema';
import { regioGemeenten } from '../../../shared/casework/gemeenten';
import type { AfsluitReden } from '../../../shared/casework/traject.schema';
import { bouwTafelTabellen, type TafelTabellen } from '../../../shared/tafel/tables';
import type { TafelPeriode } from '../../../shared/tafel/tafel.schema';

export const REGIO = regioGemeenten('rotterdam');
/** The 22 gemeenten of the region besides Rotterdam. */
export const ANDERE_GEMEENTEN = REGIO.gemeenten.filter((g) => g !== REGIO.centrumgemeente);

export type Leeftijd = 'volwassen' | 'minderjarig' | 'onbekend';
/** Cliënten with the same monitor facts, and how many. */
export interface ClientGroep {
  categorie: MonitorCategorie;
  nieuw: boolean;
  leeftijd: Leeftijd;
  aantal: number;
}
/** Where a melding came from: a gemeente of the region (CBS name) or a group without a gemeente. */
export type Herkomst = string | Exclude<GemeenteGroep, 'centrumgemeente' | 'regio'>;
/** What kind of melding: a row × age, a preventive conversation × age, or an information request. */
export type Soort = { rij: MeldingRij | 'preventief-gesprek'; leeftijd: Leeftijd } | { info: 'sekswerkers' | 'overig' };
/** Meldingen with the same origin and kind, and how many. */
export interface MeldingGroep {
  herkomst: Herkomst;
  soort: Soort;
  aantal: number;
}
/** AVIM contacts of one form and kind, and how many. */
export interface PolitieGroep {
  vorm: Uitbuitingsvorm;
  soort: 'gesprek' | 'aangifte';
  aantal: number;
}
/** A period's records, grouped. */
export interface Wereld {
  clienten: ClientGroep[];
  meldingen: MeldingGroep[];
  politie: PolitieGroep[];
  afgesloten: Partial<Record<AfsluitReden, number>>;
  crisis: number;
}

/** The monitor figures and per-gemeente counts of a world. */
export function cijfersVan(jaar: number, w: Wereld): { cijfers: MonitorCijfers; perGemeente: Record<string, number> } {
  const cats = new Map<MonitorCategorie, { nieuw: number; doorlopend: number }>();
  const leeftijd = { volwassen: 0, minderjarig: 0, onbekend: 0 };
  const totaal = { nieuw: 0, doorlopend: 0, totaal: 0 };
  for (const c of w.clienten) {
    const r = cats.get(c.categorie) ?? { nieuw: 0, doorlopend: 0 };
    r[c.nieuw ? 'nieuw' : 'doorlopend'] += c.aantal;
    cats.set(c.categorie, r);
    leeftijd[c.leeftijd] += c.aantal;
    totaal[c.nieuw ? 'nieuw' : 'doorlopend'] += c.aantal;
    totaal.totaal += c.aantal;
  }
  const perGemeente: Record<string, number> = {};
  const groepen: Record<GemeenteGroep, number> = { centrumgemeente: 0, regio: 0, 'onbekend-in-regio': 0, 'buiten-regio': 0, onbekend: 0 };
  const rijen = new Map<MeldingRij, { volwassen: number; minderjarig: number; onbekend: number }>();
  const preventief = { volwassen: 0, minderjarig: 0, onbekend: 0 };
  const info = { sekswerkers: 0, overig: 0 };
  let meldingen = 0;
  for (const m of w.meldingen) {
    meldingen += m.aantal;
    if (m.herkomst === REGIO.centrumgemeente) groepen.centrumgemeente += m.aantal;
    else if (m.herkomst === 'onbekend-in-regio' || m.herkomst === 'buiten-regio' || m.herkomst === 'onbekend') groepen[m.herkomst] += m.aantal;
    else {
      groepen.regio += m.aantal;
      perGemeente[m.herkomst] = (perGemeente[m.herkomst] ?? 0) + m.aantal;
    }
    if ('info' in m.soort) info[m.soort.info] += m.aantal;
    else if (m.soort.rij === 'preventief-gesprek') preventief[m.soort.leeftijd] += m.aantal;
    else {
      const r = rijen.get(m.soort.rij) ?? { volwassen: 0, minderjarig: 0, onbekend: 0 };
      r[m.soort.leeftijd] += m.aantal;
      rijen.set(m.soort.rij, r);
    }
  }
  const politie = new Map<Uitbuitingsvorm, { informatieveGesprekken: number; aangiftes: number }>();
  const politieTotaal = { informatieveGesprekken: 0, aangiftes: 0 };
  for (const p of w.politie) {
    const r = politie.get(p.vorm) ?? { informatieveGesprekken: 0, aangiftes: 0 };
    const key = p.soort === 'gesprek' ? 'informatieveGesprekken' : 'aangiftes';
    r[key] += p.aantal;
    politieTotaal[key] += p.aantal;
    politie.set(p.vorm, r);
  }
  const perReden = Object.entries(w.afgesloten).map(([reden, aantal]) => ({ reden: reden as AfsluitReden, aantal: aantal! }));
  return {
    perGemeente,
    cijfers: {
      jaar,
      regio: REGIO.naam,
      clienten: {
        perCategorie: [...cats].map(([categorie, r]) => ({ categorie, ...r, totaal: r.nieuw + r.doorlopend })),
        totaal,
        leeftijd,
        perVorm: [],
        afgesloten: { totaal: perReden.reduce((s, r) => s + r.aantal, 0), perReden },
        crisisopvangPlaatsingen: w.crisis,
      },
      meldingen: {
        totaal: meldingen,
        perGemeenteGroep: Object.entries(groepen).map(([groep, aantal]) => ({ groep: groep as GemeenteGroep, aantal })),
        perVorm: [...rijen].map(([rij, r]) => ({ rij, ...r })),
        preventieveGesprekken: preventief,
        informatieverzoeken: info,
        perConclusie: { geen: 0, verderOnderzoek: 0, wel: 0, open: meldingen },
        acuut: 0,
      },
      politie: { perVorm: [...politie].map(([vorm, r]) => ({ vorm, ...r })), totaal: politieTotaal },
    },
  };
}

/** The linked tables of a world for a period. */
export function tabellenVan(periode: TafelPeriode, w: Wereld, k = 5): TafelTabellen {
  const { cijfers, perGemeente } = cijfersVan(periode.jaar, w);
  return bouwTafelTabellen({ cijfers, periode, regio: REGIO, perGemeente, k });
}

/** A year as its four quarters: flows add up; a cliënt group seen in several quarters counts once (the largest). */
export function jaarVan(kwartalen: readonly Wereld[]): Wereld {
  const clienten = new Map<string, ClientGroep>();
  for (const q of kwartalen) {
    for (const c of q.clienten) {
      const key = `${c.categorie}|${c.nieuw}|${c.leeftijd}`;
      const found = clienten.get(key);
      // Continuing cliënten are the same people in every quarter; new ones add up.
      if (!found) clienten.set(key, { ...c });
      else found.aantal = c.nieuw ? found.aantal + c.aantal : Math.max(found.aantal, c.aantal);
    }
  }
  const afgesloten: Partial<Record<AfsluitReden, number>> = {};
  for (const q of kwartalen) for (const [r, n] of Object.entries(q.afgesloten)) afgesloten[r as AfsluitReden] = (afgesloten[r as AfsluitReden] ?? 0) + n!;
  return {
    clienten: [...clienten.values()],
    meldingen: kwartalen.flatMap((q) => q.meldingen),
    politie: kwartalen.flatMap((q) => q.politie),
    afgesloten,
    crisis: kwartalen.reduce((s, q) => s + q.crisis, 0),
  };
}

/** The 2024 figures of the regional monitor (DOMAIN.md), as grouped records; where the monitor gives no split, a plausible synthetic one. */
export function monitor2024(): Wereld {
  const c = (categorie: MonitorCategorie, nieuw: boolean, leeftijd: Leeftijd, aantal: number): ClientGroep => ({ categorie, nieuw, leeftijd, aantal });
  const m = (herkomst: Herkomst, soort: Soort, aantal: number): MeldingGroep => ({ herkomst, soort, aantal });
  const su = (leeftijd: Leeftijd): Soort => ({ rij: 'seksuele-uitbuiting', leeftijd });
  return {
    clienten: [
      c('seksuele-uitbuiting', true, 'volwassen', 70), c('seksuele-uitbuiting', true, 'minderjarig', 7),
      c('seksuele-uitbuiting', false, 'volwassen', 38),
      c('criminele-uitbuiting', true, 'volwassen', 8), c('criminele-uitbuiting', true, 'minderjarig', 3),
      c('criminele-uitbuiting', false, 'volwassen', 2),
      c('overig', true, 'volwassen', 7), c('overig', false, 'volwassen', 6),
      c('preventief', true, 'minderjarig', 19), c('preventief', false, 'minderjarig', 7),
    ],
    meldingen: [
      // 179 contacts: 121 Rotterdam, 44 other gemeenten of the region, 10 region unknown, 4 outside.
      m('Rotterdam', su('volwassen'), 40), m('Rotterdam', su('minderjarig'), 6), m('Rotterdam', { info: 'sekswerkers' }, 40),
      m('Rotterdam', { rij: 'preventief-gesprek', leeftijd: 'volwassen' }, 12), m('Rotterdam', { rij: 'preventief-gesprek', leeftijd: 'minderjarig' }, 11),
      m('Rotterdam', { rij: 'criminele-uitbuiting', leeftijd: 'volwassen' }, 7), m('Rotterdam', { rij: 'criminele-uitbuiting', leeftijd: 'minderjarig' }, 5),
      m('Schiedam', su('volwassen'), 6), m('Schiedam', { rij: 'preventief-gesprek', leeftijd: 'minderjarig' }, 5),
      m('Vlaardingen', su('volwassen'), 5), m('Vlaardingen', { info: 'sekswerkers' }, 4),
      m('Dordrecht', { info: 'sekswerkers' }, 8), m('Dordrecht', { rij: 'overige-uitbuiting', leeftijd: 'volwassen' }, 4),
      m('Capelle aan den IJssel', { rij: 'overige-uitbuiting', leeftijd: 'volwassen' }, 4), m('Capelle aan den IJssel', { rij: 'preventief-gesprek', leeftijd: 'minderjarig' }, 2),
      m('Maassluis', su('minderjarig'), 3), m('Ridderkerk', { rij: 'preventief-gesprek', leeftijd: 'minderjarig' }, 2),
      m('Nissewaard', { rij: 'criminele-uitbuiting', leeftijd: 'volwassen' }, 1),
      m('onbekend-in-regio', su('volwassen'), 6), m('onbekend-in-regio', { rij: 'preventief-gesprek', leeftijd: 'volwassen' }, 4),
      m('buiten-regio', { rij: 'criminele-uitbuiting', leeftijd: 'volwassen' }, 2), m('buiten-regio', { rij: 'preventief-gesprek', leeftijd: 'volwassen' }, 2),
    ],
    politie: [
      { vorm: 'seksuele-uitbuiting', soort: 'gesprek', aantal: 24 },
      { vorm: 'seksuele-uitbuiting', soort: 'aangifte', aantal: 9 },
      { vorm: 'criminele-uitbuiting', soort: 'gesprek', aantal: 8 },
      { vorm: 'criminele-uitbuiting', soort: 'aangifte', aantal: 2 },
    ],
    afgesloten: { 'doelen-bereikt': 31, 'geen-contact-meer': 9, overgedragen: 6, overleden: 1 },
    crisis: 14,
  };
}

/** All forms, in order (for generators). */
export const VORMEN = Uitbuitingsvorm.options;
