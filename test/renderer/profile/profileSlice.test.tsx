// @vitest-environment happy-dom
// The profile question and the partner register in the renderer, against a real core and a
// real encrypted vault: asked once after the vault opens, "Later" remembered, the fingerprint
// shown after saving, profile data dropped on lock; Dutch messages for bad input, nothing lost.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/App';
import { createClient } from '../../../renderer/platform/api';
import { createAppStore, type AppStore } from '../../../renderer/store/appStore';
import { StoreProvider } from '../../../renderer/store/StoreProvider';
import { inProcessApi, PASSPHRASE, type InProcessApi } from '../inProcessApi';

let env: InProcessApi;
let store: AppStore;
const s = () => store.getState();

beforeEach(async () => {
  env = inProcessApi();
  store = createAppStore(createClient(env.api));
  await s().start();
});
afterEach(() => {
  cleanup();
  env.dispose();
});

/** Creates the vault and confirms the recovery key, as a first run does. */
async function firstRun(): Promise<void> {
  await s().createVault(PASSPHRASE);
  s().confirmRecoveryKeyStored();
  await waitFor(() => expect(s().profielVraag).not.toBe('laden'));
}

async function lockAndUnlock(): Promise<void> {
  await s().lock();
  expect(await s().unlock(PASSPHRASE)).toBe(true);
  await waitFor(() => expect(s().profielVraag).not.toBe('laden'));
}

describe('the profile slice', () => {
  it('asks right after the first run, shows the fingerprint once after saving, and then never again', async () => {
    await firstRun();
    expect(s().profielVraag).toBe('vragen');
    expect(await s().saveProfile({ naam: 'Testa Slice', functie: 'riec-analist', organisatie: 'riec-rotterdam', regio: 'rotterdam' })).toBe(true);
    expect(s().profielVraag).toBe('vingerafdruk');
    expect(s().profiel?.vingerafdruk).toMatch(/^[0-9A-F]{4}( [0-9A-F]{4}){15}$/);
    // The organisation is now used in the register.
    expect(s().partners.find((p) => p.id === 'riec-rotterdam')?.inGebruik).toBe(true);
    s().finishProfileQuestion();
    expect(s().profielVraag).toBe('klaar');

    await s().lock();
    // Locked: nothing of the profile is left in the renderer.
    expect(s().profiel).toBeNull();
    expect(s().partners).toEqual([]);
    expect(s().profielVraag).toBe('laden');
    expect(JSON.stringify(s())).not.toContain('Testa Slice');
    expect(await s().unlock(PASSPHRASE)).toBe(true);
    await waitFor(() => expect(s().profielVraag).toBe('klaar'));
    expect(s().profiel?.naam).toBe('Testa Slice');
  });

  it('"Later" is asked once: after unlocking again the vault opens without the question', async () => {
    await firstRun();
    await s().postponeProfile();
    expect(s().profielVraag).toBe('klaar');
    expect(s().profielUitgesteld).toBe(true);
    await lockAndUnlock();
    expect(s().profielVraag).toBe('klaar');
    expect(s().profiel).toBeNull();
  });

  it('a refused save keeps the question open with the reason', async () => {
    await firstRun();
    expect(await s().saveProfile({ naam: 'Testa', functie: 'zorgcoordinator', organisatie: 'bestaat-niet', regio: 'rotterdam' })).toBe(false);
    expect(s().profielWrite.error?.issues).toEqual([{ path: 'fields.organisatie', message: 'Kies een organisatie uit het partnerregister' }]);
    expect(s().profielVraag).toBe('vragen');
  });
});

describe('the screens', () => {
  it('the question: Dutch messages for what is missing, the typed name kept; saved, the fingerprint for the Regionale Tafel; then the vault', async () => {
    render(
      <StoreProvider store={store}>
        <App />
      </StoreProvider>,
    );
    await act(firstRun);
    expect(await screen.findByRole('heading', { level: 1, name: 'Wie werkt er met deze kluis?' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Uw naam'), { target: { value: 'Testa Scherm' } });
    fireEvent.click(screen.getByRole('button', { name: 'Profiel opslaan' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByText('Kies uw functie')).toBeTruthy();
    expect(within(summary).getByText('Kies uw organisatie')).toBeTruthy();
    expect(within(summary).getByText('Kies uw regio')).toBeTruthy();
    expect((screen.getByLabelText('Uw naam') as HTMLInputElement).value).toBe('Testa Scherm');

    fireEvent.change(screen.getByLabelText('Uw functie'), { target: { value: 'zorgcoordinator' } });
    await waitFor(() => expect(screen.getByRole('option', { name: 'ESSM (Humanitas)' })).toBeTruthy());
    fireEvent.change(screen.getByLabelText('Uw organisatie', { exact: false }), { target: { value: 'essm' } });
    fireEvent.change(screen.getByLabelText('Uw regio', { exact: false }), { target: { value: 'rotterdam' } });
    fireEvent.click(screen.getByRole('button', { name: 'Profiel opslaan' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Uw profiel is opgeslagen' })).toBeTruthy();
    expect(screen.getByText('Geef deze vingerafdruk aan de Regionale Tafel.')).toBeTruthy();
    expect(screen.getByTestId('vingerafdruk').textContent?.replace(/\s/g, '')).toBe(s().profiel!.vingerafdruk.replaceAll(' ', ''));
    // On to the vault; Settings now says who works with it.
    act(() => s().navigate('settings'));
    fireEvent.click(screen.getByRole('button', { name: 'Verder naar Ketenkluis' }));
    expect(await screen.findByRole('button', { name: 'Kluis vergrendelen' })).toBeTruthy();
    expect(await screen.findByText('U werkt als Testa Scherm (Zorgcoördinator mensenhandel) bij ESSM (Humanitas).')).toBeTruthy();
  });
});
