import { describe, expect, it } from 'vitest';
import { KkError } from '../../../shared/errors';
import { bouwTafelTabellen, gemeenteCel, gemeenteSlug, OVERIGE_GEMEENTEN, rasters, waardenVan } from '../../../shared/tafel/tables';
import { ANDERE_GEMEENTEN, cijfersVan, monitor2024, REGIO, tabellenVan, type Wereld } from './fixtures';

const leeg: Wereld = { clienten: [], meldingen: [], politie: [], afgesloten: {}, crisis: 0 };

function fout(f: () => unknown): KkError {
  try {
    f();
  } catch (e) {
    if (e instanceof KkError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('the linked tables of a summary', () => {
  it('have the same cells in the same order for every input (the shape is fixed)', () => {
    const a = tabellenVan({ jaar: 2024 }, leeg);
    const b = tabellenVan({ jaar: 2024, kwartaal: 3 }, monitor2024());
    expect(a.cellen.map((c) => c.id)).toEqual(b.cellen.map((c) => c.id));
    expect(a.cellen.map((c) => c.id)).toContain('clienten.categorie.seksuele-uitbuiting.nieuw');
    expect(new Set(a.cellen.map((c) => c.id)).size).toBe(a.cellen.length);
    // Every gemeente of the region besides the centrumgemeente has a cell, and "overige gemeenten" one.
    for (const g of ANDERE_GEMEENTEN) expect(a.cellen.some((c) => c.id === gemeenteCel(g))).toBe(true);
    expect(a.cellen.some((c) => c.id === OVERIGE_GEMEENTEN)).toBe(true);
    expect(REGIO.gemeenten).toHaveLength(23);
  });

  it('every relation holds for the true counts, and the tables name only cells that exist', () => {
    const t = tabellenVan({ jaar: 2024 }, monitor2024());
    const w = waardenVan(t);
    for (const v of t.vergelijkingen) expect(v.termen.reduce((s, x) => s + x.factor * w[x.cel]!, 0), v.id).toBe(0);
    for (const r of rasters(t.tabellen)) for (const c of r.rijen.flat()) if (c !== null) expect(w[c], c).toBeDefined();
  });

  it('link the tables: the grand total of cliënten is one cell in two tables, the meldingen total is the sum of origins and of kinds', () => {
    const t = tabellenVan({ jaar: 2024 }, monitor2024());
    const inTabellen = (cel: string) => t.tabellen.filter((x) => x.rijen.some((r) => r.cellen.includes(cel))).map((x) => x.id);
    expect(inTabellen('clienten.totaal.totaal')).toEqual(['clienten-categorie', 'clienten-leeftijd']);
    expect(inTabellen('meldingen.herkomst.regio')).toEqual(['meldingen-herkomst', 'meldingen-gemeenten']);
    const totaalIn = t.vergelijkingen.filter((v) => v.termen.some((x) => x.cel === 'meldingen.totaal')).map((v) => v.id);
    expect(totaalIn).toEqual(['meldingen.herkomst', 'meldingen.soort']);
    const w = waardenVan(t);
    expect(w['meldingen.totaal']).toBe(179);
    expect(w['clienten.totaal.totaal']).toBe(167);
    expect(w['clienten.categorie.seksuele-uitbuiting.doorlopend']).toBe(38);
  });

  it('show a gemeente apart only with k or more meldingen; the others only inside "overige gemeenten"', () => {
    const t = tabellenVan({ jaar: 2024 }, monitor2024(), 5);
    const gemeenten = t.tabellen.find((x) => x.id === 'meldingen-gemeenten')!;
    const genoemd = gemeenten.rijen.map((r) => r.label);
    expect(genoemd).toEqual(['Capelle aan den IJssel', 'Dordrecht', 'Schiedam', 'Vlaardingen', 'Overige gemeenten (minder dan 5 meldingen per gemeente)', 'Andere gemeenten in de regio']);
    const w = waardenVan(t);
    // Maassluis 3, Ridderkerk 2, Nissewaard 1: together 6 in "overige gemeenten".
    expect(w[OVERIGE_GEMEENTEN]).toBe(6);
    expect(t.cellen.filter((c) => c.inOverige && c.waarde > 0).map((c) => c.id).sort()).toEqual([gemeenteCel('Maassluis'), gemeenteCel('Nissewaard'), gemeenteCel('Ridderkerk')].sort());
    // With k = 7, Capelle (6) moves into "overige gemeenten" as well.
    const t7 = tabellenVan({ jaar: 2024 }, monitor2024(), 7);
    expect(waardenVan(t7)[OVERIGE_GEMEENTEN]).toBe(12);
  });

  it('make a cell id from a gemeente name', () => {
    expect(gemeenteSlug('Capelle aan den IJssel')).toBe('capelle-aan-den-ijssel');
    expect(gemeenteSlug('Rijswijk (ZH.)')).toBe('rijswijk-zh');
    expect(gemeenteSlug('Súdwest-Fryslân')).toBe('sudwest-fryslan');
  });

  it('refuse figures that do not add up, with a Dutch message, and a k below 3', () => {
    const { cijfers, perGemeente } = cijfersVan(2024, monitor2024());
    const kapot = structuredClone(cijfers);
    kapot.clienten.totaal.totaal += 1;
    expect(fout(() => bouwTafelTabellen({ cijfers: kapot, periode: { jaar: 2024 }, regio: REGIO, perGemeente })).message).toMatch(/tellen niet op/);
    expect(fout(() => bouwTafelTabellen({ cijfers, periode: { jaar: 2024 }, regio: REGIO, perGemeente: { ...perGemeente, Schiedam: 12 } })).message).toMatch(/per gemeente tellen niet op/);
    expect(fout(() => bouwTafelTabellen({ cijfers, periode: { jaar: 2024 }, regio: REGIO, perGemeente: { ...perGemeente, Amsterdam: 0 } })).message).toMatch(/hoort niet bij de regio/);
    expect(fout(() => bouwTafelTabellen({ cijfers, periode: { jaar: 2025 }, regio: REGIO, perGemeente })).message).toMatch(/ander jaar/);
    const e = fout(() => bouwTafelTabellen({ cijfers, periode: { jaar: 2024 }, regio: REGIO, perGemeente, k: 2 }));
    expect(e.code).toBe('INVALID_INPUT');
  });
});
