// Disclosure control for a summary for the Regionale Tafel (issue 14), at the size the issue
// names: the figures 100,000 trajecten and 200,000 meldingen give (the shape is fixed; what
// grows is the counts), with the origin table of all 23 gemeenten of the Rotterdam region and
// many small cells (rare forms, small gemeenten, rare closing reasons). Measured: building the
// linked tables, suppression including every audit round, and the final exact audit, against a
// ledger of 8 earlier releases (the four quarters and the year 2024, three quarters of 2025).
// Two releases are timed: the fourth quarter of 2025 (its own links: none to other periods) and
// a corrected 2024 year (linked to the 2024 year before it and to all four quarters of 2024, the
// heaviest case). Target: ≤ 500 ms for one summary including suppression.
import { onderdruk } from '../../shared/tafel/suppression';
import type { Vrijgave } from '../../shared/tafel/tafel.schema';
import { ANDERE_GEMEENTEN, jaarVan, tabellenVan, VORMEN, type Herkomst, type Leeftijd, type Soort, type Wereld } from '../shared/tafel/fixtures';
import { MonitorCategorie, MeldingRij } from '../../shared/casework/dashboard.schema';
import { AfsluitReden } from '../../shared/casework/traject.schema';
import type { BenchReport, BenchRow } from './benchReport';
import { join } from 'node:path';
import { seedVault } from '../../electron/core/casework/seed';
import { ownerWriter } from '../../electron/core/changelog/writeContext';
import { inTransaction } from '../../electron/core/db/sql';
import { saveProfile } from '../../electron/core/profile/profile.repo';
import { bereidVrijgaveVoor } from '../../electron/core/tafel/release';
import { closeVault, createVault } from '../../electron/core/vault/vault';
import { tempDir, testPassphrase } from '../core/vault/helpers';

const RUNS = 5;
const TARGET_MS = 500;

/** A deterministic generator (no Math.random: the same world every run). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** One quarter of a large organisation: about 25,000 trajecten and 50,000 meldingen, with small cells where real data has them. */
function kwartaal(seed: number, deler = 1): Wereld {
  const w = kwartaalGroot(seed);
  if (deler === 1) return w;
  // A small organisation: the same mix, every count divided (most cells small or 0).
  const klein = <T extends { aantal: number }>(l: T[]) => l.map((g) => ({ ...g, aantal: Math.round(g.aantal / deler) })).filter((g) => g.aantal > 0);
  return {
    clienten: klein(w.clienten),
    meldingen: klein(w.meldingen),
    politie: klein(w.politie),
    afgesloten: Object.fromEntries(Object.entries(w.afgesloten).map(([r, n]) => [r, Math.round(n! / deler)])),
    crisis: Math.round(w.crisis / deler),
  };
}

