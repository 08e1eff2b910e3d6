import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/core';
import { runKk } from '../../../electron/core/cli/kk';
import { createVault, closeVault, unlockVault } from '../../../electron/core/vault/vault';
import { tempDir, testPassphrase } from '../vault/helpers';
import { snapshotCounts } from './helpers';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('kk-casework-core-')));
afterEach(() => cleanup());

describe('casework through the composed core and a real vault', () => {
  let core: Core;
  afterEach(() => core?.close());
  it('works once the vault is unlocked and refuses with VAULT_LOCKED once locked', async () => {
    core = createCore({ vaultDir: join(dir, 'v') });
    const passphrase = testPassphrase();
    expect((await core.dispatch('vault.create', { passphrase })).ok).toBe(true);
    const created = await core.dispatch('clienten.create', { fields: { roepnaam: 'Probeersel' } });
    expect(created.ok).toBe(true);
    const list = await core.dispatch('clienten.list', {});
    expect(list).toMatchObject({ ok: true, value: { total: 1 } });
    await core.dispatch('vault.lock', {});
    const locked = await core.dispatch('clienten.list', {});
    expect(locked).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect((await core.dispatch('vault.unlock', { passphrase })).ok).toBe(true);
    expect(await core.dispatch('clienten.list', {})).toMatchObject({ ok: true, value: { total: 1 } });
  });
  it('rejects an unknown field in a casework call before any handler runs', async () => {
    core = createCore({ vaultDir: join(dir, 'v') });
    await core.dispatch('vault.create', { passphrase: testPassphrase() });
    const r = await core.dispatch('clienten.create', { fields: { roepnaam: 'X', geheim: 'veld' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('kk seed and kk import', () => {
  const io = (passphrase: string) => {
    const lines: string[] = [];
    return { lines, io: { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l), secrets: { get: async () => passphrase }, language: 'nl' as const } };
  };
  async function newVault(name: string, passphrase: string) {
    const { vault } = await createVault(join(dir, name), passphrase);
    closeVault(vault);
    return join(dir, name);
  }
  async function readVault(path: string, passphrase: string, sql: string) {
    const vault = await unlockVault(path, passphrase);
    try {
      return { rows: vault.db.prepare(sql).all(), counts: snapshotCounts(vault.db) };
    } finally {
      closeVault(vault);
    }
  }

  it('seeds deterministically: same seed, same synthetic data; another seed, other data', async () => {
    const passphrase = testPassphrase();
    const a = await newVault('a', passphrase);
    const b = await newVault('b', passphrase);
    const c = await newVault('c', passphrase);
    for (const [path, s] of [[a, '5'], [b, '5'], [c, '6']] as const) {
      const { lines, io: kio } = io(passphrase);
      expect(await runKk(['seed', '--dir', path, '--trajecten', '40', '--seed', s, '--vandaag', '2024-12-31'], kio)).toBe(0);
      expect(lines.join('\n')).toMatch(/40 trajecten, 80 meldingen/);
    }
    const sql = 'SELECT c.pseudoniem, c.roepnaam, t.fase, t.vormen, t.aanmelddatum FROM trajecten t JOIN clienten c ON c.id = t.client_id ORDER BY c.pseudoniem';
    const ra = await readVault(a, passphrase, sql);
    const rb = await readVault(b, passphrase, sql);
    const rc = await readVault(c, passphrase, sql);
    expect(rb).toEqual(ra);
    expect(rc.rows).not.toEqual(ra.rows);
    expect(ra.counts.trajecten).toBe(40);
  });
  it('refuses a bad option value with a usage error', async () => {
    const passphrase = testPassphrase();
    const a = await newVault('a', passphrase);
    const { io: kio } = io(passphrase);
    expect(await runKk(['seed', '--dir', a, '--trajecten', 'veel', '--seed', '1'], kio)).toBe(2);
  });
  it('imports a valid file, and refuses an invalid one whole with one line per problem and no values', async () => {
    const passphrase = testPassphrase();
    const path = await newVault('v', passphrase);
    const traject = (gemeente: string) => ({ client: { roepnaam: 'Kavoza', bsn: '123' }, minderjarigBijStart: false, gemeente, verwijzer: 'zorg', aanmelddatum: '2024-03-01' });
    const good = join(dir, 'good.json');
    const bad = join(dir, 'bad.json');
    writeFileSync(good, JSON.stringify({ format: 'ketenkluis.casework', versie: 1, trajecten: [{ ...traject('Rotterdam'), client: { roepnaam: 'Kavoza' } }] }));
    writeFileSync(bad, JSON.stringify({ format: 'ketenkluis.casework', versie: 1, trajecten: [traject('Rotterdam'), traject('Gotham')] }));
    let run = io(passphrase);
    expect(await runKk(['import', '--dir', path, '--file', good], run.io)).toBe(0);
    expect(run.lines.join('\n')).toMatch(/Geïmporteerd: 1 trajecten/);
    const before = (await readVault(path, passphrase, 'SELECT 1')).counts;
    run = io(passphrase);
    expect(await runKk(['import', '--dir', path, '--file', bad], run.io)).toBe(1);
    const text = run.lines.join('\n');
    expect(text).toContain('trajecten.0.client.bsn');
    expect(text).toContain('trajecten.1.client.bsn');
    expect(text).toContain('trajecten.1.gemeente');
    expect(text).toContain('[INVALID_INPUT]');
    expect(text).not.toContain('Gotham');
    expect((await readVault(path, passphrase, 'SELECT 1')).counts).toEqual(before);
    run = io(passphrase);
    expect(await runKk(['import', '--dir', path, '--file', bad, '--controle', 'ja'], run.io)).toBe(1);
    run = io(passphrase);
    expect(await runKk(['import', '--dir', path, '--file', good, '--controle', 'ja'], run.io)).toBe(0);
    expect(run.lines.join('\n')).toMatch(/Controle geslaagd/);
    expect((await readVault(path, passphrase, 'SELECT 1')).counts).toEqual(before);
  });
});
