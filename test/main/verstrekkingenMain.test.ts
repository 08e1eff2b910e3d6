// Main's part of disclosures (electron mocked by fakes): the save dialog comes after the gate and
// the window never names a path; the password reaches the window once; a copied value goes to the
// clipboard, never to the window, and is cleared after 30 seconds only if it is still there; the
// hidden print window is locked down. And through the real window relay with a real core: a
// crafted package call is refused before any dialog.
import { fakeForward, type Answers } from './fakeForward';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoreMethodName } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/define';
import { CLIPBOARD_CLEAR_MS, createVerstrekkingenMain, memoryClipboard, WACHTWOORD_BEWAAR_MS, type ClipboardPort } from '../../electron/gateway/verstrekkingenMain';
import type { Forward, MainHandlers } from '../../electron/gateway/windowCalls';
import { electronClipboard, nativeSaveDialog, printInHiddenWindow, type PrintWindow } from '../../electron/main/verstrekkingenNative';
import { KkError } from '../../shared/errors';

const BESLUIT = '01900000-0000-7000-8000-0000000000b1';
const TRAJECT = '01900000-0000-7000-8000-0000000000c1';
const verzoek = { besluitId: BESLUIT, trajectId: TRAJECT, partnerId: 'comensha', categorieen: ['identificerend' as const] };
const refused: Result<never> = { ok: false, error: new KkError('DISCLOSURE_REFUSED', 'refused', { issues: [{ path: 'partnerId', message: 'Dit besluit geldt voor een andere ontvanger.' }] }).toInfo() };

function setup(answers: Answers = {}) {
  const { forward, calls } = fakeForward(answers);
  const showSaveDialog = vi.fn(async (_o: { defaultName: string; filter: { name: string; extensions: string[] } }): Promise<string | null> => '/home/someone/Documenten/pakket.pdf');
  const showOpenDialog = vi.fn(async (): Promise<string | null> => '/home/someone/regels-v2.json');
  const clipboard: ClipboardPort & { text: string } = { text: '', readText: () => clipboard.text, writeText: (t) => void (clipboard.text = t), clear: () => void (clipboard.text = '') };
  const print = vi.fn(async (_html: string) => true);
  const timers: Array<{ fn: () => void; ms: number; cleared: boolean }> = [];
  const main = createVerstrekkingenMain({
    forward,
    showSaveDialog,
    showOpenDialog,
    clipboard,
    print,
    setTimer: (fn, ms) => {
      const t = { fn, ms, cleared: false };
      timers.push(t);
      return t;
    },
    clearTimer: (h) => void ((h as { cleared: boolean }).cleared = true),
    now: () => new Date(2026, 11, 3, 10, 0),
  });
  return { main, calls, showSaveDialog, showOpenDialog, clipboard, print, timers };
}

describe('the package', () => {
  it('asks the gate first: a refused package never shows a dialog', async () => {
    const s = setup({ 'verstrekkingen.gate': () => refused });
    expect(await s.main.handlers['verstrekkingen.savePackage'](verzoek)).toEqual(refused);
    expect(s.showSaveDialog).not.toHaveBeenCalled();
    expect(s.calls.map(([m]) => m)).toEqual(['verstrekkingen.gate']);
  });

  it('shows the save dialog with a name without personal data, hands the core the path, and gives the window the password once, never the path', async () => {
    const s = setup({
      'verstrekkingen.gate': () => ({ ok: true, value: { bestandsnaam: 'verstrekking-VK-ABC.pdf' } }),
      'verstrekkingen.writePackage': () => ({ ok: true, value: { bestandsnaam: 'pakket.pdf', bytes: 1234, wachtwoord: 'ABCD-EFGH-JKMN-PQRS-TVWX', registerId: BESLUIT } }),
    });
    const r = await s.main.handlers['verstrekkingen.savePackage'](verzoek);
    expect(s.showSaveDialog).toHaveBeenCalledWith({ defaultName: 'verstrekking-VK-ABC.pdf', filter: { name: 'PDF', extensions: ['pdf'] } });
    expect(s.calls).toEqual([
      ['verstrekkingen.gate', { ...verzoek, wat: 'pakket' }],
      ['verstrekkingen.writePackage', { ...verzoek, path: '/home/someone/Documenten/pakket.pdf' }],
    ]);
    expect(r).toEqual({ ok: true, value: { opgeslagen: true, bestandsnaam: 'pakket.pdf', bytes: 1234, wachtwoord: 'ABCD-EFGH-JKMN-PQRS-TVWX', registerId: BESLUIT } });
    expect(JSON.stringify(r)).not.toContain('/home/someone');
  });

  it('cancelling the dialog writes nothing; a second dialog while one is open is refused', async () => {
    const s = setup({ 'verstrekkingen.gate': () => ({ ok: true, value: { bestandsnaam: 'x.pdf' } }) });
    s.showSaveDialog.mockResolvedValueOnce(null);
    expect(await s.main.handlers['verstrekkingen.savePackage'](verzoek)).toEqual({ ok: true, value: { opgeslagen: false } });
    expect(s.calls.map(([m]) => m)).toEqual(['verstrekkingen.gate']);
    let release: (p: string | null) => void = () => undefined;
    s.showSaveDialog.mockImplementationOnce(() => new Promise((r) => (release = r)));
    const first = s.main.handlers['verstrekkingen.savePackage'](verzoek);
    await vi.waitFor(() => expect(s.showSaveDialog).toHaveBeenCalledTimes(2));
    await expect(s.main.handlers['verstrekkingen.exportRegister']({ filter: {} })).rejects.toMatchObject({ code: 'CONFLICT' });
    release(null);
    expect(await first).toEqual({ ok: true, value: { opgeslagen: false } });
  });
});

