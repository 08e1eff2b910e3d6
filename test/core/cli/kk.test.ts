import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKk } from '../../../electron/core/cli/kk';
import { createSecrets, takeSecretsFromEnv } from '../../../electron/core/cli/secrets';
import { messageFor } from '../../../shared/errors';
import { closeVault, createVault } from '../../../electron/core/vault/vault';
import { ROOT, tempDir, testPassphrase, tsNodeArgs } from '../vault/helpers';

const KK = join(ROOT, 'electron/core/cli/kk.ts');
const RECOVERY = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){8}$/m;

let root: string;
let cleanup: () => void;
beforeAll(() => ({ dir: root, cleanup } = tempDir('kk-cli-')));
afterAll(() => cleanup());

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs kk as a user would, with only the given secrets in the environment. */
function kk(args: string[], secrets: Record<string, string> = {}, stdin = ''): Run {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('KK_')) env[k] = v;
  const r = spawnSync(process.execPath, tsNodeArgs(KK, args), { cwd: ROOT, env: { ...env, ...secrets }, input: stdin, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A failure prints exactly one line on stderr. */
function oneLine(run: Run): string {
  const lines = run.stderr.split('\n').filter((l) => l !== '');
  expect(lines, run.stderr).toHaveLength(1);
  return lines[0] ?? '';
}

describe('kk vault init / check', () => {
  const dir = () => join(root, 'v-init');
  const pass = testPassphrase();
  // A vault made here, not by the init test, so each test stands on its own in any order.
  const existing = () => join(root, 'v-existing');
  beforeAll(async () => closeVault((await createVault(existing(), testPassphrase())).vault));

  it('init prints the recovery key once and exits 0; check then exits 0', () => {
    const init = kk(['vault', 'init', '--dir', dir()], { KK_PASSPHRASE: pass });
    expect(init.status).toBe(0);
    // stdout is a pipe here, so kk warns (once, on stderr, without the key) where the key is going.
    expect(oneLine(init)).toMatch(/^kk: let op: de herstelsleutel gaat naar een pijp of bestand/);
    expect(init.stderr).not.toMatch(RECOVERY);
    expect(init.stdout.match(new RegExp(RECOVERY.source, 'gm'))).toHaveLength(1);
    expect(init.stdout).not.toContain(pass);
    const check = kk(['vault', 'check', '--dir', dir()], { KK_PASSPHRASE: pass });
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/^ok: integrity_check ok, schema \d+, \d+ pages$/m);
  });

  it('a wrong passphrase exits 1 with one clear Dutch line, without the passphrase or the path', () => {
    const wrong = testPassphrase();
    const run = kk(['vault', 'check', '--dir', existing()], { KK_PASSPHRASE: wrong });
    expect(run.status).toBe(1);
    const line = oneLine(run);
    expect(line).toBe(`kk: ${messageFor('WRONG_PASSPHRASE')} [WRONG_PASSPHRASE]`);
    expect(run.stderr + run.stdout).not.toContain(wrong);
    expect(run.stderr).not.toContain(root);
  });

  it('init refuses an existing vault with VAULT_EXISTS and a weak passphrase with reasons', () => {
    const again = kk(['vault', 'init', '--dir', existing()], { KK_PASSPHRASE: testPassphrase() });
    expect(again.status).toBe(1);
    expect(oneLine(again)).toContain('[VAULT_EXISTS]');
    const weak = kk(['vault', 'init', '--dir', join(root, 'v-weak')], { KK_PASSPHRASE: 'geheim12' });
    expect(weak.status).toBe(1);
    expect(oneLine(weak)).toMatch(/Gebruik minstens 12 tekens.*\[WEAK_PASSPHRASE\]$/);
    expect(weak.stderr).not.toContain('geheim12');
    expect(existsSync(join(root, 'v-weak', 'ketenkluis.key'))).toBe(false);
  });
});

describe('secrets never come from the command line', () => {
  it.each([['--passphrase', 'x-secret-on-argv-1'], ['--passphrase=x-secret-on-argv-2'], ['--wachtwoord', 'x-secret-on-argv-3'], ['--recovery-key', 'x-secret-on-argv-4']])(
    'refuses %s with exit 2, one line, and creates nothing',
    (...args) => {
      const dir = join(root, 'v-argv');
      const run = kk(['vault', 'init', '--dir', dir, ...args], { KK_PASSPHRASE: testPassphrase() });
      expect(run.status).toBe(2);
      expect(oneLine(run)).toMatch(/never accepted on the command line/);
      expect(run.stderr + run.stdout).not.toMatch(/x-secret-on-argv/);
      expect(existsSync(dir)).toBe(false);
    },
  );

  it('reads the passphrase from standard input when KK_PASSPHRASE is not set', () => {
    const dir = join(root, 'v-stdin');
    const pass = testPassphrase();
    expect(kk(['vault', 'init', '--dir', dir], {}, `${pass}\n`).status).toBe(0);
    expect(kk(['vault', 'check', '--dir', dir], {}, `${pass}\n`).status).toBe(0);
    const none = kk(['vault', 'check', '--dir', dir], {}, '');
    expect(none.status).toBe(2);
    expect(oneLine(none)).toContain('KK_PASSPHRASE');
  });
});

describe('kk vault passwd / recover', () => {
  it('passwd sets a new passphrase (env or stdin); the old one is then refused', () => {
    const dir = join(root, 'v-passwd');
    const [p1, p2, p3] = [testPassphrase(), testPassphrase(), testPassphrase()];
    kk(['vault', 'init', '--dir', dir], { KK_PASSPHRASE: p1 });
    expect(kk(['vault', 'passwd', '--dir', dir], { KK_PASSPHRASE: p1, KK_NEW_PASSPHRASE: p2 }).status).toBe(0);
    expect(kk(['vault', 'check', '--dir', dir], { KK_PASSPHRASE: p1 }).status).toBe(1);
    expect(kk(['vault', 'passwd', '--dir', dir], {}, `${p2}\n${p3}\n`).status).toBe(0);
    expect(kk(['vault', 'check', '--dir', dir], { KK_PASSPHRASE: p3 }).status).toBe(0);
  });

  it('recover takes the recovery key and a new passphrase; a wrong key exits 1 with WRONG_RECOVERY_KEY', () => {
    const dir = join(root, 'v-recover');
    const init = kk(['vault', 'init', '--dir', dir], { KK_PASSPHRASE: testPassphrase() });
    const recoveryKey = RECOVERY.exec(init.stdout)?.[0] ?? '';
    const next = testPassphrase();
    const bad = kk(['vault', 'recover', '--dir', dir], { KK_RECOVERY_KEY: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789-ABCD', KK_NEW_PASSPHRASE: next });
    expect(bad.status).toBe(1);
    expect(oneLine(bad)).toContain('[WRONG_RECOVERY_KEY]');
    expect(kk(['vault', 'recover', '--dir', dir], { KK_RECOVERY_KEY: recoveryKey, KK_NEW_PASSPHRASE: next }).status).toBe(0);
    expect(kk(['vault', 'check', '--dir', dir], { KK_PASSPHRASE: next }).status).toBe(0);
  });
});

describe('kk backup / restore', () => {
  it('backs up and restores into a new folder that opens with the same passphrase', () => {
    const dir = join(root, 'v-backup');
    const out = join(root, 'backup-out', 'v.kkbackup');
    const pass = testPassphrase();
    kk(['vault', 'init', '--dir', dir], { KK_PASSPHRASE: pass });
    const backup = kk(['backup', '--dir', dir, '--out', out], { KK_PASSPHRASE: pass });
    expect(backup.status, backup.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const twice = kk(['backup', '--dir', dir, '--out', out], { KK_PASSPHRASE: pass });
    expect(twice.status).toBe(1);
    expect(oneLine(twice)).toBe(`kk: ${messageFor('BACKUP_EXISTS')} [BACKUP_EXISTS]`);
    const target = join(root, 'v-restored');
    const restore = kk(['restore', '--in', out, '--dir', target], { KK_PASSPHRASE: pass });
    expect(restore.status, restore.stderr).toBe(0);
    expect(kk(['vault', 'check', '--dir', target], { KK_PASSPHRASE: pass }).status).toBe(0);

    const busy = join(root, 'v-busy');
    mkdirSync(busy);
    writeFileSync(join(busy, 'keep.txt'), 'x');
    const refused = kk(['restore', '--in', out, '--dir', busy], { KK_PASSPHRASE: pass });
    expect(refused.status).toBe(1);
    expect(oneLine(refused)).toContain('[VAULT_EXISTS]');
    expect(readdirSync(busy)).toEqual(['keep.txt']);

    writeFileSync(join(root, 'junk.kkbackup'), 'junk');
    const junk = kk(['restore', '--in', join(root, 'junk.kkbackup'), '--dir', join(root, 'v-junk')], { KK_PASSPHRASE: pass });
    expect(junk.status).toBe(1);
    expect(oneLine(junk)).toContain('[BACKUP_INVALID]');
  });
});

describe('kk usage and vault errors', () => {
  it('an unknown command or a missing option exits 2 with one line', () => {
    const unknown = kk(['vault', 'explode', '--dir', root]);
    expect(unknown.status).toBe(2);
    expect(oneLine(unknown)).toContain('unknown command');
    expect(unknown.stderr).not.toContain('explode');
    const missing = kk(['vault', 'check'], { KK_PASSPHRASE: testPassphrase() });
    expect(missing.status).toBe(2);
    expect(oneLine(missing)).toContain('--dir');
    expect(kk([]).status).toBe(2);
    expect(kk(['help']).status).toBe(0);
  });

  it('reports a missing key file and a missing vault by code', () => {
    const dir = join(root, 'v-nokey');
    const pass = testPassphrase();
    kk(['vault', 'init', '--dir', dir], { KK_PASSPHRASE: pass });
    rmSync(join(dir, 'ketenkluis.key'));
    const run = kk(['vault', 'check', '--dir', dir], { KK_PASSPHRASE: pass });
    expect(run.status).toBe(1);
    expect(oneLine(run)).toBe(`kk: ${messageFor('KEYFILE_MISSING')} [KEYFILE_MISSING]`);
    const none = kk(['vault', 'check', '--dir', join(root, 'nothing')], { KK_PASSPHRASE: pass });
    expect(oneLine(none)).toContain('[VAULT_NOT_FOUND]');
  });
});

describe('kk never repeats what was typed, and does not keep secrets around', () => {
  const typedSecret = 'test-only-Geheim-getypt-als-woord';

  it.each([
    ['as a command word', [typedSecret]],
    ['as a second word', ['vault', typedSecret, '--dir', 'x']],
    ['as an unknown option', ['vault', 'check', '--dir', 'x', `--${typedSecret}`, 'v']],
    ['as an option without value', ['vault', 'check', '--dir', 'x', `--${typedSecret}`]],
  ])('a secret typed %s is not echoed on stderr or stdout', (_label, args) => {
    const run = kk(args);
    expect(run.status).toBe(2);
    oneLine(run);
    expect(run.stderr + run.stdout).not.toContain(typedSecret);
    expect((run.stderr + run.stdout).toLowerCase()).not.toContain('geheim-getypt');
  });

  it('does not warn when the recovery key goes to a terminal', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const pass = testPassphrase();
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l), secrets: { get: async () => pass }, outIsTerminal: true };
    expect(await runKk(['vault', 'init', '--dir', join(root, 'v-tty')], io)).toBe(0);
    expect(err).toEqual([]);
    expect(out.join('\n')).toMatch(RECOVERY);
  });

  it('takes every secret out of the environment at once and hands each out once', async () => {
    const env: NodeJS.ProcessEnv = { KK_PASSPHRASE: 'test only env secret value', KK_NEW_PASSPHRASE: '', OTHER: 'kept' };
    const given = takeSecretsFromEnv(env);
    expect(env).toEqual({ OTHER: 'kept' });
    const secrets = createSecrets(given);
    expect(await secrets.get('KK_PASSPHRASE')).toBe('test only env secret value');
    expect(given).toEqual({});
  });

  it('by default clears them from process.env itself', async () => {
    process.env.KK_RECOVERY_KEY = 'test-only-not-a-real-key';
    try {
      expect(await createSecrets().get('KK_RECOVERY_KEY')).toBe('test-only-not-a-real-key');
      expect(process.env.KK_RECOVERY_KEY).toBeUndefined();
    } finally {
      delete process.env.KK_RECOVERY_KEY;
    }
  });
});
