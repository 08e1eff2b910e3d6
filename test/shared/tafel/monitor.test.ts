// The compiled regional monitor (shared/tafel/monitor.ts): for arbitrary figures of several
// organisations run through `onderdruk` (with and without rounding, k 3..5), the true count of
// every organisation's cell lies inside its section's interval, and the true regional sum inside
// the combined interval — the interval is what a reader may conclude, never narrower than the
// truth. Plus the worked example of the issue ("<5" + 12 → 12–16) and the propagation itself.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TafelBestand } from '../../../shared/tafel/file.schema';
import { bestandIntervallen, compileerMonitor, gecombineerdeIntervallen, propageer, toonInterval } from '../../../shared/tafel/monitor';
import { onderdruk } from '../../../shared/tafel/suppression';
import type { InstellingenInvoer, TafelPeriode, Vergelijking } from '../../../shared/tafel/tafel.schema';
import { tabellenVan, type Wereld } from './fixtures';
import { wereldArb } from './arbitraries';

const wereld = wereldArb({ groot: 40, grootGewicht: 3, meldingen: 14, politie: 5, afgesloten: 4 });
const organisatie = fc.record({
  wereld,
  k: fc.constantFrom(3, 4, 5, 5),
  afronden: fc.constantFrom(undefined, undefined, 3, 5),
  ruis: fc.constantFrom(undefined, undefined, 1, 3),
});

const PERIODE: TafelPeriode = { jaar: 2024 };

/** A file's content as the compiler reads it (the signature is the core's business). */
function bestand(i: number, w: Wereld, instellingen: InstellingenInvoer): { bestand: TafelBestand; waarden: Record<string, number> } {
  const r = onderdruk({ tabellen: tabellenVan(PERIODE, w, instellingen.k ?? 5), instellingen, ledger: [], id: `v${i}` });
  const p = r.publicatie;
  return {
    waarden: r.vrijgave.waarden,
    bestand: {
      format: 'ketenkluis.tafel',
      versie: 1,
      vrijgaveId: `v${i}`,
      volgnummer: 1,
      organisatie: { id: `org-${i}`, naam: `Organisatie ${i}` },
      regio: p.regio,
      periode: p.periode,
      instellingen: { k: p.k, ...(p.afronding !== undefined ? { afronding: p.afronding } : {}), ruis: p.ruisMax !== undefined, ...(p.ruisMax !== undefined ? { ruisMax: p.ruisMax } : {}) },
      methodeVersie: p.methodeVersie,
      methode: p.methode,
      grondslag: 'synthetisch',
      cellen: p.cellen,
      vergelijkingen: p.vergelijkingen,
      tabellen: p.tabellen,
      aangemaakt: '2025-01-01T00:00:00.000Z',
      ondertekenaar: '0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000',
      publiekeSleutel: 'AA==',
      handtekening: 'AA==',
    },
  };
}

const binnen = (n: number, i: { min: number; max: number | null }) => i.min <= n && (i.max === null || n <= i.max);

