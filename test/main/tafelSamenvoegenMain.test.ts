// Main's part of the combine step (issue 14): the file dialogs. With fakes: a refusal comes before
// any dialog, a cancel writes nothing, the path goes only to the host method, no second dialog on
// top of the first. And through the real window gateway with real cores (a reporter and a
// colleague, each with an encrypted vault): the window never names a path, and a count file goes
// from one to the other through main's dialogs.
import { fakeForward, type Answers } from './fakeForward';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { KkError } from '../../shared/errors';
import type { Result } from '../../shared/ipc/define';
import { createCore, type Core } from '../../electron/core/core';
import { typedCoreCall } from '../../electron/gateway/coreCall';
import { createTafelSamenvoegenMain } from '../../electron/gateway/tafelSamenvoegenMain';
import { createWindowCalls, type MainHandlers, type WindowCall } from '../../electron/gateway/windowCalls';

const PERIODE = { jaar: 2025, kwartaal: 1 as const };
const geenKey: Result<never> = { ok: false, error: new KkError('INVALID_INPUT', 'Lees eerst de ontvangstsleutel in.').toInfo() };

function setup(answers: Answers = {}, pad: string | null = '/home/someone/Documenten/telbestand.json') {
  const { forward, calls } = fakeForward(answers, { ok: true, value: { bestandsnaam: 'x.json' } });
  const showSaveDialog = vi.fn(async (_o: { defaultName: string; filter: { name: string; extensions: string[] } }): Promise<string | null> => pad);
  const showOpenDialog = vi.fn(async (): Promise<string | null> => pad);
  const main = createTafelSamenvoegenMain({ forward, showSaveDialog, showOpenDialog });
  return { main, calls, showSaveDialog, showOpenDialog };
}

describe('main’s dialogs (fakes)', () => {
  it('a count file: checked first; without the reporter’s key no dialog is shown', async () => {
    const s = setup({ 'tafelSamenvoegen.telbestandNaam': () => geenKey });
    const r = await s.main.handlers['tafelSamenvoegen.maakTelbestand']({ periode: PERIODE });
    expect(r).toEqual(geenKey);
    expect(s.showSaveDialog).not.toHaveBeenCalled();
    expect(s.calls.map((c) => c[0])).toEqual(['tafelSamenvoegen.telbestandNaam']);
  });

  it('a count file: the suggested name in the dialog, the chosen path only to the host method', async () => {
    const s = setup({
      'tafelSamenvoegen.telbestandNaam': () => ({ ok: true, value: { bestandsnaam: 'telbestand-essm-2025-K1-AB12.json' } }),
      'tafelSamenvoegen.schrijfTelbestand': () => ({ ok: true, value: { bestandsnaam: 'telbestand.json', telbestandId: '01900000-0000-7000-8000-0000000000d1', samenvatting: {}, aangemaakt: '' } }),
    });
    const r = await s.main.handlers['tafelSamenvoegen.maakTelbestand']({ periode: PERIODE });
    expect(s.showSaveDialog).toHaveBeenCalledWith({ defaultName: 'telbestand-essm-2025-K1-AB12.json', filter: { name: 'JSON', extensions: ['json'] } });
    expect(s.calls[1]).toEqual(['tafelSamenvoegen.schrijfTelbestand', { periode: PERIODE, path: '/home/someone/Documenten/telbestand.json' }]);
    expect(r.ok && r.value.opgeslagen).toBe(true);
    // What goes back to the window names no path.
    expect(JSON.stringify(r)).not.toContain('/home/someone');
  });

  it('a cancel writes and reads nothing', async () => {
    const s = setup({}, null);
    expect(await s.main.handlers['tafelSamenvoegen.maakTelbestand']({ periode: PERIODE })).toEqual({ ok: true, value: { opgeslagen: false } });
    expect(await s.main.handlers['tafelSamenvoegen.leesTelbestand']({})).toEqual({ ok: true, value: { gekozen: false } });
    expect(await s.main.handlers['tafelSamenvoegen.kiesOntvanger']({})).toEqual({ ok: true, value: { gekozen: false, ontvanger: null } });
    expect(await s.main.handlers['tafelSamenvoegen.bewaarOntvangstsleutel']({})).toEqual({ ok: true, value: { opgeslagen: false } });
    expect(s.calls.map((c) => c[0])).toEqual(['tafelSamenvoegen.telbestandNaam', 'tafelSamenvoegen.ontvangstsleutelNaam']);
  });

  it('no second dialog on top of an open one', async () => {
    let release: (p: string | null) => void = () => undefined;
    const s = setup();
    s.showOpenDialog.mockImplementationOnce(() => new Promise((r) => (release = r)));
    const first = s.main.handlers['tafelSamenvoegen.leesTelbestand']({});
    await expect(s.main.handlers['tafelSamenvoegen.leesTelbestand']({})).rejects.toMatchObject({ code: 'CONFLICT' });
    release(null);
    expect(await first).toEqual({ ok: true, value: { gekozen: false } });
    expect(s.showOpenDialog).toHaveBeenCalledTimes(1);
  });
});

// ---------------------------------------------------------------- real cores behind the gateway

interface Kant {
  core: Core;
  call: WindowCall;
  dialog: Array<string | null>;
}
let root: string;
const kanten: Kant[] = [];

function kant(naam: string): Kant {
  const core = createCore({ vaultDir: join(root, naam) });
  const forward = typedCoreCall(core.dispatch);
  const dialog: Array<string | null> = [];
  const main = createTafelSamenvoegenMain({ forward, showSaveDialog: async () => dialog.shift() ?? null, showOpenDialog: async () => dialog.shift() ?? null });
  // Only the combine step's main methods are answered here; the others are not called in this test.
  const call = createWindowCalls({ forward, mainHandlers: main.handlers as unknown as MainHandlers });
  const k = { core, call, dialog };
  kanten.push(k);
  return k;
}

