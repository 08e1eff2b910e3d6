import type { StateCreator } from 'zustand';
import type { EventPayload } from '../../shared/ipc/events';
import { toApiError, type ApiClient, type ApiError } from '../platform/api';
import type { AppState } from './appStore';

/** Where the person is in the vault's life cycle; decides which screen shows. */
export type VaultPhase = 'loading' | 'unavailable' | 'firstRun' | 'recoveryKey' | 'locked' | 'unlocked';

/** Why the vault was locked last (shown on the unlock screen). */
export type LockReason = EventPayload<'vault.locked'>['reason'];

/** The result of one vault action, for the screen that started it. */
export interface ActionState {
  busy: boolean;
  error: ApiError | null;
  /** Epoch milliseconds before which a new unlock attempt is refused (slowed unlocks). */
  retryUntil: number | null;
  done: boolean;
}

const idle: ActionState = { busy: false, error: null, retryUntil: null, done: false };

export interface VaultSlice {
  vaultPhase: VaultPhase;
  lockReason: LockReason | null;
  /** Shown once after creation; wiped as soon as the person confirms it is stored. */
  recoveryKey: string | null;
  /** The state of the last create/unlock/recover action (the gate screens). */
  gate: ActionState;
  /** The state of the last passphrase change (settings screen). */
  passphraseChange: ActionState;
  loadStatus(): Promise<void>;
  createVault(passphrase: string): Promise<boolean>;
  confirmRecoveryKeyStored(): void;
  unlock(passphrase: string): Promise<boolean>;
  recover(recoveryKey: string, next: string): Promise<boolean>;
  lock(): Promise<void>;
  changePassphrase(current: string, next: string): Promise<boolean>;
  resetGate(): void;
  resetPassphraseChange(): void;
  /** Drops everything the renderer learnt while unlocked (event 'vault.locked' or our own lock). */
  onLocked(reason: LockReason): void;
}

function failed(error: unknown, now: number): ActionState {
  const apiError = toApiError(error);
  const retryUntil = apiError.retryAfterSeconds ? now + apiError.retryAfterSeconds * 1000 : null;
  return { busy: false, error: apiError, retryUntil, done: false };
}

/** Vault life cycle: status, create, unlock, recover, lock, change passphrase. */
export function createVaultSlice(api: ApiClient, now: () => number = Date.now): StateCreator<AppState, [], [], VaultSlice> {
  return (set, get) => ({
    vaultPhase: 'loading',
    lockReason: null,
    recoveryKey: null,
    gate: idle,
    passphraseChange: idle,

    async loadStatus() {
      try {
        const status = await api.call('vault.status', {});
        set({ vaultPhase: !status.exists ? 'firstRun' : status.locked ? 'locked' : 'unlocked' });
      } catch (error) {
        set({ vaultPhase: 'unavailable', gate: failed(error, now()) });
      }
    },

    async createVault(passphrase) {
      set({ gate: { ...idle, busy: true } });
      try {
        const { recoveryKey } = await api.call('vault.create', { passphrase });
        set({ gate: { ...idle, done: true }, recoveryKey, vaultPhase: 'recoveryKey' });
        return true;
      } catch (error) {
        set({ gate: failed(error, now()) });
        return false;
      }
    },

    confirmRecoveryKeyStored() {
      set({ recoveryKey: null, vaultPhase: 'unlocked', gate: idle });
    },

    async unlock(passphrase) {
      set({ gate: { ...idle, busy: true } });
      try {
        await api.call('vault.unlock', { passphrase });
        set({ gate: idle, vaultPhase: 'unlocked', lockReason: null });
        return true;
      } catch (error) {
        set({ gate: failed(error, now()) });
        return false;
      }
    },

    async recover(recoveryKey, next) {
      set({ gate: { ...idle, busy: true } });
      try {
        await api.call('vault.recover', { recoveryKey, next });
        set({ gate: { ...idle, done: true }, vaultPhase: 'unlocked', lockReason: null });
        return true;
      } catch (error) {
        set({ gate: failed(error, now()) });
        return false;
      }
    },

    async lock() {
      try {
        await api.call('vault.lock', {});
      } finally {
        // Even when the call fails the screen must not keep showing vault content.
        get().onLocked('user');
      }
    },

    async changePassphrase(current, next) {
      set({ passphraseChange: { ...idle, busy: true } });
      try {
        await api.call('vault.changePassphrase', { current, next });
        set({ passphraseChange: { ...idle, done: true } });
        return true;
      } catch (error) {
        set({ passphraseChange: failed(error, now()) });
        return false;
      }
    },

    resetGate() {
      set({ gate: idle });
    },
    resetPassphraseChange() {
      set({ passphraseChange: idle });
    },

    onLocked(reason) {
      if (get().vaultPhase === 'firstRun') return;
      set({ vaultPhase: 'locked', lockReason: reason, recoveryKey: null, gate: idle, passphraseChange: idle });
      get().resetUi();
    },
  });
}
