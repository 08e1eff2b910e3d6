// The casework slices against a real core and a real encrypted vault in a temp dir.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppStore } from '../../../renderer/store/appStore';
import type { InProcessApi } from '../inProcessApi';
import { unlockedStore } from './unlockedStore';

let env: InProcessApi;
let store: AppStore;

function syntheticTraject(i: number) {
  return {
    client: { roepnaam: `Test${i}` },
    minderjarigBijStart: i % 7 === 0,
    gemeente: i % 2 ? 'Rotterdam' : 'Dordrecht',
    verwijzer: 'politie',
    aanmelddatum: '2025-03-01',
    vormen: ['seksuele-uitbuiting'],
  };
}

let files = 0;
/** Writes `file` beside the vault, lets the dialog choose it, and imports it the window's way. */
async function importThroughDialog(file: unknown): Promise<boolean> {
  const path = join(env.vaultDir, '..', `import-${++files}.json`);
  writeFileSync(path, JSON.stringify(file));
  env.answerFileDialog(path);
  await store.getState().chooseImportFile();
  expect(store.getState().importState.chosen?.name).toBe(`import-${files}.json`);
  return store.getState().importChosen(false);
}

beforeAll(async () => {
  ({ env, store } = await unlockedStore());
  const file = { format: 'ketenkluis.casework', versie: 1, trajecten: Array.from({ length: 250 }, (_, i) => syntheticTraject(i)) };
  expect(await importThroughDialog(file)).toBe(true);
  expect(store.getState().importState.result).toMatchObject({ trajecten: 250, clienten: 250 });
});
afterAll(() => env.dispose());

describe('trajecten list paging', () => {
  it('reads only the pages in view and knows the total', async () => {
    store.getState().refreshTrajectList();
    await store.getState().loadTrajectRows(0, 30);
    let list = store.getState().trajectList;
    expect(list.total).toBe(250);
    expect(Object.keys(list.pages)).toEqual(['0']);
    expect(list.pages[0]).toHaveLength(100);
    await store.getState().loadTrajectRows(190, 230);
    list = store.getState().trajectList;
    expect(Object.keys(list.pages).sort()).toEqual(['0', '1', '2']);
    expect(list.pages[2]).toHaveLength(50);
    expect(list.loading).toEqual([]);
    // Rows carry pseudonyms, never names.
    expect(JSON.stringify(list.pages[0])).not.toContain('Test1');
  });

  it('a new filter drops the old rows, and an answer for the old filter is thrown away', async () => {
    store.getState().refreshTrajectList();
    const pending = store.getState().loadTrajectRows(0, 10);
    store.getState().setTrajectFilter({ sort: 'bijgewerkt', richting: 'desc', gemeente: 'Dordrecht' });
    await pending;
    expect(store.getState().trajectList.total).toBeNull();
    await store.getState().loadTrajectRows(0, 10);
    expect(store.getState().trajectList.total).toBe(125);
    store.getState().setTrajectFilter({ sort: 'bijgewerkt', richting: 'desc', open: true });
  });
});

describe('a traject: writes reload what the core stored; refusals keep the screen intact', () => {
  it('journal, task, consent, phase moves and closing with a reason', async () => {
    store.getState().refreshTrajectList();
    await store.getState().loadTrajectRows(0, 0);
    const first = store.getState().trajectList.pages[0]![0]!;
    await store.getState().openTraject(first.id);
    expect(store.getState().trajectDetail?.traject.pseudoniem).toBe(first.pseudoniem);

    expect(await store.getState().addJournaal({ soort: 'contact', tekst: 'Synthetische notitie' })).toBe(true);
    expect(store.getState().trajectDetail?.journaal[0]?.tekst).toBe('Synthetische notitie');
    expect(await store.getState().addTaak({ titel: 'Testtaak', deadline: '2020-01-01' })).toBe(true);
    expect(store.getState().trajectDetail?.taken.find((t) => t.titel === 'Testtaak')?.state).toBe('verlopen');
    expect(store.getState().trajectDetail?.signalen.verlopenTaken).toBe(1);

    expect(await store.getState().transitionTraject({ naar: 'intake' })).toBe(true);
    expect(store.getState().trajectDetail?.traject.fase).toBe('intake');

    // Closing without a reason: refused by the core, the traject stays as it was.
    const before = store.getState().trajectDetail!;
    expect(await store.getState().transitionTraject({ naar: 'afgesloten' })).toBe(false);
    expect(store.getState().trajectWrite.error?.code).toBe('INVALID_INPUT');
    expect(store.getState().trajectDetail).toEqual(before);

    expect(await store.getState().transitionTraject({ naar: 'afgesloten', reden: 'doelen-bereikt' })).toBe(true);
    expect(store.getState().trajectDetail?.traject).toMatchObject({ fase: 'afgesloten', afsluitReden: 'doelen-bereikt' });
    expect(store.getState().trajectWrite.error).toBeNull();
  });

  it('a stale version is refused with CONFLICT and the current traject is loaded again', async () => {
    const detail = store.getState().trajectDetail!;
    // Another change behind the screen's back.
    const changed = await env.api['trajecten.update']({ id: detail.traject.id, version: detail.traject.version, fields: { notities: 'elders gewijzigd' } });
    expect(changed.ok).toBe(true);
    expect(await store.getState().updateTraject({ vormen: ['arbeidsuitbuiting'] })).toBe(false);
    expect(store.getState().trajectWrite.error?.code).toBe('CONFLICT');
    expect(store.getState().trajectDetail?.traject.version).toBeGreaterThan(detail.traject.version);
    expect(await store.getState().updateTraject({ vormen: ['arbeidsuitbuiting'] })).toBe(true);
    expect(store.getState().trajectDetail?.traject.vormen).toEqual(['arbeidsuitbuiting']);
  });
});