describe('the copy of an identifying field', () => {
  it('goes to the clipboard, never to the window, and is cleared after 30 seconds if it is still there', async () => {
    const s = setup({ 'verstrekkingen.copyValue': () => ({ ok: true, value: { waarde: '123456782', registerId: BESLUIT } }) });
    const r = await s.main.handlers['verstrekkingen.copyField']({ besluitId: BESLUIT, trajectId: TRAJECT, partnerId: 'comensha', veld: 'bsn' });
    expect(r).toEqual({ ok: true, value: { gekopieerd: true, wisNaSeconden: 30 } });
    expect(JSON.stringify(r)).not.toContain('123456782');
    expect(s.clipboard.text).toBe('123456782');
    expect(s.timers.map((t) => t.ms)).toEqual([CLIPBOARD_CLEAR_MS]);
    expect(CLIPBOARD_CLEAR_MS).toBe(30_000);
    s.timers[0]!.fn();
    expect(s.clipboard.text).toBe('');
  });

  it('leaves what the person copied since, and clears at once on lock', async () => {
    const s = setup({ 'verstrekkingen.copyValue': () => ({ ok: true, value: { waarde: 'Voorbeeldig', registerId: BESLUIT } }) });
    await s.main.handlers['verstrekkingen.copyField']({ besluitId: BESLUIT, trajectId: TRAJECT, partnerId: 'comensha', veld: 'achternaam' });
    s.clipboard.text = 'iets anders';
    s.timers[0]!.fn();
    expect(s.clipboard.text).toBe('iets anders');
    await s.main.handlers['verstrekkingen.copyField']({ besluitId: BESLUIT, trajectId: TRAJECT, partnerId: 'comensha', veld: 'achternaam' });
    s.main.forget();
    expect(s.clipboard.text).toBe('');
    expect(s.timers[1]!.cleared).toBe(true);
  });

  it('a refused copy touches nothing', async () => {
    const s = setup({ 'verstrekkingen.copyValue': () => refused });
    s.clipboard.text = 'eerder';
    expect(await s.main.handlers['verstrekkingen.copyField']({ besluitId: BESLUIT, trajectId: TRAJECT, partnerId: 'comensha', veld: 'bsn' })).toEqual(refused);
    expect(s.clipboard.text).toBe('eerder');
    expect(s.timers).toEqual([]);
  });
});

