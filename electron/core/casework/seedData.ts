import type { IsoDate, Uitbuitingsvorm } from '../../../shared/casework/common.schema';
import type { ClientFields } from '../../../shared/casework/client.schema';
import type { ImportTraject } from '../../../shared/casework/import.schema';
import type { MeldingFields } from '../../../shared/casework/melding.schema';
import type { Fase, Procedure, Opvang, Politiecontact, Verwijzer } from '../../../shared/casework/traject.schema';
import { gemeenten, regioGemeenten } from '../../../shared/casework/gemeenten';
import { addDays, addMonths, daysBetween } from '../../../shared/casework/dates';
import { formatV7 } from '../db/ids';

/** Seeded ids count up from this moment (2020-01-01), so they sort like real ones. */
const SEED_EPOCH_MS = Date.UTC(2020, 0, 1);

/**
 * Deterministic synthetic casework, shaped like the 2024 regional monitor (DOMAIN.md): SU ≈ 69%,
 * CU ≈ 8%, AU/other ≈ 8%, preventief ≈ 16% of trajecten; about two thirds new in the reference
 * year; gemeenten weighted 121 Rotterdam / 44 other region / 10 unknown / 4 outside. Names are
 * made of invented syllables: NEVER real persons. Same seed, size and year → same data.
 */

/** A small, fast, seedable PRNG (sfc32). Not for secrets: only for synthetic data. */
export class Prng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 20; i++) this.next();
  }
  /** A uint32. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }
  /** A float in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }
  /** True with probability p. */
  chance(p: number): boolean {
    return this.float() < p;
  }
  /** One element. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)]!;
  }
  /** One element by weight. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.float() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1]![0];
  }
  /** n pseudo-random bytes. */
  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = this.next() & 0xff;
    return out;
  }
  private idCount = 0;
  /** A time-ordered UUID v7 from the stream (deterministic, in order: like the app's own ids). */
  uuid(): string {
    const n = this.idCount++;
    return formatV7(SEED_EPOCH_MS + Math.floor(n / 4096), n % 4096, this.bytes(8));
  }
}

// Invented syllables; combinations are checked by no one against real registers because they
// are not names in any language we know of. Deliberately small and odd.
const SYL = ['ka', 'lo', 'mi', 'ra', 'ne', 'su', 'ti', 'vo', 'za', 'be', 'do', 'fi', 'qu', 'xa', 'yo', 'wu'];
const TOPICS = ['huisvesting', 'uitkering', 'zorgverzekering', 'bedenktijd', 'aangifte', 'verblijfsvergunning', 'schulden', 'huisarts', 'ggz', 'tolk', 'opvangplek', 'identiteitsbewijs', 'bankrekening', 'werkgever', 'school', 'dagbesteding'];
const PARTNERS = ['AVIM', 'gemeente', 'advocaat', 'huisarts', 'COA', 'IND', 'opvang', 'Veilig Thuis', 'jeugdzorg', 'NLA', 'CoMensha', 'wijkteam'];
const ACTIONS = ['Gesprek gevoerd over', 'Gebeld met', 'Afspraak gemaakt over', 'Overleg gehad over', 'Formulier ingevuld voor', 'Begeleid naar afspraak over'];
const MOODS = ['cliënt was rustig', 'cliënt maakte zich zorgen', 'tolk was aanwezig', 'afspraak verliep goed', 'vervolg volgende week', 'nog geen reactie ontvangen'];
const TASKS = ['Bel advocaat terug', 'Stuur stukken naar IND', 'Plan intake met tolk', 'Regel zorgverzekering', 'Vraag uitkering aan', 'Controleer BRP-inschrijving', 'Evalueer opvangplek'];
const SIGNALS = ['werkt lange dagen zonder loon', 'slaapt op de werkplek', 'paspoort afgepakt', 'wordt steeds opgehaald door dezelfde man', 'moet schuld afbetalen', 'verkoopt drugs voor anderen', 'advertentie online met wisselende nummers'];

