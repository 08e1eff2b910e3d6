// The exact auditor: given every published value and every published relation — this release and
// every earlier one in the ledger — it works out, for each hidden cell, which counts are still
// possible, the way an attacker with all those files and a solver would.
//
// What a reader knows (the knowledge model, all linear):
// - every count is a whole number ≥ 0, and every published relation of a release holds;
// - a shown number is the count (with rounding or noise: the count lies in `terugInterval`), and a
//   shown number above 0 is at least k (smaller counts are never shown);
// - "<k" (`klein`) is 0..k−1, as the file says (a 0 can be shown as "<k": see suppression.ts);
// - "x" (`verborgen`) is k or more (only counts of k or more are hidden to protect others);
// - a gemeente of the region not shown apart (`in-overige`) has 0..k−1 meldingen;
// - between releases, the relations of a fixed family wherever they hold for the true counts (a
//   reader may guess them; where the guess is right, it must not help): a cell unchanged between
//   two versions of one period; a year cell equal to, at most, or at least the sum of that cell
//   in the quarters released for that year (see `koppelingen`).
//
// The rule (what "determines a count below k" means): every hidden cell whose count is 1..k−1 (a
// "<k", or a gemeente inside "overige gemeenten") must still be able to take at least two values
// in whole-number tables that agree with everything above. A 0 shown as "<k" is not itself
// protected (there is nobody to recognise); it only adds doubt.
//
// How it decides, and why that is sound: (1) integer interval propagation to a fixpoint — every
// bound it finds is implied, so a cell it pins is really determined; (2) per connected group of
// hidden cells, a linear program (simplex.ts) for the real minimum and maximum — an outer bound
// (the real relaxation can only be wider than the whole-number truth); (3) a witness: a second
// whole-number table, checked exactly in integers against every relation and bound, in which the
// cell has another value. The true table is the first witness. A cell is declared protected only
// with such a checked witness in hand; a search that fails (or a solver that gives up) counts as
// "not protected". So floating point can cost extra suppression, never a leak the model covers.
import { KkError } from '../errors';
import { terugInterval } from './ruis';
import { Simplex, type LpProbleem } from './simplex';
import type { CelId, CelPublicatie, Vergelijking, Vrijgave } from './tafel.schema';

/** A relation over cells of several releases: Σ factor·x[vrijgave, cel] = 0 or ≥ 0. */
export interface Relatie {
  id: string;
  soort: Vergelijking['soort'];
  termen: Array<{ vrijgave: string; cel: CelId; factor: number }>;
}

/** One hidden or uncertain cell in the system. */
export interface Onbekende {
  vrijgave: string;
  cel: CelId;
  publicatie: CelPublicatie;
  lo: number;
  hi: number;
  waarheid: number;
  /** A hidden count of 1..k−1: the rule says it must not be determined. */
  beschermd: boolean;
}

/** A relation after the known values are filled in: Σ coef·x[var] (=|≥) rhs. */
export interface Rij {
  termen: Array<[number, number]>;
  soort: Vergelijking['soort'];
  rhs: number;
  /** The relation it came from (to find cells that could be hidden next to it). */
  relatie: Relatie;
}

/** Everything a reader knows, as a system over the hidden cells. */
export interface Systeem {
  onbekenden: Onbekende[];
  rijen: Rij[];
  index: Map<string, number>;
  /** Bounds after propagation (whole numbers; implied by the system). */
  lo: number[];
  hi: number[];
}

/** The verdict on one hidden cell. */
export interface CelOordeel {
  vrijgave: string;
  cel: CelId;
  publicatie: CelPublicatie;
  /** The true count (vault only: never in a file). */
  waarheid: number;
  beschermd: boolean;
  /** Smallest and largest count still possible (outer bound: LP over the reals, rounded inward; null = no upper bound). */
  min: number;
  max: number | null;
  /** Counts shown possible by an exactly checked whole-number table (always includes the true count). */
  bewezen: number[];
  /** For a protected cell: at least two counts proven possible. Other cells: true. */
  veilig: boolean;
}

