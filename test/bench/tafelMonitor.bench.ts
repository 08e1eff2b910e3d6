// Compiling the regional monitor in tafel mode (issue 14) from 20 signed summaries: every file
// verified as tafel mode verifies it (JSON, canonical form, Ed25519 signature, registered key,
// period, replay, older release — monitorOntvangst.ts), the monitor compiled (intervals per file,
// combined intervals, charts) and the PDF made (DejaVu, charts as vector graphics). Target: ≤ 2 s
// including the PDF. The 20 organisations differ in size: ESSM's 2024 figures, larger ones and
// small ones with many hidden cells; every fourth rounds to 5.
import { compileerMonitor } from '../../shared/tafel/monitor';
import type { TafelBestand } from '../../shared/tafel/file.schema';
import { maakMonitorPdf } from '../../electron/core/tafel/monitorPdf';
import { beoordeel, type BekendeSleutel } from '../../electron/core/tafel/monitorOntvangst';
import { geefUit, organisatie } from '../core/tafel/monitorFixtures';
import { monitor2024, type Wereld } from '../shared/tafel/fixtures';
import type { BenchReport, BenchRow } from './benchReport';

const RUNS = 5;
const TARGET_MS = 2000;
const ORGANISATIES = 20;

/** The 2024 world scaled: counts × factor (rounded; a group that rounds to 0 is dropped). */
function geschaald(factor: number): Wereld {
  const w = monitor2024();
  const s = <T extends { aantal: number }>(l: T[]) => l.map((g) => ({ ...g, aantal: Math.round(g.aantal * factor) })).filter((g) => g.aantal > 0);
  return {
    clienten: s(w.clienten),
    meldingen: s(w.meldingen),
    politie: s(w.politie),
    afgesloten: Object.fromEntries(Object.entries(w.afgesloten).map(([r, n]) => [r, Math.round(n! * factor)])),
    crisis: Math.round(w.crisis * factor),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const t = performance.now();
  const r = await fn();
  return [performance.now() - t, r];
}

export async function run(): Promise<BenchReport> {
  const factoren = [1, 3, 0.15, 0.4, 2, 0.08, 1.2, 0.25, 5, 0.5];
  const bestanden: Array<{ json: Buffer; vingerafdruk: string; id: string; naam: string }> = [];
  for (let i = 0; i < ORGANISATIES; i++) {
    const org = organisatie(`org-${i}`, `Organisatie ${String(i + 1).padStart(2, '0')} (synthetisch)`);
    const u = geefUit(org, { jaar: 2024 }, geschaald(factoren[i % factoren.length]!), i % 4 === 3 ? { k: 5, afronding: 5 } : { k: 5 });
    bestanden.push({ json: Buffer.from(u.json, 'utf8'), vingerafdruk: org.vingerafdruk, id: org.id, naam: org.naam });
  }
  const sleutels = new Map<string, BekendeSleutel>(bestanden.map((b) => [b.vingerafdruk, { naam: b.naam, organisatieId: b.id, ingetrokken: null }]));

  const verify = (): TafelBestand[] => {
    const gezien = new Set<string>();
    const huidig = new Map<string, TafelBestand>();
    for (const b of bestanden) {
      const r = beoordeel(b.json, { periode: { jaar: 2024 }, sleutel: (v) => sleutels.get(v), gezien: (id) => gezien.has(id), huidig: (o) => huidig.get(o) });
      if (!r.ok) throw new Error(r.reden);
      gezien.add(r.bestand.vrijgaveId);
      huidig.set(r.bestand.organisatie.id, r.bestand);
    }
    return [...huidig.values()];
  };
  const geheel = async () => {
    const files = verify();
    const m = compileerMonitor({ jaar: 2024 }, files);
    return { m, pdf: await maakMonitorPdf(m) };
  };
  await geheel(); // warm-up (fonts read, code compiled)
  const totaal: number[] = [];
  const verificatie: number[] = [];
  const compilatie: number[] = [];
  const pdfTijd: number[] = [];
  let laatste: Awaited<ReturnType<typeof geheel>> | undefined;
  for (let i = 0; i < RUNS; i++) {
    const [t, r] = await time(geheel);
    totaal.push(t);
    laatste = r;
    const [tv, files] = await time(verify);
    verificatie.push(tv);
    const [tc, m] = await time(() => compileerMonitor({ jaar: 2024 }, files));
    compilatie.push(tc);
    const [tp] = await time(() => maakMonitorPdf(m));
    pdfTijd.push(tp);
  }
  const ms = median(totaal);
  const cellen = laatste!.m.gecombineerd.flatMap((t) => t.rijen.flatMap((r) => r.cellen)).filter((c) => c !== null);
  const rows: BenchRow[] = [
    {
      name: `${ORGANISATIES} summaries: verify + compile + PDF (median)`,
      value: Math.round(ms),
      unit: 'ms',
      target: `≤ ${TARGET_MS} ms`,
      met: ms <= TARGET_MS,
      note: `worst ${Math.round(Math.max(...totaal))} ms; PDF ${Math.round(laatste!.pdf.length / 1024)} KiB`,
    },
    { name: 'of which: verify 20 files (signatures, rule)', value: Math.round(median(verificatie)), unit: 'ms' },
    { name: 'of which: compile (intervals, combined, charts)', value: Math.round(median(compilatie)), unit: 'ms' },
    { name: 'of which: PDF', value: Math.round(median(pdfTijd)), unit: 'ms' },
  ];
  return {
    name: 'tafel mode: the regional monitor from 20 summaries (issue 14)',
    rows,
    context: { organisaties: ORGANISATIES, runs: RUNS, gecombineerdeCellen: cellen.length, intervallen: cellen.filter((c) => c.min !== c.max).length },
  };
}
