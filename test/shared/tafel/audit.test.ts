import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { controleer, koppelingen } from '../../../shared/tafel/audit';
import { Simplex } from '../../../shared/tafel/simplex';
import type { CelPublicatie, Vergelijking, Vrijgave } from '../../../shared/tafel/tafel.schema';

/** A release of a small table: `cellen` maps id → [true count, what is shown]. */
function vrijgave(id: string, cellen: Record<string, [number, CelPublicatie]>, vergelijkingen: Vergelijking[], extra: Partial<Vrijgave> = {}): Vrijgave {
  return {
    id,
    periode: { jaar: 2024 },
    methodeVersie: 'test',
    k: 5,
    gepubliceerd: Object.fromEntries(Object.entries(cellen).map(([c, [, p]]) => [c, p])),
    waarden: Object.fromEntries(Object.entries(cellen).map(([c, [w]]) => [c, w])),
    vergelijkingen,
    rasters: [],
    ...extra,
  };
}
const som = (id: string, totaal: string, delen: string[]): Vergelijking => ({ id, soort: 'gelijk', termen: [{ cel: totaal, factor: 1 }, ...delen.map((cel) => ({ cel, factor: -1 }))] });
const oordeel = (u: ReturnType<typeof controleer>, cel: string, v = 'a') => u.cellen.find((c) => c.cel === cel && c.vrijgave === v)!;

describe('the simplex', () => {
  it('finds minimum and maximum under equalities, inequalities and bounds, and says when there is no solution', () => {
    const s = Simplex.bouw({
      lo: [0, 0, 0],
      hi: [Infinity, Infinity, 5],
      rijen: [
        { termen: [[0, 1], [1, 1], [2, 1]], soort: 'gelijk', rhs: 10 },
        { termen: [[0, 1], [2, -1]], soort: 'minstens', rhs: 2 },
      ],
    });
    if (!(s instanceof Simplex)) throw new Error(String(s));
    expect(s.optimaliseer([[2, 1]], 'max')).toMatchObject({ soort: 'optimaal', waarde: 4 });
    expect(s.optimaliseer([[0, 1]], 'min')).toMatchObject({ soort: 'optimaal', waarde: 2 });
    expect(s.optimaliseer([[1, 1]], 'max')).toMatchObject({ soort: 'optimaal', waarde: 8 });
    expect(Simplex.bouw({ lo: [0, 0], hi: [1, 1], rijen: [{ termen: [[0, 1], [1, 1]], soort: 'gelijk', rhs: 3 }] })).toBe('onhaalbaar');
    const open = Simplex.bouw({ lo: [0, 0], hi: [Infinity, Infinity], rijen: [{ termen: [[0, 1], [1, -1]], soort: 'gelijk', rhs: 0 }] });
    if (!(open instanceof Simplex)) throw new Error(String(open));
    expect(open.optimaliseer([[0, 1]], 'max').soort).toBe('onbegrensd');
  });

  it('handles redundant equations (a total that is also the sum of the other totals)', () => {
    // a+b=t1, c+d=t2, a+c=u1, b+d=u2, t1+t2 = u1+u2 (redundant); t's and u's fixed.
    const s = Simplex.bouw({
      lo: [0, 0, 0, 0],
      hi: [9, 9, 9, 9],
      rijen: [
        { termen: [[0, 1], [1, 1]], soort: 'gelijk', rhs: 7 },
        { termen: [[2, 1], [3, 1]], soort: 'gelijk', rhs: 5 },
        { termen: [[0, 1], [2, 1]], soort: 'gelijk', rhs: 6 },
        { termen: [[1, 1], [3, 1]], soort: 'gelijk', rhs: 6 },
        { termen: [[0, 1], [1, 1], [2, 1], [3, 1]], soort: 'gelijk', rhs: 12 },
      ],
    });
    if (!(s instanceof Simplex)) throw new Error(String(s));
    expect(s.optimaliseer([[0, 1]], 'max')).toMatchObject({ waarde: 6 });
    expect(s.optimaliseer([[0, 1]], 'min')).toMatchObject({ waarde: 1 });
  });
});