/** The auditor's answer. */
export interface AuditUitslag {
  /** True when every protected cell of every release can still take at least two values. */
  veilig: boolean;
  cellen: CelOordeel[];
  onveilig: CelOordeel[];
  /** How many relations between releases were used. */
  koppelingen: number;
}

/** Options: which intervals to compute (all hidden cells, or only what the rule needs). */
export interface AuditOpties {
  intervallen?: 'alle' | 'beschermd';
  /** With `alle`: full intervals only for the cells of this release (protection is still judged everywhere). */
  alleenVrijgave?: string;
}

const sleutel = (vrijgave: string, cel: CelId) => `${vrijgave}\u0000${cel}`;

/**
 * The relations between releases that a reader may try, each kept only where it holds for the
 * true counts of those releases (a guess that is wrong discloses nothing; a right one must not help):
 * - two releases of the same period (a correction): a cell whose count did not change is one
 *   and the same count;
 * - a year and its quarters, for each choice of one release per quarter: the year cell equals
 *   the sum of the four, or is at most that sum (people carried over between quarters count once
 *   a year), or at least it; and the year cell is at least the cell of each quarter;
 * - while a quarter of that year has no release: the year cell is at least the sum of the
 *   quarters released (the others count ≥ 0).
 */
export function koppelingen(vrijgaven: readonly Vrijgave[]): Relatie[] {
  const out: Relatie[] = [];
  const sorted = [...vrijgaven].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const gemeen = (rs: readonly Vrijgave[]) => Object.keys(rs[0]!.waarden).filter((c) => rs.every((r) => r.waarden[c] !== undefined)).sort();
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const a = sorted[i]!;
      const b = sorted[j]!;
      if (a.periode.jaar !== b.periode.jaar || a.periode.kwartaal !== b.periode.kwartaal) continue;
      for (const c of gemeen([a, b])) {
        if (a.waarden[c] !== b.waarden[c]) continue;
        out.push({ id: `zelfde:${a.id}:${b.id}:${c}`, soort: 'gelijk', termen: [{ vrijgave: a.id, cel: c, factor: 1 }, { vrijgave: b.id, cel: c, factor: -1 }] });
      }
    }
  }
  const jaren = new Set(sorted.map((v) => v.periode.jaar));
  for (const jaar of [...jaren].sort()) {
    const jaarVersies = sorted.filter((v) => v.periode.jaar === jaar && v.periode.kwartaal === undefined);
    const perKwartaal = [1, 2, 3, 4].map((q) => sorted.filter((v) => v.periode.jaar === jaar && v.periode.kwartaal === q));
    const aanwezig = perKwartaal.filter((l) => l.length > 0);
    if (jaarVersies.length === 0 || aanwezig.length === 0) continue;
    // Every choice of one release per quarter that has one.
    let keuzes: Vrijgave[][] = [[]];
    for (const lijst of aanwezig) keuzes = keuzes.flatMap((k) => lijst.map((v) => [...k, v]));
    const compleet = aanwezig.length === 4;
    for (const y of jaarVersies) {
      for (const deel of keuzes) {
        for (const c of gemeen([y, ...deel])) {
          const ty = y.waarden[c]!;
          const som = deel.reduce((s, v) => s + v.waarden[c]!, 0);
          const termen = [{ vrijgave: y.id, cel: c, factor: 1 }, ...deel.map((v) => ({ vrijgave: v.id, cel: c, factor: -1 }))];
          const id = `jaar:${y.id}:${deel.map((v) => v.id).join('+')}:${c}`;
          if (compleet && ty === som) out.push({ id, soort: 'gelijk', termen });
          else if (ty >= som) out.push({ id, soort: 'minstens', termen });
          else if (compleet) out.push({ id, soort: 'minstens', termen: termen.map((t) => ({ ...t, factor: -t.factor })) });
        }
      }
      if (aanwezig.length === 1) continue;
      for (const q of aanwezig.flat()) {
        for (const c of gemeen([y, q])) {
          if (y.waarden[c]! >= q.waarden[c]!) out.push({ id: `jaar:${y.id}:${q.id}:${c}`, soort: 'minstens', termen: [{ vrijgave: y.id, cel: c, factor: 1 }, { vrijgave: q.id, cel: c, factor: -1 }] });
        }
      }
    }
  }
  return out;
}

