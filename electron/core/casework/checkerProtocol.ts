import type { MessagePort } from 'node:worker_threads';
import type { Checked } from './importSource';

/** What the checking thread starts with. */
export interface CheckerStart {
  /** The import file, streamed from disk. */
  path: string;
  port: MessagePort;
  /** Two Int32 counters: messages posted by the checker, messages read by the core. */
  signal: SharedArrayBuffer;
}

/** Messages from the checking thread, in order: ready, any number of valid batches, then end or failed. */
export type FromChecker =
  | { t: 'ready' }
  /** Records that passed, as JSON of the parsed `Valid` (the schema's output). */
  | { t: 'valid'; items: string[] }
  | { t: 'end'; checked: Checked }
  | { t: 'failed'; kind: string };

/** Index of the "posted" counter in the signal buffer. */
export const POSTED = 0;
/** Index of the "read" counter in the signal buffer. */
export const READ = 1;
/** Messages the checker may be ahead of the core before it waits (each holds up to 256 records). */
export const CHECKED_AHEAD = 16;
