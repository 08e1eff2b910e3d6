// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode, messageFor } from '../../shared/errors';
import { App } from '../../renderer/App';
import { ApiError, createClient } from '../../renderer/platform/api';
import { createAppStore, type AppStore } from '../../renderer/store/appStore';
import { StoreProvider } from '../../renderer/store/StoreProvider';
import { inProcessApi, type InProcessApi } from './inProcessApi';

let env: InProcessApi;
let store: AppStore;

beforeEach(async () => {
  env = inProcessApi();
  store = createAppStore(createClient(env.api));
  await store.getState().start();
  render(
    <StoreProvider store={store}>
      <App />
    </StoreProvider>,
  );
});
afterEach(() => {
  cleanup();
  env.dispose();
});

describe('screens', () => {
  it('first run shows live strength feedback from the shared policy', async () => {
    expect(await screen.findByRole('heading', { level: 1, name: 'Welkom bij Ketenkluis' })).toBeTruthy();
    const field = screen.getByLabelText('Wachtwoord', { selector: 'input' });
    fireEvent.change(field, { target: { value: 'welkom' } });
    expect(screen.getByText('Sterkte van het wachtwoord: te zwak')).toBeTruthy();
    fireEvent.change(field, { target: { value: 'Mijn blauwe fiets staat bij de haven, 42 keer!' } });
    expect(screen.getByText(/Sterkte van het wachtwoord: (goed|sterk)/)).toBeTruthy();
    expect(screen.getByText('Dit wachtwoord is goed genoeg.')).toBeTruthy();
  });

  it('the unlock screen shows the shared message for every error code the vault can give', () => {
    const vaultCodes = ErrorCode.options.filter((c) => !['UNKNOWN_METHOD', 'NOT_FOUND', 'CONFLICT'].includes(c));
    act(() => store.setState({ vaultPhase: 'locked' }));
    for (const code of vaultCodes) {
      act(() => store.setState({ gate: { busy: false, done: false, retryUntil: null, error: new ApiError(code, 'technical text') } }));
      const alert = screen.getByRole('alert');
      expect(alert.textContent).toContain(messageFor(code, 'nl'));
      // The technical message never reaches the person.
      expect(alert.textContent).not.toContain('technical text');
    }
  });

  it('a slowed unlock shows the countdown and disables the button', () => {
    act(() =>
      store.setState({
        vaultPhase: 'locked',
        gate: { busy: false, done: false, retryUntil: Date.now() + 8_000, error: new ApiError('WRONG_PASSPHRASE', 'x', { retryAfterSeconds: 8 }) },
      }),
    );
    expect(screen.getByText(/U kunt het over [78] seconden opnieuw proberen/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Ontgrendelen' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('the recovery key screen needs the confirmation before continuing', () => {
    act(() => store.setState({ vaultPhase: 'recoveryKey', recoveryKey: 'TEST-ONLY-KEY0-0000' }));
    const proceed = screen.getByRole('button', { name: 'Verder naar Ketenkluis' }) as HTMLButtonElement;
    expect(proceed.disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('Ik heb de herstelsleutel veilig bewaard'));
    expect(proceed.disabled).toBe(false);
    fireEvent.click(proceed);
    expect(store.getState().recoveryKey).toBeNull();
    expect(screen.queryByText(/TEST-ONLY/)).toBeNull();
  });

  it('the open vault has a lock button, landmarks, and honest empty areas', () => {
    act(() => store.setState({ vaultPhase: 'unlocked', route: 'riec' }));
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Hoofdmenu' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Kluis vergrendelen' })).toBeTruthy();
    expect(screen.getByText('Nog niet beschikbaar — komt in een volgende versie.')).toBeTruthy();
    expect(document.documentElement.lang).toBe('nl');
    act(() => store.setState({ language: 'en' }));
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('button', { name: 'Lock vault' })).toBeTruthy();
  });
});
