import { z } from 'zod';
import { method, NoInput, NoOutput } from './define';
import { Language } from '../errors';

/** Passphrases have no upper limit in policy; the cap only stops memory abuse. */
const Passphrase = z.string().min(1).max(4096);
/** A recovery key in its printable form (groups of characters, separators allowed). */
const RecoveryKey = z.string().min(1).max(512);

/** Whether a vault exists and whether it is open. */
export const VaultStatus = z.object({
  exists: z.boolean(),
  locked: z.boolean(),
});
/** Whether a vault exists and whether it is open. */
export type VaultStatus = z.infer<typeof VaultStatus>;

/** Settings a person can change; stored beside the vault, never personal data. */
export const Settings = z.object({
  autoLockMinutes: z.number().int().min(1).max(240),
  language: Language,
});
/** Settings a person can change. */
export type Settings = z.infer<typeof Settings>;

/** The reminder to make a backup: after this many days without one (a vault setting, default 7). */
export const BACKUP_REMINDER_DAYS = { min: 1, max: 365, standaard: 7 } as const;

/** An ISO 8601 time with its zone (`2026-05-10T12:30:00.000Z`). */
const Tijdstip = z.iso.datetime({ offset: true });

/** When the last backup was made and when the app reminds the person; read while unlocked. */
export const BackupStatus = z.object({
  /** The time of the last verified backup of this vault (also one made with `kk backup`); null: never. */
  laatsteBackup: Tijdstip.nullable(),
  /** When the vault was made; the reminder counts from here while there is no backup yet. */
  kluisSinds: Tijdstip.nullable(),
  herinnerNaDagen: z.number().int().min(BACKUP_REMINDER_DAYS.min).max(BACKUP_REMINDER_DAYS.max),
});
/** When the last backup was made and when the app reminds the person. */
export type BackupStatus = z.infer<typeof BackupStatus>;

/** The one-time token main gives the window for a backup file it chose; the path stays in main. */
const BackupToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: 'Kies het bestand opnieuw' });

/** An absolute path from main's own dialog (host methods only; never from the window). */
const AbsolutePath = z
  .string()
  .min(2)
  .max(4096)
  .refine((p) => !p.includes('\0') && (p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p)), { message: 'Geen absoluut pad' });

/** Vault life cycle and settings: create, unlock, lock, passphrase and recovery. */
export const vaultMethods = {
  'vault.status': method({
    doc: 'Tells whether a vault exists in the configured place and whether it is locked.',
    input: NoInput,
    output: VaultStatus,
  }),
  'vault.create': method({
    doc: 'Creates a new vault with this passphrase; returns the recovery key, shown once.',
    input: z.object({ passphrase: Passphrase }).strict(),
    output: z.object({ recoveryKey: z.string() }),
  }),
  'vault.unlock': method({
    doc: 'Opens the vault with the passphrase. Failed attempts are slowed down, never destructive.',
    input: z.object({ passphrase: Passphrase }).strict(),
    output: NoOutput,
  }),
  'vault.lock': method({
    doc: 'Closes the database and wipes the key from memory.',
    input: NoInput,
    output: NoOutput,
  }),
  'vault.changePassphrase': method({
    doc: 'Sets a new passphrase after checking the current one; the data key stays the same.',
    input: z.object({ current: Passphrase, next: Passphrase }).strict(),
    output: NoOutput,
  }),
  'vault.recover': method({
    doc: 'Unlocks with the recovery key and sets a new passphrase.',
    input: z.object({ recoveryKey: RecoveryKey, next: Passphrase }).strict(),
    output: NoOutput,
  }),
  'vault.replaceRecoveryKey': method({
    doc: 'Replaces the recovery key after checking the passphrase (attempts are slowed down as for unlocking): returns the new key, shown once; the old key no longer opens the vault (backups made before still open with the key of their time).',
    input: z.object({ passphrase: Passphrase }).strict(),
    output: z.object({ recoveryKey: z.string() }),
  }),
  'backup.status': method({
    doc: 'When the last backup of the open vault was made, when the vault was made, and after how many days the app reminds.',
    input: NoInput,
    output: BackupStatus,
  }),
  'backup.setReminder': method({
    doc: 'Sets after how many days without a backup the app reminds the person (1 to 365); needs the vault unlocked.',
    input: z.strictObject({ dagen: z.number().int().min(BACKUP_REMINDER_DAYS.min).max(BACKUP_REMINDER_DAYS.max) }),
    output: BackupStatus,
  }),
  'backup.save': method({
    doc: "Makes a backup of the open vault: main shows the save dialog (the window never names a path), the core writes one encrypted file atomically (temp file in the chosen folder, then rename), reads it back and checks it. Returns the file's name, size and time, or null when the person cancels. Refuses an existing file (BACKUP_EXISTS); a full disk is DISK_FULL and leaves no file.",
    input: NoInput,
    output: z.object({ backup: z.object({ naam: z.string().min(1).max(255), bytes: z.number().int().positive(), gemaaktOp: Tijdstip }).nullable() }),
    answeredBy: 'main',
  }),
  'backup.chooseRestoreFile': method({
    doc: 'Shows the open dialog for a backup file (main does this) and remembers the choice behind a one-time token; the window gets the name and size only, never the path. `file` is null when the person cancels.',
    input: NoInput,
    output: z.object({ file: z.object({ token: BackupToken, name: z.string().min(1).max(255), size: z.number().int().nonnegative() }).nullable() }),
    answeredBy: 'main',
  }),
  'backup.restore': method({
    doc: "Restores the backup chosen with backup.chooseRestoreFile into a NEW vault in the app's vault folder and opens it, with the passphrase that was valid when the backup was made. Never over an existing vault: with one there, it is refused (VAULT_EXISTS) unless `opzij` asks to keep that vault aside in a folder beside it (`bewaardAls`, its name), which happens only after the backup has been laid out and verified elsewhere. A damaged or foreign file is BACKUP_INVALID and nothing is created.",
    input: z.strictObject({ token: BackupToken, passphrase: Passphrase, opzij: z.boolean().default(false) }),
    output: z.object({ bewaardAls: z.string().nullable() }),
    answeredBy: 'main',
  }),
  'settings.get': method({
    doc: 'Returns the settings (auto-lock minutes, language). Works while locked.',
    input: NoInput,
    output: Settings,
  }),
  'settings.update': method({
    doc: 'Changes one or more settings and returns all settings.',
    input: Settings.partial().strict(),
    output: Settings,
  }),
} as const;

/** Vault methods only main calls (see `hostMethods` in contract.ts), with a path from main's own dialog. */
export const vaultHostMethods = {
  'backup.writeFile': method({
    doc: 'Writes a verified backup of the open vault to `path` (never over an existing file) and records its time.',
    input: z.strictObject({ path: AbsolutePath }),
    output: z.object({ bytes: z.number().int().positive(), gemaaktOp: Tijdstip }),
  }),
  'backup.restoreFile': method({
    doc: 'Restores the backup at `path` into a new vault in the vault folder and opens it (see backup.restore).',
    input: z.strictObject({ path: AbsolutePath, passphrase: Passphrase, opzij: z.boolean().default(false) }),
    output: z.object({ bewaardAls: z.string().nullable() }),
  }),
} as const;
