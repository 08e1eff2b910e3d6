import { createDialogGuard } from './dialogGuard';
import type { ShowJsonOpenDialog, ShowSaveDialog } from './verstrekkingenMain';
import type { Forward, MainHandlers } from './windowCalls';

/*
 * Main's part of the combine step (issue 14): the file dialogs. The window never names a path:
 * main asks the core first whether the file can be made (so a refusal never shows a dialog),
 * shows its own dialog, and hands the chosen path to a host method. Plain Node (no electron):
 * main passes the native dialogs in, the test bridge scripted ones.
 */

type Methods = 'tafelSamenvoegen.bewaarOntvangstsleutel' | 'tafelSamenvoegen.kiesOntvanger' | 'tafelSamenvoegen.maakTelbestand' | 'tafelSamenvoegen.leesTelbestand';

export interface TafelSamenvoegenMain {
  handlers: Pick<MainHandlers, Methods>;
}

const JSON_FILTER = { name: 'JSON', extensions: ['json'] };

export function createTafelSamenvoegenMain(deps: { forward: Forward; showSaveDialog: ShowSaveDialog; showOpenDialog: ShowJsonOpenDialog }): TafelSamenvoegenMain {
  const dialog = createDialogGuard();

  return {
    handlers: {
      'tafelSamenvoegen.bewaarOntvangstsleutel': async () => {
        const naam = await deps.forward('tafelSamenvoegen.ontvangstsleutelNaam', {});
        if (!naam.ok) return naam;
        const path = await dialog(() => deps.showSaveDialog({ defaultName: naam.value.bestandsnaam, filter: JSON_FILTER }));
        if (path === null) return { ok: true, value: { opgeslagen: false } };
        const written = await deps.forward('tafelSamenvoegen.schrijfOntvangstsleutel', { path });
        if (!written.ok) return written;
        return { ok: true, value: { opgeslagen: true, ...written.value } };
      },
      'tafelSamenvoegen.kiesOntvanger': async () => {
        const path = await dialog(() => deps.showOpenDialog());
        if (path === null) return { ok: true, value: { gekozen: false, ontvanger: null } };
        const read = await deps.forward('tafelSamenvoegen.leesOntvangerBestand', { path });
        if (!read.ok) return read;
        return { ok: true, value: { gekozen: true, ontvanger: read.value.ontvanger } };
      },
      'tafelSamenvoegen.maakTelbestand': async (input) => {
        // Checked first: without a profile or the reporter's key no dialog is shown.
        const naam = await deps.forward('tafelSamenvoegen.telbestandNaam', { periode: input.periode });
        if (!naam.ok) return naam;
        const path = await dialog(() => deps.showSaveDialog({ defaultName: naam.value.bestandsnaam, filter: JSON_FILTER }));
        if (path === null) return { ok: true, value: { opgeslagen: false } };
        const written = await deps.forward('tafelSamenvoegen.schrijfTelbestand', { periode: input.periode, path });
        if (!written.ok) return written;
        return { ok: true, value: { opgeslagen: true, bestandsnaam: written.value.bestandsnaam, telbestandId: written.value.telbestandId, samenvatting: written.value.samenvatting } };
      },
      'tafelSamenvoegen.leesTelbestand': async (input) => {
        const path = await dialog(() => deps.showOpenDialog());
        if (path === null) return { ok: true, value: { gekozen: false } };
        const read = await deps.forward('tafelSamenvoegen.leesTelbestandBestand', { path, ...(input.periode ? { periode: input.periode } : {}) });
        if (!read.ok) return read;
        return { ok: true, value: { gekozen: true, bestandsnaam: read.value.bestandsnaam, uitkomst: read.value.uitkomst } };
      },
    },
  };
}
