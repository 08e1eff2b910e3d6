// telOp (issue 14): the figures of two vaults added cell by cell are the figures of one vault
// holding both vaults' records — for arbitrary records (cliënten with one or several trajecten
// over several years, meldingen, police contacts, closures, placements) split arbitrarily between
// two vaults, each cliënt in one vault. Both sides run the one counting rule, monitorCijfers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Uitbuitingsvorm } from '../../../shared/casework/common.schema';
import type { MonitorCijfers } from '../../../shared/casework/dashboard.schema';
import { regioGemeenten } from '../../../shared/casework/gemeenten';
import { MeldConclusie, type MeldingVorm } from '../../../shared/casework/melding.schema';
import { bronVanTrajecten, monitorCijfers, type MeldingTelling, type MonitorBron, type PolitieTelling, type TrajectFeit } from '../../../shared/casework/monitor';
import { AfsluitReden, PolitiecontactSoort } from '../../../shared/casework/traject.schema';
import { telOp, telOpCijfers } from '../../../shared/tafel/telOp';

const JAAR = 2025;
const rotterdam = regioGemeenten('rotterdam');
const datum = fc.constantFrom('2023-06-01', '2024-03-15', '2025-01-10', '2025-07-20', '2025-12-31', '2026-02-01');

const traject = fc.record({
  preventief: fc.boolean(),
  vormen: fc.subarray([...Uitbuitingsvorm.options], { maxLength: 2 }),
  aanmelddatum: datum,
  sluit: fc.option(datum, { nil: null }),
  minderjarigBijStart: fc.option(fc.boolean(), { nil: null }),
});
const client = fc.record({ trajecten: fc.array(traject, { minLength: 1, maxLength: 3 }), vault: fc.boolean() });
const melding = fc.record({
  gemeente: fc.constantFrom('Rotterdam', 'Schiedam', 'Vlaardingen', 'onbekend-in-regio', 'Utrecht', 'onbekend'),
  vorm: fc.constantFrom<MeldingVorm>(...Uitbuitingsvorm.options, 'onbekend', 'geen'),
  minderjarig: fc.option(fc.boolean(), { nil: null }),
  preventiefGesprek: fc.boolean(),
  informatieverzoek: fc.boolean(),
  sekswerker: fc.boolean(),
  conclusie: fc.option(fc.constantFrom(...MeldConclusie.options), { nil: null }),
  acuut: fc.boolean(),
  aantal: fc.integer({ min: 1, max: 6 }),
  vault: fc.boolean(),
});
const politie = fc.record({ soort: fc.constantFrom(...PolitiecontactSoort.options), vorm: fc.constantFrom(...Uitbuitingsvorm.options), aantal: fc.integer({ min: 1, max: 4 }), vault: fc.boolean() });
const sluiting = fc.record({ reden: fc.constantFrom(...AfsluitReden.options), aantal: fc.integer({ min: 1, max: 5 }), vault: fc.boolean() });
const wereld = fc.record({
  clienten: fc.array(client, { maxLength: 25 }),
  meldingen: fc.array(melding, { maxLength: 25 }),
  politie: fc.array(politie, { maxLength: 8 }),
  afgesloten: fc.array(sluiting, { maxLength: 8 }),
  crisis: fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })),
});
type Wereld = typeof wereld extends fc.Arbitrary<infer W> ? W : never;

/** The source of one vault (`welke`), or of one vault holding everything (undefined), as the queries would give it. */
function bron(w: Wereld, welke?: boolean): MonitorBron {
  const hier = <T extends { vault: boolean }>(x: T) => welke === undefined || x.vault === welke;
  const feiten: TrajectFeit[] = w.clienten.filter(hier).flatMap((c, i) =>
    c.trajecten.map((t) => ({
      clientId: `c${w.clienten.indexOf(c)}-${i}`,
      preventief: t.preventief,
      vormen: t.vormen,
      aanmelddatum: t.aanmelddatum,
      afgeslotenOp: t.sluit !== null && t.sluit >= t.aanmelddatum ? t.sluit : null,
      minderjarigBijStart: t.minderjarigBijStart,
    })),
  );
  // Closures come grouped by reason, as GROUP BY gives them.
  const perReden = new Map<AfsluitReden, number>();
  for (const s of w.afgesloten.filter(hier)) perReden.set(s.reden, (perReden.get(s.reden) ?? 0) + s.aantal);
  return {
    ...bronVanTrajecten(feiten),
    meldingen: w.meldingen.filter(hier).map(({ vault: _v, ...m }): MeldingTelling => m),
    politie: w.politie.filter(hier).map(({ vault: _v, ...p }): PolitieTelling => p),
    afgesloten: [...perReden].sort(([a], [b]) => (a < b ? -1 : 1)).map(([reden, aantal]) => ({ reden, aantal })),
    crisisopvangPlaatsingen: welke === undefined ? w.crisis[0] + w.crisis[1] : w.crisis[welke ? 0 : 1],
  };
}

/** Closures with equal counts have no meaningful order between them. */
function vergelijkbaar(c: MonitorCijfers): MonitorCijfers {
  const perReden = [...c.clienten.afgesloten.perReden].sort((a, b) => b.aantal - a.aantal || (a.reden < b.reden ? -1 : 1));
  return { ...c, clienten: { ...c.clienten, afgesloten: { ...c.clienten.afgesloten, perReden } } };
}

describe('telOp', () => {
  it('two vaults’ figures added are one vault’s figures holding both vaults’ records (property)', () => {
    fc.assert(
      fc.property(wereld, (w) => {
        const een = monitorCijfers(JAAR, rotterdam, bron(w));
        const a = monitorCijfers(JAAR, rotterdam, bron(w, true));
        const b = monitorCijfers(JAAR, rotterdam, bron(w, false));
        expect(vergelijkbaar(telOpCijfers(a, b))).toEqual(vergelijkbaar(een));
        expect(vergelijkbaar(telOpCijfers(b, a))).toEqual(vergelijkbaar(een));
      }),
      { numRuns: 300 },
    );
  });

  it('adds the meldingen per gemeente too, and keeps a vault with nothing neutral', () => {
    const leeg = monitorCijfers(JAAR, rotterdam, { trajectGroepen: [], meervoudig: [], meldingen: [], politie: [], afgesloten: [], crisisopvangPlaatsingen: 0 });
    const w = fc.sample(wereld, { numRuns: 1, seed: 14 })[0]!;
    const vol = monitorCijfers(JAAR, rotterdam, bron(w));
    expect(vergelijkbaar(telOpCijfers(vol, leeg))).toEqual(vergelijkbaar(vol));
    expect(telOp({ cijfers: leeg, perGemeente: { Schiedam: 2, Vlaardingen: 1 } }, { cijfers: leeg, perGemeente: { Schiedam: 3, Maassluis: 4 } }).perGemeente).toEqual({ Schiedam: 5, Vlaardingen: 1, Maassluis: 4 });
  });

  it('refuses figures of another year or region (a programming error, never silently added)', () => {
    const leeg = (jaar: number, regio = rotterdam) => monitorCijfers(jaar, regio, { trajectGroepen: [], meervoudig: [], meldingen: [], politie: [], afgesloten: [], crisisopvangPlaatsingen: 0 });
    expect(() => telOpCijfers(leeg(2025), leeg(2024))).toThrow(/hetzelfde jaar/);
    expect(() => telOpCijfers(leeg(2025), leeg(2025, regioGemeenten('den-haag')))).toThrow(/dezelfde regio/);
  });
});
