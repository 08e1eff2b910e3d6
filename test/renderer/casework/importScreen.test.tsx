// @vitest-environment happy-dom
// The Importeren screen against a real core and a real encrypted vault: the file is chosen in
// "main" (the test plays the dialog), the window sees its name and size only, and the core
// reads it from disk.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fileSizeLabel, ImportScreen } from '../../../renderer/features/casework/ImportScreen';
import type { AppStore } from '../../../renderer/store/appStore';
import { StoreProvider } from '../../../renderer/store/StoreProvider';
import type { InProcessApi } from '../inProcessApi';
import { unlockedStore } from './unlockedStore';

let env: InProcessApi;
let store: AppStore;

beforeAll(async () => {
  ({ env, store } = await unlockedStore());
});
afterAll(() => env.dispose());
afterEach(() => cleanup());

function traject(roepnaam: string, gemeente = 'Rotterdam') {
  return { client: { roepnaam }, minderjarigBijStart: false, gemeente, verwijzer: 'politie', aanmelddatum: '2025-02-03', vormen: ['arbeidsuitbuiting'] };
}

/** Writes a synthetic import file beside the vault; its path. */
function writeImport(name: string, trajecten: unknown[]): string {
  const path = join(env.vaultDir, '..', name);
  writeFileSync(path, JSON.stringify({ format: 'ketenkluis.casework', versie: 1, trajecten }));
  return path;
}

async function click(name: string) {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
}

async function trajectCount(): Promise<number> {
  const r = (await env.api['trajecten.list']({ filter: {} })) as { ok: true; value: { total: number } };
  return r.value.total;
}

function renderScreen() {
  return render(
    <StoreProvider store={store}>
      <ImportScreen />
    </StoreProvider>,
  );
}

describe('ImportScreen', () => {
  it('asks for a file first, shows the chosen name and size, keeps it on cancel, checks, then imports', async () => {
    renderScreen();
    expect(screen.getByTestId('import-chosen').textContent).toBe('Nog geen bestand gekozen.');
    await click('Bestand importeren');
    expect(screen.getByText('Kies eerst een bestand.')).toBeTruthy();

    const path = writeImport('twee-trajecten.json', [traject('Testa'), traject('Testb')]);
    env.answerFileDialog(path);
    await click('Bestand kiezen…');
    await waitFor(() => expect(screen.getByTestId('import-chosen').textContent).toMatch(/^Gekozen: twee-trajecten\.json \(\d+ bytes\)$/));
    expect(screen.queryByText('Kies eerst een bestand.')).toBeNull();

    env.answerFileDialog(null);
    await click('Bestand kiezen…');
    expect(screen.getByTestId('import-chosen').textContent).toContain('twee-trajecten.json');

    const before = await trajectCount();
    await click('Alleen controleren');
    await waitFor(() => expect(screen.getByTestId('import-result').textContent).toContain('Het bestand is goed'));
    expect(await trajectCount()).toBe(before);

    await click('Bestand importeren');
    await waitFor(() => expect(screen.getByTestId('import-result').textContent).toContain('cliënten: 2 · trajecten: 2'));
    expect(await trajectCount()).toBe(before + 2);
    // Imported once: the same file is not imported again by a second click.
    expect(screen.getByTestId('import-chosen').textContent).toBe('Nog geen bestand gekozen.');
  });

  it('refuses a bad file with reasons per record, writing nothing', async () => {
    renderScreen();
    const before = await trajectCount();
    env.answerFileDialog(writeImport('fout.json', [traject('Testc'), traject('Testd', 'Nergenshuizen')]));
    await click('Bestand kiezen…');
    await waitFor(() => expect(screen.getByTestId('import-chosen').textContent).toContain('fout.json'));
    await click('Bestand importeren');
    await waitFor(() => expect(screen.getByTestId('import-refused').textContent).toContain('trajecten 2 · gemeente'));
    expect(await trajectCount()).toBe(before);
  });

  it('names look-alike cliënten by record and pseudonym code before the import and after it, without a value (issue 13)', async () => {
    const existing = (await env.api['clienten.create']({ fields: { roepnaam: 'Zwaluw', achternaam: 'Kievitsma', geboortedatum: '1990-07-14', bsn: '123456782' } })) as { ok: true; value: { pseudoniem: string } };
    const code = existing.value.pseudoniem;
    const same = { roepnaam: 'zwaluw', achternaam: 'Kievitsma', geboortedatum: '1990-07-14' };
    const path = writeImport('dubbel.json', [{ ...traject('x'), client: { roepnaam: 'Iemand', bsn: '123456782' } }, { ...traject('x'), client: same }, { ...traject('x'), client: same }]);
    renderScreen();
    env.answerFileDialog(path);
    await click('Bestand kiezen…');
    await waitFor(() => expect(screen.getByTestId('import-chosen').textContent).toContain('dubbel.json'));
    await click('Alleen controleren');
    const warning = await screen.findByTestId('import-dubbel');
    expect(warning.textContent).toContain('Let op: cliënten in dit bestand lijken op iemand die er al is.');
    expect([...warning.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      `trajecten 1: zelfde BSN als cliënt ${code}.`,
      `trajecten 2: zelfde naam en geboortedatum als cliënt ${code}.`,
      `trajecten 3: zelfde naam en geboortedatum als cliënt ${code}.`,
      'trajecten 3: zelfde naam en geboortedatum als trajecten 2 in dit bestand.',
    ]);
    for (const value of ['123456782', 'Zwaluw', 'zwaluw', 'Kievitsma', '1990', '14-07']) expect(warning.textContent).not.toContain(value);
    await click('Bestand importeren');
    await waitFor(() => expect(screen.getByTestId('import-dubbel').textContent).toContain('Ze zijn als nieuwe cliënt opgeslagen.'));
    expect(screen.getByTestId('import-dubbel').textContent).toMatch(/trajecten 3: zelfde naam en geboortedatum als trajecten 2 in dit bestand \(nu cliënt KK-[2-9A-Z]{4}-[2-9A-Z]{2}\)\./);
  });

  it('says to choose again when main no longer holds the file (after a lock, or after 30 minutes)', async () => {
    renderScreen();
    env.answerFileDialog(writeImport('later.json', [traject('Teste')]));
    await click('Bestand kiezen…');
    await waitFor(() => expect(screen.getByTestId('import-chosen').textContent).toContain('later.json'));
    env.forgetChosenFile();
    const before = await trajectCount();
    await click('Bestand importeren');
    await waitFor(() => expect(screen.getByText(/^Kies het bestand opnieuw\./)).toBeTruthy());
    expect(screen.getByTestId('import-chosen').textContent).toBe('Nog geen bestand gekozen.');
    expect(await trajectCount()).toBe(before);
  });
});

