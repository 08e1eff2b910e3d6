import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generateRecoveryKey } from '../../../electron/core/vault/recoveryKey';
import { expectKkError, tempDir } from './helpers';

// Every Buffer that decipher.update()/final() hands out, to check none keeps a copy of the key.
const plaintextPieces = vi.hoisted(() => [] as Buffer[]);
vi.mock('node:crypto', async (importOriginal) => {
  const crypto = await importOriginal<typeof import('node:crypto')>();
  const createDecipheriv = ((...args: Parameters<typeof crypto.createDecipheriv>) => {
    const decipher = crypto.createDecipheriv(...args);
    const update = decipher.update.bind(decipher) as (data: Buffer) => Buffer;
    const final = decipher.final.bind(decipher) as () => Buffer;
    Object.assign(decipher, {
      update: (data: Buffer) => {
        const out = update(data);
        plaintextPieces.push(out);
        return out;
      },
      final: () => {
        const out = final();
        plaintextPieces.push(out);
        return out;
      },
    });
    return decipher;
  }) as typeof crypto.createDecipheriv;
  return { ...crypto, default: { ...crypto, createDecipheriv }, createDecipheriv };
});

const { keyFileChecksum, newKeyFile, readKeyFile, unwrapWithRecoveryKey, writeKeyFile } = await import('../../../electron/core/vault/keyFile');

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir('kk-keyfile-'));
  plaintextPieces.length = 0;
});
afterEach(() => cleanup());

/** A real key file for a synthetic data key, written to disk, and the raw JSON to tamper with. */
async function keyFileOnDisk() {
  const dataKey = randomBytes(32);
  const recovery = generateRecoveryKey();
  const keyFile = await newKeyFile(dataKey, 'test only key file passphrase 1234', recovery.bytes);
  const path = join(dir, 'ketenkluis.key');
  writeKeyFile(path, keyFile);
  return { dataKey, recovery, keyFile, path, json: () => JSON.parse(readFileSync(path, 'utf8')) as Record<string, Record<string, unknown>> };
}

describe('key file', () => {
  it('unwrapping leaves exactly one copy of the data key: every piece decipher returned is zeroed', async () => {
    const { dataKey, recovery, keyFile } = await keyFileOnDisk();
    plaintextPieces.length = 0;
    const key = unwrapWithRecoveryKey(keyFile, recovery.bytes);
    expect(key.equals(dataKey)).toBe(true);
    expect(plaintextPieces.length).toBeGreaterThan(0);
    for (const piece of plaintextPieces) expect(piece.every((b) => b === 0)).toBe(true);
    // The key is a Buffer of its own, not a view into Node's shared pool beside other data.
    expect(key.buffer.byteLength).toBe(32);
  });

  it.each([
    ['a short passphrase salt', (j: Record<string, Record<string, unknown>>) => (j.passphrase!.salt = randomBytes(8).toString('base64'))],
    ['an empty passphrase salt', (j: Record<string, Record<string, unknown>>) => (j.passphrase!.salt = '')],
    ['a long recovery salt', (j: Record<string, Record<string, unknown>>) => (j.recovery!.salt = randomBytes(32).toString('base64'))],
    ['2 GiB of Argon2 memory', (j: Record<string, Record<string, unknown>>) => (j.passphrase!.memoryKiB = 2 * 1024 * 1024)],
    ['64 Argon2 lanes', (j: Record<string, Record<string, unknown>>) => (j.passphrase!.parallelism = 64)],
    ['50 Argon2 passes', (j: Record<string, Record<string, unknown>>) => (j.passphrase!.passes = 50)],
  ])('refuses a key file with %s as KEYFILE_DAMAGED, before any key derivation', async (_label, tamper) => {
    const { path, json } = await keyFileOnDisk();
    const tampered = json();
    tamper(tampered);
    writeFileSync(path, JSON.stringify(tampered));
    await expectKkError(() => readKeyFile(path), 'KEYFILE_DAMAGED');
  });

  it('accepts the costliest parameters within the caps (1 GiB, 10 passes, 16 lanes)', async () => {
    const { path, json } = await keyFileOnDisk();
    const edge = json();
    Object.assign(edge.passphrase!, { memoryKiB: 1024 * 1024, passes: 10, parallelism: 16 });
    edge.checksum = keyFileChecksum(edge as never) as never; // an honest file with these parameters
    writeFileSync(path, JSON.stringify(edge));
    expect(readKeyFile(path).passphrase).toMatchObject({ memoryKiB: 1024 * 1024, passes: 10, parallelism: 16 });
  });
});
