import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { afterEach, describe, expect, it } from 'vitest';
import { gebruikLetters, LETTER } from '../../../electron/core/pdf/fonts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function pdfMet(tekst: string): Promise<string> {
  const doc = gebruikLetters(new PDFDocument({ size: 'A4' }));
  const delen: Buffer[] = [];
  doc.on('data', (d: Buffer) => delen.push(d));
  const klaar = new Promise<void>((r) => doc.on('end', () => r()));
  doc.text(tekst);
  doc.font(LETTER.vet).text(tekst);
  doc.font(LETTER.schuin).text(tekst);
  doc.end();
  await klaar;
  const dir = mkdtempSync(join(tmpdir(), 'kk-font-'));
  dirs.push(dir);
  const file = join(dir, 'f.pdf');
  writeFileSync(file, Buffer.concat(delen));
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe('PDF letters', () => {
  it('prints names outside Windows-1252 as written, in all three faces', async () => {
    const naam = 'Ștefan Łukasiewicz — Ольга Ğül ΑΒΓ';
    const uit = await pdfMet(naam);
    expect(uit.split(naam).length - 1).toBe(3);
  });

  it('embeds a subset, not the whole font (a one-page PDF stays small)', async () => {
    const doc = gebruikLetters(new PDFDocument({ size: 'A4' }));
    const delen: Buffer[] = [];
    doc.on('data', (d: Buffer) => delen.push(d));
    const klaar = new Promise<void>((r) => doc.on('end', () => r()));
    doc.text('Gegevensverstrekking');
    doc.end();
    await klaar;
    expect(Buffer.concat(delen).length).toBeLessThan(60_000);
  });
});
