import { KkError } from '../../shared/errors';
import type { ShowSaveDialog } from './verstrekkingenMain';
import type { Forward, MainHandlers } from './windowCalls';

/*
 * Main's part of the summaries for the Regionale Tafel: the save dialog. The window asks for a
 * period; main asks the core for a suggested name (no personal data), shows the dialog, and hands
 * the chosen path to the core (`tafel.writeRelease`), which makes the summary again, writes the
 * JSON, CSV and PDF and records the release. The window learns the file names, never a path.
 * Plain Node (no electron): main passes the native dialog in, the test bridge a scripted one.
 */

export interface TafelMain {
  handlers: Pick<MainHandlers, 'tafel.save'>;
}

export function createTafelMain(deps: { forward: Forward; showSaveDialog: ShowSaveDialog }): TafelMain {
  let dialogOpen = false;
  return {
    handlers: {
      'tafel.save': async (input) => {
        const naam = await deps.forward('tafel.suggestName', { periode: input.periode });
        if (!naam.ok) return naam;
        // A second click while the dialog is open would stack a second dialog on the first.
        if (dialogOpen) throw new KkError('CONFLICT', 'A file dialog is already open');
        dialogOpen = true;
        let path: string | null;
        try {
          path = await deps.showSaveDialog({ defaultName: naam.value.bestandsnaam, filter: { name: 'JSON', extensions: ['json'] } });
        } finally {
          dialogOpen = false;
        }
        if (path === null) return { ok: true, value: { opgeslagen: false, reden: 'geannuleerd' } };
        return deps.forward('tafel.writeRelease', { periode: input.periode, path });
      },
    },
  };
}
