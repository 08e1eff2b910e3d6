import type { ToestemmingStatus } from '../casework/traject.schema';
import { bijzondereKlasse, dataCategorieNaam, inVasteVolgorde, type DataCategorie } from './dataCategories';
import type { BijzondereKlasse, Conditie, DoelBeschrijving, GeheimhoudingBasis, Grondslag, Regel, Regime, StappenplanFile, ToestemmingStand, Uitkomst, Vraag } from './ruleSet.schema';
import type { GebruikteBron, SituatieInput, StappenplanStap, StappenplanUitkomst, ToestemmingFeit, VolgendeVraag } from './situatie.schema';

// The stappenplan engine: one pure pass over the rule set's rules, in order, for one situation.
// It stops at the first question that is not answered yet (so one call always ends, and a
// person who answers each question reaches an outcome after at most as many calls as there are
// questions), or at an outcome. No clock, no I/O: `vandaag` is part of the situation.

const PARTNER_NAAM: Record<string, string> = {
  opsporing: 'een opsporingsinstantie',
  toezicht: 'een toezichthouder',
  zorg: 'een zorg- of hulpverlener',
  'meldpunt-coordinatie': 'een meldpunt of coördinatiepunt',
  vreemdelingenketen: 'een partner in de vreemdelingenketen',
};

