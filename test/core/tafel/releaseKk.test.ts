// `kk export tafel` writes the PDF report beside the JSON and the CSV (issue 14), and takes the
// privacy officer's settings kept in the vault (a flag overrides them). A real process on a real
// encrypted vault with synthetic casework.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedVault } from '../../../electron/core/casework/seed';
import { ownerWriter } from '../../../electron/core/changelog/writeContext';
import { inTransaction } from '../../../electron/core/db/sql';
import { saveProfile } from '../../../electron/core/profile/profile.repo';
import { bewaarTafelInstellingen } from '../../../electron/core/tafel/tafelSettings';
import { closeVault, createVault } from '../../../electron/core/vault/vault';
import { ROOT, tempDir, testPassphrase } from '../vault/helpers';

const LAUNCHER = join(ROOT, 'electron/core/cli/bin/kk');
const pass = testPassphrase();
let root: string;
let dir: string;
let cleanup: () => void;

beforeAll(async () => {
  ({ dir: root, cleanup } = tempDir('kk-tafel-kk-pdf-'));
  dir = join(root, 'vault');
  const { vault } = await createVault(dir, pass);
  try {
    seedVault(vault.db, { trajecten: 300, seed: 23, today: '2026-11-25', meldingenPerTraject: 2 });
    inTransaction(vault.db, () => saveProfile(vault.db, ownerWriter(), { fields: { naam: 'Testa Voorbeeld', functie: 'privacy-officer', organisatie: 'essm', regio: 'rotterdam' } }));
    bewaarTafelInstellingen(vault.db, ownerWriter(), { k: 6, afronding: null, ruis: false, ruisMax: 2 });
  } finally {
    closeVault(vault);
  }
}, 120_000);
afterAll(() => cleanup());

function kk(args: string[]) {
  const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KK_'))), KK_PASSPHRASE: pass };
  return spawnSync(LAUNCHER, args, { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
}

const pdfText = (f: string) => spawnSync('pdftotext', [f, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');

describe('kk export tafel and the PDF report', () => {
  it('writes JSON, CSV and PDF; the vault’s k = 6 applies; the PDF names the period, the settings and the signer', () => {
    const out = join(root, 'essm-2025-K2.json');
    const r = kk(['export', 'tafel', '--dir', dir, '--year', '2025', '--quarter', '2', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`PDF: ${join(root, 'essm-2025-K2.pdf')}`);
    expect(r.stdout).toContain('drempel k = 6');
    const text = pdfText(join(root, 'essm-2025-K2.pdf'));
    expect(text).toContain('kwartaal 2 van 2025');
    expect(text).toContain('Drempel k = 6');
    expect(text).toContain('Cliënten per categorie');
    expect(readdirSync(root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a flag overrides the vault’s k; an existing PDF beside the name refuses the export and writes nothing', () => {
    const out = join(root, 'essm-2025-K3.json');
    const r = kk(['export', 'tafel', '--dir', dir, '--year', '2025', '--quarter', '3', '--k', '5', '--out', out]);
    expect(r.status).toBe(0);
    expect(pdfText(join(root, 'essm-2025-K3.pdf'))).toContain('Drempel k = 5');
    writeFileSync(join(root, 'bezet.pdf'), 'iets anders');
    const again = kk(['export', 'tafel', '--dir', dir, '--year', '2025', '--quarter', '4', '--out', join(root, 'bezet.json')]);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toContain('bezet.pdf bestaat al');
    expect(existsSync(join(root, 'bezet.json'))).toBe(false);
    expect(existsSync(join(root, 'bezet.csv'))).toBe(false);
    expect(readFileSync(join(root, 'bezet.pdf'), 'utf8')).toBe('iets anders');
  });
});