function syllables(p: Prng, min: number, max: number): string {
  let s = '';
  const n = p.int(min, max);
  for (let i = 0; i < n; i++) s += p.pick(SYL);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** What to generate. */
export interface SeedOptions {
  trajecten: number;
  seed: number;
  /** The reference year ("this year"); trajecten run up to `today`. */
  today: IsoDate;
  meldingenPerTraject?: number;
  journaalPerTraject?: number;
  /** False for a vault of a schema before migration 0060 (migration tests seed old vaults). */
  politiecontacten?: boolean;
}

/** One generated traject plus the meldingen generated alongside it. */
export interface SeedItem {
  traject: ImportTraject;
  meldingen: MeldingFields[];
}

type Categorie = 'su' | 'cu' | 'overig' | 'preventief';

function gemeenteFor(p: Prng): string {
  const rotterdam = regioGemeenten('rotterdam', gemeenten);
  const denHaag = regioGemeenten('den-haag', gemeenten);
  const groep = p.weighted([
    ['centrum', 121],
    ['regio', 44],
    ['onbekend', 10],
    ['buiten', 4],
  ] as const);
  if (groep === 'centrum') return rotterdam.centrumgemeente;
  if (groep === 'regio') return p.pick(rotterdam.gemeenten.filter((g) => g !== rotterdam.centrumgemeente));
  // The monitor's "onbekend, wel een gemeente uit de regio".
  if (groep === 'onbekend') return 'onbekend-in-regio';
  return p.chance(0.5) ? 'buiten-regio' : p.pick(denHaag.gemeenten);
}

function startDate(p: Prng, today: IsoDate): IsoDate {
  const jan1 = `${today.slice(0, 4)}-01-01`;
  const daysThisYear = Math.max(1, daysBetween(jan1, today));
  // About two thirds of the trajecten that run this year started this year (the 2024 ratio).
  if (p.chance(0.5)) return addDays(jan1, p.int(0, daysThisYear - 1));
  const yearsBack = p.weighted([
    [1, 40],
    [2, 20],
    [3, 12],
    [4, 10],
    [5, 8],
    [6, 6],
    [7, 4],
  ] as const);
  return addDays(jan1, -p.int(1, 365) - (yearsBack - 1) * 365);
}

function trajectFor(p: Prng, extra: Prng, index: number, options: SeedOptions): ImportTraject {
  const today = options.today;
  const categorie = p.weighted<Categorie>([
    ['su', 115],
    ['cu', 13],
    ['overig', 13],
    ['preventief', 26],
  ]);
  let vormen: Uitbuitingsvorm[];
  if (categorie === 'su') vormen = p.chance(0.08) ? ['seksuele-uitbuiting', 'criminele-uitbuiting'] : ['seksuele-uitbuiting'];
  else if (categorie === 'cu') vormen = ['criminele-uitbuiting'];
  else if (categorie === 'overig')
    vormen = [p.weighted<Uitbuitingsvorm>([['arbeidsuitbuiting', 80], ['gedwongen-huwelijk', 8], ['orgaanverwijdering', 2], ['illegale-adoptie', 3], ['draagmoederschap', 3]])];
  else vormen = p.chance(0.8) ? ['seksuele-uitbuiting'] : ['criminele-uitbuiting'];
  const minderjarig = p.chance(categorie === 'preventief' ? 0.5 : categorie === 'cu' ? 0.33 : categorie === 'su' ? 0.14 : 0.05);
  const aanmelddatum = startDate(p, today);
  const ageAtStart = minderjarig ? p.int(13, 17) : p.int(18, 45);
  // Exactly ageAtStart years old at the start (whole years back, then less than a year more).
  const geboortedatum = addDays(addMonths(aanmelddatum, -12 * ageAtStart), -p.int(1, 364));
  const age = daysBetween(aanmelddatum, today);
  const closeChance = age > 730 ? 0.95 : age > 365 ? 0.6 : aanmelddatum < `${today.slice(0, 4)}-01-01` ? 0.45 : 0.3;
  const closed = p.chance(closeChance);
  const fase: Fase = closed ? 'afgesloten' : p.weighted<Fase>([['aanmelding', 10], ['intake', 15], ['actief', 55], ['nazorg', 20]]);
  const afgeslotenOp = closed ? addDays(aanmelddatum, Math.min(age, p.int(30, 720))) : undefined;

  const client: ClientFields = {
    roepnaam: syllables(p, 2, 3),
    achternaam: p.chance(0.85) ? syllables(p, 2, 4) : undefined,
    geboortedatum,
    geslacht: p.weighted([['vrouw', 75], ['man', 22], ['anders', 1], ['onbekend', 2]] as const),
    geboorteland: p.pick(['Nederland', 'Roemenië', 'Bulgarije', 'Nigeria', 'Polen', 'Oekraïne', 'Eritrea', 'Brazilië', 'Vietnam', 'onbekend']),
    taal: { talen: [p.pick(['Nederlands', 'Engels', 'Roemeens', 'Bulgaars', 'Tigrinya', 'Pools', 'Portugees'])], tolkNodig: p.chance(0.4) },
    contactpersonen: minderjarig ? [{ naam: `${syllables(p, 2, 2)} ${syllables(p, 2, 3)}`, relatie: 'voogd', wettelijkVertegenwoordiger: true }] : [],
    notities: p.chance(0.3) ? `Synthetische notitie ${index}: ${p.pick(TOPICS)}` : undefined,
  };

  const opvang: Opvang[] = [];
  if (categorie !== 'preventief' && p.chance(0.3)) {
    const start = addDays(aanmelddatum, p.int(0, 14));
    const months = p.weighted([[1, 30], [2, 30], [3, 25], [4, 10], [6, 5]] as const);
    const eind = addMonths(start, months);
    opvang.push({ soort: p.chance(0.7) && client.geslacht === 'vrouw' && !minderjarig ? 'crisisopvang' : 'categorale-opvang', start, eind: eind <= today ? eind : undefined });
  }
  const procedures: Procedure[] = [];
  if (categorie !== 'preventief') {
    if (p.chance(0.3)) {
      const deadline = addMonths(aanmelddatum, 3);
      procedures.push({ soort: 'b8-bedenktijd', status: deadline < today ? 'afgerond' : 'lopend', start: aanmelddatum, deadline });
    }
    if (p.chance(0.4)) procedures.push({ soort: 'aangifte', status: p.pick(['niet-gestart', 'lopend', 'afgerond'] as const), start: addDays(aanmelddatum, p.int(0, 60)) });
    if (p.chance(0.3)) procedures.push({ soort: p.pick(['uitkering', 'zorgverzekering', 'brp-inschrijving', 'juridische-hulp', 'verblijfsvergunning'] as const), status: p.pick(['aangevraagd', 'lopend', 'toegekend'] as const), deadline: addDays(aanmelddatum, p.int(14, 120)) });
  }

  const journaalCount = Math.max(0, Math.round((options.journaalPerTraject ?? 10) * (0.5 + p.float())));
  const span = Math.max(1, daysBetween(aanmelddatum, afgeslotenOp ?? today));
  const journaal = Array.from({ length: journaalCount }, () => ({
    datum: addDays(aanmelddatum, p.int(0, span)),
    soort: p.weighted([['notitie', 40], ['actie', 25], ['contact', 25], ['overleg', 10]] as const),
    tekst: `${p.pick(ACTIONS)} ${p.pick(TOPICS)} met ${p.pick(PARTNERS)}; ${p.pick(MOODS)}.`,
  }));
  const taken = closed
    ? []
    : Array.from({ length: p.int(0, 3) }, () => ({ titel: p.pick(TASKS), deadline: addDays(today, p.int(-20, 40)), afgerond: p.chance(0.3) }));
  const under16 = ageAtStart < 16;
  const toestemmingen = p.chance(0.6)
    ? [{ doel: 'registratie-comensha' as const, ontvanger: 'CoMensha', vanaf: addDays(aanmelddatum, p.int(0, 30)), schriftelijk: p.chance(0.9), gegevenDoor: under16 ? ('ouder-voogd' as const) : ('client' as const), ingetrokkenOp: undefined }]
    : [];

  return {
    client,
    preventief: categorie === 'preventief',
    vormen,
    // Sometimes the age at the start is not known: the monitor counts that as its own row.
    minderjarigBijStart: extra.chance(0.03) ? null : minderjarig,
    gemeente: gemeenteFor(p),
    verwijzer: p.weighted<Verwijzer>([['politie', 30], ['zorg', 20], ['gemeente', 15], ['zelfmelder', 10], ['meldpunt', 20], ['anders', 5]]),
    aanmelddatum,
    opvang,
    procedures,
    politiecontacten: options.politiecontacten === false ? [] : politiecontactenFor(extra, categorie, vormen, aanmelddatum, today),
    fase,
    afsluitReden: closed ? p.weighted([['doelen-bereikt', 50], ['geen-contact-meer', 20], ['overgedragen', 15], ['vertrokken-uit-regio', 10], ['client-ziet-af', 5]] as const) : undefined,
    afgeslotenOp,
    toestemmingen: toestemmingen.filter((t) => t.vanaf <= today),
    journaal,
    taken,
  } as ImportTraject;
}

/** Informative conversations and aangiftes at the AVIM for some trajecten of victims (the monitor counts them per form). */
function politiecontactenFor(extra: Prng, categorie: Categorie, vormen: Uitbuitingsvorm[], aanmelddatum: string, today: string): Politiecontact[] {
  if (categorie === 'preventief' || !extra.chance(0.12)) return [];
  const datum = addDays(aanmelddatum, extra.int(0, 90));
  if (datum > today) return [];
  const gesprek: Politiecontact = { soort: 'informatief-gesprek', datum, vorm: vormen[0]! };
  return extra.chance(0.3) ? [gesprek, { soort: 'aangifte', datum: datum < today ? addDays(datum, 1) : datum, vorm: vormen[0]! }] : [gesprek];
}

function meldingFor(p: Prng, extra: Prng, options: SeedOptions): MeldingFields {
  const soort = p.weighted([['su', 66], ['cu', 15], ['overig', 8], ['preventief', 38], ['info', 52]] as const);
  const anoniem = p.chance(0.4);
  const conclusie = soort === 'info' ? 'geen' : p.weighted([['geen', 30], ['verder-onderzoek', 40], ['wel', 20], ['open', 10]] as const);
  const datum = startDate(p, options.today);
  return {
    datum,
    kanaal: p.weighted([['telefoon', 50], ['email', 20], ['website', 10], ['persoonlijk', 15], ['chat', 5]] as const),
    anoniem,
    melderType: soort === 'info' ? 'sekswerker' : extra.chance(0.1) ? extra.pick(['aandachtsfunctionaris', 'onbekend'] as const) : p.pick(['burger', 'professional-zorg', 'politie', 'gemeente', 'onderwijs', 'werkgever'] as const),
    melderContact: anoniem ? undefined : { organisatie: p.pick(['Wijkteam', 'Huisartsenpraktijk', 'School', 'Gemeente']) },
    gemeente: gemeenteFor(p),
    vorm: soort === 'su' ? 'seksuele-uitbuiting' : soort === 'cu' ? 'criminele-uitbuiting' : soort === 'overig' ? 'arbeidsuitbuiting' : soort === 'info' ? 'geen' : p.pick(['seksuele-uitbuiting', 'criminele-uitbuiting'] as const),
    minderjarig: soort === 'preventief' ? p.chance(20 / 38) : soort === 'su' ? p.chance(9 / 66) : soort === 'cu' ? p.chance(5 / 15) : false,
    preventiefGesprek: soort === 'preventief',
    informatieverzoek: soort === 'info',
    signaal: soort === 'info' ? undefined : `Signaal: ${p.pick(SIGNALS)}.`,
    conclusie: conclusie === 'open' ? null : conclusie,
    acuut: conclusie === 'wel' && p.chance(0.2),
    terugkoppeling: !anoniem && conclusie !== 'open' && p.chance(0.8) ? { datum: addDays(datum, p.int(0, 14)) < options.today ? addDays(datum, p.int(0, 14)) : datum, wijze: 'telefoon' } : undefined,
  };
}

/** Generates the synthetic records one traject at a time (with its share of meldingen), so 100,000 never sit in memory at once. */
export function* seedItems(options: SeedOptions): Generator<SeedItem> {
  const p = new Prng(options.seed);
  // Facts added later draw from their own stream, so the records of a seed stay as they were.
  const extra = new Prng(options.seed ^ 0x0e7a);
  const perTraject = options.meldingenPerTraject ?? 2;
  let owed = 0;
  for (let i = 0; i < options.trajecten; i++) {
    const traject = trajectFor(p, extra, i, options);
    owed += perTraject;
    const meldingen: MeldingFields[] = [];
    while (owed >= 1) {
      meldingen.push(meldingFor(p, extra, options));
      owed -= 1;
    }
    yield { traject, meldingen };
  }
}
