// The combine step headless, run as a person runs it: the launcher electron/core/cli/bin/kk, real
// processes, three real encrypted vaults (a reporter and two colleagues) with synthetic casework.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regioGemeenten } from '../../../shared/casework/gemeenten';
import { seedVault } from '../../../electron/core/casework/seed';
import { ownerWriter } from '../../../electron/core/changelog/writeContext';
import { inTransaction } from '../../../electron/core/db/sql';
import { readProfile, saveProfile } from '../../../electron/core/profile/profile.repo';
import { bronnenVanVrijgave, gecombineerdeCijfers } from '../../../electron/core/tafel/combine';
import { periodFigures } from '../../../electron/core/tafel/periodFigures';
import { leesLedger } from '../../../electron/core/tafel/release';
import { closeVault, createVault, unlockVault } from '../../../electron/core/vault/vault';
import { tempDir, testPassphrase } from '../vault/helpers';
import { runKk } from './kkRun';

const pass = testPassphrase();
let root: string;
let cleanup: () => void;
const dirs = { rep: '', a: '', b: '' };
const vinger = { rep: '', a: '', b: '' };

beforeAll(async () => {
  ({ dir: root, cleanup } = tempDir('kk-combine-cli-'));
  let seed = 70;
  for (const wie of ['rep', 'a', 'b'] as const) {
    dirs[wie] = join(root, wie);
    const { vault } = await createVault(dirs[wie], pass);
    try {
      seedVault(vault.db, { trajecten: 120, seed: seed++, today: '2026-11-25', meldingenPerTraject: 2 });
      inTransaction(vault.db, () => saveProfile(vault.db, ownerWriter(), { fields: { naam: 'Testa Voorbeeld', functie: 'zorgcoordinator', organisatie: 'essm', regio: 'rotterdam' } }));
      vinger[wie] = readProfile(vault.db)!.vingerafdruk;
    } finally {
      closeVault(vault);
    }
  }
}, 180_000);
afterAll(() => cleanup());

const kk = (args: string[]) => runKk(root, pass, args);