describe('meldingen', () => {
  it('an acute melding comes back with the core’s routing advice, and becomes a traject', async () => {
    const melding = await store.getState().createMelding({
      datum: '2025-04-02',
      kanaal: 'telefoon',
      anoniem: true,
      melderType: 'burger',
      gemeente: 'onbekend',
      vorm: 'arbeidsuitbuiting',
      conclusie: 'verder-onderzoek',
      acuut: true,
    });
    expect(melding?.advies.map((s) => s.actie)).toEqual(['acuut-alleen-bij-wel', 'signaal-doorspreken', 'advies-vragen', 'leeftijd-nagaan', 'terugkoppelen']);
    await store.getState().openMelding(melding!.id);
    expect(await store.getState().convertMelding({ nieuw: { roepnaam: 'Testmelding' } })).toBe(true);
    const state = store.getState();
    expect(state.route).toBe('trajecten');
    expect(state.trajectenView.screen).toBe('traject');
    expect(state.trajectDetail?.traject).toMatchObject({ meldingId: melding!.id, vormen: ['arbeidsuitbuiting'], verwijzer: 'meldpunt' });
  });

  it('a melding can become a traject for an existing cliënt, found by pseudonym code; an unknown code changes nothing', async () => {
    const existing = (await env.api['clienten.create']({ fields: { roepnaam: 'Bestaand' } })) as { ok: true; value: { id: string; pseudoniem: string } };
    const melding = await store.getState().createMelding({ datum: '2025-05-06', kanaal: 'email', anoniem: false, melderType: 'politie', gemeente: 'Rotterdam', vorm: 'criminele-uitbuiting' });
    await store.getState().openMelding(melding!.id);
    expect(await store.getState().convertMeldingForPseudonym('KK-2222-22')).toBe(false);
    expect(store.getState().meldingWrite.error?.code).toBe('NOT_FOUND');
    const still = (await env.api['meldingen.get']({ id: melding!.id })) as { ok: true; value: { trajectId: string | null } };
    expect(still.value.trajectId).toBeNull();
    expect(await store.getState().convertMeldingForPseudonym(existing.value.pseudoniem)).toBe(true);
    expect(store.getState().trajectDetail?.client.id).toBe(existing.value.id);
    expect(store.getState().trajectDetail?.traject.vormen).toEqual(['criminele-uitbuiting']);
  });

  it('an anonymous melding with reporter contact details is refused and nothing is stored', async () => {
    const before = (await env.api['meldingen.list']({})) as { ok: true; value: { total: number } };
    const result = await store.getState().createMelding({
      datum: '2025-04-02',
      kanaal: 'telefoon',
      anoniem: true,
      melderType: 'burger',
      melderContact: { naam: 'Test Melder' },
      gemeente: 'Rotterdam',
      vorm: 'onbekend',
    });
    expect(result).toBeNull();
    expect(store.getState().meldingWrite.error?.code).toBe('INVALID_INPUT');
    const after = (await env.api['meldingen.list']({})) as { ok: true; value: { total: number } };
    expect(after.value.total).toBe(before.value.total);
  });
});

describe('search, quick switch, import refusal', () => {
  it('the quick switcher finds a cliënt by name and drops answers to older queries', async () => {
    await store.getState().runQuickSwitch('Testmelding');
    const hits = store.getState().quickSwitch.hits;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]?.naam).toContain('Testmelding');
    const slow = store.getState().runQuickSwitch('Test1');
    void store.getState().runQuickSwitch('');
    await slow;
    expect(store.getState().quickSwitch).toMatchObject({ q: '', hits: [] });
  });

  it('an invalid import file is refused whole with reasons per record; nothing is written', async () => {
    const before = (await env.api['trajecten.list']({ filter: {} })) as { ok: true; value: { total: number } };
    const file = { format: 'ketenkluis.casework', versie: 1, trajecten: [syntheticTraject(1), { ...syntheticTraject(2), gemeente: 'Nergenshuizen' }] };
    expect(await importThroughDialog(file)).toBe(false);
    const error = store.getState().importState.error;
    expect(error?.code).toBe('INVALID_INPUT');
    expect(error?.issues?.map((i) => i.path)).toContain('trajecten.1.gemeente');
    const after = (await env.api['trajecten.list']({ filter: {} })) as { ok: true; value: { total: number } };
    expect(after.value.total).toBe(before.value.total);
  });
});

describe('locking', () => {
  it('drops every piece of case data the renderer held', async () => {
    await store.getState().loadDashboard();
    expect(store.getState().dashboard).not.toBeNull();
    await store.getState().lock();
    const s = store.getState();
    expect(s.vaultPhase).toBe('locked');
    expect(s.trajectDetail).toBeNull();
    expect(s.dashboard).toBeNull();
    expect(s.trajectList.total).toBeNull();
    expect(s.quickSwitch.hits).toEqual([]);
    expect(s.trajectenView).toEqual({ screen: 'dashboard' });
  });
});
