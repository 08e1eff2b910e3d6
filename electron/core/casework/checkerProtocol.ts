import type { MessagePort } from 'node:worker_threads';
import type { Checked } from './importSource';

/** What the checking thread starts with. */
export interface CheckerStart {
  /** The import file, streamed from disk. */
  path: string;
  port: MessagePort;
  /** Three Int32 counters: messages posted by the checker, messages read by the core, and "stop" (set by the core). */
  signal: SharedArrayBuffer;
}

/** Messages from the checking thread, in order: ready, any number of valid batches, then end or failed. */
export type FromChecker =
  | { t: 'ready' }
  /** Records that passed, as JSON of the parsed `Valid` (the schema's output). */
  | { t: 'valid'; items: string[] }
  /** Still checking (sent when records went by but none passed to hand over), so the core can tell a slow file from a dead thread. */
  | { t: 'checking' }
  | { t: 'end'; checked: Checked }
  | { t: 'failed'; kind: string };

/** Index of the "posted" counter in the signal buffer. */
export const POSTED = 0;
/** Index of the "read" counter in the signal buffer. */
export const READ = 1;
/** Index of the "stop" flag: the core has stopped reading (done or failed); the checker ends itself. */
export const STOP = 2;
/** Bytes of the signal buffer (three Int32 counters). */
export const SIGNAL_BYTES = 12;
/** Messages the checker may be ahead of the core before it waits. */
export const CHECKED_AHEAD = 16;
/**
 * A batch of records that passed is sent at this many records or bytes of JSON, whichever comes
 * first. With CHECKED_AHEAD this bounds what waits for the core: 16 × (512 KiB + one record of
 * at most LIMITS.recordBytes) at worst, 16 × 512 KiB with records of normal size.
 */
export const BATCH_RECORDS = 256;
export const BATCH_BYTES = 512 * 1024;
