import { createDialogGuard } from './dialogGuard';
import type { Forward, MainHandlers } from './windowCalls';

/*
 * Main's part of the disclosures: the dialogs, the clipboard and the print, which only main can
 * do. The window never names a path and never receives a copied value or the print: main asks
 * the core (host methods) whether the gate lets it through, and the core decides and records.
 * The password of a package just saved is shown once in the window; for "Wachtwoord kopiëren"
 * main keeps it in memory by the package's register id until the person closes it, the vault
 * locks, or 10 minutes have passed, so the window never has to send it back.
 * Plain Node (no electron): main passes the native dialog, clipboard and printer in; the test
 * bridge passes scripted ones.
 */

/** Shows a save dialog with a suggested file name; the chosen absolute path, or null when the person cancels. */
export type ShowSaveDialog = (options: { defaultName: string; filter: { name: string; extensions: string[] } }) => Promise<string | null>;
/** Shows an open dialog for a JSON file; the chosen absolute path, or null. */
export type ShowJsonOpenDialog = () => Promise<string | null>;
/** The system clipboard's plain text. */
export interface ClipboardPort {
  readText(): string;
  writeText(text: string): void;
  clear(): void;
}
/** Prints a self-contained HTML page (no scripts) with the system's print dialog; true when it was printed. */
export type PrintHtml = (html: string) => Promise<boolean>;

/** A copied value is cleared from the clipboard after this long, if the clipboard still holds it. */
export const CLIPBOARD_CLEAR_MS = 30_000;

/** How long main keeps the password of a package just saved, for copying it, at most. */
export const WACHTWOORD_BEWAAR_MS = 10 * 60_000;

export interface VerstrekkingenMain {
  handlers: Pick<
    MainHandlers,
    | 'verstrekkingen.savePackage'
    | 'verstrekkingen.print'
    | 'verstrekkingen.copyField'
    | 'verstrekkingen.kopieerWachtwoord'
    | 'verstrekkingen.vergeetWachtwoord'
    | 'verstrekkingen.exportRegister'
    | 'stappenplan.import'
  >;
  /** Clears a copied value now if the clipboard still holds it, and forgets every kept package password (on lock and quit). */
  forget(): void;
}

/** Today as `YYYY-MM-DD` in the local calendar, for a suggested file name. */
function vandaag(now: Date): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

export function createVerstrekkingenMain(deps: {
  forward: Forward;
  showSaveDialog: ShowSaveDialog;
  showOpenDialog: ShowJsonOpenDialog;
  clipboard: ClipboardPort;
  print: PrintHtml;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  now?: () => Date;
}): VerstrekkingenMain {
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let copied: { value: string; timer: unknown } | null = null;
  /** Passwords of packages just saved, by register id: only for copying, only for a while. */
  const wachtwoorden = new Map<string, { wachtwoord: string; timer: unknown }>();

  const dialog = createDialogGuard();

  function clearIfStillOurs(): void {
    if (copied === null) return;
    const { value, timer } = copied;
    copied = null;
    clearTimer(timer);
    // Only our value: whatever the person copied since stays on the clipboard.
    if (deps.clipboard.readText() === value) deps.clipboard.clear();
  }

  /** Puts a value on the clipboard, to be cleared after 30 seconds if it is still there. */
  function kopieer(value: string): { gekopieerd: true; wisNaSeconden: number } {
    clearIfStillOurs();
    deps.clipboard.writeText(value);
    const timer = setTimer(() => {
      if (copied?.value === value) clearIfStillOurs();
    }, CLIPBOARD_CLEAR_MS);
    copied = { value, timer };
    return { gekopieerd: true, wisNaSeconden: CLIPBOARD_CLEAR_MS / 1000 };
  }

  function houWachtwoord(registerId: string, wachtwoord: string): void {
    vergeetWachtwoord(registerId);
    wachtwoorden.set(registerId, { wachtwoord, timer: setTimer(() => vergeetWachtwoord(registerId), WACHTWOORD_BEWAAR_MS) });
  }

  function vergeetWachtwoord(registerId: string): void {
    const kept = wachtwoorden.get(registerId);
    if (!kept) return;
    clearTimer(kept.timer);
    wachtwoorden.delete(registerId);
  }

  return {
    handlers: {
      'verstrekkingen.savePackage': async (input) => {
        // The gate first: a refused package never shows a dialog (and the refusal is recorded).
        const gate = await deps.forward('verstrekkingen.gate', { ...input, wat: 'pakket' });
        if (!gate.ok) return gate;
        const path = await dialog(() => deps.showSaveDialog({ defaultName: gate.value.bestandsnaam, filter: { name: 'PDF', extensions: ['pdf'] } }));
        if (path === null) return { ok: true, value: { opgeslagen: false } };
        const written = await deps.forward('verstrekkingen.writePackage', { ...input, path });
        if (!written.ok) return written;
        houWachtwoord(written.value.registerId, written.value.wachtwoord);
        return { ok: true, value: { opgeslagen: true, ...written.value } };
      },
      'verstrekkingen.print': async (input) => {
        const doc = await deps.forward('verstrekkingen.printDocument', input);
        if (!doc.ok) return doc;
        return { ok: true, value: { afgedrukt: await deps.print(doc.value.html) } };
      },
      'verstrekkingen.copyField': async (input) => {
        const copy = await deps.forward('verstrekkingen.copyValue', input);
        if (!copy.ok) return copy;
        return { ok: true, value: kopieer(copy.value.waarde) };
      },
      'verstrekkingen.kopieerWachtwoord': async ({ registerId }) => {
        // Gone after closing, locking or 10 minutes: the window says so; it never sends the password.
        const kept = wachtwoorden.get(registerId);
        if (!kept) return { ok: true, value: { gekopieerd: false, reden: 'verlopen' } };
        return { ok: true, value: kopieer(kept.wachtwoord) };
      },
      'verstrekkingen.vergeetWachtwoord': async ({ registerId }) => {
        vergeetWachtwoord(registerId);
        return { ok: true, value: {} };
      },
      'verstrekkingen.exportRegister': async (input) => {
        const now = deps.now?.() ?? new Date();
        const path = await dialog(() => deps.showSaveDialog({ defaultName: `verstrekkingenregister-${vandaag(now)}.csv`, filter: { name: 'CSV', extensions: ['csv'] } }));
        if (path === null) return { ok: true, value: { opgeslagen: false, rijen: 0 } };
        const written = await deps.forward('verstrekkingen.writeRegisterCsv', { path, filter: input.filter });
        if (!written.ok) return written;
        return { ok: true, value: { opgeslagen: true, rijen: written.value.rijen } };
      },
      'stappenplan.import': async () => {
        const path = await dialog(() => deps.showOpenDialog());
        if (path === null) return { ok: true, value: { versie: null } };
        const imported = await deps.forward('stappenplan.importFile', { path });
        if (!imported.ok) return imported;
        return { ok: true, value: { versie: imported.value.versie } };
      },
    },
    forget() {
      clearIfStillOurs();
      for (const registerId of [...wachtwoorden.keys()]) vergeetWachtwoord(registerId);
    },
  };
}

/** A clipboard in memory, for the test bridge (there is no system clipboard there). */
export function memoryClipboard(): ClipboardPort {
  let text = '';
  return {
    readText: () => text,
    writeText: (t) => {
      text = t;
    },
    clear: () => {
      text = '';
    },
  };
}
