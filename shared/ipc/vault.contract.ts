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