describe('ImportScreen: the same file twice, progress and the real outcome', () => {
  async function choose(path: string, name: string) {
    env.answerFileDialog(path);
    await click('Bestand kiezen…');
    await waitFor(() => expect(screen.getByTestId('import-chosen').textContent).toContain(name));
  }

  it('refuses a file imported before with the date of the first import; the person can confirm, and a check says it too', async () => {
    renderScreen();
    const path = writeImport('dubbel.json', [traject('Testf'), traject('Testg')]);
    await choose(path, 'dubbel.json');
    await click('Bestand importeren');
    await waitFor(() => expect(screen.getByTestId('import-result').textContent).toContain('trajecten: 2'));
    const before = await trajectCount();

    await choose(path, 'dubbel.json');
    await click('Alleen controleren');
    await waitFor(() => expect(screen.getByTestId('import-result').textContent).toMatch(/al eerder ingelezen, op \d\d-\d\d-\d{4} om \d\d:\d\d\./));
    await click('Bestand importeren');
    await waitFor(() => expect(screen.getByTestId('import-already').textContent).toMatch(/^Dit bestand is al ingelezen op \d\d-\d\d-\d{4} om \d\d:\d\d\./));
    expect(await trajectCount()).toBe(before);
    await click('Toch nog een keer inlezen');
    await waitFor(() => expect(screen.getByTestId('import-result').textContent).toContain('trajecten: 2'));
    expect(await trajectCount()).toBe(before + 2);
  });

  it('shows progress while the import runs, does not say "failed" when the answer is late, and shows the real outcome when it comes', async () => {
    renderScreen();
    await choose(writeImport('traag.json', [traject('Testh')]), 'traag.json');
    const api = env.api as unknown as Record<string, (input: unknown) => Promise<unknown>>;
    const real = api['import.chosen']!;
    let answer!: (value: unknown) => void;
    api['import.chosen'] = () => new Promise((resolve) => (answer = resolve));
    const emit = (name: 'import.progress' | 'import.finished', payload: never) => act(() => env.core.session.emit(name, payload));
    try {
      await click('Bestand importeren');
      await emit('import.progress', { stage: 'inlezen', done: 12_345 } as never);
      const progress = screen.getByTestId('import-progress');
      expect(progress.getAttribute('role')).toBe('status');
      expect(progress.textContent).toBe('Bezig met inlezen: 12.345 records ingelezen');
      await act(async () => answer({ ok: false, error: { code: 'OUTCOME_UNKNOWN', message: 'late' } }));
      await waitFor(() => expect(screen.getByText(/^De uitkomst is nog niet bekend/)).toBeTruthy());
      expect(screen.queryByText(/niets half opgeslagen/)).toBeNull();
      expect((screen.getByRole('button', { name: 'Bestand importeren' }) as HTMLButtonElement).disabled).toBe(true);
      const value = { dryRun: false, clienten: 1, trajecten: 1, meldingen: 0, journaal: 0, taken: 0, toestemmingen: 0 };
      await emit('import.finished', { ok: true, value } as never);
      await waitFor(() => expect(screen.getByTestId('import-result').textContent).toContain('Het bestand is ingelezen'));
      expect(screen.queryByText(/^De uitkomst is nog niet bekend/)).toBeNull();
    } finally {
      api['import.chosen'] = real;
    }
  });
});

describe('fileSizeLabel', () => {
  it('reads as people read sizes, in the language of the screen', () => {
    expect(fileSizeLabel(812, 'nl')).toBe('812 bytes');
    expect(fileSizeLabel(84_000, 'nl')).toBe('84 kB');
    expect(fileSizeLabel(89_214_000, 'nl')).toBe('89,2 MB');
    expect(fileSizeLabel(89_214_000, 'en')).toBe('89.2 MB');
  });
});