/** Every row and every column of every table, as lists of cell ids. */
export function lijnen(rasters: Vrijgave['rasters']): Array<Array<CelId | null>> {
  const out: Array<Array<CelId | null>> = [];
  for (const raster of rasters) {
    out.push(...raster.rijen);
    const breedte = Math.max(0, ...raster.rijen.map((r) => r.length));
    for (let j = 0; j < breedte; j++) out.push(raster.rijen.map((r) => r[j] ?? null));
  }
  return out;
}

/** A ledger (or release) that does not fit itself: no verdict is possible. The message names ids, never counts. */
function fout(message: string): never {
  throw new KkError('INVALID_INPUT', `Het logboek van overzichten klopt niet: ${message}. Herstel het logboek uit een back-up.`, { issues: [{ path: 'ledger', message }] });
}

/**
 * Builds the system a reader faces: the hidden cells with the bounds their markers give, every
 * relation with the known values filled in, then whole-number propagation to a fixpoint. Throws
 * when the true counts do not fit what was published (a broken ledger: no verdict is possible).
 */
export function bouwSysteem(vrijgaven: readonly Vrijgave[], extra: readonly Relatie[] = koppelingen(vrijgaven)): Systeem {
  const onbekenden: Onbekende[] = [];
  const index = new Map<string, number>();
  const bekend = new Map<string, number>();
  const ids = new Set<string>();
  for (const v of vrijgaven) {
    if (ids.has(v.id)) fout(`het overzicht ${v.id} staat er twee keer in`);
    ids.add(v.id);
    for (const [cel, p] of Object.entries(v.gepubliceerd)) {
      const t = v.waarden[cel];
      if (t === undefined) fout(`bij overzicht ${v.id} ontbreekt het echte aantal van ${cel}`);
      let lo: number;
      let hi: number;
      let beschermd = false;
      if (typeof p === 'number') {
        if (p === 0 || (!v.afronding && !v.ruisMax)) {
          bekend.set(sleutel(v.id, cel), p);
          if (p !== t) fout(`in overzicht ${v.id} is ${cel} anders gestuurd dan het echte aantal`);
          continue;
        }
        ({ min: lo, max: hi } = terugInterval(p, { k: v.k, afronding: v.afronding, ruisMax: v.ruisMax }));
      } else if (p === 'klein') {
        lo = 0;
        hi = v.k - 1;
        beschermd = t >= 1;
      } else if (p === 'in-overige') {
        lo = 0;
        hi = v.k - 1;
        beschermd = t >= 1;
      } else {
        lo = v.k;
        hi = Infinity;
      }
      if (t < lo || t > hi) fout(`in overzicht ${v.id} past het echte aantal van ${cel} niet bij wat is gestuurd`);
      index.set(sleutel(v.id, cel), onbekenden.length);
      onbekenden.push({ vrijgave: v.id, cel, publicatie: p, lo, hi, waarheid: t, beschermd });
    }
  }
  const relaties: Relatie[] = [
    ...vrijgaven.flatMap((v) => v.vergelijkingen.map((e) => ({ id: `${v.id}:${e.id}`, soort: e.soort, termen: e.termen.map((t) => ({ vrijgave: v.id, cel: t.cel, factor: t.factor })) }))),
    ...extra,
  ];
  const perId = new Map(vrijgaven.map((v) => [v.id, v]));
  const waarheid = (vrijgave: string, cel: CelId) => perId.get(vrijgave)?.waarden[cel];
  const rijen: Rij[] = [];
  for (const r of relaties) {
    const termen = new Map<number, number>();
    let rhs = 0;
    let check = 0;
    for (const t of r.termen) {
      const key = sleutel(t.vrijgave, t.cel);
      const i = index.get(key);
      const w = waarheid(t.vrijgave, t.cel);
      if (w === undefined) fout(`de samenhang ${r.id} noemt een cel die niet in het overzicht staat`);
      check += t.factor * w;
      if (i === undefined) {
        const b = bekend.get(key);
        if (b === undefined) fout(`de samenhang ${r.id} noemt een cel die niet is gestuurd`);
        rhs -= t.factor * b;
      } else termen.set(i, (termen.get(i) ?? 0) + t.factor);
    }
    if (r.soort === 'gelijk' ? check !== 0 : check < 0) fout(`de samenhang ${r.id} klopt niet voor de echte aantallen`);
    const list = [...termen].filter(([, a]) => a !== 0);
    if (list.length === 0) continue;
    rijen.push({ termen: list, soort: r.soort, rhs, relatie: r });
  }
  const sys: Systeem = { onbekenden, rijen, index, lo: onbekenden.map((o) => o.lo), hi: onbekenden.map((o) => o.hi) };
  propageer(sys);
  return sys;
}