/** "a", "a en b", "a, b en c"; with semicolons when a name itself holds "en" or a comma ("naam en geboortedatum; gezondheid"). */
function opsomming(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  if (items.some((i) => / en |,/.test(i))) return items.join('; ');
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

function datum(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}

/** Names compare without case, surrounding space or doubled spaces ("CoMensha" = " comensha"). */
function zelfdeNaam(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');
  return norm(a) === norm(b);
}

/**
 * The state of one consent on a day, in the order of shared/casework/consent.ts: a withdrawal
 * beats everything, then the period, then who gave it for the cliënt's age on the day it was
 * given, then the written form where the purpose needs it.
 */
export function toestemmingStatusOp(t: ToestemmingFeit, vandaag: string, schriftelijkNodig: boolean): ToestemmingStatus {
  if (t.ingetrokkenOp && t.ingetrokkenOp <= vandaag) return 'ingetrokken';
  if (t.vanaf > vandaag) return 'nog-niet-geldig';
  if (t.tot && t.tot < vandaag) return 'verlopen';
  if (t.gegevenDoor !== (t.clientZestienPlus ? 'client' : 'ouder-voogd')) return 'ongeldig-leeftijd';
  if (schriftelijkNodig && !t.schriftelijk) return 'niet-schriftelijk';
  return 'geldig';
}

function statusTekst(t: ToestemmingFeit, status: ToestemmingStatus): string {
  switch (status) {
    case 'ingetrokken':
      return `de toestemming voor ${t.ontvanger} is ingetrokken op ${datum(t.ingetrokkenOp ?? '')}`;
    case 'nog-niet-geldig':
      return `de toestemming voor ${t.ontvanger} geldt pas vanaf ${datum(t.vanaf)}`;
    case 'verlopen':
      return `de toestemming voor ${t.ontvanger} is verlopen op ${datum(t.tot ?? '')}`;
    case 'ongeldig-leeftijd':
      return t.clientZestienPlus
        ? `de toestemming voor ${t.ontvanger} is gegeven door een ouder of voogd, maar de cliënt was 16 jaar of ouder: dan geeft de cliënt zelf toestemming`
        : `de toestemming voor ${t.ontvanger} is gegeven door de cliënt, maar die was jonger dan 16 jaar: dan geeft een ouder of voogd toestemming`;
    case 'niet-schriftelijk':
      return `de toestemming voor ${t.ontvanger} is niet schriftelijk gegeven, en voor dit doel moet dat wel`;
    default:
      return `er is een geldige ${t.schriftelijk ? 'schriftelijke' : 'mondelinge'} toestemming voor ${t.ontvanger}, gegeven door ${t.gegevenDoor === 'client' ? 'de cliënt' : 'een ouder of voogd'} op ${datum(t.vanaf)}`;
  }
}

/** The consent that counts for this purpose and recipient, judged on the day, with a sentence saying why. */
export function beoordeelToestemming(
  toestemmingen: readonly ToestemmingFeit[],
  doel: Pick<DoelBeschrijving, 'toestemming'>,
  organisatie: string | undefined,
  vandaag: string,
): { stand: ToestemmingStand; tekst: string } {
  if (doel.toestemming.doelen.length === 0) return { stand: 'geen', tekst: 'voor dit doel telt geen toestemming' };
  if (organisatie === undefined) return { stand: 'geen', tekst: 'de ontvangende organisatie is niet genoemd, dus er kan geen toestemming voor haar gelden' };
  const passend = toestemmingen.filter((t) => doel.toestemming.doelen.includes(t.doel) && zelfdeNaam(t.ontvanger, organisatie));
  if (passend.length === 0) return { stand: 'geen', tekst: `er is geen toestemming voor dit doel en voor ${organisatie}` };
  const beoordeeld = passend.map((t) => ({ t, status: toestemmingStatusOp(t, vandaag, doel.toestemming.schriftelijk) }));
  const geldig = beoordeeld.filter((b) => b.status === 'geldig');
  const schriftelijk = geldig.find((b) => b.t.schriftelijk);
  if (schriftelijk) return { stand: 'geldig-schriftelijk', tekst: statusTekst(schriftelijk.t, 'geldig') };
  if (geldig[0]) return { stand: 'geldig-mondeling', tekst: statusTekst(geldig[0].t, 'geldig') };
  // None counts: explain with the most recent one (the latest start; the last listed on a tie).
  const laatste = beoordeeld.reduce((a, b) => (b.t.vanaf >= a.t.vanaf ? b : a));
  return { stand: 'niet-geldig', tekst: statusTekst(laatste.t, laatste.status) };
}

type Evaluatie = { soort: 'ja' } | { soort: 'nee'; door?: string } | { soort: 'vraag'; vraag: string; fout?: string };

/**
 * The next step of the stappenplan for a situation: the next question with the answers
 * allowed now, or the outcome with exactly the allowed data categories, the reasoning in
 * plain Dutch and the source of every rule used. Pure and deterministic.
 */
export function volgendeStap(ruleSet: StappenplanFile, situatie: SituatieInput): StappenplanStap {
  const inhoud = ruleSet.inhoud;
  const doel = inhoud.doelen.find((d) => d.id === situatie.doel);
  if (!doel) throw new Error(`stappenplan ${ruleSet.versie}: no purpose ${situatie.doel}`); // the schema makes every purpose present
  const vragen = new Map(inhoud.vragen.map((v) => [v.id, v]));
  // The question that offers the exceptions of each class (the schema makes it one per class).
  const uitzonderingVraag = new Map<BijzondereKlasse, string>();
  for (const r of inhoud.regels) if (r.dan.soort === 'uitzondering' && !uitzonderingVraag.has(r.dan.klasse)) uitzonderingVraag.set(r.dan.klasse, r.dan.vraag);
  const bronnen = new Map(inhoud.bronnen.map((b) => [b.id, b]));
  const antwoorden = situatie.antwoorden ?? {};
  const ontvanger = situatie.ontvanger;
  const gevraagd = inVasteVolgorde(situatie.gevraagdeGegevens);
  const nietNodig = gevraagd.filter((c) => !doel.gegevens.includes(c));
  let kandidaat = gevraagd.filter((c) => doel.gegevens.includes(c));
  const doelPast = doel.ontvangers.includes(ontvanger.categorie);
  const toestemming = beoordeelToestemming(situatie.toestemmingen ?? [], doel, ontvanger.organisatie, situatie.vandaag);

  let regime: Regime | undefined;
  let grondslag: { grondslag: Grondslag; bepaling: string } | undefined;
  let beroepsgeheim = false;
  let geheimhouding: GeheimhoudingBasis | undefined;
  const aangeboden = new Map<BijzondereKlasse, Regel[]>();
  const besloten = new Set<BijzondereKlasse>();
  const uitzonderingen: Array<{ klasse: BijzondereKlasse; antwoord: string }> = [];
  const redenering: string[] = [];
  const gebruikt: Regel[] = [];

  const invullen = (tekst: string, categorieen: readonly DataCategorie[] = []): string =>
    tekst.replace(/\{(\w+)\}/g, (_, naam: string) => {
      switch (naam) {
        case 'toestemming':
          return toestemming.tekst;
        case 'nietNodig':
          return opsomming(nietNodig.map((c) => dataCategorieNaam[c]));
        case 'categorieen':
          return opsomming(categorieen.map((c) => dataCategorieNaam[c]));
        case 'ontvanger':
          return ontvanger.organisatie ?? PARTNER_NAAM[ontvanger.categorie] ?? ontvanger.categorie;
        case 'doel':
          return doel.naam;
        default:
          return '';
      }
    });
  const gebruik = (regel: Regel, tekst: string, categorieen?: readonly DataCategorie[]) => {
    redenering.push(invullen(tekst, categorieen));
    gebruikt.push(regel);
  };

  const vraagStap = (vraag: Vraag, toegestaan: Vraag['antwoorden'], fout?: string): VolgendeVraag => ({
    soort: 'vraag',
    vraag: { id: vraag.id, stap: vraag.stap, tekst: vraag.tekst, uitleg: vraag.uitleg, antwoorden: toegestaan, ...(fout !== undefined ? { fout } : {}) },
    redenering: [...redenering],
    ruleSetVersie: ruleSet.versie,
  });

  const uitkomst = (soort: Uitkomst, velden: DataCategorie[]): StappenplanUitkomst => {
    const ids = new Set<string>();
    const lijst: GebruikteBron[] = [];
    const bronIds = [...gebruikt.flatMap((r) => r.bronnen), ...(soort === 'toegestaan' || nietNodig.length > 0 ? doel.bronnen : [])];
    for (const id of bronIds) {
      const bron = bronnen.get(id);
      if (bron && !ids.has(id)) {
        ids.add(id);
        lijst.push(bron);
      }
    }
    return {
      soort: 'uitkomst',
      uitkomst: soort,
      velden: soort === 'toegestaan' ? velden : [],
      redenering: [...redenering],
      bronnen: lijst,
      ruleSetVersie: ruleSet.versie,
      regime: regime ?? 'avg',
      ...(grondslag ? { grondslag: grondslag.grondslag, bepaling: grondslag.bepaling } : {}),
      uitzonderingen: soort === 'toegestaan' ? uitzonderingen : [],
      ...(geheimhouding ? { geheimhouding } : {}),
      regels: [...new Set(gebruikt.map((r) => r.id))],
    };
  };

  const foutTekst = (vraag: Vraag, gegeven: string): string => {
    const bekend = vraag.antwoorden.find((a) => a.waarde === gegeven);
    return bekend
      ? `Het antwoord "${bekend.tekst}" kan hier niet: wat daarvoor nodig is, ontbreekt (nu). Kies een van de antwoorden hieronder.`
      : 'Dit antwoord hoort niet bij deze vraag. Kies een van de antwoorden hieronder.';
  };

  const evalueer = (als: Conditie): Evaluatie => {
    if (als.doel && !als.doel.includes(situatie.doel)) return { soort: 'nee' };
    if (als.categorie && !als.categorie.includes(ontvanger.categorie)) return { soort: 'nee' };
    if (als.medischBeroepsgeheim !== undefined && als.medischBeroepsgeheim !== (ontvanger.medischBeroepsgeheim === true)) return { soort: 'nee' };
    if (als.doelPast !== undefined && als.doelPast !== doelPast) return { soort: 'nee' };
    if (als.regime && !als.regime.includes(regime ?? 'avg')) return { soort: 'nee' };
    if (als.grondslag && !als.grondslag.includes(grondslag?.grondslag ?? 'geen')) return { soort: 'nee' };
    if (als.geheimhouding && !als.geheimhouding.includes(geheimhouding ?? 'geen')) return { soort: 'nee' };
    if (als.beroepsgeheim !== undefined && als.beroepsgeheim !== beroepsgeheim) return { soort: 'nee' };
    if (als.gevraagdLeeg !== undefined && als.gevraagdLeeg !== (gevraagd.length === 0)) return { soort: 'nee' };
    if (als.veldenLeeg !== undefined && als.veldenLeeg !== (kandidaat.length === 0)) return { soort: 'nee' };
    if (als.nietNodig && !als.nietNodig.some((c) => nietNodig.includes(c))) return { soort: 'nee' };
    if (als.toestemming && !als.toestemming.includes(toestemming.stand)) return { soort: 'nee', door: 'toestemming' };
    for (const [vraagId, waarden] of Object.entries(als.antwoord ?? {})) {
      const gegeven = antwoorden[vraagId];
      if (gegeven === undefined) return { soort: 'vraag', vraag: vraagId };
      const vraag = vragen.get(vraagId);
      if (!vraag?.antwoorden.some((a) => a.waarde === gegeven)) return { soort: 'vraag', vraag: vraagId, ...(vraag ? { fout: foutTekst(vraag, gegeven) } : {}) };
      if (!waarden.includes(gegeven)) return { soort: 'nee', door: vraagId };
    }
    return { soort: 'ja' };
  };

  /** Leaves out the categories of a class, with the rule's line. */
  const blokkeer = (regel: Regel, klasse: BijzondereKlasse, categorieen: DataCategorie[]) => {
    kandidaat = kandidaat.filter((c) => bijzondereKlasse(c) !== klasse);
    gebruik(regel, regel.tekst, categorieen);
  };

  for (const regel of inhoud.regels) {
    const dan = regel.dan;
    if ((dan.soort === 'regime' && regime) || (dan.soort === 'grondslag' && grondslag) || (dan.soort === 'geheimhouding' && geheimhouding) || (dan.soort === 'beroepsgeheim' && beroepsgeheim)) continue;

    if (dan.soort === 'blokkeer') {
      const klasse = dan.klasse;
      besloten.add(klasse);
      const categorieen = kandidaat.filter((c) => bijzondereKlasse(c) === klasse);
      if (categorieen.length === 0) continue;
      const opties = aangeboden.get(klasse) ?? [];
      const vraag = vragen.get(uitzonderingVraag.get(klasse) ?? '');
      const gegeven = vraag ? antwoorden[vraag.id] : undefined;
      // No exception possible: the class is left out without asking, unless an earlier answer
      // chose one that no longer holds (say, the consent was withdrawn since): that is said.
      if (!vraag || (opties.length === 0 && (gegeven === undefined || gegeven === 'geen'))) {
        blokkeer(regel, klasse, categorieen);
        continue;
      }
      const toegestaan = vraag.antwoorden.filter((a) => a.waarde === 'geen' || opties.some((o) => o.dan.soort === 'uitzondering' && o.dan.antwoord === a.waarde));
      if (gegeven === undefined) return vraagStap(vraag, toegestaan);
      if (!toegestaan.some((a) => a.waarde === gegeven)) return vraagStap(vraag, toegestaan, foutTekst(vraag, gegeven));
      const gekozen = opties.find((o) => o.dan.soort === 'uitzondering' && o.dan.antwoord === gegeven);
      if (!gekozen) {
        blokkeer(regel, klasse, categorieen);
        continue;
      }
      gebruik(gekozen, gekozen.tekst, categorieen);
      uitzonderingen.push({ klasse, antwoord: gegeven });
      continue;
    }
    if (dan.soort === 'uitzondering') {
      // Only offered for a class that is still part of the disclosure; otherwise nothing to ask.
      if (besloten.has(dan.klasse) || !kandidaat.some((c) => bijzondereKlasse(c) === dan.klasse)) continue;
    }

    const e = evalueer(regel.als);
    if (e.soort === 'vraag') {
      const vraag = vragen.get(e.vraag);
      if (!vraag) throw new Error(`stappenplan ${ruleSet.versie}: no question ${e.vraag}`); // the schema checks every reference
      return vraagStap(vraag, vraag.antwoorden, e.fout);
    }
    if (e.soort === 'nee') {
      const anders = e.door !== undefined ? regel.anders?.[e.door] : undefined;
      if (anders !== undefined) gebruik(regel, anders);
      continue;
    }
    switch (dan.soort) {
      case 'uitkomst':
        gebruik(regel, regel.tekst);
        return uitkomst(dan.uitkomst, []);
      case 'regime':
        regime = dan.regime;
        gebruik(regel, regel.tekst);
        break;
      case 'grondslag':
        grondslag = { grondslag: dan.grondslag, bepaling: dan.bepaling };
        gebruik(regel, regel.tekst);
        break;
      case 'uitzondering':
        aangeboden.set(dan.klasse, [...(aangeboden.get(dan.klasse) ?? []), regel]);
        break;
      case 'beroepsgeheim':
        beroepsgeheim = true;
        gebruik(regel, regel.tekst);
        break;
      case 'geheimhouding':
        geheimhouding = dan.basis;
        gebruik(regel, regel.tekst);
        break;
      case 'opmerking':
        gebruik(regel, regel.tekst);
        break;
    }
  }

  // The engine's own guarantees, whatever a rule set says: no outcome `toegestaan` without a
  // ground, with an unresolved beroepsgeheim, with special or criminal data that no chosen
  // exception covers, or with nothing left to share.
  if (!grondslag) {
    redenering.push('Het stappenplan vond geen grondslag voor deze verstrekking. Verstrek daarom geen persoonsgegevens.');
    return uitkomst('niet-toegestaan', []);
  }
  if (beroepsgeheim && !geheimhouding) {
    redenering.push('Er geldt een medisch beroepsgeheim en niets zet het opzij. Verstrek daarom geen persoonsgegevens.');
    return uitkomst('niet-toegestaan', []);
  }
  const zonderUitzondering = kandidaat.filter((c) => {
    const k = bijzondereKlasse(c);
    return k !== undefined && !uitzonderingen.some((u) => u.klasse === k);
  });
  if (zonderUitzondering.length > 0) {
    kandidaat = kandidaat.filter((c) => !zonderUitzondering.includes(c));
    redenering.push(`Zonder uitzondering gaan deze gegevens niet mee: ${opsomming(zonderUitzondering.map((c) => dataCategorieNaam[c]))}.`);
  }
  if (kandidaat.length === 0) {
    redenering.push('Er blijven geen gegevens over die u mag verstrekken.');
    return uitkomst('niet-toegestaan', []);
  }
  redenering.push(`Uitkomst: u mag alleen deze gegevens verstrekken: ${opsomming(kandidaat.map((c) => dataCategorieNaam[c]))}.`);
  return uitkomst('toegestaan', kandidaat);
}
