// @vitest-environment happy-dom
// Settings → Back-up while a backup runs, against a real core and a real encrypted vault: the
// core's `backup.progress` steps show as a bar with the same words beside it ("Bezig met de
// back-up: 45%"); the start is announced by the busy line (role=status) and the end by the outcome,
// the bar itself is no live region; once the backup is made the bar is gone. Main's answer to
// the window is held back by the test (the core has finished by then), so the running state can
// be looked at. Synthetic data only.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/App';
import { backupPercent } from '../../../renderer/features/settings/backupProgress';
import { createClient, type RendererApi } from '../../../renderer/platform/api';
import { withProgressSink, type ProgressSink } from '../../../electron/core/callProgress';
import { createAppStore } from '../../../renderer/store/appStore';
import { StoreProvider } from '../../../renderer/store/StoreProvider';
import type { EventPayload } from '../../../shared/ipc/events';
import { inProcessApi, PASSPHRASE, type InProcessApi } from '../inProcessApi';

let env: InProcessApi;
afterEach(() => {
  cleanup();
  env?.dispose();
});

describe('backupPercent', () => {
  it('counts each of the three steps for a third, rounded down: 100 only when the read-back is done', () => {
    expect(backupPercent({ stap: 'kopie', klaar: 0, totaal: 0 })).toBe(0);
    expect(backupPercent({ stap: 'kopie', klaar: 50, totaal: 100 })).toBe(16);
    expect(backupPercent({ stap: 'schrijven', klaar: 35, totaal: 100 })).toBe(45);
    expect(backupPercent({ stap: 'controleren', klaar: 99, totaal: 100 })).toBe(99);
    expect(backupPercent({ stap: 'controleren', klaar: 100, totaal: 100 })).toBe(100);
  });
});

describe('Settings → Back-up while a backup runs', () => {
  it('shows the progress from the core’s events as a bar with words, announces start and end only, and the bar is gone once made', async () => {
    env = inProcessApi();
    // The core's progress reaches the window as utilityHost.ts passes it on (the in-process host
    // has no sink of its own); main's answer reaches the window only when the test says so.
    const listeners = new Set<(p: EventPayload<'backup.progress'>) => void>();
    const seen: EventPayload<'backup.progress'>[] = [];
    const sink: ProgressSink = (name, payload) => {
      if (name !== 'backup.progress') return;
      seen.push(payload as EventPayload<'backup.progress'>);
      for (const listener of listeners) listener(payload as EventPayload<'backup.progress'>);
    };
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const api: RendererApi = {
      ...env.api,
      on: ((name, listener) => {
        if (name !== 'backup.progress') return env.api.on(name, listener);
        listeners.add(listener as (p: EventPayload<'backup.progress'>) => void);
        return () => listeners.delete(listener as (p: EventPayload<'backup.progress'>) => void);
      }) as RendererApi['on'],
      'backup.save': async (input) => {
        const answer = await withProgressSink(sink, () => env.api['backup.save'](input));
        await held;
        return answer;
      },
    };
    const store = createAppStore(createClient(api));
    await store.getState().start();
    await store.getState().createVault(PASSPHRASE);
    store.getState().confirmRecoveryKeyStored();
    expect(await store.getState().saveProfile({ naam: 'Testa Back-up', functie: 'privacy-officer', organisatie: 'essm', regio: 'rotterdam' })).toBe(true);
    store.getState().finishProfileQuestion();
    render(
      <StoreProvider store={store}>
        <App />
      </StoreProvider>,
    );
    act(() => store.getState().navigate('settings'));
    const knop = await screen.findByRole('button', { name: 'Back-up maken' });
    expect(screen.queryByRole('progressbar')).toBeNull();

    env.answerFileDialog(join(env.vaultDir, '..', 'voortgang.kkbackup'));
    fireEvent.click(knop);
    // Start: announced once by the busy line.
    await waitFor(() => expect(screen.getByText('De back-up wordt gemaakt en gecontroleerd. Sluit Ketenkluis niet af…').getAttribute('role')).toBe('status'));
    // The core has written and checked the file; its last step shows, in the bar and in words.
    await waitFor(() => expect(seen.at(-1)).toMatchObject({ stap: 'controleren' }));
    expect(seen[0]).toEqual({ stap: 'kopie', klaar: 0, totaal: 0 });
    const percent = backupPercent(seen.at(-1)!);
    const bar = await screen.findByRole('progressbar', { name: `Bezig met de back-up: ${percent}%` });
    expect(bar.getAttribute('value')).toBe(String(percent));
    expect(bar.getAttribute('aria-valuetext')).toBe(`Bezig met de back-up: ${percent}%`);
    expect(screen.getByTestId('backup-progress').textContent).toBe(`Bezig met de back-up: ${percent}%`);
    // The steps are no live region: neither the bar nor anything around it announces each step.
    expect(screen.getByTestId('backup-progress').closest('[role=status],[aria-live],[role=alert]')).toBeNull();

    // A step the core reports shows as it comes (a third per step).
    act(() => store.setState({ backupWrite: { ...store.getState().backupWrite, progress: { stap: 'schrijven', klaar: 35, totaal: 100 } } }));
    expect(screen.getByTestId('backup-progress').textContent).toBe('Bezig met de back-up: 45%');

    // End: the outcome is announced, the bar and the busy line are gone.
    release();
    const klaar = await screen.findByText(/^De back-up is gemaakt en gecontroleerd: voortgang\.kkbackup/);
    expect(klaar.closest('[role=status]')).not.toBeNull();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.queryByTestId('backup-progress')).toBeNull();
    expect(screen.queryByText('De back-up wordt gemaakt en gecontroleerd. Sluit Ketenkluis niet af…')).toBeNull();
  });
});
