// `npm run bench`: runs every test/bench/*.bench.ts in sequence, prints a table per bench and
// writes dist/bench/<name>.json. A script, not a test: it never fails on a missed target,
// it shows it. `npm run bench -- vault` runs only the benches whose file name starts with "vault".
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchReport } from './benchReport';

const here = import.meta.dirname;
const root = resolve(here, '../..');
const only = process.argv[2];

function printReport(report: BenchReport): void {
  console.log(`\n## ${report.name}`);
  if (report.context) console.log(Object.entries(report.context).map(([k, v]) => `${k}=${v}`).join('  '));
  const rows = report.rows.map((r) => [r.name, `${formatNumber(r.value)} ${r.unit}`, r.target ? `${r.target} ${r.met ? 'ok' : 'MISSED'}` : '', r.note ?? '']);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => (row[i] ?? '').length), ['figure', 'value', 'target', 'note'][i]?.length ?? 0));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
  console.log(line(['figure', 'value', 'target', 'note']));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const row of rows) console.log(line(row));
}

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2);
}

const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !only || f.startsWith(only))
  .sort();
const outDir = join(root, 'dist', 'bench');
mkdirSync(outDir, { recursive: true });
console.log(`Ketenkluis benchmarks on Node ${process.versions.node}, ${files.length} file(s): ${files.join(', ')}`);
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { run?: () => Promise<BenchReport> };
  if (typeof mod.run !== 'function') {
    console.error(`${file} exports no run(); skipped`);
    process.exitCode = 1;
    continue;
  }
  const started = Date.now();
  const report = await mod.run();
  if (!report || typeof report.name !== 'string' || !Array.isArray(report.rows)) {
    console.error(`${file}: run() did not return a BenchReport ({ name, rows }); raw result follows`);
    console.error(JSON.stringify(report));
    process.exitCode = 1;
    continue;
  }
  printReport(report);
  const json = join(outDir, `${file.replace(/\.bench\.ts$/, '')}.json`);
  writeFileSync(json, `${JSON.stringify({ ...report, node: process.versions.node, at: new Date().toISOString(), seconds: (Date.now() - started) / 1000 }, null, 2)}\n`);
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s; written to ${json.slice(root.length + 1)})`);
}
