// Keeps secrets given in the environment out of the process that does kk's work.
//
// /proc/<pid>/environ shows the environment block a process was started with; deleting from
// process.env does not change it. So when KK_PASSPHRASE (or another secret) comes from the
// environment, kk starts itself again with an environment without secrets and hands them over
// an inherited pipe (fd 3). The first process then only waits: it never unlocks a vault. Its
// environ still holds the secret (readable by the same user and root) until kk ends; standard
// input avoids even that (README, "The kk command").
import { spawn } from 'node:child_process';
import { Socket } from 'node:net';
import { constants } from 'node:os';
import type { Writable } from 'node:stream';
import { UsageError } from './command';
import { SECRET_NAMES, type GivenSecrets } from './secrets';

/** Set (to the fd number) in the environment of the started kk; not a secret itself. */
const HANDOVER_ENV = 'KK_HANDOVER_FD';
const HANDOVER_FD = 3;
/** Far more than three secrets of at most a few hundred bytes. */
const MAX_HANDOVER_BYTES = 16 * 1024;

/** True in the kk started by `relaunchWithout` (it reads its secrets from fd 3). */
export function isHandedOver(env: NodeJS.ProcessEnv): boolean {
  return env[HANDOVER_ENV] === String(HANDOVER_FD);
}

/** True when this platform lets kk start itself with a pipe on fd 3 (not Windows). */
export function canHandOver(): boolean {
  return process.platform !== 'win32';
}

/**
 * Starts this kk again (same Node, loader flags, script and arguments) with `env`, which must
 * no longer hold the secrets, and writes `given` to its fd 3. Resolves to its exit code.
 */
export function relaunchWithout(given: GivenSecrets, env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    env: { ...env, [HANDOVER_ENV]: String(HANDOVER_FD) },
    stdio: ['inherit', 'inherit', 'inherit', 'pipe'],
  });
  const pipe = child.stdio[HANDOVER_FD] as Writable;
  pipe.on('error', () => undefined); // the child ended before reading: its exit code says why
  pipe.end(JSON.stringify(given));
  // A signal meant for kk (Ctrl-C reaches both; `kill` only this one) goes to the worker too.
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const handlers = signals.map((s) => [s, forward(s)] as const);
  for (const [s, h] of handlers) process.on(s, h);
  return new Promise((resolve) => {
    child.once('error', () => {
      process.stderr.write('kk: could not start the worker process\n');
      resolve(1);
    });
    child.once('exit', (code, signal) => {
      for (const [s, h] of handlers) process.off(s, h);
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}

/** In the started kk: reads the secrets from fd 3 and closes it (so nothing kk starts inherits it). */
export async function receiveHandedSecrets(env: NodeJS.ProcessEnv): Promise<GivenSecrets> {
  delete env[HANDOVER_ENV];
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    const socket = new Socket({ fd: HANDOVER_FD, readable: true, writable: false });
    try {
      for await (const chunk of socket as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > MAX_HANDOVER_BYTES) throw new Error('too long');
        chunks.push(chunk);
      }
    } finally {
      socket.destroy();
    }
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    const given: GivenSecrets = {};
    for (const name of SECRET_NAMES) {
      const value = (parsed as Record<string, unknown>)[name];
      if (typeof value === 'string' && value !== '') given[name] = value;
    }
    return given;
  } catch {
    // Not reached through the launcher; someone set KK_HANDOVER_FD by hand.
    throw new UsageError(`${HANDOVER_ENV} is internal to kk; do not set it`);
  }
}
