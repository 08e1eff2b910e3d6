// Main's part of tafel mode (electron mocked by fakes): the open dialog gives the core the chosen
// paths, never the window; a cancel imports nothing; the PDF is refused before any dialog when
// nothing is imported; a second click while a dialog is open is refused; the native open dialog
// allows several JSON files and shows nothing without a window.
import { fakeForward, type Answers } from './fakeForward';
import { describe, expect, it, vi } from 'vitest';
import type { Result } from '../../shared/ipc/define';
import { KkError } from '../../shared/errors';
import { alsMeerdere, createTafelModusMain } from '../../electron/gateway/tafelModusMain';
import { nativeOpenJsonFilesDialog } from '../../electron/main/tafelModusDialog';

const P = { jaar: 2024 } as const;

function setup(answers: Answers = {}, paths: readonly string[] | null = ['/home/secretariaat/essm-2024.json', '/home/secretariaat/shop-2024.json']) {
  const { forward, calls } = fakeForward(answers);
  const showOpenFiles = vi.fn(async () => paths);
  const showSaveDialog = vi.fn(async (_o: { defaultName: string; filter: { name: string; extensions: string[] } }): Promise<string | null> => '/home/secretariaat/monitor.pdf');
  return { main: createTafelModusMain({ forward, showOpenFiles, showSaveDialog }), calls, showOpenFiles, showSaveDialog };
}

describe('import', () => {
  it('hands the core the chosen paths with the period; the window gets only the outcomes', async () => {
    const uitkomsten = [{ ok: true, bestandsnaam: 'essm-2024.json', vrijgaveId: 'v1', organisatie: 'ESSM', vervangt: null, melding: 'Ontvangen' }];
    const s = setup({ 'tafelModus.importFiles': () => ({ ok: true, value: { uitkomsten } }) });
    const r = await s.main.handlers['tafelModus.import']({ periode: P });
    expect(r).toEqual({ ok: true, value: { geannuleerd: false, uitkomsten } });
    expect(s.calls).toEqual([['tafelModus.importFiles', { periode: P, paths: ['/home/secretariaat/essm-2024.json', '/home/secretariaat/shop-2024.json'] }]]);
    expect(JSON.stringify(r)).not.toContain('/home/');
  });

  it('a cancel imports nothing', async () => {
    const s = setup({}, null);
    expect(await s.main.handlers['tafelModus.import']({ periode: P })).toEqual({ ok: true, value: { geannuleerd: true, uitkomsten: [] } });
    expect(s.calls).toEqual([]);
  });

  it('a second click while the dialog is open is refused', async () => {
    let release!: (p: string[]) => void;
    const s = setup({ 'tafelModus.importFiles': () => ({ ok: true, value: { uitkomsten: [] } }) });
    s.showOpenFiles.mockImplementationOnce(() => new Promise((resolve) => (release = resolve)));
    const first = s.main.handlers['tafelModus.import']({ periode: P });
    await expect(s.main.handlers['tafelModus.import']({ periode: P })).rejects.toMatchObject({ code: 'CONFLICT' });
    release(['/a.json']);
    expect(await first).toMatchObject({ ok: true, value: { geannuleerd: false } });
  });

  it('a one-file dialog (the test bridge) becomes a list of one, or null', async () => {
    expect(await alsMeerdere(async () => '/x.json')()).toEqual(['/x.json']);
    expect(await alsMeerdere(async () => null)()).toBeNull();
  });
});

describe('the PDF', () => {
  it('refused before any dialog when nothing of the period is imported', async () => {
    const refused: Result<never> = { ok: false, error: new KkError('INVALID_INPUT', 'Er is nog geen overzicht over 2024 ontvangen.').toInfo() };
    const s = setup({ 'tafelModus.pdfName': () => refused });
    expect(await s.main.handlers['tafelModus.savePdf']({ periode: P })).toEqual(refused);
    expect(s.showSaveDialog).not.toHaveBeenCalled();
  });

  it('suggests the core\'s name, hands the chosen path to the core, returns name and size; a cancel writes nothing', async () => {
    const s = setup({
      'tafelModus.pdfName': () => ({ ok: true, value: { bestandsnaam: 'regionale-monitor-2024.pdf' } }),
      'tafelModus.writePdf': () => ({ ok: true, value: { bestandsnaam: 'monitor.pdf', bytes: 4321 } }),
    });
    expect(await s.main.handlers['tafelModus.savePdf']({ periode: P })).toEqual({ ok: true, value: { opgeslagen: true, bestandsnaam: 'monitor.pdf', bytes: 4321 } });
    expect(s.showSaveDialog).toHaveBeenCalledWith({ defaultName: 'regionale-monitor-2024.pdf', filter: { name: 'PDF', extensions: ['pdf'] } });
    expect(s.calls.map(([m, i]) => [m, i])).toEqual([
      ['tafelModus.pdfName', { periode: P }],
      ['tafelModus.writePdf', { periode: P, path: '/home/secretariaat/monitor.pdf' }],
    ]);
    s.showSaveDialog.mockResolvedValueOnce(null);
    expect(await s.main.handlers['tafelModus.savePdf']({ periode: P })).toEqual({ ok: true, value: { opgeslagen: false } });
    expect(s.calls.filter(([m]) => m === 'tafelModus.writePdf')).toHaveLength(1);
  });
});

describe('the native open dialog', () => {
  it('several JSON files, modal to our window; nothing without a window; null when cancelled', async () => {
    const window = { isDestroyed: () => false };
    const showOpenDialog = vi.fn(async () => ({ canceled: false, filePaths: ['/a.json', '/b.json'] }));
    const dialog = { showOpenDialog } as never;
    expect(await nativeOpenJsonFilesDialog(dialog, () => window as never)()).toEqual(['/a.json', '/b.json']);
    expect(showOpenDialog).toHaveBeenCalledWith(window, { properties: ['openFile', 'multiSelections'], filters: [{ name: 'JSON', extensions: ['json'] }] });
    expect(await nativeOpenJsonFilesDialog(dialog, () => null)()).toBeNull();
    showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    expect(await nativeOpenJsonFilesDialog(dialog, () => window as never)()).toBeNull();
  });
});
