// DEVELOPMENT AND TEST ONLY. The bridge has no native file dialog; a test plays the person
// choosing a file by writing one line to the bridge host's stdin before it clicks "Bestand kiezen":
//   {"chooseFile":"/tmp/…/import.json"}   the next dialog picks this file
//   {"chooseFile":null}                    the next dialog is cancelled
// Only the process that started the bridge holds its stdin, the same trust as a Playwright test
// that stubs `dialog.showOpenDialog` inside Electron's main process.
import { isAbsolute } from 'node:path';
import type { ShowOpenDialog } from '../gateway/importChoice';

export interface ScriptedDialog {
  showOpenDialog: ShowOpenDialog;
  /** Takes one stdin line; false when it is not a dialog answer (it is then ignored). */
  take(line: string): boolean;
}

export function createScriptedDialog(): ScriptedDialog {
  const answers: Array<string | null> = [];
  return {
    // Nothing scripted: the person cancelled.
    showOpenDialog: async () => answers.shift() ?? null,
    take(line) {
      let message: unknown;
      try {
        message = JSON.parse(line);
      } catch {
        return false;
      }
      if (message === null || typeof message !== 'object' || !('chooseFile' in message)) return false;
      const path = message.chooseFile;
      if (path !== null && (typeof path !== 'string' || !isAbsolute(path))) return false;
      answers.push(path);
      return true;
    },
  };
}