async function ok<T = Record<string, unknown>>(k: Kant, method: string, input: unknown): Promise<T> {
  const r = await k.call(method, input);
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'kk-samenvoegen-main-'));
});
afterAll(() => {
  for (const k of kanten) k.core.close();
  rmSync(root, { recursive: true, force: true });
});

describe('through the window gateway, real cores', () => {
  it('the reporter saves the key file, the colleague reads it and saves a count file, the reporter reads it in', async () => {
    const rep = kant('rapporteur');
    const col = kant('collega');
    for (const [k, naam] of [
      [rep, 'Testa Rapporteur'],
      [col, 'Testa Collega'],
    ] as const) {
      await ok(k, 'vault.create', { passphrase: 'test-only rustige rivier onder de brug 3' });
      await ok(k, 'profile.save', { fields: { naam, functie: 'zorgcoordinator', organisatie: 'essm', regio: 'rotterdam' } });
    }
    // The window cannot call a host method with a path of its choosing.
    const verboden = await col.call('tafelSamenvoegen.schrijfTelbestand', { periode: PERIODE, path: join(root, 'x.json') });
    expect(verboden.ok).toBe(false);
    if (!verboden.ok) expect(verboden.error.code).toBe('UNKNOWN_METHOD');
    // Nor pass a path to a main method.
    expect((await col.call('tafelSamenvoegen.maakTelbestand', { periode: PERIODE, path: join(root, 'x.json') })).ok).toBe(false);

    // Without a receiving key there is nothing to save, and no dialog.
    const geen = await rep.call('tafelSamenvoegen.bewaarOntvangstsleutel', {});
    expect(geen.ok).toBe(false);
    const { sleutel } = await ok<{ sleutel: { vingerafdruk: string } }>(rep, 'tafelSamenvoegen.maakOntvangstsleutel', {});
    const sleutelPad = join(root, 'ontvangstsleutel.json');
    rep.dialog.push(sleutelPad);
    const bewaard = await ok<{ opgeslagen: boolean; vingerafdruk: string }>(rep, 'tafelSamenvoegen.bewaarOntvangstsleutel', {});
    expect(bewaard).toMatchObject({ opgeslagen: true, vingerafdruk: sleutel.vingerafdruk });
    expect(readFileSync(sleutelPad, 'utf8')).toContain(sleutel.vingerafdruk);

    // The colleague: no key stored yet → a count file is refused before any dialog.
    col.dialog.push(join(root, 'nooit.json'));
    const zonder = await col.call('tafelSamenvoegen.maakTelbestand', { periode: PERIODE });
    expect(zonder.ok).toBe(false);
    if (!zonder.ok) expect(zonder.error.message).toMatch(/Lees eerst de ontvangstsleutel in/);
    col.dialog.length = 0;
    col.dialog.push(sleutelPad);
    const ingesteld = await ok<{ gekozen: boolean; ontvanger: { vingerafdruk: string } }>(col, 'tafelSamenvoegen.kiesOntvanger', {});
    expect(ingesteld.ontvanger.vingerafdruk).toBe(sleutel.vingerafdruk);
    const voorbeeld = await ok<{ ontvanger: string; ondertekenaar: string }>(col, 'tafelSamenvoegen.voorbeeldTelbestand', { periode: PERIODE });
    expect(voorbeeld.ontvanger).toBe(sleutel.vingerafdruk);
    const telPad = join(root, 'telbestand.json');
    col.dialog.push(telPad);
    const gemaakt = await ok<{ opgeslagen: boolean; telbestandId: string }>(col, 'tafelSamenvoegen.maakTelbestand', { periode: PERIODE });
    expect(gemaakt.opgeslagen).toBe(true);

    // The reporter: an unknown colleague is refused (as an outcome, nothing stored), then registered and read.
    rep.dialog.push(telPad);
    const onbekend = await ok<{ gekozen: boolean; uitkomst: { status: string; soort: string } }>(rep, 'tafelSamenvoegen.leesTelbestand', { periode: PERIODE });
    expect(onbekend.uitkomst).toMatchObject({ status: 'geweigerd', soort: 'onbekende-ondertekenaar' });
    await ok(rep, 'tafelSamenvoegen.registreerCollega', { vingerafdruk: voorbeeld.ondertekenaar, organisatie: 'essm', omschrijving: 'meldpunt' });
    rep.dialog.push(telPad);
    const gelezen = await ok<{ bestandsnaam: string; uitkomst: { status: string } }>(rep, 'tafelSamenvoegen.leesTelbestand', { periode: PERIODE });
    expect(gelezen).toMatchObject({ bestandsnaam: 'telbestand.json', uitkomst: { status: 'ingelezen' } });
    const status = await ok<{ bronnen: Array<{ telbestandId: string }>; collegas: number; telbestanden: unknown[] }>(rep, 'tafelSamenvoegen.status', { periode: PERIODE });
    expect(status.collegas).toBe(1);
    expect(status.bronnen.map((b) => b.telbestandId)).toEqual([gemaakt.telbestandId]);
    // Asked for another period: refused as a period mismatch.
    rep.dialog.push(telPad);
    const anders = await ok<{ uitkomst: { status: string; soort: string } }>(rep, 'tafelSamenvoegen.leesTelbestand', { periode: { jaar: 2025 } });
    expect(anders.uitkomst).toMatchObject({ status: 'geweigerd', soort: 'periode' });
  }, 120_000);
});
