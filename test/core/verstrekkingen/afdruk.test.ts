// The print of a disclosure (afdrukHtml.ts), as main prints it: one self-contained UTF-8 page.
// A name outside Windows-1252 ("Ștefan Łukasiewicz-Ольга", given decomposed) is on the page as
// written, composed; markup in a value stays text. Printed to PDF by headless Chromium (the
// engine of main's print window) and read back with pdftotext, the name is on the paper.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findChromium } from '../../../electron/launcher/chromium';
import { comenshaBesluit, openVVault, type VVault } from './helpers';

let v: VVault;
beforeEach(async () => (v = await openVVault()));
afterEach(() => v.close());

const ALLES = ['identificerend', 'achtergrond', 'traject', 'uitbuiting'] as const;

async function afdruk(client: Record<string, unknown>) {
  const b = await comenshaBesluit(v, { client });
  return (await v.call('verstrekkingen.printDocument', { besluitId: b.besluit.id, trajectId: b.trajectId, partnerId: 'comensha', categorieen: [...ALLES] })).html;
}

describe('the print', () => {
  it('shows the name exactly as written (composed), markup as text, and loads nothing from outside', async () => {
    const html = await afdruk({ roepnaam: 'S\u0326tefan', achternaam: 'Łukasiewicz-Ольга <b>' });
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('Ștefan');
    expect(html).not.toContain('S\u0326tefan');
    expect(html).toContain('Łukasiewicz-Ольга &lt;b&gt;');
    expect(html).not.toMatch(/<script|src=|href=|url\(/i);
  });

  it('printed by Chromium, the paper carries the exact name', { timeout: 120_000 }, async () => {
    const html = await afdruk({ roepnaam: 'Ștefan', achternaam: 'Łukasiewicz-Ольга' });
    const chromium = findChromium();
    expect(chromium, 'npm test needs a Chromium-family browser').not.toBeNull();
    const dir = mkdtempSync(join(tmpdir(), 'kk-afdruk-'));
    try {
      const page = join(dir, 'afdruk.html');
      const pdf = join(dir, 'afdruk.pdf');
      writeFileSync(page, html);
      const r = spawnSync(chromium!, ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--user-data-dir=${join(dir, 'profiel')}`, `--print-to-pdf=${pdf}`, `file://${page}`], { encoding: 'utf8', timeout: 100_000 });
      expect(existsSync(pdf), r.stderr).toBe(true);
      const text = spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).stdout;
      expect(text).toContain('Gegevensverstrekking');
      expect(text).toContain('Ștefan');
      expect(text).toContain('Łukasiewicz-Ольга');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
