import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/core/core';
import { vaultControl } from '../../../electron/core/vault/session.impl';
import { tempDir, testPassphrase } from './helpers';

let dir: string;
let cleanup: () => void;
let core: Core;
let events: Array<{ name: string; payload: unknown }>;

beforeEach(() => {
  ({ dir, cleanup } = tempDir('kk-core-'));
  events = [];
  core = createCore({ vaultDir: join(dir, 'vault'), emit: (name, payload) => events.push({ name, payload }) });
});
afterEach(() => {
  core.close();
  cleanup();
});

describe('core dispatch over the vault handlers', () => {
  it('goes through status → create → lock → unlock, with results as data', async () => {
    expect(await core.dispatch('vault.status', {})).toEqual({ ok: true, value: { exists: false, locked: true } });
    const pass = testPassphrase();
    const created = await core.dispatch('vault.create', { passphrase: pass });
    expect(created.ok).toBe(true);
    expect(created.ok && (created.value as { recoveryKey: string }).recoveryKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){8}$/);
    expect(await core.dispatch('vault.status', {})).toEqual({ ok: true, value: { exists: true, locked: false } });
    core.session.db().exec("CREATE TABLE note (t TEXT); INSERT INTO note VALUES ('kept')");

    expect(await core.dispatch('vault.lock', {})).toEqual({ ok: true, value: {} });
    expect(events).toEqual([{ name: 'vault.locked', payload: { reason: 'user' } }]);
    expect(core.session.isLocked()).toBe(true);
    expect(() => core.session.db()).toThrow(expect.objectContaining({ code: 'VAULT_LOCKED' }));

    const wrong = await core.dispatch('vault.unlock', { passphrase: testPassphrase() });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(JSON.stringify(wrong)).not.toContain(pass);
    expect(await core.dispatch('vault.unlock', { passphrase: pass })).toEqual({ ok: true, value: {} });
    expect(core.session.db().prepare('SELECT t FROM note').get()).toEqual({ t: 'kept' });
  });

  it('refuses bad input with INVALID_INPUT, naming the field but never echoing the value', async () => {
    const r = await core.dispatch('vault.create', { passphrase: 12345, extra: 'x' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const weak = await core.dispatch('vault.create', { passphrase: 'abcdefgh' });
    expect(weak).toMatchObject({ ok: false, error: { code: 'WEAK_PASSPHRASE', issues: expect.arrayContaining([{ path: 'passphrase', message: 'too_short' }]) } });
    expect(JSON.stringify(weak)).not.toContain('abcdefgh');
    expect(await core.dispatch('vault.status', {})).toEqual({ ok: true, value: { exists: false, locked: true } });
  });

  it('changes the passphrase and recovers through the contract', async () => {
    const first = testPassphrase();
    const created = await core.dispatch('vault.create', { passphrase: first });
    const recoveryKey = created.ok ? (created.value as { recoveryKey: string }).recoveryKey : '';
    const second = testPassphrase();
    expect(await core.dispatch('vault.changePassphrase', { current: first, next: second })).toEqual({ ok: true, value: {} });
    await core.dispatch('vault.lock', {});
    expect(await core.dispatch('vault.unlock', { passphrase: first })).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    const third = testPassphrase();
    expect(await core.dispatch('vault.recover', { recoveryKey: 'AAAA-BBBB', next: third })).toMatchObject({ ok: false, error: { code: 'WRONG_RECOVERY_KEY' } });
    expect(await core.dispatch('vault.recover', { recoveryKey, next: third })).toEqual({ ok: true, value: {} });
    expect(core.session.isLocked()).toBe(false);
    await core.dispatch('vault.lock', {});
    expect(await core.dispatch('vault.unlock', { passphrase: third })).toEqual({ ok: true, value: {} });
  });

  it('recovery while unlocked tells the renderer the open vault was closed (vault.locked)', async () => {
    const created = await core.dispatch('vault.create', { passphrase: testPassphrase() });
    const recoveryKey = created.ok ? (created.value as { recoveryKey: string }).recoveryKey : '';
    const before = core.session.db();
    events.length = 0;
    expect(await core.dispatch('vault.recover', { recoveryKey, next: testPassphrase() })).toEqual({ ok: true, value: {} });
    expect(before.open).toBe(false);
    expect(events).toEqual([{ name: 'vault.locked', payload: { reason: 'user' } }]);
    expect(core.session.isLocked()).toBe(false);
  });

  it('an attempt during the wait is TOO_MANY_ATTEMPTS with retryAfterSeconds, and not tried', async () => {
    const pass = testPassphrase();
    await core.dispatch('vault.create', { passphrase: pass });
    await core.dispatch('vault.lock', {});
    await core.dispatch('vault.unlock', { passphrase: testPassphrase() });
    await core.dispatch('vault.unlock', { passphrase: testPassphrase() });
    const third = await core.dispatch('vault.unlock', { passphrase: testPassphrase() });
    expect(third).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE', retryAfterSeconds: 1 } });
    const paused = await core.dispatch('vault.unlock', { passphrase: pass });
    expect(paused).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 1 } });
    const pausedRecover = await core.dispatch('vault.recover', { recoveryKey: 'AAAA-BBBB', next: testPassphrase() });
    expect(pausedRecover).toMatchObject({ ok: false, error: { code: 'TOO_MANY_ATTEMPTS' } });
    await new Promise((r) => setTimeout(r, 1100));
    expect(await core.dispatch('vault.unlock', { passphrase: pass })).toEqual({ ok: true, value: {} });
  });

  it('two unlocks at once both succeed (queued), instead of racing for the lock', async () => {
    const pass = testPassphrase();
    await core.dispatch('vault.create', { passphrase: pass });
    await core.dispatch('vault.lock', {});
    const results = await Promise.all([core.dispatch('vault.unlock', { passphrase: pass }), core.dispatch('vault.unlock', { passphrase: pass })]);
    expect(results).toEqual([{ ok: true, value: {} }, { ok: true, value: {} }]);
  });

  it('lock by another reason (idle) closes the database and says why', async () => {
    await core.dispatch('vault.create', { passphrase: testPassphrase() });
    const control = vaultControl(core.session);
    const db = core.session.db();
    control.lock('idle');
    expect(db.open).toBe(false);
    expect(events.at(-1)).toEqual({ name: 'vault.locked', payload: { reason: 'idle' } });
  });
});

