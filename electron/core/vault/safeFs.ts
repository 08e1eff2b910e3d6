import { closeSync, constants, fsyncSync, linkSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { KkError } from '../../../shared/errors';
import { DIR_MODE, FILE_MODE } from './constants';
import { toKkError } from './errorMapping';

/** Creates a folder readable by the owner only (and its parents, if missing). */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
}

/** fsyncs a folder so a rename inside it survives a power cut. Some platforms refuse; that is fine. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, constants.O_RDONLY);
    fsyncSync(fd);
  } catch {
    // Windows cannot open folders for fsync; the rename is still atomic there.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Creates an empty file readable by the owner only, failing if it exists (O_EXCL). SQLite then
 * writes into it, and gives its -wal and -journal files the same mode, so no vault file is ever
 * readable by others, not even for the moment before a chmod.
 */
export function createPrivateFile(path: string): void {
  closeSync(openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, FILE_MODE));
}

/** What stands at a path: nothing, a file, a folder, or something else (socket, device, …). */
export type PathKind = 'absent' | 'file' | 'folder' | 'other';

/**
 * Looks at a path without mistaking "cannot look" for "nothing there": only ENOENT is absent.
 * A folder we may not list or search (EACCES, EPERM) is VAULT_UNREADABLE, because treating it as
 * empty is how a new vault used to be written over an existing one.
 */
export function pathKind(path: string): PathKind {
  try {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return 'absent';
    return stat.isFile() ? 'file' : stat.isDirectory() ? 'folder' : 'other';
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EACCES' || code === 'EPERM') throw new KkError('VAULT_UNREADABLE', `stat: ${code}`, { cause: error });
    throw toKkError(error, 'stat');
  }
}

/** Writes all of `data` to `fd` and fsyncs it. */
function writeAllAndSync(fd: number, data: Uint8Array | string): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
  fsyncSync(fd);
}

/** A temp file beside `path`, owner-only, with `data` written and fsynced; the caller moves or removes it. */
function writeTemp(path: string, data: Uint8Array | string): string {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, FILE_MODE);
  try {
    writeAllAndSync(fd, data);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  return temp;
}

/**
 * Writes a new file complete or not at all, and never over an existing one: the data goes into a
 * temp file, which is then hard-linked to `path`. link() fails with EEXIST when `path` exists, so of
 * two writers at once exactly one wins (a rename would silently replace the other's file).
 * Returns false, having changed nothing, when `path` already exists.
 */
export function createFileExclusive(path: string, data: Uint8Array | string): boolean {
  const temp = writeTemp(path, data);
  try {
    linkSync(temp, path);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EEXIST') return false;
    // Some file systems (FAT on a USB stick) have no hard links: create the file itself with
    // O_EXCL instead. Still never over an existing file; a crash may leave it short, which the
    // key file's own checks then report as damaged.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    return createDirectExclusive(path, data);
  } finally {
    rmSync(temp, { force: true });
  }
  fsyncDir(dirname(path));
  return true;
}

function createDirectExclusive(path: string, data: Uint8Array | string): boolean {
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, FILE_MODE);
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    writeAllAndSync(fd, data);
  } catch (error) {
    closeSync(fd);
    rmSync(path, { force: true }); // ours: created just above
    throw error;
  }
  closeSync(fd);
  fsyncDir(dirname(path));
  return true;
}

function errorCode(error: unknown): unknown {
  return error && typeof error === 'object' && 'code' in error ? error.code : undefined;
}

/**
 * Writes a file atomically: a temp file in the same folder (owner-only, fsynced), then a rename
 * over the target, then an fsync of the folder. A crash leaves the old or the new file, never half.
 */
export function writeFileAtomic(path: string, data: Uint8Array | string): void {
  const dir = dirname(path);
  const temp = writeTemp(path, data);
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  fsyncDir(dir);
}