/**
 * Whole-number interval propagation to a fixpoint: from Σ a·x = b each x gets the bounds the
 * others allow, rounded inward (counts are whole). Every bound found is implied by the system.
 */
export function propageer(sys: Systeem): void {
  const { rijen, lo, hi } = sys;
  const perVar: number[][] = sys.onbekenden.map(() => []);
  rijen.forEach((r, i) => r.termen.forEach(([v]) => perVar[v]!.push(i)));
  const queue: number[] = rijen.map((_, i) => i);
  const inQueue = new Uint8Array(rijen.length).fill(1);
  let budget = 200 * rijen.length + 1000;
  let head = 0;
  while (head < queue.length && budget-- > 0) {
    const ri = queue[head++]!;
    inQueue[ri] = 0;
    const r = rijen[ri]!;
    // Min and max of Σ a·x over the box, counting unbounded terms apart.
    let minSum = 0;
    let maxSum = 0;
    let minInf = 0;
    let maxInf = 0;
    for (const [v, a] of r.termen) {
      const lo_ = a > 0 ? a * lo[v]! : a * hi[v]!;
      const hi_ = a > 0 ? a * hi[v]! : a * lo[v]!;
      if (lo_ === -Infinity) minInf++;
      else minSum += lo_;
      if (hi_ === Infinity) maxInf++;
      else maxSum += hi_;
    }
    for (const [v, a] of r.termen) {
      const ownLo = a > 0 ? a * lo[v]! : a * hi[v]!;
      const ownHi = a > 0 ? a * hi[v]! : a * lo[v]!;
      // Bounds of the other terms.
      const othersMax = ownHi === Infinity ? (maxInf > 1 ? Infinity : maxSum) : maxInf > 0 ? Infinity : maxSum - ownHi;
      const othersMin = ownLo === -Infinity ? (minInf > 1 ? -Infinity : minSum) : minInf > 0 ? -Infinity : minSum - ownLo;
      // a·x ≥ rhs − othersMax, and for an equation also a·x ≤ rhs − othersMin.
      let axLo = r.rhs - othersMax;
      let axHi = r.soort === 'gelijk' ? r.rhs - othersMin : Infinity;
      let newLo = lo[v]!;
      let newHi = hi[v]!;
      if (a > 0) {
        if (axLo > -Infinity) newLo = Math.max(newLo, Math.ceil(axLo / a - 1e-9));
        if (axHi < Infinity) newHi = Math.min(newHi, Math.floor(axHi / a + 1e-9));
      } else {
        [axLo, axHi] = [axHi, axLo];
        if (axLo < Infinity) newLo = Math.max(newLo, Math.ceil(axLo / a - 1e-9));
        if (axHi > -Infinity) newHi = Math.min(newHi, Math.floor(axHi / a + 1e-9));
      }
      if (newLo > lo[v]! || newHi < hi[v]!) {
        if (newLo > newHi) fout('de gestuurde cijfers spreken elkaar tegen');
        lo[v] = newLo;
        hi[v] = newHi;
        for (const other of perVar[v]!) {
          if (!inQueue[other]) {
            inQueue[other] = 1;
            queue.push(other);
          }
        }
      }
    }
  }
}