describe('the auditor on known cases', () => {
  const rij = [som('rij', 't', ['a', 'b', 'c'])];

  it('a small count beside shown cells and its shown total is recomputed: not safe', () => {
    const u = controleer([vrijgave('a', { a: [2, 'klein'], b: [10, 10], c: [7, 7], t: [19, 19] }, rij)]);
    expect(u.veilig).toBe(false);
    expect(oordeel(u, 'a')).toMatchObject({ min: 2, max: 2, bewezen: [2], veilig: false });
  });

  it('with a second hidden cell in the row it is safe, and the interval is exact', () => {
    const u = controleer([vrijgave('a', { a: [2, 'klein'], b: [10, 'verborgen'], c: [7, 7], t: [19, 19] }, rij)]);
    expect(u.veilig).toBe(true);
    // a + b = 12 with a in 0..4 and b ≥ 5: a can be 0..4, b 8..12.
    expect(oordeel(u, 'a')).toMatchObject({ min: 0, max: 4, veilig: true });
    expect(oordeel(u, 'a').bewezen).toContain(0);
    expect(oordeel(u, 'a').bewezen).toContain(4);
    expect(oordeel(u, 'b')).toMatchObject({ min: 8, max: 12 });
  });

  it('a hidden partner that must be at least k can still pin the small count (bounds, not just sums)', () => {
    const u = controleer([vrijgave('a', { a: [1, 'klein'], b: [5, 'verborgen'], c: [7, 7], t: [13, 13] }, rij)]);
    expect(oordeel(u, 'a')).toMatchObject({ min: 0, max: 1, veilig: true });
    const v = controleer([vrijgave('a', { a: [1, 'klein'], b: [5, 'verborgen'], c: [0, 0], t: [6, 6] }, rij)]);
    // a + b = 6 with b ≥ 5: a is 0 or 1 — two values, safe; b is 5 or 6.
    expect(oordeel(v, 'a').bewezen).toEqual([0, 1]);
    // Two small counts that must add up to 8: both are 4.
    const w = controleer([vrijgave('a', { a: [4, 'klein'], b: [4, 'klein'], c: [0, 0], t: [8, 8] }, rij)]);
    expect(oordeel(w, 'a')).toMatchObject({ min: 4, max: 4, veilig: false });
    expect(oordeel(w, 'b')).toMatchObject({ min: 4, max: 4, veilig: false });
  });

  it('two tables sharing a total: the second table can give away what the first hid', () => {
    // Table 1: t = a + b (a small, b hidden) — safe alone. Table 2: t = c + d, both shown: pins t... t is shown anyway.
    // Here t is hidden in table 1 and shown through table 2's parts.
    const eq = [som('t1', 't', ['a', 'b']), som('t2', 't', ['c', 'd']), som('kol', 'g', ['b', 'e'])];
    const alleen1 = controleer([vrijgave('a', { a: [3, 'klein'], b: [9, 'verborgen'], t: [12, 'verborgen'], c: [6, 'verborgen'], d: [6, 'verborgen'], e: [5, 5], g: [14, 14] }, eq)]);
    expect(oordeel(alleen1, 'a').veilig).toBe(true);
    const samen = controleer([vrijgave('a', { a: [3, 'klein'], b: [9, 'verborgen'], t: [12, 'verborgen'], c: [6, 6], d: [6, 6], e: [5, 5], g: [14, 14] }, eq)]);
    expect(oordeel(samen, 'a')).toMatchObject({ min: 3, max: 3, veilig: false });
  });

  it('a gemeente inside "overige gemeenten" is protected like a small count', () => {
    const eq = [som('ov', 'o', ['g1', 'g2'])];
    // Two gemeenten with 4 each: "overige" = 8 means both are 4.
    const u = controleer([vrijgave('a', { g1: [4, 'in-overige'], g2: [4, 'in-overige'], o: [8, 8] }, eq)]);
    expect(u.onveilig.map((o) => o.cel).sort()).toEqual(['g1', 'g2']);
    const v = controleer([vrijgave('a', { g1: [4, 'in-overige'], g2: [3, 'in-overige'], o: [7, 7] }, eq)]);
    expect(v.veilig).toBe(true);
  });

  it('a 0 shown as "<k" is not itself protected, but it gives doubt to its neighbour', () => {
    const u = controleer([vrijgave('a', { a: [2, 'klein'], z: [0, 'klein'], t: [2, 'klein'] }, [som('r', 't', ['a', 'z'])])]);
    expect(oordeel(u, 'z')).toMatchObject({ beschermd: false, veilig: true });
    expect(oordeel(u, 'a').bewezen.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a ledger whose true counts do not fit what it published (a broken ledger gives no verdict)', () => {
    expect(() => controleer([vrijgave('a', { a: [7, 'klein'] }, [])])).toThrow();
    expect(() => controleer([vrijgave('a', { a: [7, 8] }, [])])).toThrow();
    expect(() => controleer([vrijgave('a', { a: [3, 'klein'], t: [4, 4] }, [som('r', 't', ['a'])])])).toThrow();
  });
});

describe('relations between releases', () => {
  const q = (id: string, kwartaal: 1 | 2 | 3 | 4, a: number, p: CelPublicatie): Vrijgave => ({ ...vrijgave(id, { a: [a, p] }, []), periode: { jaar: 2024, kwartaal } });

  it('a year equal to the sum of its quarters recomputes a quarter hidden alone', () => {
    const y = { ...vrijgave('y', { a: [13, 13] }, []), periode: { jaar: 2024 } };
    const u = controleer([q('q1', 1, 3, 'klein'), q('q2', 2, 5, 5), q('q3', 3, 0, 0), q('q4', 4, 5, 5), y]);
    expect(u.koppelingen).toBeGreaterThan(0);
    expect(oordeel(u, 'a', 'q1')).toMatchObject({ min: 3, max: 3, veilig: false });
    // Hide the year cell ("x", at least 5): q1 is free again.
    const yx = { ...vrijgave('y', { a: [13, 'verborgen'] }, []), periode: { jaar: 2024 } };
    expect(oordeel(controleer([q('q1', 1, 3, 'klein'), q('q2', 2, 5, 5), q('q3', 3, 0, 0), q('q4', 4, 5, 5), yx]), 'a', 'q1').veilig).toBe(true);
  });

  it('a link is used only where it holds for the true counts (a wrong guess reveals nothing)', () => {
    const y = { ...vrijgave('y', { a: [14, 14] }, []), periode: { jaar: 2024 } };
    const rels = koppelingen([q('q1', 1, 3, 'klein'), q('q2', 2, 5, 5), q('q3', 3, 0, 0), q('q4', 4, 5, 5), y]);
    expect(rels.some((r) => r.soort === 'gelijk')).toBe(false);
    expect(rels.every((r) => r.termen[0]!.vrijgave === 'y' || r.termen.some((t) => t.vrijgave === 'y'))).toBe(true);
  });

  it('a correction that shows a cell the first release hid recomputes the first release', () => {
    const eq = [som('r', 't', ['a', 'b'])];
    const v1 = vrijgave('v1', { a: [2, 'klein'], b: [10, 'verborgen'], t: [12, 12] }, eq);
    const v2 = vrijgave('v2', { a: [2, 'klein'], b: [10, 10], t: [12, 'verborgen'] }, eq);
    const u = controleer([v1, v2]);
    expect(oordeel(u, 'a', 'v1')).toMatchObject({ min: 2, max: 2, veilig: false });
    // The same correction where b changed (a late registration): no link for b, nothing recomputed.
    const v3 = vrijgave('v3', { a: [2, 'klein'], b: [11, 11], t: [13, 'verborgen'] }, eq);
    expect(controleer([v1, v3]).veilig).toBe(true);
  });
});

/**
 * Brute force for small tables: every whole-number table within the markers (and a published cap,
 * so the search is finite for both), compared with the auditor cell by cell.
 */
describe('the auditor against brute force on small tables', () => {
  // At least the largest grand total the generator can make (four cells of at most 9), so the true
  // table always satisfies the published cap.
  const CAP = 36;
  const tabel = fc
    .record({
      rijen: fc.integer({ min: 1, max: 2 }),
      kolommen: fc.integer({ min: 1, max: 2 }),
      k: fc.integer({ min: 3, max: 5 }),
      waarden: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 9 })), { minLength: 4, maxLength: 4 }),
      keuzes: fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
    })
    .map(({ rijen, kolommen, k, waarden, keuzes }) => {
      const binnen: string[][] = Array.from({ length: rijen }, (_, i) => Array.from({ length: kolommen }, (_, j) => `c.r${i}.k${j}`));
      const w = new Map<string, number>();
      binnen.flat().forEach((c, i) => w.set(c, waarden[i]!));
      const eq: Vergelijking[] = [];
      const rijTotaal = binnen.map((r, i) => {
        const t = `c.r${i}.tot`;
        w.set(t, r.reduce((s, c) => s + w.get(c)!, 0));
        eq.push(som(`r${i}`, t, r));
        return t;
      });
      const kolTotaal = Array.from({ length: kolommen }, (_, j) => {
        const t = `c.tot.k${j}`;
        w.set(t, binnen.reduce((s, r) => s + w.get(r[j]!)!, 0));
        eq.push(som(`k${j}`, t, binnen.map((r) => r[j]!)));
        return t;
      });
      w.set('c.tot.tot', rijTotaal.reduce((s, t) => s + w.get(t)!, 0));
      eq.push(som('g', 'c.tot.tot', rijTotaal), som('g2', 'c.tot.tot', kolTotaal));
      w.set('c.cap.x', CAP);
      const cellen: Record<string, [number, CelPublicatie]> = { 'c.cap.x': [CAP, CAP] };
      [...w.keys()].filter((c) => c !== 'c.cap.x').forEach((c, i) => {
        const n = w.get(c)!;
        const p: CelPublicatie = n > 0 && n < k ? 'klein' : n === 0 ? (keuzes[i] ? 'klein' : 0) : keuzes[i] ? 'verborgen' : n;
        cellen[c] = [n, p];
        eq.push({ id: `cap.${c}`, soort: 'minstens', termen: [{ cel: 'c.cap.x', factor: 1 }, { cel: c, factor: -1 }] });
      });
      return { binnen, k, cellen, eq, rijTotaal, kolTotaal };
    });

  it('never claims a count that is impossible, never an interval that misses one, and calls a cell safe exactly when it can take two values', () => {
    fc.assert(
      fc.property(tabel, ({ binnen, k, cellen, eq }) => {
        const v = { ...vrijgave('a', cellen, eq), k };
        const u = controleer([v]);
        // Brute force over the interior cells (the totals follow from them).
        const vrij = binnen.flat();
        const domein = vrij.map((c) => {
          const [n, p] = cellen[c]!;
          if (typeof p === 'number') return [n];
          const lo = p === 'verborgen' ? k : 0;
          const hi = p === 'verborgen' ? CAP : k - 1;
          return Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
        });
        const mogelijk = new Map<string, Set<number>>(Object.keys(cellen).map((c) => [c, new Set<number>()]));
        const past = (c: string, n: number) => {
          const p = cellen[c]![1];
          if (n > CAP) return false;
          if (typeof p === 'number') return n === p;
          return p === 'verborgen' ? n >= k : n <= k - 1;
        };
        const x = new Map<string, number>();
        const zoek = (i: number) => {
          if (i === vrij.length) {
            const totaal = (cel: string): number => {
              const e = eq.find((q) => q.soort === 'gelijk' && q.termen[0]!.cel === cel)!;
              return e.termen.slice(1).reduce((s: number, t) => s + (x.get(t.cel) ?? totaal(t.cel)), 0);
            };
            const all = new Map(x);
            for (const c of Object.keys(cellen)) if (!all.has(c) && c !== 'c.cap.x') all.set(c, totaal(c));
            if (![...all].every(([c, n]) => past(c, n))) return;
            for (const [c, n] of all) mogelijk.get(c)!.add(n);
            return;
          }
          for (const n of domein[i]!) {
            x.set(vrij[i]!, n);
            zoek(i + 1);
          }
        };
        zoek(0);
        for (const o of u.cellen) {
          const echt = [...mogelijk.get(o.cel)!].sort((a, b) => a - b);
          expect(echt).toContain(o.waarheid);
          for (const b of o.bewezen) expect(echt, `${o.cel}: proven ${b}`).toContain(b);
          expect(o.min).toBeLessThanOrEqual(echt[0]!);
          if (o.max !== null) expect(o.max).toBeGreaterThanOrEqual(echt.at(-1)!);
          if (o.beschermd) expect(o.veilig, `${o.cel}: possible ${echt.join(',')}`).toBe(echt.length >= 2);
        }
      }),
      { numRuns: 300 },
    );
  });
});
