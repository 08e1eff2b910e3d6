import { createDialogGuard } from './dialogGuard';
import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { KkError } from '../../shared/errors';
import { MAX_IMPORT_FILE_BYTES } from '../../shared/casework/import.schema';
import { tokensMatch } from './tokens';
import type { Forward, MainHandlers } from './windowCalls';

/*
 * The import file, chosen in main. The window asks main to show the file dialog; main keeps
 * the chosen path to itself and gives the window a one-time token with the file's name and
 * size. To import, the window hands back the token and main passes the path to the core,
 * which streams the file from disk. So the window never sends a path (a compromised page
 * cannot make the core read any file), and the file's bytes never travel through the window,
 * main and the core's memory (an 89 MB file cost the core 344 MB that way).
 */

/** Shows the open-file dialog; the chosen absolute path, or null when the person cancels. */
export type ShowOpenDialog = () => Promise<string | null>;

/** A choice is forgotten after this long, so a path does not linger in main's memory. */
export const CHOICE_TTL_MS = 30 * 60_000;

export interface ImportChoice {
  handlers: Pick<MainHandlers, 'import.chooseFile' | 'import.chosen'>;
  /** Forgets the chosen file (on lock, and whenever the window reloads: its token is gone then). */
  forget(): void;
}

export function createImportChoice(deps: { showOpenDialog: ShowOpenDialog; forward: Forward; now?: () => number }): ImportChoice {
  const now = deps.now ?? Date.now;
  let chosen: { token: string; path: string; at: number } | null = null;

  const dialog = createDialogGuard();
  const choose = () => dialog(() => deps.showOpenDialog());

  function pathFor(token: string): string {
    const current = chosen;
    if (current === null || now() - current.at > CHOICE_TTL_MS || !tokensMatch(current.token, token)) {
      chosen = null;
      throw new KkError('NOT_FOUND', 'No chosen import file for this token');
    }
    return current.path;
  }

  return {
    handlers: {
      'import.chooseFile': async () => {
        const path = await choose();
        // Cancelling keeps the earlier choice: the window still shows that file.
        if (path === null) return { ok: true, value: { file: null } };
        const info = await stat(path).catch(() => null);
        if (info === null || !info.isFile()) throw new KkError('NOT_FOUND', 'The chosen file cannot be read');
        if (info.size > MAX_IMPORT_FILE_BYTES) {
          throw new KkError('INVALID_INPUT', 'The chosen file is larger than 512 MB', { issues: [{ path: '(bestand)', message: 'Het bestand is groter dan 512 MB' }] });
        }
        const token = randomBytes(32).toString('base64url');
        chosen = { token, path, at: now() };
        return { ok: true, value: { file: { token, name: basename(path).slice(0, 255) || 'bestand.json', size: info.size } } };
      },
      'import.chosen': async ({ token, dryRun, opnieuw }) => {
        const result = await deps.forward('import.file', { path: pathFor(token), dryRun, opnieuw });
        // Imported once is enough: a second click does not import the same file twice. After an
        // unknown outcome the token stays, but the core's ledger refuses the same bytes again
        // (ALREADY_IMPORTED) unless the person confirms.
        if (result.ok && !dryRun) chosen = null;
        return result;
      },
    },
    forget() {
      chosen = null;
    },
  };
}
