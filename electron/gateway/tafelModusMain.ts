import { createDialogGuard } from './dialogGuard';
import type { ShowSaveDialog } from './verstrekkingenMain';
import type { Forward, MainHandlers } from './windowCalls';

/*
 * Main's part of tafel mode (the secretariaat of the Regionale Tafel): the open dialog for the
 * organisations' summary files and the save dialog for the monitor PDF. The window names a
 * period, never a path; main hands the chosen paths to the core (`tafelModus.importFiles`,
 * `tafelModus.writePdf`), which verifies, stores and writes. Plain Node (no electron): main
 * passes the native dialogs in, the test bridge scripted ones.
 */

/** Shows an open dialog for one or more JSON files; the chosen absolute paths, or null when the person cancels. */
export type ShowJsonFilesDialog = () => Promise<readonly string[] | null>;

/** A one-file dialog (the test bridge's scripted answers) as a several-files dialog. */
export function alsMeerdere(show: () => Promise<string | null>): ShowJsonFilesDialog {
  return async () => {
    const path = await show();
    return path === null ? null : [path];
  };
}

export interface TafelModusMain {
  handlers: Pick<MainHandlers, 'tafelModus.import' | 'tafelModus.savePdf'>;
}

export function createTafelModusMain(deps: { forward: Forward; showOpenFiles: ShowJsonFilesDialog; showSaveDialog: ShowSaveDialog }): TafelModusMain {
  const dialog = createDialogGuard();
  return {
    handlers: {
      'tafelModus.import': async (input) => {
        const paths = await dialog(() => deps.showOpenFiles());
        if (paths === null || paths.length === 0) return { ok: true, value: { geannuleerd: true, uitkomsten: [] } };
        const r = await deps.forward('tafelModus.importFiles', { periode: input.periode, paths: [...paths] });
        if (!r.ok) return r;
        return { ok: true, value: { geannuleerd: false, uitkomsten: r.value.uitkomsten } };
      },
      'tafelModus.savePdf': async (input) => {
        // Refused before any dialog when nothing of the period is imported.
        const naam = await deps.forward('tafelModus.pdfName', { periode: input.periode });
        if (!naam.ok) return naam;
        const path = await dialog(() => deps.showSaveDialog({ defaultName: naam.value.bestandsnaam, filter: { name: 'PDF', extensions: ['pdf'] } }));
        if (path === null) return { ok: true, value: { opgeslagen: false } };
        const written = await deps.forward('tafelModus.writePdf', { periode: input.periode, path });
        if (!written.ok) return written;
        return { ok: true, value: { opgeslagen: true, bestandsnaam: written.value.bestandsnaam, bytes: written.value.bytes } };
      },
    },
  };
}
