// Property tests: for arbitrary figures (many small counts, many zeros) and a series of releases —
// four quarters, the year, then a correction of one of them — no released cell and no combination
// of released cells, totals and earlier releases determines a hidden count below k. Each claim of
// the suppression is checked by the exact auditor on input rebuilt from the files alone (not from
// the suppression's own ledger entries), and by an independent differencing attacker.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { controleer } from '../../../shared/tafel/audit';
import { onderdruk } from '../../../shared/tafel/suppression';
import type { InstellingenInvoer, TafelPeriode, Vrijgave } from '../../../shared/tafel/tafel.schema';
import { differentieAanval, vrijgaveUitBestand, type Bestand } from './aanvaller';
import { jaarVan, tabellenVan, type Wereld } from './fixtures';
import { wereldArb } from './arbitraries';

const wereld = wereldArb({ groot: 25, grootGewicht: 2, meldingen: 16, politie: 6, afgesloten: 5 });

/** A correction: one group more or less, or a count changed by one. */
function corrigeer(w: Wereld, keuze: number): Wereld {
  const lijst = w.meldingen.length > 0 && keuze % 3 !== 2 ? 'meldingen' : 'clienten';
  const groepen = w[lijst] as Array<{ aantal: number }>;
  if (groepen.length === 0) return { ...w, crisis: w.crisis + 1 };
  const i = keuze % groepen.length;
  const nieuw = groepen.map((g, j) => (j === i ? { ...g, aantal: keuze % 2 === 0 ? g.aantal + 1 : Math.max(0, g.aantal - 1) } : g));
  return { ...w, [lijst]: nieuw };
}

const serie = fc.record({
  kwartalen: fc.tuple(wereld, wereld, wereld, wereld),
  k: fc.constantFrom(3, 4, 5, 5),
  correctieVan: fc.integer({ min: 0, max: 4 }),
  correctie: fc.nat(1000),
  afronden: fc.boolean(),
});

describe('a series of releases on arbitrary figures', () => {
  it('no release the suppression calls safe lets anyone determine a hidden count below k — checked from the files alone, by the exact auditor and by differencing', () => {
    let geweigerd = 0;
    let stappen = 0;
    fc.assert(
      fc.property(serie, ({ kwartalen, k, correctieVan, correctie, afronden }) => {
        const instellingen: InstellingenInvoer = afronden ? { k, afronding: 5 } : { k };
        const jaar = jaarVan(kwartalen);
        const perioden: Array<[TafelPeriode, Wereld]> = [
          ...kwartalen.map((w, i): [TafelPeriode, Wereld] => [{ jaar: 2025, kwartaal: (i + 1) as 1 | 2 | 3 | 4 }, w]),
          [{ jaar: 2025 }, jaar],
        ];
        const [cp, cw] = perioden[correctieVan]!;
        perioden.push([cp, corrigeer(cw, correctie)]);
        const ledger: Vrijgave[] = [];
        const bestanden: Bestand[] = [];
        perioden.forEach(([periode, w], stap) => {
          const id = `v${stap}`;
          const tabellen = tabellenVan(periode, w, k);
          const r = onderdruk({ tabellen, ledger, id, instellingen });
          stappen++;
          if (stap === 0) expect(r.veilig, 'the first release, with nothing before it, can always be made safe').toBe(true);
          expect(r.controle.veilig).toBe(r.veilig);
          if (!r.veilig) {
            // Not released: the reason is given, in Dutch.
            geweigerd++;
            expect(r.problemen.length).toBeGreaterThan(0);
            expect(r.problemen[0]).toMatch(/is terug te rekenen/);
            return;
          }
          ledger.push(r.vrijgave);
          bestanden.push({ id, periode, tabellen, publicatie: r.publicatie });
          // Everything released so far, rebuilt from the files: every hidden small count can still take two values.
          const u = controleer(bestanden.map(vrijgaveUitBestand), { intervallen: 'beschermd' });
          for (const o of u.cellen.filter((c) => c.beschermd)) expect(o.bewezen.length, `${o.vrijgave} ${o.cel}`).toBeGreaterThanOrEqual(2);
          expect(u.veilig).toBe(true);
          // Differencing by linear algebra (exact published values only: not with rounding).
          if (!afronden) expect(differentieAanval(bestanden).filter((g) => g.klein)).toEqual([]);
        });
      }),
      { numRuns: 25 },
    );
    // Refusals happen (a ledger can already pin a cell), but they are the exception.
    expect(geweigerd).toBeLessThan(stappen / 4);
  }, 240_000);

  it('one summary on arbitrary figures: every small count hidden, every shown count exact, the file consistent with its own relations', () => {
    fc.assert(
      fc.property(wereld, fc.constantFrom(3, 5), (w, k) => {
        const tabellen = tabellenVan({ jaar: 2024 }, w, k);
        const r = onderdruk({ tabellen, id: 'a', instellingen: { k } });
        expect(r.veilig).toBe(true);
        for (const c of tabellen.cellen) {
          const p = r.vrijgave.gepubliceerd[c.id]!;
          if (c.inOverige) expect(p).toBe('in-overige');
          else if (c.waarde > 0 && c.waarde < k) expect(p, c.id).toBe('klein');
          else if (typeof p === 'number') expect(p).toBe(c.waarde);
          else if (p === 'verborgen') expect(c.waarde).toBeGreaterThanOrEqual(k);
          else expect(p === 'klein' && c.waarde === 0, c.id).toBe(true);
        }
        // The same input gives the same result.
        expect(onderdruk({ tabellen, id: 'a', instellingen: { k } }).publicatie).toEqual(r.publicatie);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
