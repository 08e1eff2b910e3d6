import Database from 'better-sqlite3-multiple-ciphers';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KkError } from '../../../shared/errors';
import { toKkError } from '../../../electron/core/vault/errorMapping';
import { tempDir } from './helpers';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
}

describe('errors from the disk and SQLite get stable codes, without paths', () => {
  it('maps a real ENOSPC (writing to /dev/full) to DISK_FULL', () => {
    const error = toKkError(thrown(() => writeFileSync('/dev/full', 'x'.repeat(10_000))), 'write');
    expect(error.code).toBe('DISK_FULL');
    expect(error.message).toBe('write: ENOSPC');
  });

  it('maps a real SQLITE_READONLY to READ_ONLY', () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, 'ro.db');
      new Database(path).exec('CREATE TABLE t (x)');
      const ro = new Database(path, { readonly: true });
      const error = toKkError(thrown(() => ro.exec('INSERT INTO t VALUES (1)')), 'write');
      ro.close();
      expect(error.code).toBe('READ_ONLY');
      expect(error.message).not.toContain(dir);
    } finally {
      cleanup();
    }
  });

  it.each([
    ['SQLITE_FULL', 'DISK_FULL'],
    ['EDQUOT', 'DISK_FULL'],
    ['EACCES', 'READ_ONLY'],
    ['EROFS', 'READ_ONLY'],
    ['SQLITE_BUSY', 'VAULT_IN_USE'],
    ['SQLITE_CORRUPT_INDEX', 'DB_CORRUPT'],
    ['SQLITE_NOTADB', 'DB_CORRUPT'],
    ['EWHATEVER', 'INTERNAL'],
  ])('maps %s to %s', (code, expected) => {
    const error = Object.assign(new Error(`failure at /home/Jan de Vries/vault: ${code}`), { code });
    const mapped = toKkError(error, 'op');
    expect(mapped.code).toBe(expected);
    expect(mapped.message).not.toContain('Jan');
  });

  it('passes KkErrors through unchanged', () => {
    const original = new KkError('WRONG_PASSPHRASE');
    expect(toKkError(original, 'x')).toBe(original);
  });
});
