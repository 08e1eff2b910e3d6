// What an attacker does with the files, written apart from the engine: (1) rebuild the auditor's
// input from what a file shows (plus the fixed table structure and the test's own true counts),
// not from the suppression's own ledger entry; (2) a differencing attack by linear algebra alone —
// every published equation of every release, year = sum of quarters and "unchanged between
// versions" wherever that is true — solved by sparse Gaussian elimination modulo a prime. A hidden
// cell is recovered when its unit vector lies in the row space. (Bounds are not used here: the
// exact auditor uses them; this attacker is independent code that must fail as well.)
import type { Publicatie } from '../../../shared/tafel/suppression';
import { rasters, waardenVan, type TafelTabellen } from '../../../shared/tafel/tables';
import type { CelId, CelPublicatie, TafelPeriode, Vrijgave } from '../../../shared/tafel/tafel.schema';

/** A release as the attacker holds it (the file), with the test's own knowledge of the truth. */
export interface Bestand {
  id: string;
  periode: TafelPeriode;
  tabellen: TafelTabellen;
  publicatie: Publicatie;
}

/** The auditor's input for one file: shown cells from the file, unnamed gemeenten as "in-overige", relations and truth from the tables. */
export function vrijgaveUitBestand(b: Bestand): Vrijgave {
  const gepubliceerd: Record<CelId, CelPublicatie> = { ...b.publicatie.cellen };
  for (const c of b.tabellen.cellen) if (c.inOverige) gepubliceerd[c.id] = 'in-overige';
  return {
    id: b.id,
    periode: b.periode,
    methodeVersie: b.publicatie.methodeVersie,
    k: b.publicatie.k,
    ...(b.publicatie.afronding ? { afronding: b.publicatie.afronding } : {}),
    ...(b.publicatie.ruisMax ? { ruisMax: b.publicatie.ruisMax } : {}),
    gepubliceerd,
    vergelijkingen: b.tabellen.vergelijkingen,
    rasters: rasters(b.tabellen.tabellen),
    waarden: waardenVan(b.tabellen),
  };
}

const P = 1_000_003;
const mod = (a: number) => ((a % P) + P) % P;
function inv(a: number): number {
  let [t, newT, r, newR] = [0, 1, P, mod(a)];
  while (newR !== 0) {
    const q = Math.floor(r / newR);
    [t, newT] = [newT, t - q * newT];
    [r, newR] = [newR, r - q * newR];
  }
  return mod(t);
}

/** A hidden cell the attacker recovered, with the value found. */
export interface Gevonden {
  vrijgave: string;
  cel: CelId;
  waarde: number;
  waarheid: number;
  klein: boolean;
}

/** The differencing attack on a series of files: every hidden cell it recovers exactly. */
export function differentieAanval(bestanden: readonly Bestand[]): Gevonden[] {
  const index = new Map<string, number>();
  const info: Array<{ vrijgave: string; cel: CelId; waarheid: number; klein: boolean }> = [];
  const bekend = new Map<string, number>();
  const key = (v: string, c: CelId) => `${v}|${c}`;
  for (const b of bestanden) {
    const w = waardenVan(b.tabellen);
    for (const c of b.tabellen.cellen) {
      const p = c.inOverige ? 'in-overige' : b.publicatie.cellen[c.id]!;
      if (typeof p === 'number') bekend.set(key(b.id, c.id), p);
      else {
        index.set(key(b.id, c.id), info.length);
        info.push({ vrijgave: b.id, cel: c.id, waarheid: w[c.id]!, klein: (p === 'klein' || p === 'in-overige') && w[c.id]! > 0 });
      }
    }
  }
  // Rows: Σ a·x = rhs over hidden cells.
  const rijen: Array<{ a: Map<number, number>; rhs: number }> = [];
  const voegToe = (termen: Array<[string, CelId, number]>) => {
    const a = new Map<number, number>();
    let rhs = 0;
    for (const [v, c, f] of termen) {
      const i = index.get(key(v, c));
      if (i === undefined) rhs -= f * bekend.get(key(v, c))!;
      else a.set(i, (a.get(i) ?? 0) + f);
    }
    rijen.push({ a, rhs });
  };
  for (const b of bestanden) for (const e of b.tabellen.vergelijkingen) voegToe(e.termen.map((t) => [b.id, t.cel, t.factor]));
  const waarheid = (b: Bestand, c: CelId) => waardenVan(b.tabellen)[c]!;
  for (let i = 0; i < bestanden.length; i++) {
    for (let j = i + 1; j < bestanden.length; j++) {
      const [a, b] = [bestanden[i]!, bestanden[j]!];
      if (a.periode.jaar !== b.periode.jaar || a.periode.kwartaal !== b.periode.kwartaal) continue;
      for (const c of a.tabellen.cellen) if (waarheid(a, c.id) === waarheid(b, c.id)) voegToe([[a.id, c.id, 1], [b.id, c.id, -1]]);
    }
  }
  for (const y of bestanden.filter((b) => b.periode.kwartaal === undefined)) {
    const kw = [1, 2, 3, 4].map((q) => bestanden.filter((b) => b.periode.jaar === y.periode.jaar && b.periode.kwartaal === q));
    if (kw.some((l) => l.length === 0)) continue;
    let keuzes: Bestand[][] = [[]];
    for (const l of kw) keuzes = keuzes.flatMap((k) => l.map((b) => [...k, b]));
    for (const deel of keuzes) {
      for (const c of y.tabellen.cellen) {
        if (waarheid(y, c.id) !== deel.reduce((s, b) => s + waarheid(b, c.id), 0)) continue;
        voegToe([[y.id, c.id, 1], ...deel.map((b): [string, CelId, number] => [b.id, c.id, -1])]);
      }
    }
  }
  // Sparse elimination into an echelon basis keyed by pivot column.
  const basis = new Map<number, { a: Map<number, number>; rhs: number }>();
  const reduceer = (row: { a: Map<number, number>; rhs: number }) => {
    const a = new Map<number, number>();
    for (const [c, v] of row.a) if (mod(v) !== 0) a.set(c, mod(v));
    let rhs = mod(row.rhs);
    for (;;) {
      let pivot = -1;
      for (const c of a.keys()) if (basis.has(c) && (pivot < 0 || c < pivot)) pivot = c;
      if (pivot < 0) return { a, rhs };
      const f = a.get(pivot)!;
      const b = basis.get(pivot)!;
      for (const [c, v] of b.a) {
        const n = mod((a.get(c) ?? 0) - f * v);
        if (n === 0) a.delete(c);
        else a.set(c, n);
      }
      rhs = mod(rhs - f * b.rhs);
    }
  };
  for (const r of rijen) {
    const red = reduceer(r);
    if (red.a.size === 0) continue;
    const pivot = Math.min(...red.a.keys());
    const s = inv(red.a.get(pivot)!);
    basis.set(pivot, { a: new Map([...red.a].map(([c, v]) => [c, mod(v * s)])), rhs: mod(red.rhs * s) });
  }
  // A cell is recovered when x_h − (value) is a combination of the rows: reduce e_h; if all that is
  // left is a constant, that constant is x_h.
  const gevonden: Gevonden[] = [];
  info.forEach((o, h) => {
    const red = reduceer({ a: new Map([[h, 1]]), rhs: 0 });
    if (red.a.size !== 0) return;
    const v = mod(-red.rhs);
    gevonden.push({ ...o, waarde: v > P / 2 ? v - P : v });
  });
  return gevonden;
}
