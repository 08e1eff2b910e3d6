import { resolve } from 'node:path';
import { toKkError } from '../vault/errorMapping';
import { closeVault, unlockVault, type OpenVault, type VaultOptions } from '../vault/vault';
import type { Options } from './command';
import type { Secrets } from './secrets';

/** The vault folder from `--dir`, as an absolute path. */
export function vaultDirOf(options: Options): string {
  return resolve(options.dir ?? '.');
}

/**
 * Opens the vault in `--dir` with the passphrase from KK_PASSPHRASE or stdin, runs `work`, and
 * always locks again (closing the database and zeroing the key). For every command that needs
 * an unlocked vault (check, backup, and later seed, import, export, audit).
 */
export async function withUnlockedVault<T>(
  options: Options,
  secrets: Secrets,
  work: (vault: OpenVault) => Promise<T> | T,
  vaultOptions: VaultOptions = {},
): Promise<T> {
  const passphrase = await secrets.get('KK_PASSPHRASE');
  const vault = await unlockVault(vaultDirOf(options), passphrase, vaultOptions);
  try {
    return await work(vault);
  } catch (error) {
    // Casework (seed, import) throws SQLite's and the disk's own errors: a full disk is
    // DISK_FULL, not "something went wrong".
    throw toKkError(error, 'command');
  } finally {
    closeVault(vault);
  }
}