/** Groups of hidden cells linked by relations (each solved on its own). Fixed cells are left out. */
export function groepen(sys: Systeem): number[][] {
  const parent = sys.onbekenden.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const vrij = (v: number) => sys.lo[v]! < sys.hi[v]!;
  for (const r of sys.rijen) {
    const vs = r.termen.map(([v]) => v).filter(vrij);
    for (let i = 1; i < vs.length; i++) parent[find(vs[i]!)] = find(vs[0]!);
  }
  const map = new Map<number, number[]>();
  sys.onbekenden.forEach((_, i) => {
    if (!vrij(i)) return;
    const root = find(i);
    const list = map.get(root);
    if (list) list.push(i);
    else map.set(root, [i]);
  });
  return [...map.values()];
}

/** What solving one group gives: per variable (group-local order) the interval and proven values. */
interface GroepUitkomst {
  min: number[];
  max: Array<number | null>;
  bewezen: Array<Set<number>>;
}

/** One group as a self-contained LP over its free variables (fixed ones filled in), with a canonical key. */
interface GroepLp {
  vars: number[];
  probleem: LpProbleem;
  /** Original bounds (the reader's knowledge), for checking witnesses exactly. */
  kennisLo: number[];
  kennisHi: number[];
  waarheid: number[];
  rijen: Array<{ termen: Array<[number, number]>; soort: Vergelijking['soort']; rhs: number }>;
  sleutel: string;
}

function groepLp(sys: Systeem, vars: number[], rijIndex: readonly number[]): GroepLp {
  const local = new Map(vars.map((v, i) => [v, i]));
  const rijen: GroepLp['rijen'] = [];
  const lpRijen: GroepLp['rijen'] = [];
  const gezien = new Set<string>();
  for (const ri of rijIndex) {
    const r = sys.rijen[ri]!;
    let rhs = r.rhs;
    const termen: Array<[number, number]> = [];
    for (const [v, a] of r.termen) {
      const l = local.get(v);
      if (l === undefined) rhs -= a * sys.lo[v]!; // fixed by propagation
      else termen.push([l, a]);
    }
    if (termen.length === 0) continue;
    termen.sort((x, y) => x[0] - y[0]);
    const key = `${r.soort}:${rhs}:${termen.join(';')}`;
    if (gezien.has(key)) continue;
    gezien.add(key);
    rijen.push({ termen, soort: r.soort, rhs });
    // An inequality that the (propagated) bounds already guarantee changes nothing in the LP.
    if (r.soort === 'minstens') {
      let min = 0;
      for (const [l, a] of termen) min += a > 0 ? a * sys.lo[vars[l]!]! : a * sys.hi[vars[l]!]!;
      if (min >= rhs) continue;
    }
    lpRijen.push({ termen, soort: r.soort, rhs });
  }
  const o = vars.map((v) => sys.onbekenden[v]!);
  const keyParts = [
    o.map((x, i) => `${x.vrijgave}|${x.cel}|${sys.lo[vars[i]!]}|${sys.hi[vars[i]!]}|${x.lo}|${x.hi}|${x.waarheid}|${x.beschermd ? 1 : 0}`).join(';'),
    rijen.map((r) => `${r.soort}:${r.rhs}:${r.termen.map(([l, a]) => `${l}*${a}`).join(',')}`).join(';'),
  ];
  return {
    vars,
    probleem: { lo: vars.map((v) => sys.lo[v]!), hi: vars.map((v) => sys.hi[v]!), rijen: lpRijen },
    kennisLo: o.map((x) => x.lo),
    kennisHi: o.map((x) => x.hi),
    waarheid: o.map((x) => x.waarheid),
    rijen,
    sleutel: keyParts.join('#'),
  };
}

