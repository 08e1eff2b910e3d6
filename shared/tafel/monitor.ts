// The regional monitor compiled from the signed summaries of several organisations (tafel mode).
// Pure: the files in (already verified by the core), the monitor out. A hidden cell is not a number
// but what a reader may conclude from the file: "<k" is 0..k−1, "x" is k or more, a shown count is
// exact — or, with rounding or noise, the interval `terugInterval` gives. Each file's intervals are
// tightened by its own published relations (whole-number interval propagation to a fixpoint: every
// bound it finds is implied by the file, so the truth never falls outside). The combined figures
// are the sums of the organisations' intervals, tightened again by the relations every file shares
// (the same linear relation holds for the sums of true counts). So the true regional count always
// lies inside the combined interval; the property test in test/shared/tafel/monitor.test.ts checks
// exactly that on arbitrary figures run through `onderdruk`.
import type { TafelBestand } from './file.schema';
import type { Interval, MonitorCel, MonitorSectie, MonitorTabel, RegionaleMonitor, Staaf } from './monitor.schema';
import { terugInterval } from './ruis';
import type { CelId, TafelPeriode, Vergelijking } from './tafel.schema';

/** An interval while computing: `max` may be Infinity (no upper bound). */
interface Bereik {
  min: number;
  max: number;
}

/** "2024" or "kwartaal 2 van 2024". */
export function periodeTekst(p: TafelPeriode): string {
  return p.kwartaal === undefined ? String(p.jaar) : `kwartaal ${p.kwartaal} van ${p.jaar}`;
}

/** True when two periods are the same year, or the same quarter of the same year. */
export function zelfdePeriode(a: TafelPeriode, b: TafelPeriode): boolean {
  return a.jaar === b.jaar && a.kwartaal === b.kwartaal;
}

/** How an interval reads: "12", "12–16", "≥ 5". */
export function toonInterval(i: Interval): string {
  if (i.max === null) return `≥ ${i.min}`;
  return i.min === i.max ? String(i.min) : `${i.min}–${i.max}`;
}

const naarInterval = (b: Bereik): Interval => ({ min: b.min, max: Number.isFinite(b.max) ? b.max : null });

/**
 * Tightens the intervals by the relations (Σ factor·cel = 0 or ≥ 0), whole numbers ≥ 0, until
 * nothing changes. A relation whose cells are not all known is skipped. Changes `bereik` in place.
 */
export function propageer(bereik: Map<CelId, Bereik>, vergelijkingen: readonly Vergelijking[], maxRondes = 60): void {
  for (let ronde = 0; ronde < maxRondes; ronde++) {
    let veranderd = false;
    for (const v of vergelijkingen) {
      const termen = v.termen.map((t) => ({ f: t.factor, b: bereik.get(t.cel) }));
      if (termen.some((t) => t.b === undefined)) continue;
      // For each term: the range of the other terms' sum, S = Σ_{i≠j} f_i·x_i.
      for (let j = 0; j < termen.length; j++) {
        let lo = 0;
        let hi = 0;
        for (let i = 0; i < termen.length; i++) {
          if (i === j) continue;
          const { f, b } = termen[i]!;
          lo += f > 0 ? f * b!.min : f * b!.max;
          hi += f > 0 ? f * b!.max : f * b!.min;
        }
        const { f, b } = termen[j]!;
        const doel = b!;
        // gelijk: f·x = −S ∈ [−hi, −lo]; minstens: f·x ≥ −S ≥ −hi.
        let nieuwMin = doel.min;
        let nieuwMax = doel.max;
        if (f > 0) {
          if (Number.isFinite(hi)) nieuwMin = Math.max(nieuwMin, Math.ceil(-hi / f));
          if (v.soort === 'gelijk' && Number.isFinite(lo)) nieuwMax = Math.min(nieuwMax, Math.floor(-lo / f));
        } else {
          if (Number.isFinite(hi)) nieuwMax = Math.min(nieuwMax, Math.floor(-hi / f));
          if (v.soort === 'gelijk' && Number.isFinite(lo)) nieuwMin = Math.max(nieuwMin, Math.ceil(-lo / f));
        }
        nieuwMin = Math.max(0, nieuwMin);
        // An impossible result means the file contradicts itself; keep what it showed rather than invent.
        if (nieuwMin > nieuwMax) continue;
        if (nieuwMin !== doel.min || nieuwMax !== doel.max) {
          doel.min = nieuwMin;
          doel.max = nieuwMax;
          veranderd = true;
        }
      }
    }
    if (!veranderd) return;
  }
}