function kwartaalGroot(seed: number): Wereld {
  const r = rng(seed);
  const n = (min: number, max: number) => min + Math.floor(r() * (max - min + 1));
  const leeftijden: Leeftijd[] = ['volwassen', 'minderjarig', 'onbekend'];
  const clienten = MonitorCategorie.options.flatMap((categorie, ci) =>
    [true, false].flatMap((nieuw) => leeftijden.map((leeftijd, li) => ({ categorie, nieuw, leeftijd, aantal: li === 2 ? n(0, 6) : ci === 3 ? n(0, 4) : n(800, 4000) }))),
  );
  const herkomsten: Herkomst[] = ['Rotterdam', ...ANDERE_GEMEENTEN, 'onbekend-in-regio', 'buiten-regio', 'onbekend'];
  const soorten: Soort[] = [
    ...[...MeldingRij.options, 'preventief-gesprek' as const].flatMap((rij) => leeftijden.map((leeftijd) => ({ rij, leeftijd }))),
    { info: 'sekswerkers' },
    { info: 'overig' },
  ];
  // Rotterdam and a few large gemeenten carry most meldingen; half the gemeenten have a handful or none.
  const gewicht = (h: Herkomst, i: number) => (h === 'Rotterdam' ? 2500 : i < 8 ? 300 : i < 14 ? 0.02 : i % 2 === 0 ? 0 : 0.01);
  const meldingen = herkomsten.flatMap((herkomst, hi) =>
    soorten.flatMap((soort, si) => {
      const basis = gewicht(herkomst, hi) * (si % 3 === 2 ? 0.01 : 1);
      const aantal = basis >= 1 ? Math.round(basis * (0.5 + r())) : r() < basis * 40 ? 1 : 0;
      return aantal > 0 ? [{ herkomst, soort, aantal }] : [];
    }),
  );
  const politie = VORMEN.flatMap((vorm, vi) => (['gesprek', 'aangifte'] as const).map((soort) => ({ vorm, soort, aantal: vi < 3 ? n(20, 400) : n(0, 3) })));
  const afgesloten = Object.fromEntries(AfsluitReden.options.map((reden, i) => [reden, i < 5 ? n(500, 3000) : n(0, 4)]));
  return { clienten, meldingen, politie, afgesloten, crisis: n(200, 400) };
}

