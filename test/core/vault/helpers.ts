// Test helpers for the vault: temp folders and generated, clearly test-only passphrases.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
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