describe('kk tafel ontvangstsleutel / collega / telbestand / inlezen', () => {
  it('a reporter and two colleagues combine their counts; the release counts each once and records the files', async () => {
    const sleutel = join(root, 'ontvangstsleutel.json');
    const r1 = kk(['tafel', 'ontvangstsleutel', '--dir', dirs.rep, '--out', sleutel]);
    expect(r1.stderr).toBe('');
    expect(r1.status).toBe(0);
    expect(r1.stdout).toMatch(/^Ontvangstsleutel gemaakt en opgeslagen: /);
    const ontvangst = JSON.parse(readFileSync(sleutel, 'utf8')) as { vingerafdruk: string; format: string };
    expect(ontvangst.format).toBe('ketenkluis.ontvangstsleutel');
    expect(r1.stdout).toContain(`Vingerafdruk van de ontvangstsleutel: ${ontvangst.vingerafdruk}`);
    // Never over an existing file.
    const again = kk(['tafel', 'ontvangstsleutel', '--dir', dirs.rep, '--out', sleutel]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/bestaat al/);

    for (const wie of ['a', 'b'] as const) {
      const c = kk(['tafel', 'collega', '--dir', dirs.rep, '--fingerprint', vinger[wie].replaceAll(' ', '').toLowerCase(), '--omschrijving', `coördinator ${wie}`]);
      expect(c.stderr).toBe('');
      expect(c.stdout).toContain(`Collega geregistreerd: sleutel ${vinger[wie]}`);
    }

    const files: string[] = [];
    for (const wie of ['a', 'b'] as const) {
      const f = join(root, `telbestand-${wie}.json`);
      const t = kk(['tafel', 'telbestand', '--dir', dirs[wie], '--year', '2025', '--voor', sleutel, '--out', f]);
      expect(t.stderr).toBe('');
      expect(t.status).toBe(0);
      expect(t.stdout).toContain(`Versleuteld voor ontvangstsleutel ${ontvangst.vingerafdruk}; ondertekend met uw sleutel ${vinger[wie]}.`);
      expect(readFileSync(f, 'utf8')).toMatch(/"waarschuwing":"Niet publiceren\./);
      files.push(f);
    }
    // No temporary file is left behind.
    expect(readdirSync(root).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const lees = kk(['tafel', 'inlezen', '--dir', dirs.rep, '--in', ...files]);
    expect(lees.stderr).toBe('');
    expect(lees.status).toBe(0);
    expect(lees.stdout).toContain('2 van 2 telbestanden ingelezen.');
    // The same files again: replays, refused with the reason, nothing changes.
    const nogEens = kk(['tafel', 'inlezen', '--dir', dirs.rep, '--in', files[0]!]);
    expect(nogEens.status).toBe(2);
    expect(nogEens.stderr).toMatch(/telbestand-a\.json: geweigerd: Dit telbestand is al eerder ingelezen/);
    expect(nogEens.stdout).toContain('0 van 1 telbestanden ingelezen.');

    // A damaged file among good ones: the good one is read, the damaged one refused.
    const kapot = join(root, 'kapot.json');
    writeFileSync(kapot, readFileSync(files[1]!, 'utf8').slice(0, 300));
    const gemengd = kk(['tafel', 'inlezen', '--dir', dirs.rep, '--in', kapot]);
    expect(gemengd.status).toBe(2);
    expect(gemengd.stderr).toMatch(/kapot\.json: geweigerd: Het telbestand is onvolledig/);

    const uit = join(root, 'essm-2025.json');
    const rel = kk(['export', 'tafel', '--dir', dirs.rep, '--year', '2025', '--out', uit]);
    expect(rel.stderr).toBe('');
    expect(rel.status).toBe(0);

    const vault = await unlockVault(dirs.rep, pass);
    try {
      const rotterdam = regioGemeenten('rotterdam');
      const eigen = periodFigures(vault.db, { jaar: 2025 }, rotterdam).cijfers.meldingen.totaal;
      const samen = gecombineerdeCijfers(vault.db, { jaar: 2025 }, rotterdam);
      const ledger = leesLedger(vault.db);
      expect(ledger).toHaveLength(1);
      expect(bronnenVanVrijgave(vault.db, ledger[0]!.id).map((b) => b.ondertekenaar).sort()).toEqual([vinger.a, vinger.b].sort());
      // The released true total is the sum of the three vaults' own totals, each once.
      const vanCollegas = await Promise.all(
        (['a', 'b'] as const).map(async (wie) => {
          const v = await unlockVault(dirs[wie], pass);
          try {
            return periodFigures(v.db, { jaar: 2025 }, rotterdam).cijfers.meldingen.totaal;
          } finally {
            closeVault(v);
          }
        }),
      );
      expect(samen.cijfers.meldingen.totaal).toBe(eigen + vanCollegas[0]! + vanCollegas[1]!);
      expect(ledger[0]!.vrijgave.waarden['meldingen.totaal']).toBe(samen.cijfers.meldingen.totaal);
    } finally {
      closeVault(vault);
    }
  }, 600_000);

  it('a colleague without a valid receiving-key file is refused before anything is written', () => {
    const vals = join(root, 'vals.json');
    writeFileSync(vals, '{"format":"ketenkluis.ontvangstsleutel","versie":1}');
    const f = join(root, 'niet.json');
    const t = kk(['tafel', 'telbestand', '--dir', dirs.a, '--year', '2025', '--quarter', '2', '--voor', vals, '--out', f]);
    expect(t.status).toBe(2);
    expect(t.stderr).toMatch(/^Geweigerd: De ontvangstsleutel klopt niet met het formaat/);
    expect(existsSync(f)).toBe(false);
  }, 120_000);
});