describe('idle checkpoint', () => {
  it('moves committed pages from the WAL into the main file once the core is quiet', async () => {
    await core.dispatch('vault.create', { passphrase: testPassphrase() });
    const db = core.session.db();
    db.exec('CREATE TABLE blob_store (b BLOB)');
    const insert = db.prepare('INSERT INTO blob_store VALUES (randomblob(4000))');
    db.transaction(() => {
      for (let i = 0; i < 500; i++) insert.run();
    })();
    const mainFile = join(dir, 'vault', 'ketenkluis.db');
    const before = statSync(mainFile).size;
    await core.dispatch('vault.status', {});
    expect(statSync(mainFile).size).toBe(before); // not inside the call
    await new Promise((r) => setTimeout(r, 2600));
    expect(statSync(mainFile).size).toBeGreaterThan(before + 1_000_000);
    expect(db.prepare('SELECT count(*) AS n FROM blob_store').get()).toEqual({ n: 500 });
  });
});

describe('settings', () => {
  it('has defaults while locked and without a vault, persists changes, and emits settings.changed', async () => {
    expect(await core.dispatch('settings.get', {})).toEqual({ ok: true, value: { autoLockMinutes: 5, language: 'nl' } });
    await core.dispatch('vault.create', { passphrase: testPassphrase() });
    events.length = 0;
    expect(await core.dispatch('settings.update', { autoLockMinutes: 15 })).toEqual({ ok: true, value: { autoLockMinutes: 15, language: 'nl' } });
    expect(events).toEqual([{ name: 'settings.changed', payload: {} }]);
    const reopened = createCore({ vaultDir: join(dir, 'vault') });
    expect(await reopened.dispatch('settings.get', {})).toEqual({ ok: true, value: { autoLockMinutes: 15, language: 'nl' } });
    expect(await core.dispatch('settings.update', { autoLockMinutes: 0 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await core.dispatch('settings.update', { language: 'de' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('while locked: settings can be read and the language changed, but not the auto-lock time', async () => {
    await core.dispatch('vault.create', { passphrase: testPassphrase() });
    await core.dispatch('vault.lock', {});
    events.length = 0;
    expect(await core.dispatch('settings.get', {})).toEqual({ ok: true, value: { autoLockMinutes: 5, language: 'nl' } });
    expect(await core.dispatch('settings.update', { autoLockMinutes: 240 })).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect(await core.dispatch('settings.update', { language: 'en', autoLockMinutes: 1 })).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
    expect(await core.dispatch('settings.get', {})).toEqual({ ok: true, value: { autoLockMinutes: 5, language: 'nl' } });
    expect(events).toEqual([]);
    expect(await core.dispatch('settings.update', { language: 'en' })).toEqual({ ok: true, value: { autoLockMinutes: 5, language: 'en' } });
    // Sending the unchanged value along (a whole settings object) is not a change.
    expect(await core.dispatch('settings.update', { language: 'nl', autoLockMinutes: 5 })).toEqual({ ok: true, value: { autoLockMinutes: 5, language: 'nl' } });
    // Without any vault yet (first run) the same rule holds: nothing to protect is no reason to allow it later.
    const fresh = createCore({ vaultDir: join(dir, 'no-vault-yet') });
    expect(await fresh.dispatch('settings.update', { autoLockMinutes: 240 })).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });
  });

  it('falls back to defaults for a damaged settings file, field by field', async () => {
    await core.dispatch('settings.update', { language: 'en' });
    const path = join(dir, 'vault', 'settings.json');
    writeFileSync(path, '{"language":"en","autoLockMinutes":"soon"}');
    expect(await core.dispatch('settings.get', {})).toEqual({ ok: true, value: { autoLockMinutes: 5, language: 'en' } });
    writeFileSync(path, 'not json');
    expect(await core.dispatch('settings.get', {})).toEqual({ ok: true, value: { autoLockMinutes: 5, language: 'nl' } });
    expect(readFileSync(path, 'utf8')).toBe('not json');
  });
});