/** A whole-number table for the group, checked exactly against the reader's knowledge; null when it fails. */
function checkGetuige(g: GroepLp, x: ArrayLike<number>): number[] | null {
  const w: number[] = [];
  for (let i = 0; i < g.vars.length; i++) {
    const r = Math.round(x[i]!);
    if (Math.abs(r - x[i]!) > 1e-6) return null;
    if (r < g.kennisLo[i]! || r > g.kennisHi[i]!) return null;
    w.push(r);
  }
  for (const row of g.rijen) {
    let s = 0;
    for (const [l, a] of row.termen) s += a * w[l]!;
    if (row.soort === 'gelijk' ? s !== row.rhs : s < row.rhs) return null;
  }
  return w;
}

/** Branch and bound for any whole-number point of the group within the given bounds (small node budget). */
function zoekGeheel(g: GroepLp, lo: number[], hi: number[], budget: { knopen: number }): number[] | null {
  if (budget.knopen-- <= 0) return null;
  const s = Simplex.bouw({ lo, hi, rijen: g.probleem.rijen });
  if (!(s instanceof Simplex)) return null;
  const x = s.punt();
  let j = -1;
  let frac = 1e-6;
  for (let i = 0; i < x.length; i++) {
    const f = Math.abs(x[i]! - Math.round(x[i]!));
    if (f > frac) {
      frac = f;
      j = i;
    }
  }
  if (j < 0) return checkGetuige(g, x);
  const down = [...hi];
  down[j] = Math.floor(x[j]!);
  const r = zoekGeheel(g, lo, down, budget);
  if (r) return r;
  const upLo = [...lo];
  upLo[j] = Math.ceil(x[j]!);
  return zoekGeheel(g, upLo, hi, budget);
}

function losGroepOp(g: GroepLp, beschermd: boolean[], interval: boolean[]): GroepUitkomst {
  const n = g.vars.length;
  const uit: GroepUitkomst = {
    min: g.probleem.lo.slice(),
    max: g.probleem.hi.map((h) => (h === Infinity ? null : h)),
    bewezen: g.waarheid.map((t) => new Set([t])),
  };
  const getuigen: number[][] = [];
  const neem = (w: number[] | null) => {
    if (!w) return;
    getuigen.push(w);
    w.forEach((val, i) => uit.bewezen[i]!.add(val));
  };
  const s = Simplex.bouw(g.probleem);
  if (!(s instanceof Simplex)) return uit; // no verdict beyond the truth: protected cells count as unsafe
  for (let i = 0; i < n; i++) {
    const alle = interval[i]!;
    if (!alle && !beschermd[i]) continue;
    if (!alle && uit.bewezen[i]!.size >= 2) continue;
    const t = g.waarheid[i]!;
    const mx = s.optimaliseer([[i, 1]], 'max');
    if (mx.soort === 'optimaal') {
      uit.max[i] = Math.min(uit.max[i] ?? Infinity, Math.floor(mx.waarde + 1e-6));
      neem(checkGetuige(g, mx.x));
    } else if (mx.soort === 'onbegrensd') uit.max[i] = null;
    if (!alle && uit.bewezen[i]!.size >= 2) continue;
    const mn = s.optimaliseer([[i, 1]], 'min');
    if (mn.soort === 'optimaal') {
      uit.min[i] = Math.max(uit.min[i]!, Math.ceil(mn.waarde - 1e-6));
      neem(checkGetuige(g, mn.x));
    }
    if (!beschermd[i] || uit.bewezen[i]!.size >= 2) continue;
    // No vertex was a whole-number table with another count: search for one on either side.
    const budget = { knopen: 40 };
    if ((uit.max[i] ?? Infinity) >= t + 1) {
      const lo = g.probleem.lo.slice();
      lo[i] = t + 1;
      neem(zoekGeheel(g, lo, g.probleem.hi.slice(), budget));
    }
    if (uit.bewezen[i]!.size < 2 && uit.min[i]! <= t - 1) {
      const hi = g.probleem.hi.slice();
      hi[i] = t - 1;
      neem(zoekGeheel(g, g.probleem.lo.slice(), hi, budget));
    }
  }
  return uit;
}

