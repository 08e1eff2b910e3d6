import { argon2, createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { KkError } from '../../../shared/errors';
import { normalizePassphrase } from '../../../shared/vault/passphrasePolicy';
import { ARGON2_DEFAULTS, ARGON2_MAXIMUM, ARGON2_MINIMUM } from './constants';
import { toKkError } from './errorMapping';
import { createFileExclusive, pathKind, writeFileAtomic } from './safeFs';

/**
 * Bumped when the key file layout changes; older versions stay readable. Version 2 added
 * `checksum`; a version 1 file is rewritten as version 2 on its next successful unlock.
 */
export const KEY_FILE_VERSION = 2;
/** The version inside the wraps' additional data. Fixed at 1: changing it would orphan every existing wrap. */
const WRAP_AAD_VERSION = 1;
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
/** Salt size written by this code; a key file with any other size was not made by Ketenkluis. */
const SALT_BYTES = 16;
const salt16 = b64.refine((s) => Buffer.from(s, 'base64').length === SALT_BYTES, 'salt must be 16 bytes');

const Wrap = z.object({ iv: b64, ciphertext: b64, tag: b64 }).strict();

/** The key file: only public parameters and wrapped (encrypted) copies of the data key. */
const KeyFileFields = z
  .object({
    format: z.literal('ketenkluis-key'),
    version: z.union([z.literal(1), z.literal(KEY_FILE_VERSION)]),
    vaultId: z.string().uuid(),
    createdAt: z.string(),
    database: z.object({ cipher: z.literal('sqlcipher'), legacy: z.literal(4) }).strict(),
    passphrase: z
      .object({
        kdf: z.literal('argon2id'),
        // Caps as well as floors: a tampered key file must not make an unlock allocate gigabytes
        // or spin for minutes (a denial of service at the door).
        memoryKiB: z.number().int().min(ARGON2_MINIMUM.memoryKiB).max(ARGON2_MAXIMUM.memoryKiB),
        passes: z.number().int().min(ARGON2_MINIMUM.passes).max(ARGON2_MAXIMUM.passes),
        parallelism: z.number().int().min(ARGON2_MINIMUM.parallelism).max(ARGON2_MAXIMUM.parallelism),
        salt: salt16,
        wrap: Wrap,
      })
      .strict(),
    recovery: z.object({ kdf: z.literal('hkdf-sha256'), salt: salt16, wrap: Wrap }).strict(),
    /** SHA-256 (hex) over every other field, from version 2 on: see `keyFileChecksum`. */
    checksum: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  })
  .strict();
export const KeyFile = KeyFileFields.refine((k) => (k.version === 1) === (k.checksum === undefined), 'checksum belongs to version 2');
/** The key file's parsed form. */
export type KeyFile = z.infer<typeof KeyFile>;

/**
 * SHA-256 over the canonical form of the key file: every field but the checksum, in a fixed order.
 * AES-GCM cannot tell a wrong passphrase from a damaged wrap (both fail the tag), so without this a
 * flipped byte on disk would be counted, and slowed, as a wrong passphrase. It detects damage, not
 * an attacker: whoever can write the key file can also recompute the sum.
 */
export function keyFileChecksum(k: KeyFile): string {
  const p = k.passphrase;
  const r = k.recovery;
  const canonical = JSON.stringify([
    'ketenkluis-key-checksum/2',
    k.format,
    k.vaultId,
    k.createdAt,
    k.database.cipher,
    k.database.legacy,
    [p.kdf, p.memoryKiB, p.passes, p.parallelism, p.salt, p.wrap.iv, p.wrap.ciphertext, p.wrap.tag],
    [r.kdf, r.salt, r.wrap.iv, r.wrap.ciphertext, r.wrap.tag],
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** Reads and validates the key file; KEYFILE_MISSING or KEYFILE_DAMAGED otherwise. */
export function readKeyFile(path: string): KeyFile {
  const kind = pathKind(path);
  if (kind === 'absent') throw new KkError('KEYFILE_MISSING', 'Key file not found');
  if (kind !== 'file') throw new KkError('VAULT_PATH_INVALID', 'Key file path is not a file');
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    throw toKkError(error, 'read key file');
  }
  return parseKeyFile(raw);
}

/**
 * Parses and checks a key file's text (from disk, or from inside a backup before anything is
 * laid out); KEYFILE_DAMAGED when it is not a valid key file.
 */
export function parseKeyFile(raw: string): KeyFile {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new KkError('KEYFILE_DAMAGED', 'Key file is not valid JSON');
  }
  const parsed = KeyFile.safeParse(json);
  if (!parsed.success) throw new KkError('KEYFILE_DAMAGED', 'Key file does not match its format');
  const { checksum } = parsed.data;
  // Checked before any key derivation, so damage is never counted as a wrong passphrase.
  if (checksum !== undefined && !timingSafeEqual(Buffer.from(checksum, 'hex'), Buffer.from(keyFileChecksum(parsed.data), 'hex'))) {
    throw new KkError('KEYFILE_DAMAGED', 'Key file checksum does not match');
  }
  return parsed.data;
}

/** The key file's text in the current version, with its checksum. */
function keyFileText(keyFile: KeyFile): string {
  const current: KeyFile = { ...keyFile, version: KEY_FILE_VERSION, checksum: undefined };
  return `${JSON.stringify(KeyFile.parse({ ...current, checksum: keyFileChecksum(current) }), null, 2)}\n`;
}

/** Replaces the key file atomically (new passphrase, upgrade); the temp file holds the same wrapped keys, nothing more. */
export function writeKeyFile(path: string, keyFile: KeyFile): void {
  writeFileAtomic(path, keyFileText(keyFile));
}

/** Writes the key file of a new vault, never over an existing one; false (nothing written) when one exists. */
export function createKeyFile(path: string, keyFile: KeyFile): boolean {
  return createFileExclusive(path, keyFileText(keyFile));
}

/** Argon2id over the (NFC-normalised) passphrase; the caller zeroes the result. */
export function derivePassphraseKey(
  passphrase: string,
  salt: Buffer,
  params: { memoryKiB: number; passes: number; parallelism: number },
): Promise<Buffer> {
  const message = Buffer.from(normalizePassphrase(passphrase), 'utf8');
  return new Promise((resolve, reject) => {
    argon2(
      'argon2id',
      { message, nonce: salt, parallelism: params.parallelism, tagLength: KEY_BYTES, memory: params.memoryKiB, passes: params.passes },
      (error, key) => {
        message.fill(0);
        if (error) reject(new KkError('INTERNAL', 'Key derivation failed', { cause: error }));
        else resolve(key);
      },
    );
  });
}

function recoveryWrapKey(recoveryKey: Buffer, salt: Buffer): Buffer {
  // The recovery key is 160 random bits: a fast KDF is enough, a slow one would add nothing.
  return Buffer.from(hkdfSync('sha256', recoveryKey, salt, 'ketenkluis recovery wrap v1', KEY_BYTES));
}

/** Additional data binds a wrap to its vault and purpose, so wraps cannot be swapped between files. */
function aad(vaultId: string, purpose: 'passphrase' | 'recovery'): Buffer {
  return Buffer.from(`ketenkluis-key/${WRAP_AAD_VERSION}/${vaultId}/${purpose}`, 'utf8');
}

function wrap(dataKey: Buffer, wrappingKey: Buffer, additional: Buffer): z.infer<typeof Wrap> {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additional);
  const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return { iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
}

/** Returns the data key, or null when the wrapping key is wrong (the GCM tag does not verify). */
function unwrap(w: z.infer<typeof Wrap>, wrappingKey: Buffer, additional: Buffer): Buffer | null {
  const iv = Buffer.from(w.iv, 'base64');
  const tag = Buffer.from(w.tag, 'base64');
  const ciphertext = Buffer.from(w.ciphertext, 'base64');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES || ciphertext.length !== KEY_BYTES) {
    throw new KkError('KEYFILE_DAMAGED', 'Wrapped key has the wrong size');
  }
  let body: Buffer | undefined;
  let tail: Buffer | undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', wrappingKey, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(additional);
    decipher.setAuthTag(tag);
    body = decipher.update(ciphertext);
    tail = decipher.final();
    if (body.length + tail.length !== KEY_BYTES) return null;
    // One Buffer of its own for the key (Buffer.concat would use Node's shared pool); the
    // pieces decipher returned are zeroed below, so this is the only copy left.
    const key = Buffer.alloc(KEY_BYTES);
    body.copy(key, 0);
    tail.copy(key, body.length);
    return key;
  } catch {
    return null;
  } finally {
    // The unverified (or copied) plaintext must not linger either.
    body?.fill(0);
    tail?.fill(0);
  }
}