describe('the package password (Wachtwoord kopiëren)', () => {
  const WACHTWOORD = 'ABCD-EFGH-JKMN-PQRS-TVWX';
  const REGISTER = '01900000-0000-7000-8000-0000000000d1';
  const ANDER = '01900000-0000-7000-8000-0000000000d2';

  /** Main with the real timers of Node (faked by vitest), a clipboard in memory, and a package saved. */
  async function opgeslagen() {
    const clipboard = memoryClipboard();
    const calls: string[] = [];
    const forward = (async (method: CoreMethodName) => {
      calls.push(method);
      if (method === 'verstrekkingen.gate') return { ok: true, value: { bestandsnaam: 'x.pdf' } };
      if (method === 'verstrekkingen.writePackage') return { ok: true, value: { bestandsnaam: 'x.pdf', bytes: 10, wachtwoord: WACHTWOORD, registerId: REGISTER } };
      return { ok: true, value: {} };
    }) as unknown as Forward;
    const main = createVerstrekkingenMain({ forward, showSaveDialog: async () => '/tmp/x.pdf', showOpenDialog: async () => null, clipboard, print: async () => true });
    const saved = await main.handlers['verstrekkingen.savePackage'](verzoek);
    expect(saved).toMatchObject({ ok: true, value: { opgeslagen: true, wachtwoord: WACHTWOORD, registerId: REGISTER } });
    return { main, clipboard, calls };
  }
  const gone = { ok: true, value: { gekopieerd: false, reden: 'verlopen' } };

  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('is copied by main from its own memory (the window sends only the register id), then cleared after 30 seconds', async () => {
    const { main, clipboard, calls } = await opgeslagen();
    const r = await main.handlers['verstrekkingen.kopieerWachtwoord']({ registerId: REGISTER });
    expect(r).toEqual({ ok: true, value: { gekopieerd: true, wisNaSeconden: 30 } });
    expect(JSON.stringify(r)).not.toContain(WACHTWOORD);
    expect(clipboard.readText()).toBe(WACHTWOORD);
    // The core is not asked again: the password was never stored there.
    expect(calls).toEqual(['verstrekkingen.gate', 'verstrekkingen.writePackage']);
    vi.advanceTimersByTime(CLIPBOARD_CLEAR_MS - 1);
    expect(clipboard.readText()).toBe(WACHTWOORD);
    vi.advanceTimersByTime(1);
    expect(clipboard.readText()).toBe('');
    // Copied again within the 10 minutes, it is there again (and cleared again).
    expect(await main.handlers['verstrekkingen.kopieerWachtwoord']({ registerId: REGISTER })).toMatchObject({ value: { gekopieerd: true } });
    expect(clipboard.readText()).toBe(WACHTWOORD);
    clipboard.writeText('iets van de persoon zelf');
    vi.advanceTimersByTime(CLIPBOARD_CLEAR_MS);
    expect(clipboard.readText()).toBe('iets van de persoon zelf');
  });

  it('is gone once the person closes it: copying then says so and leaves the clipboard alone', async () => {
    const { main, clipboard } = await opgeslagen();
    expect(await main.handlers['verstrekkingen.vergeetWachtwoord']({ registerId: REGISTER })).toEqual({ ok: true, value: {} });
    clipboard.writeText('eerder');
    expect(await main.handlers['verstrekkingen.kopieerWachtwoord']({ registerId: REGISTER })).toEqual(gone);
    expect(clipboard.readText()).toBe('eerder');
    // Forgetting what main does not hold changes nothing.
    expect(await main.handlers['verstrekkingen.vergeetWachtwoord']({ registerId: ANDER })).toEqual({ ok: true, value: {} });
  });

  it('is gone after 10 minutes', async () => {
    const { main, clipboard } = await opgeslagen();
    vi.advanceTimersByTime(WACHTWOORD_BEWAAR_MS - 1);
    expect(await main.handlers['verstrekkingen.kopieerWachtwoord']({ registerId: REGISTER })).toMatchObject({ value: { gekopieerd: true } });
    vi.advanceTimersByTime(1);
    clipboard.clear();
    expect(await main.handlers['verstrekkingen.kopieerWachtwoord']({ registerId: REGISTER })).toEqual(gone);
    expect(clipboard.readText()).toBe('');
    expect(WACHTWOORD_BEWAAR_MS).toBe(600_000);
  });

  it('is gone after a lock, which also clears it from the clipboard at once', async () => {
    const { main, clipboard } = await opgeslagen();
    await main.handlers['verstrekkingen.kopieerWachtwoord']({ registerId: REGISTER });
    main.forget();
    expect(clipboard.readText()).toBe('');
    expect(await main.handlers['verstrekkingen.kopieerWachtwoord']({ registerId: REGISTER })).toEqual(gone);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('only the package that was saved: another register id, a cancelled or a refused save keep nothing', async () => {
    const { main, clipboard } = await opgeslagen();
    expect(await main.handlers['verstrekkingen.kopieerWachtwoord']({ registerId: ANDER })).toEqual(gone);
    expect(clipboard.readText()).toBe('');
    const s = setup({ 'verstrekkingen.gate': () => ({ ok: true, value: { bestandsnaam: 'x.pdf' } }), 'verstrekkingen.writePackage': () => refused });
    expect(await s.main.handlers['verstrekkingen.savePackage'](verzoek)).toEqual(refused);
    s.showSaveDialog.mockResolvedValueOnce(null);
    expect(await s.main.handlers['verstrekkingen.savePackage'](verzoek)).toEqual({ ok: true, value: { opgeslagen: false } });
    expect(s.timers).toEqual([]);
  });
});

describe('print, register export, rule-set import', () => {
  it('prints what the core built after its gate; a refusal prints nothing', async () => {
    const s = setup({ 'verstrekkingen.printDocument': () => ({ ok: true, value: { html: '<p>x</p>', registerId: BESLUIT } }) });
    expect(await s.main.handlers['verstrekkingen.print'](verzoek)).toEqual({ ok: true, value: { afgedrukt: true } });
    expect(s.print).toHaveBeenCalledWith('<p>x</p>');
    const t = setup({ 'verstrekkingen.printDocument': () => refused });
    expect(await t.main.handlers['verstrekkingen.print'](verzoek)).toEqual(refused);
    expect(t.print).not.toHaveBeenCalled();
  });

  it('exports the register to the place the person chose, with a dated name', async () => {
    const s = setup({ 'verstrekkingen.writeRegisterCsv': () => ({ ok: true, value: { rijen: 12 } }) });
    expect(await s.main.handlers['verstrekkingen.exportRegister']({ filter: { partnerId: 'comensha' } })).toEqual({ ok: true, value: { opgeslagen: true, rijen: 12 } });
    expect(s.showSaveDialog).toHaveBeenCalledWith({ defaultName: 'verstrekkingenregister-2026-12-03.csv', filter: { name: 'CSV', extensions: ['csv'] } });
    expect(s.calls).toEqual([['verstrekkingen.writeRegisterCsv', { path: '/home/someone/Documenten/pakket.pdf', filter: { partnerId: 'comensha' } }]]);
  });

  it('imports a rule set from the file the person chose; cancelling imports nothing', async () => {
    const s = setup({ 'stappenplan.importFile': () => ({ ok: true, value: { versie: '2' } }) });
    expect(await s.main.handlers['stappenplan.import']({})).toEqual({ ok: true, value: { versie: '2' } });
    expect(s.calls).toEqual([['stappenplan.importFile', { path: '/home/someone/regels-v2.json' }]]);
    s.showOpenDialog.mockResolvedValueOnce(null);
    expect(await s.main.handlers['stappenplan.import']({})).toEqual({ ok: true, value: { versie: null } });
    expect(s.calls).toHaveLength(1);
  });
});

describe('the native parts', () => {
  afterEach(() => vi.restoreAllMocks());

  it('the save dialog is modal to our window, asks before replacing, and shows nothing without a window', async () => {
    const dialog = { showSaveDialog: vi.fn(async () => ({ canceled: false, filePath: '/tmp/x.pdf' })) };
    const window = { isDestroyed: () => false };
    const show = nativeSaveDialog(dialog as never, () => window as never);
    expect(await show({ defaultName: 'a.pdf', filter: { name: 'PDF', extensions: ['pdf'] } })).toBe('/tmp/x.pdf');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(window, { defaultPath: 'a.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }], properties: ['createDirectory', 'showOverwriteConfirmation'] });
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await show({ defaultName: 'a.pdf', filter: { name: 'PDF', extensions: ['pdf'] } })).toBeNull();
    expect(await nativeSaveDialog(dialog as never, () => null)({ defaultName: 'a.pdf', filter: { name: 'PDF', extensions: ['pdf'] } })).toBeNull();
    expect(dialog.showSaveDialog).toHaveBeenCalledTimes(2);
  });

  it('the clipboard is reached only when used', () => {
    const get = vi.fn(() => ({ readText: () => 'x', writeText: vi.fn(), clear: vi.fn() }));
    const port = electronClipboard(get);
    expect(get).not.toHaveBeenCalled();
    expect(port.readText()).toBe('x');
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('prints in a hidden, sandboxed window without JavaScript, from memory, and destroys it', async () => {
    const made: Array<{ options: Record<string, unknown>; loaded: string[]; destroyed: boolean }> = [];
    class FakeWindow implements PrintWindow {
      loaded: string[] = [];
      destroyed = false;
      constructor(readonly options: Record<string, unknown>) {
        made.push(this);
      }
      async loadURL(url: string) {
        this.loaded.push(url);
      }
      webContents = { print: (_o: unknown, cb: (ok: boolean, reason: string) => void) => cb(true, '') };
      destroy() {
        this.destroyed = true;
      }
      isDestroyed() {
        return this.destroyed;
      }
    }
    const parent = { isDestroyed: () => false };
    const print = printInHiddenWindow(FakeWindow as never, () => parent as never);
    expect(await print('<p>Naam: Voorbeeldig</p>')).toBe(true);
    expect(made).toHaveLength(1);
    expect(made[0]!.options).toMatchObject({ show: false, parent, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true, devTools: false } });
    expect(made[0]!.options.webPreferences).not.toHaveProperty('preload');
    expect(made[0]!.loaded).toEqual([`data:text/html;charset=utf-8,${encodeURIComponent('<p>Naam: Voorbeeldig</p>')}`]);
    expect(made[0]!.destroyed).toBe(true);
    expect(await printInHiddenWindow(FakeWindow as never, () => null)('<p/>')).toBe(false);
    expect(made).toHaveLength(1);
  });

  it('the bridge’s clipboard lives in memory', () => {
    const c = memoryClipboard();
    c.writeText('a');
    expect(c.readText()).toBe('a');
    c.clear();
    expect(c.readText()).toBe('');
  });
});

describe('through the window relay, with a real core and vault', () => {
  it('a crafted package call is refused (and recorded) before any dialog; a path from the window is refused by the contract', async () => {
    const { openProfileVault, profileFields } = await import('../core/profile/helpers');
    const { typedCoreCall } = await import('../../electron/gateway/coreCall');
    const { createWindowCalls } = await import('../../electron/gateway/windowCalls');
    const { createImportChoice } = await import('../../electron/gateway/importChoice');
    const pv = await openProfileVault();
    try {
      await pv.call('profile.save', { fields: profileFields() });
      const c = await pv.call('clienten.create', { fields: { roepnaam: 'Testa', geboortedatum: '1990-01-01' } });
      const t = await pv.call('trajecten.create', { clientId: c.id, fields: { vormen: [], minderjarigBijStart: false, gemeente: 'Rotterdam', verwijzer: 'politie', aanmelddatum: '2026-01-05' } });
      const callCore = typedCoreCall(pv.core.dispatch);
      const showSaveDialog = vi.fn(async () => '/tmp/nooit.pdf');
      const v = createVerstrekkingenMain({ forward: callCore, showSaveDialog, showOpenDialog: async () => null, clipboard: memoryClipboard(), print: async () => true });
      // Main's handlers of other areas are not under test here.
      const mainHandlers = { ...createImportChoice({ showOpenDialog: async () => null, forward: callCore }).handlers, ...v.handlers } as unknown as MainHandlers;
      const window = createWindowCalls({ forward: callCore, mainHandlers });
      const r = await window('verstrekkingen.savePackage', { besluitId: BESLUIT, trajectId: t.id, partnerId: 'comensha', categorieen: ['identificerend', 'bsn'] });
      expect(r).toMatchObject({ ok: false, error: { code: 'DISCLOSURE_REFUSED', issues: [{ path: 'besluitId' }] } });
      expect(showSaveDialog).not.toHaveBeenCalled();
      const reg = await pv.call('verstrekkingen.register', {});
      expect(reg.items.map((x) => [x.soort, x.wat, x.pseudoniem])).toEqual([['geweigerd', 'pakket', c.pseudoniem]]);
      expect(await window('verstrekkingen.savePackage', { besluitId: BESLUIT, trajectId: t.id, partnerId: 'comensha', categorieen: ['identificerend'], path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      // Host methods are not window methods.
      expect(await window('verstrekkingen.writePackage', { besluitId: BESLUIT, trajectId: t.id, partnerId: 'comensha', categorieen: ['identificerend'], path: '/tmp/x.pdf' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
      expect(await window('verstrekkingen.copyValue', { besluitId: BESLUIT, trajectId: t.id, partnerId: 'comensha', veld: 'bsn' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
      expect((await pv.call('verstrekkingen.register', {})).total).toBe(1);
    } finally {
      pv.close();
    }
  });
});
