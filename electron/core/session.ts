import type Database from 'better-sqlite3-multiple-ciphers';
import type { EventName, EventPayload } from '../../shared/ipc/events';
import type { WriteChannel, WriteContext } from './changelog/writeContext';

/**
 * What every core handler receives: the place of the vault, the open database (or a
 * VAULT_LOCKED error), and a way to emit events to the renderer.
 * Implemented by `createSession` in `./vault/session.impl.ts`.
 */
export interface Session {
  /** The folder that holds the vault files. */
  readonly vaultDir: string;
  /** The open database; throws KkError('VAULT_LOCKED') while locked. */
  db(): Database.Database;
  /** True while no database is open. */
  isLocked(): boolean;
  /** Sends an event to whoever hosts the core (renderer via main, or the test bridge). */
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  /**
   * The context of a write, now, by the person using this vault (its profile once there is one,
   * before that its owner), and how it came (by hand unless said otherwise).
   */
  writer(via?: WriteChannel): WriteContext;
}