/** Remembers solved groups by their canonical key (suppression re-audits mostly unchanged groups). */
export type AuditCache = Map<string, GroepUitkomst>;

/**
 * Judges a built system: for every hidden cell its interval and the counts proven possible; for
 * every protected cell whether it can still take two values.
 */
export function beoordeel(sys: Systeem, opties: AuditOpties = {}, cache: AuditCache = new Map()): CelOordeel[] {
  const alle = (opties.intervallen ?? 'alle') === 'alle';
  const metInterval = (o: Onbekende) => alle && (opties.alleenVrijgave === undefined || o.vrijgave === opties.alleenVrijgave);
  const uit: CelOordeel[] = sys.onbekenden.map((o, i) => ({
    vrijgave: o.vrijgave,
    cel: o.cel,
    publicatie: o.publicatie,
    waarheid: o.waarheid,
    beschermd: o.beschermd,
    min: sys.lo[i]!,
    max: sys.hi[i] === Infinity ? null : sys.hi[i]!,
    bewezen: [o.waarheid],
    veilig: !o.beschermd,
  }));
  const lijst = groepen(sys);
  const groepVan = new Int32Array(sys.onbekenden.length).fill(-1);
  lijst.forEach((vars, gi) => vars.forEach((v) => (groepVan[v] = gi)));
  const rijenVan: number[][] = lijst.map(() => []);
  sys.rijen.forEach((r, ri) => {
    const vrij = r.termen.find(([v]) => groepVan[v]! >= 0);
    if (vrij) rijenVan[groepVan[vrij[0]]!]!.push(ri);
  });
  for (const [gi, vars] of lijst.entries()) {
    const interval = vars.map((v) => metInterval(sys.onbekenden[v]!));
    if (!interval.some(Boolean) && !vars.some((v) => sys.onbekenden[v]!.beschermd)) continue;
    const g = groepLp(sys, vars, rijenVan[gi]!);
    const key = `${interval.map((b) => (b ? 1 : 0)).join('')}#${g.sleutel}`;
    let r = cache.get(key);
    if (!r) {
      r = losGroepOp(g, vars.map((v) => sys.onbekenden[v]!.beschermd), interval);
      cache.set(key, r);
    }
    vars.forEach((v, i) => {
      const o = uit[v]!;
      o.min = r.min[i]!;
      o.max = r.max[i]!;
      o.bewezen = [...r.bewezen[i]!].sort((a, b) => a - b);
      if (o.beschermd) o.veilig = o.bewezen.length >= 2;
    });
  }
  return uit;
}

/**
 * The auditor: every release given (the ledger plus the new one), all their relations and the
 * relations between releases; for every hidden cell its feasible interval, and whether every
 * hidden count of 1..k−1 can still take at least two values.
 */
export function controleer(vrijgaven: readonly Vrijgave[], opties: AuditOpties = {}): AuditUitslag {
  const extra = koppelingen(vrijgaven);
  const sys = bouwSysteem(vrijgaven, extra);
  const cellen = beoordeel(sys, opties);
  const onveilig = cellen.filter((c) => !c.veilig);
  return { veilig: onveilig.length === 0, cellen, onveilig, koppelingen: extra.length };
}
