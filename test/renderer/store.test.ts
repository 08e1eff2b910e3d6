import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, ApiError, type RendererApi } from '../../renderer/platform/api';
import { createAppStore, type AppStore } from '../../renderer/store/appStore';
import { inProcessApi, OTHER_PASSPHRASE, PASSPHRASE, type InProcessApi } from './inProcessApi';

let env: InProcessApi;
let store: AppStore;
let stop: () => void;

beforeEach(async () => {
  env = inProcessApi();
  store = createAppStore(createClient(env.api));
  stop = await store.getState().start();
});
afterEach(() => {
  stop();
  env.dispose();
});

describe('store against a real core', () => {
  it('starts on first run with Dutch settings from the core', () => {
    const s = store.getState();
    expect(s.vaultPhase).toBe('firstRun');
    expect(s.settings).toEqual({ autoLockMinutes: 5, language: 'nl' });
    expect(s.language).toBe('nl');
  });

  it('create → recovery key shown once → confirmed → key wiped from the store', async () => {
    expect(await store.getState().createVault(PASSPHRASE)).toBe(true);
    expect(store.getState().vaultPhase).toBe('recoveryKey');
    expect(store.getState().recoveryKey).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4})+$/);
    store.getState().confirmRecoveryKeyStored();
    expect(store.getState().vaultPhase).toBe('unlocked');
    expect(store.getState().recoveryKey).toBeNull();
    expect(JSON.stringify(store.getState())).not.toMatch(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);
  });

  it('a weak passphrase is refused by the core with WEAK_PASSPHRASE; nothing is created', async () => {
    expect(await store.getState().createVault('kort')).toBe(false);
    const s = store.getState();
    expect(s.vaultPhase).toBe('firstRun');
    expect(s.gate.error?.code).toBe('WEAK_PASSPHRASE');
    expect(await env.core.dispatch('vault.status', {})).toEqual({ ok: true, value: { exists: false, locked: true } });
  });

  it('wrong passphrase: stays locked with WRONG_PASSPHRASE; the third failure sets a wait', async () => {
    await store.getState().createVault(PASSPHRASE);
    store.getState().confirmRecoveryKeyStored();
    await store.getState().lock();
    expect(store.getState().vaultPhase).toBe('locked');
    expect(store.getState().lockReason).toBe('user');

    expect(await store.getState().unlock('test-only fout wachtwoord 1')).toBe(false);
    expect(store.getState().gate.error?.code).toBe('WRONG_PASSPHRASE');
    expect(store.getState().gate.retryUntil).toBeNull();
    expect(store.getState().vaultPhase).toBe('locked');
    await store.getState().unlock('test-only fout wachtwoord 2');
    const before = Date.now();
    await store.getState().unlock('test-only fout wachtwoord 3');
    const { gate } = store.getState();
    expect(gate.error?.code).toBe('WRONG_PASSPHRASE');
    expect(gate.error?.retryAfterSeconds).toBeGreaterThan(0);
    expect(gate.retryUntil).toBeGreaterThanOrEqual(before);
  });

  it('lock drops what the renderer knew: route, passphrase-change state', async () => {
    await store.getState().createVault(PASSPHRASE);
    store.getState().confirmRecoveryKeyStored();
    store.getState().navigate('settings');
    await store.getState().changePassphrase('test-only niet huidig', OTHER_PASSPHRASE);
    expect(store.getState().passphraseChange.error?.code).toBe('WRONG_PASSPHRASE');
    await store.getState().lock();
    const s = store.getState();
    expect(s.route).toBe('trajecten');
    expect(s.passphraseChange.error).toBeNull();
    expect(s.vaultPhase).toBe('locked');
  });

  it('a lock from elsewhere (event) moves the screen to unlock with the reason', async () => {
    await store.getState().createVault(PASSPHRASE);
    store.getState().confirmRecoveryKeyStored();
    // Auto-lock in Electron: the core locks and emits; here the core emits 'vault.locked' on lock.
    store.getState().navigate('audit');
    await env.core.dispatch('vault.lock', {});
    expect(store.getState().vaultPhase).toBe('locked');
    expect(store.getState().lockReason).toBe('user');
    expect(store.getState().route).toBe('trajecten');
  });

  it('change passphrase and recover: success and the wrong-key error', async () => {
    await store.getState().createVault(PASSPHRASE);
    const key = store.getState().recoveryKey!;
    store.getState().confirmRecoveryKeyStored();
    expect(await store.getState().changePassphrase(PASSPHRASE, OTHER_PASSPHRASE)).toBe(true);
    expect(store.getState().passphraseChange.done).toBe(true);
    await store.getState().lock();
    expect(await store.getState().recover('0000-0000-0000-0000-0000-0000-0000-0000-0000', PASSPHRASE)).toBe(false);
    expect(store.getState().gate.error?.code).toBe('WRONG_RECOVERY_KEY');
    expect(await store.getState().recover(key, PASSPHRASE)).toBe(true);
    expect(store.getState().vaultPhase).toBe('unlocked');
  });

  it('settings: while locked only the language may change (nobody at a locked screen can stretch auto-lock)', async () => {
    expect(await store.getState().updateSettings({ autoLockMinutes: 240 })).toBe(false);
    expect(store.getState().settingsError?.code).toBe('VAULT_LOCKED');
    expect(await store.getState().updateSettings({ language: 'en' })).toBe(true);
    expect(store.getState().language).toBe('en');
  });

  it('settings: a valid change is stored; an invalid one is refused and changes nothing', async () => {
    await store.getState().createVault(PASSPHRASE);
    store.getState().confirmRecoveryKeyStored();
    expect(await store.getState().updateSettings({ autoLockMinutes: 30, language: 'en' })).toBe(true);
    expect(store.getState().language).toBe('en');
    expect(await store.getState().updateSettings({ autoLockMinutes: 0 })).toBe(false);
    expect(store.getState().settingsError?.code).toBe('INVALID_INPUT');
    expect(store.getState().settings).toEqual({ autoLockMinutes: 30, language: 'en' });
    const fresh = createAppStore(createClient(env.api));
    await fresh.getState().loadSettings();
    expect(fresh.getState().settings).toEqual({ autoLockMinutes: 30, language: 'en' });
  });
});

describe('store when the host fails', () => {
  it('a transport failure becomes INTERNAL and the unavailable screen, never a crash', async () => {
    const broken = new Proxy({} as RendererApi, {
      get: (_t, prop) => (prop === 'on' ? () => () => undefined : () => Promise.reject(new TypeError('fetch failed'))),
    });
    const s = createAppStore(createClient(broken));
    await s.getState().start();
    expect(s.getState().vaultPhase).toBe('unavailable');
    expect(s.getState().gate.error).toBeInstanceOf(ApiError);
    expect(s.getState().gate.error?.code).toBe('INTERNAL');
    expect(s.getState().language).toBe('nl');
  });
});
