// `kk export tafel` and `kk export verify`, run as a person runs them: the launcher
// electron/core/cli/bin/kk, a real process, a real encrypted vault with synthetic casework.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedVault } from '../../../electron/core/casework/seed';
import { ownerWriter } from '../../../electron/core/changelog/writeContext';
import { inTransaction } from '../../../electron/core/db/sql';
import { readProfile, saveProfile } from '../../../electron/core/profile/profile.repo';
import { leesLedger } from '../../../electron/core/tafel/release';
import { closeVault, createVault, unlockVault } from '../../../electron/core/vault/vault';
import { tempDir, testPassphrase } from '../vault/helpers';
import { runKk } from './kkRun';

const pass = testPassphrase();
let root: string;
let dir: string;
let cleanup: () => void;
let vingerafdruk: string;

beforeAll(async () => {
  ({ dir: root, cleanup } = tempDir('kk-tafel-cli-'));
  dir = join(root, 'vault');
  const { vault } = await createVault(dir, pass);
  try {
    seedVault(vault.db, { trajecten: 800, seed: 41, today: '2026-11-25', meldingenPerTraject: 2 });
    inTransaction(vault.db, () => saveProfile(vault.db, ownerWriter(), { fields: { naam: 'Testa Voorbeeld', functie: 'privacy-officer', organisatie: 'essm', regio: 'rotterdam' } }));
    vingerafdruk = readProfile(vault.db)!.vingerafdruk;
  } finally {
    closeVault(vault);
  }
}, 120_000);
afterAll(() => cleanup());

const kk = (args: string[]) => runKk(root, pass, args);

async function ledgerLengte(): Promise<number> {
  const vault = await unlockVault(dir, pass);
  try {
    return leesLedger(vault.db).length;
  } finally {
    closeVault(vault);
  }
}

describe('kk export tafel / kk export verify', () => {
  it('writes the signed JSON and the CSV beside it, records the release; verify accepts it with the registered fingerprint', async () => {
    const out = join(root, 'essm-2024-K1.json');
    const r = kk(['export', 'tafel', '--dir', dir, '--year', '2024', '--quarter', '1', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Overzicht 1 gemaakt: /);
    expect(r.stdout).toContain(`Ondertekend met sleutel ${vingerafdruk}`);
    expect(readFileSync(join(root, 'essm-2024-K1.csv'), 'utf8').startsWith('\uFEFFOrganisatie;Periode;Tabel')).toBe(true);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ format: 'ketenkluis.tafel', periode: { jaar: 2024, kwartaal: 1 }, volgnummer: 1 });
    // No temporary file left behind.
    expect(readdirSync(root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(await ledgerLengte()).toBe(1);

    const ok = kk(['export', 'verify', out, '--fingerprint', vingerafdruk.replaceAll(' ', '').toLowerCase()]);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^Handtekening klopt\. Overzicht 1 van ESSM .*kwartaal 1 van 2024/);
  });

  it('an unsafe release (the year after one quarter) is refused with the Dutch reason: nothing written, nothing recorded', async () => {
    const out = join(root, 'essm-2024.json');
    const r = kk(['export', 'tafel', '--dir', dir, '--year', '2024', '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^Geweigerd: Het overzicht over het jaar 2024 kan nog niet\. Stuur eerst ook kwartaal 2 en kwartaal 3 en kwartaal 4\..*Er is niets geschreven/);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(root, 'essm-2024.csv'))).toBe(false);
    expect(readdirSync(root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(await ledgerLengte()).toBe(1);
  });

  it('never overwrites an earlier file', async () => {
    const r = kk(['export', 'tafel', '--dir', dir, '--year', '2024', '--quarter', '2', '--out', join(root, 'essm-2024-K1.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bestaat al/);
    expect(await ledgerLengte()).toBe(1);
  });

  it('verify refuses, with exit 2 and a Dutch reason: another signer, an altered digit, a truncated file, a wrong schema', () => {
    const out = join(root, 'essm-2024-K1.json');
    const tekst = readFileSync(out, 'utf8');
    const ander = kk(['export', 'verify', out, '--fingerprint', '0000 '.repeat(16).trim()]);
    expect(ander.status).toBe(2);
    expect(ander.stderr).toMatch(/^Geweigerd: Onbekende ondertekenaar/);

    const cellen = JSON.parse(tekst).cellen as Record<string, unknown>;
    const [cel, waarde] = Object.entries(cellen).find(([, w]) => typeof w === 'number' && w >= 5)!;
    const vervalst = join(root, 'vervalst.json');
    writeFileSync(vervalst, tekst.replace(`"${cel}":${String(waarde)}`, `"${cel}":${Number(waarde) + 1}`));
    const a = kk(['export', 'verify', vervalst]);
    expect(a.status).toBe(2);
    expect(a.stderr).toMatch(/De handtekening klopt niet/);

    const kort = join(root, 'kort.json');
    writeFileSync(kort, tekst.slice(0, 500));
    const k = kk(['export', 'verify', kort]);
    expect(k.status).toBe(2);
    expect(k.stderr).toMatch(/onvolledig/);

    const schema = join(root, 'schema.json');
    writeFileSync(schema, JSON.stringify({ format: 'ketenkluis.tafel', versie: 1, cellen: {} }));
    const s = kk(['export', 'verify', schema]);
    expect(s.status).toBe(2);
    expect(s.stderr).toMatch(/klopt niet met het formaat/);
  });
});
