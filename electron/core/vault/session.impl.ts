import type Database from 'better-sqlite3-multiple-ciphers';
import { KkError } from '../../../shared/errors';
import type { EventName, EventPayload } from '../../../shared/ipc/events';
import type { VaultStatus } from '../../../shared/ipc/vault.contract';
import type { Session } from '../session';
import { ownerWriter } from '../changelog/writeContext';
import { profileActor } from '../profile/profile.repo';
import { log } from '../log';
import { cleanRestoreLeftovers } from './leftovers';
import { progressReporter } from '../callProgress';
import {
  backupVaultInSteps,
  changePassphrase,
  checkVault,
  closeVault,
  createVault,
  recoverVault,
  replaceRecoveryKey,
  restoreIntoVaultFolder,
  unlockVault,
  vaultExists,
  type CheckReport,
  type OpenVault,
  type VaultOptions,
} from './vault';

/** Why the vault was locked; the same reasons as the `vault.locked` event. */
export type LockReason = EventPayload<'vault.locked'>['reason'];

/** The vault life cycle behind a session. Operations run one at a time. */
export interface VaultControl {
  status(): VaultStatus;
  create(passphrase: string): Promise<string>;
  unlock(passphrase: string): Promise<void>;
  lock(reason: LockReason): void;
  changePassphrase(current: string, next: string): Promise<void>;
  recover(recoveryKey: string, next: string): Promise<void>;
  check(): CheckReport;
  /** Writes a verified backup of the open vault to `outFile` in steps (the core keeps serving other calls) and records its time. */
  backup(outFile: string): Promise<{ bytes: number; createdAt: string }>;
  /** While locked: restores a backup as a new vault in the vault folder and opens it (see restoreIntoVaultFolder). */
  restore(inFile: string, passphrase: string, opzij: boolean): Promise<{ bewaardAls: string | null }>;
  /** While unlocked: a new recovery key after checking the passphrase; the old one stops working. */
  replaceRecoveryKey(passphrase: string): Promise<string>;
}

/** Options for a session. */
export interface SessionOptions extends VaultOptions {
  vaultDir: string;
  emit?: (name: EventName, payload: unknown) => void;
}

const controls = new WeakMap<Session, VaultControl>();

/** The vault controls of a session made by `createSession`. */
export function vaultControl(session: Session): VaultControl {
  const control = controls.get(session);
  if (!control) throw new KkError('INTERNAL', 'Session has no vault control');
  return control;
}

/**
 * The session every handler receives. It holds at most one open vault; the data key lives only
 * in that vault's Buffer and is zeroed on lock. Vault operations are queued so two unlocks at
 * once cannot race each other for the database lock.
 */
export function createSession(options: SessionOptions): Session {
  const { vaultDir } = options;
  // A restore that a crash interrupted is finished or its folder removed before anything else (issue 13).
  try {
    cleanRestoreLeftovers(vaultDir);
  } catch (error) {
    log.warn('vault.restore_leftovers_not_checked', { code: error instanceof KkError ? error.code : 'unknown' });
  }
  const vaultOptions: VaultOptions = { migrations: options.migrations, cacheKiB: options.cacheKiB };
  let open: OpenVault | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  const session: Session = {
    vaultDir,
    db(): Database.Database {
      if (!open) throw new KkError('VAULT_LOCKED', 'Vault is locked');
      return open.db;
    },
    isLocked: () => open === null,
    emit(name, payload) {
      options.emit?.(name, payload);
    },
    writer(via) {
      const ctx = ownerWriter(via);
      // Once the vault has a profile, the change log records that person instead of "the owner".
      const actor = open ? profileActor(open.db) : null;
      return actor ? { ...ctx, actor } : ctx;
    },
  };

  const requireOpen = (): OpenVault => {
    if (!open) throw new KkError('VAULT_LOCKED', 'Vault is locked');
    return open;
  };

  const control: VaultControl = {
    status: () => ({ exists: vaultExists(vaultDir), locked: open === null }),
    create: (passphrase) =>
      serial(async () => {
        if (open) throw new KkError('VAULT_EXISTS', 'A vault is already open');
        const created = await createVault(vaultDir, passphrase, vaultOptions);
        open = created.vault;
        return created.recoveryKey;
      }),
    unlock: (passphrase) =>
      serial(async () => {
        if (open) return; // already unlocked by this session
        open = await unlockVault(vaultDir, passphrase, vaultOptions);
      }),
    lock(reason) {
      const current = open;
      open = null;
      if (current) closeVault(current);
      session.emit('vault.locked', { reason });
    },
    changePassphrase: (current, next) => serial(() => changePassphrase(vaultDir, current, next)),
    recover: (recoveryKey, next) =>
      serial(async () => {
        if (open) {
          // Recovery reopens the vault from its files, so the open one is closed first; the
          // renderer must hear that, as with any lock, to drop what it showed.
          const reopened = open;
          open = null;
          closeVault(reopened);
          session.emit('vault.locked', { reason: 'user' });
        }
        open = await recoverVault(vaultDir, recoveryKey, next, vaultOptions);
      }),
    check: () => checkVault(requireOpen()),
    // Not queued behind `serial`: a lock must be able to come while a backup runs (it is written from a snapshot).
    backup: (outFile) => {
      // Progress goes to the window and is main's sign that the core is getting on (no time-out while it runs).
      const progress = progressReporter('backup.progress');
      return backupVaultInSteps(requireOpen(), outFile, (p) => progress.report(p, p.klaar === 0 || p.klaar === p.totaal));
    },
    restore: (inFile, passphrase, opzij) =>
      serial(async () => {
        // Only from the locked screens: an open vault is never moved aside under its own feet.
        if (open) throw new KkError('VAULT_EXISTS', 'A vault is open; restore only while locked');
        const restored = await restoreIntoVaultFolder(inFile, vaultDir, passphrase, { opzij }, vaultOptions);
        open = restored.vault;
        return { bewaardAls: restored.bewaardAls };
      }),
    replaceRecoveryKey: (passphrase) =>
      serial(async () => {
        requireOpen();
        return replaceRecoveryKey(vaultDir, passphrase);
      }),
  };
  controls.set(session, control);
  return session;
}