/** A new passphrase section: fresh salt, current Argon2id defaults, data key wrapped. */
export async function passphraseSection(dataKey: Buffer, passphrase: string, vaultId: string): Promise<KeyFile['passphrase']> {
  const salt = randomBytes(SALT_BYTES);
  const kek = await derivePassphraseKey(passphrase, salt, ARGON2_DEFAULTS);
  try {
    return { kdf: 'argon2id', ...ARGON2_DEFAULTS, salt: salt.toString('base64'), wrap: wrap(dataKey, kek, aad(vaultId, 'passphrase')) };
  } finally {
    kek.fill(0);
  }
}

/** A new recovery section for this recovery key. */
export function recoverySection(dataKey: Buffer, recoveryKey: Buffer, vaultId: string): KeyFile['recovery'] {
  const salt = randomBytes(SALT_BYTES);
  const kek = recoveryWrapKey(recoveryKey, salt);
  try {
    return { kdf: 'hkdf-sha256', salt: salt.toString('base64'), wrap: wrap(dataKey, kek, aad(vaultId, 'recovery')) };
  } finally {
    kek.fill(0);
  }
}

/** Builds a whole new key file for a new vault. */
export async function newKeyFile(dataKey: Buffer, passphrase: string, recoveryKey: Buffer): Promise<KeyFile> {
  const vaultId = randomUUID();
  const keyFile: KeyFile = {
    format: 'ketenkluis-key',
    version: KEY_FILE_VERSION,
    vaultId,
    createdAt: new Date().toISOString(),
    database: { cipher: 'sqlcipher', legacy: 4 },
    passphrase: await passphraseSection(dataKey, passphrase, vaultId),
    recovery: recoverySection(dataKey, recoveryKey, vaultId),
  };
  return { ...keyFile, checksum: keyFileChecksum(keyFile) };
}