describe('the compiled monitor holds the truth', () => {
  it('for arbitrary figures of 1–4 organisations through onderdruk (k 3..5, rounding, noise): every section cell and every combined cell contains the true count', () => {
    let smal = 0;
    let verborgen = 0;
    fc.assert(
      fc.property(fc.array(organisatie, { minLength: 1, maxLength: 4 }), (orgs) => {
        const files = orgs.map((o, i) =>
          bestand(i, o.wereld, { k: o.k, ...(o.afronden ? { afronding: o.afronden } : {}), ...(o.ruis ? { ruis: { sleutel: `test-ruissleutel-${i}-abcdefgh`, max: o.ruis } } : {}) }),
        );
        const m = compileerMonitor(PERIODE, files.map((f) => f.bestand));
        // Sections: each organisation's own truth.
        for (const s of m.secties) {
          const waarden = files.find((f) => f.bestand.organisatie.id === s.organisatieId)!.waarden;
          for (const t of s.tabellen)
            for (const r of t.rijen)
              for (const c of r.cellen) {
                if (!c) continue;
                expect(binnen(waarden[c.cel]!, c), `${s.organisatieId} ${c.cel} ${waarden[c.cel]} in ${c.toon} [${c.min},${c.max}]`).toBe(true);
                if (c.toon === 'x' || c.toon.startsWith('<')) verborgen++;
              }
        }
        // Combined: the sum of the organisations' truths.
        for (const t of m.gecombineerd)
          for (const r of t.rijen)
            for (const c of r.cellen) {
              if (!c) continue;
              const som = files.reduce((s, f) => s + f.waarden[c.cel]!, 0);
              expect(binnen(som, c), `${c.cel}: ${som} in [${c.min},${c.max}]`).toBe(true);
              if (c.max !== null && c.max - c.min <= 4) smal++;
            }
        // The charts too.
        for (const staaf of m.grafieken.clientenPerCategorie) {
          const som = files.reduce((s, f) => s + f.waarden[`clienten.categorie.${staaf.id}.totaal`]!, 0);
          expect(binnen(som, staaf)).toBe(true);
        }
        for (const staaf of m.grafieken.meldingenPerVorm) {
          const prefix = staaf.id === 'preventief-gesprek' ? 'meldingen.preventief-gesprek' : `meldingen.vorm.${staaf.id}`;
          const som = files.reduce((s, f) => s + ['volwassen', 'minderjarig', 'onbekend'].reduce((t, l) => t + f.waarden[`${prefix}.${l}`]!, 0), 0);
          expect(binnen(som, staaf)).toBe(true);
        }
      }),
      { numRuns: 60, seed: 20241 },
    );
    // The property ran over hidden cells, and most combined intervals stay narrow (bounded, within 4).
    expect(verborgen).toBeGreaterThan(100);
    expect(smal).toBeGreaterThan(100);
  });
});

