import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Settings } from '../../../shared/ipc/vault.contract';
import { VAULT_FILES } from './constants';
import { toKkError } from './errorMapping';
import { ensurePrivateDir, writeFileAtomic } from './safeFs';

/** Settings when nothing is stored yet: lock after 5 idle minutes, Dutch. */
export const DEFAULT_SETTINGS: Settings = { autoLockMinutes: 5, language: 'nl' };

/**
 * Reads `<vaultDir>/settings.json`. Works while locked (settings hold nothing personal).
 * A missing or damaged file gives the defaults, field by field: a bad file never blocks the app.
 */
export function readSettings(vaultDir: string): Settings {
  const path = join(vaultDir, VAULT_FILES.settings);
  if (!existsSync(path)) return { ...DEFAULT_SETTINGS };
  try {
    const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (!raw || typeof raw !== 'object') return { ...DEFAULT_SETTINGS };
    const stored = raw as Record<string, unknown>;
    const auto = Settings.shape.autoLockMinutes.safeParse(stored.autoLockMinutes);
    const language = Settings.shape.language.safeParse(stored.language);
    return {
      autoLockMinutes: auto.success ? auto.data : DEFAULT_SETTINGS.autoLockMinutes,
      language: language.success ? language.data : DEFAULT_SETTINGS.language,
    };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

/** Merges `changes` into the stored settings (atomically) and returns all settings. */
export function updateSettings(vaultDir: string, changes: Partial<Settings>): Settings {
  const next = Settings.parse({ ...readSettings(vaultDir), ...changes });
  try {
    ensurePrivateDir(vaultDir);
    writeFileAtomic(join(vaultDir, VAULT_FILES.settings), `${JSON.stringify(next, null, 2)}\n`);
  } catch (error) {
    throw toKkError(error, 'write settings');
  }
  return next;
}
