import * as nodeFs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { KkError } from '../../../shared/errors';
import { FILE_MODE } from '../vault/constants';
import { fsyncDir } from '../vault/safeFs';
import { toKkError } from '../vault/errorMapping';

/** The file operations an atomic write uses (the real ones, or a test's that fail on purpose). */
export type BestandFs = Pick<typeof nodeFs, 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'rmSync'>;

/**
 * Writes a file that leaves the vault (a package, a register export) complete or not at all: the
 * chunks go into a temp file in the same folder (owner-only), which is fsynced and then renamed
 * over the target (the save dialog already asked whether to replace an existing file). On any
 * failure the temp file is removed and nothing half-written remains; the error is a KkError with
 * its own code (a full disk is DISK_FULL). Returns the number of bytes written.
 */
export function schrijfAtomisch(path: string, schrijf: (write: (chunk: string | Uint8Array) => void) => void, fs: BestandFs = nodeFs): number {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  let bytes = 0;
  try {
    fd = fs.openSync(temp, nodeFs.constants.O_WRONLY | nodeFs.constants.O_CREAT | nodeFs.constants.O_EXCL, FILE_MODE);
    const open = fd;
    schrijf((chunk) => {
      const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      let offset = 0;
      while (offset < data.length) offset += fs.writeSync(open, data, offset, data.length - offset);
      bytes += data.length;
    });
    fs.fsyncSync(open);
    fs.closeSync(open);
    fd = undefined;
    fs.renameSync(temp, path);
  } catch (error) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // Already failing; the removal below is what matters.
      }
    }
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // Nothing more to do: the error below says what happened.
    }
    throw toKkError(error, 'write') satisfies KkError;
  }
  fsyncDir(dirname(path));
  return bytes;
}
