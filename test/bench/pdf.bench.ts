// The PDF library for the coming disclosure packages (issue 12) and Tafel reports (issue 14),
// chosen on measurement: the package must be one AES-256-encrypted PDF with its JSON attached
// inside, made in plain Node (so every report is testable here), ≤ 1.5 s for a traject with 500
// journal entries. pdfkit writes AES-256 (PDF 1.7 extension level 3) and embedded files; pdf-lib,
// the other common choice, writes no encryption at all. This bench makes such a package with
// synthetic entries, times it, and proves the result with qpdf (opens with the password, refused
// without it, the attachment comes back byte for byte) where qpdf is installed.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { BenchReport, BenchRow } from './benchReport';

const ENTRIES = 500;
const RUNS = 5;

/** Synthetic journal entries: plausible length and Dutch characters, no real person. */
function entries(n: number): Array<{ datum: string; soort: string; tekst: string }> {
  return Array.from({ length: n }, (_, i) => ({
    datum: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    soort: i % 3 === 0 ? 'gesprek' : 'notitie',
    tekst: `Notitie ${i + 1}: gesprek over opvang, procedure en vervolgafspraken; cliënt geïnformeerd over de bedenktijd. `.repeat(3),
  }));
}

function makePackage(password: string, journal: ReturnType<typeof entries>): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    pdfVersion: '1.7ext3', // AES-256
    userPassword: password,
    ownerPassword: randomBytes(24).toString('base64url'),
    permissions: { printing: 'highResolution', copying: false, modifying: false },
    info: { Title: 'Verstrekking (synthetisch)', Producer: 'Ketenkluis bench' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.fontSize(18).text('Gegevensverstrekking', { underline: false });
  doc.moveDown().fontSize(11).text('Ontvanger: CoMensha (synthetisch)\nDoel: registratie\nGrondslag: toestemming (schriftelijk)\nBesluit: KK-BENCH-0001');
  doc.addPage();
  for (const e of journal) {
    doc.fontSize(10).text(`${e.datum}  ${e.soort}`, { continued: false });
    doc.fontSize(10).text(e.tekst);
    doc.moveDown(0.5);
  }
  doc.file(Buffer.from(JSON.stringify({ journaal: journal })), { name: 'verstrekking.json', type: 'application/json', description: 'Dezelfde gegevens, leesbaar voor een computer' });
  doc.end();
  return done;
}

function qpdf(args: string[]): { status: number | null; stdout: Buffer } {
  const r = spawnSync('qpdf', args);
  return { status: r.status, stdout: r.stdout };
}

export async function run(): Promise<BenchReport> {
  const journal = entries(ENTRIES);
  const password = randomBytes(18).toString('base64url');
  const times: number[] = [];
  let pdf: Buffer = Buffer.alloc(0);
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    pdf = await makePackage(password, journal);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? NaN;
  const rows: BenchRow[] = [
    { name: `encrypted package, ${ENTRIES} journal entries (median of ${RUNS})`, value: median, unit: 'ms', target: '≤ 1500 ms', met: median <= 1500 },
    { name: 'package size', value: Math.round(pdf.length / 1024), unit: 'KiB' },
  ];
  const dir = mkdtempSync(join(tmpdir(), 'kk-pdf-bench-'));
  try {
    const file = join(dir, 'p.pdf');
    writeFileSync(file, pdf);
    if (spawnSync('qpdf', ['--version']).status === 0) {
      const withPassword = qpdf([`--password=${password}`, '--check', file]).status === 0;
      const without = qpdf(['--check', file]).status;
      const attachment = qpdf([`--password=${password}`, '--show-attachment=verstrekking.json', file]).stdout.toString('utf8');
      const same = attachment === JSON.stringify({ journaal: journal });
      rows.push({ name: 'qpdf: opens with the password / refused without / attachment identical', value: Number(withPassword && without !== 0 && same), unit: '(1 = all three)', target: '1', met: withPassword && without !== 0 && same });
      const encryption = spawnSync('qpdf', [`--password=${password}`, '--show-encryption', file]).stdout.toString('utf8');
      rows.push({ name: 'encryption', value: Number(/AESv3/.test(encryption)), unit: '(1 = AES-256, AESv3)', target: '1', met: /AESv3/.test(encryption) });
    } else {
      rows.push({ name: 'qpdf not installed: the package was not verified', value: 0, unit: '' });
    }
    // Not readable without the password: no entry text in the bytes.
    rows.push({ name: 'plain text of an entry found in the file', value: Number(readFileSync(file).includes('bedenktijd')), unit: '(0 = none)', target: '0', met: !readFileSync(file).includes('bedenktijd') });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { name: 'pdf (disclosure package with pdfkit)', rows, context: { entries: ENTRIES, runs: RUNS, pdfkit: '0.20' } };
}