/**
 * What a reader can conclude from one file about each of its cells, tightened by the file's own
 * relations. A cell named only in a relation (a gemeente with fewer than k meldingen, inside
 * "overige gemeenten") is 0..k−1.
 */
export function bestandIntervallen(b: Pick<TafelBestand, 'cellen' | 'vergelijkingen' | 'instellingen'>): Map<CelId, Bereik> {
  const { k, afronding, ruisMax } = b.instellingen;
  const bereik = new Map<CelId, Bereik>();
  for (const [cel, p] of Object.entries(b.cellen)) {
    if (p === 'klein') bereik.set(cel, { min: 0, max: k - 1 });
    else if (p === 'verborgen') bereik.set(cel, { min: k, max: Infinity });
    else bereik.set(cel, { ...terugInterval(p, { k, afronding, ruisMax }) });
  }
  for (const v of b.vergelijkingen) for (const t of v.termen) if (!bereik.has(t.cel)) bereik.set(t.cel, { min: 0, max: k - 1 });
  propageer(bereik, b.vergelijkingen);
  return bereik;
}

/** The gemeente table is not combined: every organisation names other gemeenten apart. */
const NIET_GECOMBINEERD = new Set(['meldingen-gemeenten']);

const relatieSleutel = (v: Vergelijking) => `${v.soort}|${v.termen.map((t) => `${t.cel}*${t.factor}`).sort().join(',')}`;

/**
 * The combined intervals of several files: per cell the sum of the files' intervals (a cell a
 * file lacks makes the sum unknown and is left out), tightened by the relations every file has.
 */
export function gecombineerdeIntervallen(bestanden: readonly Pick<TafelBestand, 'cellen' | 'vergelijkingen' | 'instellingen'>[]): Map<CelId, Bereik> {
  const per = bestanden.map((b) => bestandIntervallen(b));
  const som = new Map<CelId, Bereik>();
  if (per.length === 0) return som;
  for (const cel of per[0]!.keys()) {
    if (!per.every((m) => m.has(cel))) continue;
    som.set(cel, per.reduce((s, m) => ({ min: s.min + m.get(cel)!.min, max: s.max + m.get(cel)!.max }), { min: 0, max: 0 }));
  }
  const gedeeld = new Map<string, Vergelijking>();
  for (const v of bestanden[0]!.vergelijkingen) gedeeld.set(relatieSleutel(v), v);
  for (const b of bestanden.slice(1)) {
    const hier = new Set(b.vergelijkingen.map(relatieSleutel));
    for (const key of [...gedeeld.keys()]) if (!hier.has(key)) gedeeld.delete(key);
  }
  propageer(som, [...gedeeld.values()]);
  return som;
}

const cel = (id: CelId, toon: string, b: Bereik | undefined): MonitorCel => {
  const i = b ? naarInterval(b) : { min: 0, max: null };
  return { cel: id, toon, ...i };
};

/** One organisation's section: its tables as published, each cell with what can be concluded. */
export function sectieVan(b: TafelBestand): MonitorSectie {
  const bereik = bestandIntervallen(b);
  return {
    organisatieId: b.organisatie.id,
    organisatie: b.organisatie.naam,
    vrijgaveId: b.vrijgaveId,
    volgnummer: b.volgnummer,
    ondertekenaar: b.ondertekenaar,
    aangemaakt: b.aangemaakt,
    k: b.instellingen.k,
    afronding: b.instellingen.afronding ?? null,
    ruisMax: b.instellingen.ruisMax ?? null,
    methodeVersie: b.methodeVersie,
    methode: b.methode,
    grondslag: b.grondslag,
    tabellen: b.tabellen.map((t) => ({
      id: t.id,
      titel: t.titel,
      kolommen: t.kolommen,
      rijen: t.rijen.map((r) => ({ id: r.id, label: r.label, cellen: r.cellen.map((c) => (c === null ? null : cel(c.cel, c.toon, bereik.get(c.cel)))) })),
    })),
  };
}