describe('intervals', () => {
  it('"<5" + 12 → 12–16; an "x" without a bound reads "≥ 5"; exact stays exact', () => {
    const v: Vergelijking[] = [];
    const a = { cellen: { 'a.b': 'klein' as const }, vergelijkingen: v, instellingen: { k: 5, ruis: false } };
    const b = { cellen: { 'a.b': 12 }, vergelijkingen: v, instellingen: { k: 5, ruis: false } };
    const som = gecombineerdeIntervallen([a, b]).get('a.b')!;
    expect(toonInterval({ min: som.min, max: som.max })).toBe('12–16');
    const x = bestandIntervallen({ cellen: { 'a.b': 'verborgen' }, vergelijkingen: v, instellingen: { k: 5, ruis: false } }).get('a.b')!;
    expect(toonInterval({ min: x.min, max: Number.isFinite(x.max) ? x.max : null })).toBe('≥ 5');
    expect(toonInterval({ min: 7, max: 7 })).toBe('7');
  });

  it('a file\'s relations bound an "x": total 20 shown, one part "<5", the other "x" → 16..20', () => {
    const v: Vergelijking[] = [{ id: 't', soort: 'gelijk', termen: [{ cel: 'r.t', factor: 1 }, { cel: 'r.a', factor: -1 }, { cel: 'r.b', factor: -1 }] }];
    const m = bestandIntervallen({ cellen: { 'r.t': 20, 'r.a': 'klein', 'r.b': 'verborgen' }, vergelijkingen: v, instellingen: { k: 5, ruis: false } });
    expect(m.get('r.b')).toEqual({ min: 16, max: 20 });
    expect(m.get('r.a')).toEqual({ min: 0, max: 4 });
  });

  it('rounding and noise widen a shown count as ruis.ts says a reader can conclude (base 5, k 5: 10 → 8..12; noise ±2 on 10 → 8..12; both → 6..14)', () => {
    const m = bestandIntervallen({ cellen: { 'r.a': 10 }, vergelijkingen: [], instellingen: { k: 5, afronding: 5, ruis: false } });
    expect(m.get('r.a')).toEqual({ min: 8, max: 12 });
    expect(bestandIntervallen({ cellen: { 'r.a': 10 }, vergelijkingen: [], instellingen: { k: 5, ruis: true, ruisMax: 2 } }).get('r.a')).toEqual({ min: 8, max: 12 });
    expect(bestandIntervallen({ cellen: { 'r.a': 10 }, vergelijkingen: [], instellingen: { k: 5, afronding: 5, ruis: true, ruisMax: 2 } }).get('r.a')).toEqual({ min: 6, max: 14 });
    // A shown 0 is always exactly 0.
    expect(bestandIntervallen({ cellen: { 'r.a': 0 }, vergelijkingen: [], instellingen: { k: 5, afronding: 5, ruis: true, ruisMax: 2 } }).get('r.a')).toEqual({ min: 0, max: 0 });
  });

  it('propagation uses "minstens" relations one way only, and never leaves whole numbers ≥ 0', () => {
    const b = new Map([
      ['a.x', { min: 0, max: Infinity }],
      ['a.y', { min: 3, max: 7 }],
    ]);
    // x − y ≥ 0: x ≥ 3, y unchanged.
    propageer(b, [{ id: 'm', soort: 'minstens', termen: [{ cel: 'a.x', factor: 1 }, { cel: 'a.y', factor: -1 }] }]);
    expect(b.get('a.x')).toEqual({ min: 3, max: Infinity });
    expect(b.get('a.y')).toEqual({ min: 3, max: 7 });
  });

  it('the gemeente table is not combined, and relations not shared by every file are not used for the sums', () => {
    const w: Wereld = { clienten: [], meldingen: [{ herkomst: 'Schiedam', soort: { info: 'overig' }, aantal: 9 }], politie: [], afgesloten: {}, crisis: 0 };
    const w2: Wereld = { ...w, meldingen: [{ herkomst: 'Vlaardingen', soort: { info: 'overig' }, aantal: 7 }] };
    const m = compileerMonitor(PERIODE, [bestand(0, w, { k: 5 }).bestand, bestand(1, w2, { k: 5 }).bestand]);
    expect(m.gecombineerd.map((t) => t.id)).not.toContain('meldingen-gemeenten');
    const herkomstTabel = m.gecombineerd.find((t) => t.id === 'meldingen-herkomst')!;
    expect(herkomstTabel.rijen.find((r) => r.id === 'regio')!.cellen[0]).toMatchObject({ toon: '16' });
    expect(m.secties.map((s) => s.tabellen.find((t) => t.id === 'meldingen-gemeenten')!.rijen[0]!.label)).toEqual(['Schiedam', 'Vlaardingen']);
  });

  it('organisations of two regions: the combined centrumgemeente row names no gemeente, and a note says why', () => {
    const w: Wereld = { clienten: [], meldingen: [{ herkomst: 'Rotterdam', soort: { info: 'overig' }, aantal: 9 }], politie: [], afgesloten: {}, crisis: 0 };
    const a = bestand(0, w, { k: 5 }).bestand;
    const b = { ...bestand(1, w, { k: 5 }).bestand, regio: 'Regio Haaglanden' };
    const m = compileerMonitor(PERIODE, [a, b]);
    expect(m.regio).toEqual(['Regio Haaglanden', 'Regio Rotterdam']);
    expect(m.gecombineerd.find((t) => t.id === 'meldingen-herkomst')!.rijen[0]!.label).toBe('Centrumgemeente (van de eigen regio)');
    expect(m.toelichting.at(-1)).toMatch(/verschillende regio's/);
    expect(compileerMonitor(PERIODE, [a]).gecombineerd.find((t) => t.id === 'meldingen-herkomst')!.rijen[0]!.label).toBe('Centrumgemeente (Rotterdam)');
  });
});