/** Unwraps the data key with the passphrase; WRONG_PASSPHRASE when it does not fit. */
export async function unwrapWithPassphrase(keyFile: KeyFile, passphrase: string): Promise<Buffer> {
  const p = keyFile.passphrase;
  const kek = await derivePassphraseKey(passphrase, Buffer.from(p.salt, 'base64'), p);
  try {
    const key = unwrap(p.wrap, kek, aad(keyFile.vaultId, 'passphrase'));
    if (!key) throw new KkError('WRONG_PASSPHRASE', 'Passphrase does not unwrap the data key');
    return key;
  } finally {
    kek.fill(0);
  }
}

/** Unwraps the data key with the recovery key bytes; WRONG_RECOVERY_KEY when it does not fit. */
export function unwrapWithRecoveryKey(keyFile: KeyFile, recoveryKey: Buffer): Buffer {
  const kek = recoveryWrapKey(recoveryKey, Buffer.from(keyFile.recovery.salt, 'base64'));
  try {
    const key = unwrap(keyFile.recovery.wrap, kek, aad(keyFile.vaultId, 'recovery'));
    if (!key) throw new KkError('WRONG_RECOVERY_KEY', 'Recovery key does not unwrap the data key');
    return key;
  } finally {
    kek.fill(0);
  }
}
