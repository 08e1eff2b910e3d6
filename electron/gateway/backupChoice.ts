import { createDialogGuard } from './dialogGuard';
import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { KkError } from '../../shared/errors';
import type { ShowOpenDialog } from './importChoice';
import { tokensMatch } from './tokens';
import type { ShowSaveDialog } from './verstrekkingenMain';
import type { Forward, MainHandlers } from './windowCalls';

/*
 * Backups in the app, as the import file (importChoice.ts): main shows the dialogs and keeps
 * every path to itself. Making a backup, main asks where with the save dialog and hands that
 * path to the core (`backup.writeFile`), which writes and checks the file; the window learns the
 * file's name, size and time. Restoring, main shows the open dialog and gives the window a
 * one-time token with the file's name and size; the window hands back the token with the
 * passphrase, and main passes the path to the core (`backup.restoreFile`). A page can never make
 * the core read or write a path of its choosing.
 */

/** A chosen backup file is forgotten after this long, so a path does not linger in main's memory. */
export const BACKUP_CHOICE_TTL_MS = 30 * 60_000;

/** The extension of a backup file (the save dialog's filter and the suggested name). */
export const BACKUP_EXTENSION = 'kkbackup';

/**
 * The name the save dialog suggests, in the person's local time: `ketenkluis-back-up-2026-05-10-1432.kkbackup`.
 * Year first so backups sort by date in a folder; to the minute, so a second backup on the same
 * day does not suggest the name of the first (an existing file is never overwritten).
 */
export function suggestedBackupName(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  return `ketenkluis-back-up-${day}-${pad(at.getHours())}${pad(at.getMinutes())}.${BACKUP_EXTENSION}`;
}

export interface BackupChoice {
  handlers: Pick<MainHandlers, 'backup.save' | 'backup.chooseRestoreFile' | 'backup.restore'>;
  /** Forgets the chosen backup file (on lock, and whenever the window reloads: its token is gone then). */
  forget(): void;
}

export function createBackupChoice(deps: { showSaveDialog: ShowSaveDialog; showOpenDialog: ShowOpenDialog; forward: Forward; now?: () => number }): BackupChoice {
  const now = deps.now ?? Date.now;
  let chosen: { token: string; path: string; at: number } | null = null;

  const dialog = createDialogGuard();

  function pathFor(token: string): string {
    const current = chosen;
    if (current === null || now() - current.at > BACKUP_CHOICE_TTL_MS || !tokensMatch(current.token, token)) {
      chosen = null;
      throw new KkError('NOT_FOUND', 'No chosen backup file for this token');
    }
    return current.path;
  }

  return {
    handlers: {
      'backup.save': async () => {
        const path = await dialog(() =>
          deps.showSaveDialog({ defaultName: suggestedBackupName(new Date(now())), filter: { name: 'Ketenkluis-back-up', extensions: [BACKUP_EXTENSION] } }),
        );
        if (path === null) return { ok: true, value: { backup: null } };
        const written = await deps.forward('backup.writeFile', { path });
        if (!written.ok) return written;
        return { ok: true, value: { backup: { naam: basename(path).slice(0, 255) || `back-up.${BACKUP_EXTENSION}`, ...written.value } } };
      },
      'backup.chooseRestoreFile': async () => {
        const path = await dialog(deps.showOpenDialog);
        // Cancelling keeps the earlier choice: the window still shows that file.
        if (path === null) return { ok: true, value: { file: null } };
        const info = await stat(path).catch(() => null);
        if (info === null || !info.isFile()) throw new KkError('NOT_FOUND', 'The chosen file cannot be read');
        const token = randomBytes(32).toString('base64url');
        chosen = { token, path, at: now() };
        return { ok: true, value: { file: { token, name: basename(path).slice(0, 255) || `back-up.${BACKUP_EXTENSION}`, size: info.size } } };
      },
      'backup.restore': async ({ token, passphrase, opzij }) => {
        const result = await deps.forward('backup.restoreFile', { path: pathFor(token), passphrase, opzij });
        // Restored once is enough; after a refusal the person may try again with the same file.
        if (result.ok) chosen = null;
        return result;
      },
    },
    forget() {
      chosen = null;
    },
  };
}
