// Tafel mode through the window's way in (windowCalls + main's dialogs in tafelModusMain.ts) on a
// real core: every input and output passes the contract. The window never names a path: the
// open and save dialogs are played by the test.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessApi, PASSPHRASE, type InProcessApi } from '../../renderer/inProcessApi';
import { monitor2024 } from '../../shared/tafel/fixtures';
import { geefUit, organisatie } from './monitorFixtures';

let env: InProcessApi;
const essm = organisatie('essm', 'ESSM (Humanitas)');
let essmPad: string;
let vreemdPad: string;
const ok = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

beforeAll(async () => {
  env = inProcessApi();
  ok(await env.api['vault.create']({ passphrase: PASSPHRASE }));
  essmPad = join(env.vaultDir, '..', 'essm-2024.json');
  writeFileSync(essmPad, geefUit(essm, { jaar: 2024 }, monitor2024()).json);
  vreemdPad = join(env.vaultDir, '..', 'vreemd-2024.json');
  writeFileSync(vreemdPad, geefUit(organisatie('vreemd', 'Vreemd'), { jaar: 2024 }, monitor2024()).json);
}, 120_000);
afterAll(() => env.dispose());

describe('tafelModus over the contract', () => {
  it('registers, imports through the open dialog (a cancel imports nothing), lists, compiles and saves the PDF through the save dialog', async () => {
    const api = env.api;
    const o = ok(await api['tafelModus.registerSigner']({ naam: 'ESSM (Humanitas)', organisatieId: 'essm', vingerafdruk: essm.vingerafdruk }));
    expect(ok(await api['tafelModus.listSigners']({})).ondertekenaars).toEqual([o]);
    const dubbel = await api['tafelModus.registerSigner']({ naam: 'Nog eens', organisatieId: 'essm', vingerafdruk: essm.vingerafdruk });
    expect(dubbel.ok ? null : dubbel.error.code).toBe('CONFLICT');

    // Nothing imported yet: the PDF is refused before any dialog.
    const leeg = await api['tafelModus.savePdf']({ periode: { jaar: 2024 } });
    expect(leeg.ok ? null : leeg.error.message).toMatch(/nog geen overzicht over 2024/);

    env.answerFileDialog(null);
    expect(ok(await api['tafelModus.import']({ periode: { jaar: 2024 } }))).toEqual({ geannuleerd: true, uitkomsten: [] });
    env.answerFileDialog(vreemdPad);
    const geweigerd = ok(await api['tafelModus.import']({ periode: { jaar: 2024 } }));
    expect(geweigerd.uitkomsten[0]).toMatchObject({ ok: false, bestandsnaam: 'vreemd-2024.json', soort: 'onbekende-ondertekenaar' });
    env.answerFileDialog(essmPad);
    const r = ok(await api['tafelModus.import']({ periode: { jaar: 2024 } }));
    expect(r).toMatchObject({ geannuleerd: false, uitkomsten: [{ ok: true, bestandsnaam: 'essm-2024.json', organisatie: 'ESSM (Humanitas)' }] });

    const lijst = ok(await api['tafelModus.listImported']({ periode: { jaar: 2024 } })).ontvangen;
    expect(lijst).toHaveLength(1);
    expect(lijst[0]).toMatchObject({ organisatieId: 'essm', volgnummer: 1, vervangenDoor: null });
    const m = ok(await api['tafelModus.compile']({ periode: { jaar: 2024 } }));
    expect(m.periodeTekst).toBe('2024');
    expect(m.secties).toHaveLength(1);
    expect(m.grafieken.clientenPerCategorie.find((s) => s.id === 'seksuele-uitbuiting')).toMatchObject({ min: 115, max: 115 });
    expect(ok(await api['tafelModus.compile']({ periode: { jaar: 2025 } })).secties).toEqual([]);

    const pdf = join(env.vaultDir, '..', 'regionale-monitor-2024.pdf');
    env.answerFileDialog(null);
    expect(ok(await api['tafelModus.savePdf']({ periode: { jaar: 2024 } }))).toEqual({ opgeslagen: false });
    expect(existsSync(pdf)).toBe(false);
    env.answerFileDialog(pdf);
    const saved = ok(await api['tafelModus.savePdf']({ periode: { jaar: 2024 } }));
    expect(saved).toMatchObject({ opgeslagen: true, bestandsnaam: 'regionale-monitor-2024.pdf' });
    expect(spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout).toContain('ESSM (Humanitas)');

    const ingetrokken = ok(await api['tafelModus.retireSigner']({ id: o.id, reden: 'nieuwe sleutel' }));
    expect(ingetrokken).toMatchObject({ ingetrokkenReden: 'nieuwe sleutel', ontvangen: 1 });
  });

  it('the window cannot hand the core a path: host methods are not window methods', async () => {
    const call = (env.api as unknown as Record<string, unknown>)['tafelModus.importFiles'];
    expect(call).toBeUndefined();
  });
});