function time(f: () => void): number {
  const start = performance.now();
  f();
  return performance.now() - start;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** The ledger of 8 earlier releases (2024 Q1–Q4 and year, 2025 Q1–Q3) for a world, and the two releases to time. */
function scenario(deler: number): { ledger: Vrijgave[]; cases: Array<[string, { jaar: number; kwartaal?: 1 | 2 | 3 | 4 }, Wereld, string]> } {
  const q2024 = [1, 2, 3, 4].map((q) => kwartaal(2024_0 + q, deler));
  const q2025 = [1, 2, 3, 4].map((q) => kwartaal(2025_0 + q, deler));
  const jaar2024 = jaarVan(q2024);
  const ledger: Vrijgave[] = [];
  const releases: Array<[string, { jaar: number; kwartaal?: 1 | 2 | 3 | 4 }, Wereld]> = [
    ['2024-K1', { jaar: 2024, kwartaal: 1 }, q2024[0]!],
    ['2024-K2', { jaar: 2024, kwartaal: 2 }, q2024[1]!],
    ['2024-K3', { jaar: 2024, kwartaal: 3 }, q2024[2]!],
    ['2024-K4', { jaar: 2024, kwartaal: 4 }, q2024[3]!],
    ['2024', { jaar: 2024 }, jaar2024],
    ['2025-K1', { jaar: 2025, kwartaal: 1 }, q2025[0]!],
    ['2025-K2', { jaar: 2025, kwartaal: 2 }, q2025[1]!],
    ['2025-K3', { jaar: 2025, kwartaal: 3 }, q2025[2]!],
  ];
  for (const [id, periode, w] of releases) {
    const r = onderdruk({ tabellen: tabellenVan(periode, w), ledger, id });
    if (!r.veilig) throw new Error(`bench ledger release ${id} was refused: ${r.problemen.join(' ')}`);
    ledger.push(r.vrijgave);
  }
  // The correction: late registrations in the 2024 year.
  const gecorrigeerd: Wereld = { ...jaar2024, meldingen: jaar2024.meldingen.map((m, i) => (i % 7 === 0 ? { ...m, aantal: m.aantal + 1 } : m)) };
  return {
    ledger,
    cases: [
      ['2025-K4', { jaar: 2025, kwartaal: 4 }, q2025[3]!, 'a new quarter'],
      ['2024-v2', { jaar: 2024 }, gecorrigeerd, 'a corrected year (linked to 5 releases)'],
    ],
  };
}

export async function run(): Promise<BenchReport> {
  const rows: BenchRow[] = [];
  const context: Record<string, string | number> = { ledger: 8, runs: RUNS };
  for (const [deler, naam] of [[1, 'large'], [400, 'small organisation']] as const) {
    const { ledger, cases } = scenario(deler);
    for (const [id, periode, w, what] of cases) {
      const tabellen = tabellenVan(periode, w);
      const trajecten = tabellen.cellen.find((c) => c.id === 'clienten.totaal.totaal')!.waarde;
      const meldingen = tabellen.cellen.find((c) => c.id === 'meldingen.totaal')!.waarde;
      let result: ReturnType<typeof onderdruk> | null = null;
      time(() => (result = onderdruk({ tabellen: tabellenVan(periode, w), ledger, id }))); // warm-up
      const times = Array.from({ length: RUNS }, () => time(() => (result = onderdruk({ tabellen: tabellenVan(periode, w), ledger, id }))));
      const r = result!;
      const ms = median(times);
      const klein = r.verborgen.filter((v) => v.reden.soort === 'klein').length;
      const aanvullend = r.verborgen.filter((v) => v.reden.soort === 'aanvullend').length;
      const gemeenten = r.verborgen.filter((v) => v.reden.soort === 'kleine-gemeente').length;
      rows.push({
        name: `${naam}, ${what}: tables + suppression + final audit (median)`,
        value: Math.round(ms),
        unit: 'ms',
        // The target is for the large summary; the small organisation is shown for information.
        ...(deler === 1 ? { target: `≤ ${TARGET_MS} ms`, met: ms <= TARGET_MS && r.veilig } : {}),
        note: `safe=${r.veilig}; ${klein} small, ${gemeenten} gemeenten in 'overige', ${aanvullend} complementary; cliënten ${trajecten}, meldingen ${meldingen}; worst ${Math.round(Math.max(...times))} ms`,
      });
      context[`${naam}.${id}.links`] = r.controle.koppelingen;
    }
  }
  rows.push(...(await vanuitKluis()));
  return { name: 'tafel: disclosure control of one summary (issue 14)', rows, context };
}

/**
 * The whole release as the app makes it, from a real encrypted vault of 100,000 trajecten and
 * 200,000 meldingen: the period's figures from the records, the tables, suppression against the
 * ledger, the final audit and the signature (bereidVrijgaveVoor; nothing written).
 */
async function vanuitKluis(): Promise<BenchRow[]> {
  const { dir, cleanup } = tempDir('kk-bench-tafel-');
  const { vault } = await createVault(join(dir, 'vault'), testPassphrase());
  try {
    const db = vault.db;
    const seeded = seedVault(db, { trajecten: 100_000, seed: 14, today: '2026-11-25', meldingenPerTraject: 2 });
    inTransaction(db, () => saveProfile(db, ownerWriter(), { fields: { naam: 'Testa Voorbeeld', functie: 'privacy-officer', organisatie: 'essm', regio: 'rotterdam' } }));
    let n = 0;
    const ctx = () => ({ ...ownerWriter('hand'), newId: () => `0190c000-0000-7000-8000-${String(++n).padStart(12, '0')}` });
    const rows: BenchRow[] = [];
    for (const [periode, what] of [[{ jaar: 2025 }, 'the year 2025'], [{ jaar: 2025, kwartaal: 4 }, 'quarter 4 of 2025']] as const) {
      bereidVrijgaveVoor(db, ctx(), periode); // warm-up
      const times = Array.from({ length: RUNS }, () => time(() => bereidVrijgaveVoor(db, ctx(), periode)));
      const ms = median(times);
      rows.push({
        name: `from the vault, ${what}: figures from the records + tables + suppression + audit + signature (median)`,
        value: Math.round(ms),
        unit: 'ms',
        target: `≤ ${TARGET_MS} ms`,
        met: ms <= TARGET_MS,
        note: `vault of ${seeded.trajecten} trajecten, ${seeded.meldingen} meldingen; worst ${Math.round(Math.max(...times))} ms`,
      });
    }
    return rows;
  } finally {
    closeVault(vault);
    cleanup();
  }
}
