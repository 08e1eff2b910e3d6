import type { PowerMonitor } from 'electron';
import type { CoreOutput } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/define';
import type { EventPayload } from '../../shared/ipc/events';
import { log } from '../gateway/mainLog';

/** Why the vault was locked by main (the 'vault.locked' event carries it). */
export type LockReason = Exclude<EventPayload<'vault.locked'>['reason'], 'user'>;

/** The auto-lock time when the settings cannot be read (the product default). */
export const DEFAULT_AUTO_LOCK_MINUTES = 5;
/** How often the idle time is checked; the lock comes at most this much late. */
export const DEFAULT_POLL_MS = 15_000;

/** What the auto-lock timer needs; all injectable so it runs under fake timers. */
export interface AutoLockDependencies {
  /** `powerMonitor.getSystemIdleTime()`: seconds without keyboard or mouse input. */
  idleSeconds(): number;
  /** The person's setting (from 'settings.get'). */
  autoLockMinutes(): Promise<number>;
  /** Locks the vault and drops the renderer's memory. */
  lock(reason: LockReason): Promise<void>;
  pollMs?: number;
}

/** The running auto-lock. */
export interface AutoLock {
  start(): void;
  stop(): void;
  /** One idle check (the timer calls it; exposed for tests). */
  check(): Promise<void>;
  /** Power events: lock at once. */
  onSuspend(): Promise<void>;
  onLockScreen(): Promise<void>;
  onShutdown(): Promise<void>;
}

/**
 * Locks after the person has been idle for their auto-lock time, once per idle period (it
 * does not lock again and again while the machine stays idle), and at once on suspend, screen
 * lock or shutdown.
 */
export function createAutoLock(deps: AutoLockDependencies): AutoLock {
  const pollMs = deps.pollMs ?? DEFAULT_POLL_MS;
  let timer: ReturnType<typeof setInterval> | null = null;
  let lockedThisIdlePeriod = false;
  let checking = false;

  const lock = async (reason: LockReason): Promise<void> => {
    try {
      await deps.lock(reason);
    } catch {
      log.error('autolock.lock_failed', { reason });
    }
  };

  const minutes = async (): Promise<number> => {
    try {
      const value = await deps.autoLockMinutes();
      return Number.isFinite(value) && value > 0 ? value : DEFAULT_AUTO_LOCK_MINUTES;
    } catch {
      return DEFAULT_AUTO_LOCK_MINUTES;
    }
  };

  const check = async (): Promise<void> => {
    if (checking) return;
    checking = true;
    try {
      const threshold = (await minutes()) * 60;
      if (deps.idleSeconds() < threshold) {
        lockedThisIdlePeriod = false;
        return;
      }
      if (lockedThisIdlePeriod) return;
      lockedThisIdlePeriod = true;
      await lock('idle');
    } finally {
      checking = false;
    }
  };

  return {
    start() {
      if (timer !== null) return;
      timer = setInterval(() => void check(), pollMs);
    },
    stop() {
      if (timer !== null) clearInterval(timer);
      timer = null;
    },
    check,
    onSuspend: () => lock('suspend'),
    onLockScreen: () => lock('screen-lock'),
    onShutdown: () => lock('shutdown'),
  };
}

/** Connects the power events to the auto-lock; returns a function that disconnects them. */
export function wirePowerMonitor(powerMonitor: Pick<PowerMonitor, 'on' | 'removeListener'>, autoLock: AutoLock): () => void {
  const suspend = () => void autoLock.onSuspend();
  const lockScreen = () => void autoLock.onLockScreen();
  const shutdown = () => void autoLock.onShutdown();
  powerMonitor.on('suspend', suspend);
  powerMonitor.on('lock-screen', lockScreen);
  powerMonitor.on('shutdown', shutdown);
  return () => {
    powerMonitor.removeListener('suspend', suspend);
    powerMonitor.removeListener('lock-screen', lockScreen);
    powerMonitor.removeListener('shutdown', shutdown);
  };
}

/** What locking needs from the rest of main. */
export interface VaultLockerDependencies {
  /** The core's 'vault.status'. */
  vaultStatus(): Promise<Result<CoreOutput<'vault.status'>>>;
  /** The core's 'vault.lock': it answers once the core process was replaced (coreSupervisor.ts). */
  lockVault(): Promise<Result<CoreOutput<'vault.lock'>>>;
  /** Loads the app page again (resolves when loaded), so nothing of the session stays in the renderer. */
  reloadWindow(): Promise<void>;
  emitLocked(reason: LockReason): void;
}

/**
 * Locks the vault, reloads the renderer and then tells it why. Does nothing when the vault is
 * already locked (no reload under someone typing their passphrase). Locks run one at a time.
 */
export function createVaultLocker(deps: VaultLockerDependencies): (reason: LockReason) => Promise<void> {
  let queue: Promise<void> = Promise.resolve();
  const lockOnce = async (reason: LockReason): Promise<void> => {
    const status = await deps.vaultStatus();
    if (status.ok && status.value.locked) return;
    const locked = await deps.lockVault();
    if (!locked.ok) log.error('autolock.core_lock_failed', { code: locked.error.code });
    // Reload even when the core answered badly: the page must not keep showing data.
    await deps.reloadWindow();
    deps.emitLocked(reason);
    log.info('autolock.locked', { reason });
  };
  return (reason) => {
    queue = queue.then(() => lockOnce(reason)).catch(() => log.error('autolock.failed', { reason }));
    return queue;
  };
}
