import { createDialogGuard } from './dialogGuard';
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
  const dialog = createDialogGuard();
  return {
    handlers: {
      'tafel.save': async (input) => {
        const naam = await deps.forward('tafel.suggestName', { periode: input.periode });
        if (!naam.ok) return naam;
        const path = await dialog(() => deps.showSaveDialog({ defaultName: naam.value.bestandsnaam, filter: { name: 'JSON', extensions: ['json'] } }));
        if (path === null) return { ok: true, value: { opgeslagen: false, reden: 'geannuleerd' } };
        return deps.forward('tafel.writeRelease', { periode: input.periode, path });
      },
    },
  };
}
