/** File names inside a vault directory. Only these files belong to the vault. */
export const VAULT_FILES = {
  database: 'ketenkluis.db',
  keyFile: 'ketenkluis.key',
  settings: 'settings.json',
  /** Non-secret count of failed unlocks, so a restart does not reset the slow-down. */
  unlockAttempts: 'unlock-attempts.json',
  /** Held for the moment the count is read and written, so parallel attempts are counted one by one. */
  unlockAttemptsLock: 'unlock-attempts.lock',
  /** Folder for automatic backups made before a migration. */
  backups: 'backups',
} as const;

/**
 * Argon2id cost for deriving the key-wrapping key from the passphrase (OWASP's second
 * recommended setting and the floor: 64 MiB, 3 passes, 4 lanes). Stored per key file,
 * so a later version can raise it without breaking old vaults.
 */
export const ARGON2_DEFAULTS = { memoryKiB: 64 * 1024, passes: 3, parallelism: 4 } as const;
/** The weakest parameters a key file may ask for; a tampered key file cannot lower the cost. */
export const ARGON2_MINIMUM = { memoryKiB: 64 * 1024, passes: 3, parallelism: 1 } as const;
/** The costliest parameters a key file may ask for (1 GiB, 10 passes, 16 lanes); more is refused as damage. */
export const ARGON2_MAXIMUM = { memoryKiB: 1024 * 1024, passes: 10, parallelism: 16 } as const;

/**
 * SQLite page cache for the vault, in KiB (negative `cache_size` means KiB). Every page read
 * from disk is decrypted and authenticated, so a small cache makes encrypted scans several times
 * slower than plaintext; 128 MiB brought a 100,000-row full scan to ~1.05× (see the vault bench).
 * SQLite only allocates pages as they are used, so a small vault does not take 128 MiB.
 */
export const VAULT_CACHE_KIB = 128 * 1024;

/** How long a second opener waits for the lock before reporting VAULT_IN_USE, in ms. */
export const LOCK_WAIT_MS = 250;

/** Owner-only permissions for vault files and folders. */
export const FILE_MODE = 0o600;
/** Owner-only permissions for the vault folder. */
export const DIR_MODE = 0o700;

/**
 * WAL pages before SQLite checkpoints inside a commit (SQLite's default is 1000). On an encrypted
 * vault a checkpoint decrypts every WAL frame and encrypts it again into the main file, which made
 * commits that happened to trigger one 1.5–1.8× slower than plaintext. The core checkpoints when
 * idle instead (IDLE_CHECKPOINT_MS); this larger limit (32 MiB) only bounds the WAL during a long
 * import. Durability does not depend on checkpoints: with synchronous=FULL a commit is on disk in the WAL.
 */
export const WAL_AUTOCHECKPOINT_PAGES = 8192;

/** Quiet time after the last call before the core checkpoints the WAL, in ms. */
export const IDLE_CHECKPOINT_MS = 2000;
