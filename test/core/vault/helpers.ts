// Test helpers for the vault: temp folders and generated, clearly test-only passphrases.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chownSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import { KkError, type ErrorCode } from '../../../shared/errors';

/** The repository root (tests run from it). */
export const ROOT = resolve(import.meta.dirname, '../../..');

/** A fresh passphrase for one test: random, long enough for the policy, never a real secret. */
export function testPassphrase(): string {
  return `test only ${randomBytes(9).toString('base64url')} passphrase`;
}

/** A temp folder removed by the returned cleanup. */
export function tempDir(prefix = 'kk-vault-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Awaits a promise that must reject with a KkError of `code`; returns the error. */
export async function expectKkError(promise: Promise<unknown> | (() => unknown), code: ErrorCode): Promise<KkError> {
  let caught: unknown;
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected KkError ${code}`).toBeInstanceOf(KkError);
  expect((caught as KkError).code).toBe(code);
  return caught as KkError;
}

/** Arguments to run a TypeScript file with the pinned Node and tsx as a loader (one process, so SIGKILL hits it). */
export function tsNodeArgs(file: string, args: string[] = []): string[] {
  return ['--import', 'tsx', file, ...args];
}

/**
 * The user the permission tests' child processes run as. Root ignores file modes, so a permission
 * test run as root proves nothing: under root (as in CI) the child runs as `nobody` (65534), otherwise
 * as the current user. Never a reason to skip.
 */
export const CHILD_USER: { uid: number; gid: number } | undefined = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;

/** Makes `path` and everything under it the child user's, as a person's own vault folder is theirs. */
export function giveToChildUser(path: string): void {
  if (!CHILD_USER) return;
  const { uid, gid } = CHILD_USER;
  chownSync(path, uid, gid);
  if (statSync(path).isDirectory()) for (const name of readdirSync(path)) giveToChildUser(join(path, name));
}

/** Runs a TypeScript file in a child process as CHILD_USER; resolves with its output when it exits. */
export function runAsChildUser(
  file: string,
  args: string[],
  env: Record<string, string> = {},
  onSpawn?: (child: ChildProcess) => void,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, tsNodeArgs(file, args), { cwd: ROOT, env: { ...process.env, ...env }, ...CHILD_USER });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (status) => resolveRun({ status, stdout, stderr }));
    onSpawn?.(child);
  });
}

/** The last line of a child's stdout, parsed as JSON (the fixtures print one result line). */
export function lastJson<T = Record<string, unknown>>(stdout: string): T {
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? 'null') as T;
}

/** Every file under `dir` with the SHA-256 of its bytes: proof that nothing was touched. */
export function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    if (statSync(path).isFile()) out[name] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}