const somVan = (cellen: ReadonlyArray<MonitorCel | null>): Interval => {
  let min = 0;
  let max: number | null = 0;
  for (const c of cellen) {
    if (c === null) continue;
    min += c.min;
    max = max === null || c.max === null ? null : max + c.max;
  }
  return { min, max };
};

/**
 * Compiles the regional monitor of one period from the organisations' current summaries (the core
 * has verified them and dropped replaced releases). Sections in the order of the organisations'
 * names; the combined tables in the shape of the first file (every summary has the same shape).
 */
export function compileerMonitor(periode: TafelPeriode, bestanden: readonly TafelBestand[]): RegionaleMonitor {
  for (const b of bestanden) {
    if (!zelfdePeriode(b.periode, periode)) throw new Error(`file ${b.vrijgaveId} is for another period`);
  }
  const geordend = [...bestanden].sort((a, b) => a.organisatie.naam.localeCompare(b.organisatie.naam, 'nl') || a.organisatie.id.localeCompare(b.organisatie.id));
  const secties = geordend.map(sectieVan);
  const som = gecombineerdeIntervallen(geordend);
  const gecombineerd: MonitorTabel[] = (geordend[0]?.tabellen ?? [])
    .filter((t) => !NIET_GECOMBINEERD.has(t.id))
    .map((t) => ({
      id: t.id,
      titel: t.titel,
      kolommen: t.kolommen,
      rijen: t.rijen.map((r) => ({
        id: r.id,
        label: r.label,
        cellen: r.cellen.map((c) => {
          if (c === null) return null;
          const b = som.get(c.cel);
          const i = b ? naarInterval(b) : { min: 0, max: null };
          return { cel: c.cel, toon: toonInterval(i), ...i };
        }),
      })),
    }));
  const tabel = (id: string) => gecombineerd.find((t) => t.id === id);
  const staaf = (id: string, label: string, i: Interval): Staaf => ({ id, label, toon: toonInterval(i), ...i });
  const vorm = tabel('meldingen-vorm');
  const meldingenPerVorm = (vorm?.rijen ?? []).map((r) => staaf(r.id, r.label, somVan(r.cellen)));
  const categorie = tabel('clienten-categorie');
  const clientenPerCategorie = (categorie?.rijen ?? [])
    .filter((r) => r.id !== 'totaal')
    .map((r) => {
      const totaal = r.cellen.at(-1) ?? null;
      return staaf(r.id, r.label, totaal ? { min: totaal.min, max: totaal.max } : { min: 0, max: null });
    });
  const toelichting = [
    'De gezamenlijke cijfers zijn de som van de organisaties. Was bij een organisatie een aantal verborgen, dan staat er een bereik: "12–16" betekent 12 tot en met 16.',
    'Een verborgen aantal "<5" telt als 0 tot en met 4. Een "x" is 5 of meer (bij de drempel van die organisatie), zonder bovengrens: dan staat er "≥". Met de totalen in elk overzicht maken we een bereik kleiner waar dat kan.',
    'Een persoon die bij twee organisaties bekend is, telt in de gezamenlijke cijfers twee keer.',
    'De meldingen per gemeente tellen we niet samen: elke organisatie noemt alleen de gemeenten met genoeg meldingen apart. Ze staan bij elke organisatie.',
  ];
  const regio = [...new Set(geordend.map((b) => b.regio))].sort();
  if (regio.length > 1) {
    // "Centrumgemeente" is another gemeente per region: the combined row carries no name.
    for (const r of gecombineerd.find((t) => t.id === 'meldingen-herkomst')?.rijen ?? []) if (r.id === 'centrumgemeente') r.label = 'Centrumgemeente (van de eigen regio)';
    toelichting.push(`De organisaties horen bij verschillende regio's (${regio.join(', ')}). "Centrumgemeente" is voor elke regio een andere gemeente.`);
  }
  if (geordend.some((b) => b.instellingen.afronding !== undefined || b.instellingen.ruis)) {
    toelichting.push('Sommige organisaties ronden hun aantallen af of voegen een kleine afwijking (ruis) toe. Dan is ook een getoond aantal een bereik.');
  }
  return {
    periode,
    periodeTekst: periodeTekst(periode),
    regio,
    secties,
    gecombineerd,
    grafieken: { meldingenPerVorm, clientenPerCategorie },
    toelichting,
  };
}
