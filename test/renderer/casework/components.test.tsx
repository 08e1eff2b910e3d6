// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ClientScreen } from '../../../renderer/features/casework/ClientScreen';
import { recordLabel } from '../../../renderer/features/casework/ImportScreen';
import { isQuickSwitchShortcut, QuickSwitcher } from '../../../renderer/features/casework/QuickSwitcher';
import { VirtualTable } from '../../../renderer/components/VirtualTable';
import type { AppStore } from '../../../renderer/store/appStore';
import { StoreProvider } from '../../../renderer/store/StoreProvider';
import { useVirtualScrollHeight } from './layoutShim';
import type { InProcessApi } from '../inProcessApi';
import { unlockedStore } from './unlockedStore';

let env: InProcessApi;
let store: AppStore;

beforeAll(async () => {
  ({ env, store } = await unlockedStore());
});
afterAll(() => env.dispose());

useVirtualScrollHeight();
afterEach(() => cleanup());

function withStore(ui: React.ReactNode) {
  return render(<StoreProvider store={store}>{ui}</StoreProvider>);
}

describe('the virtualised table', () => {
  it('renders only the rows in view of 100,000 and asks only for those', async () => {
    const ranges: [number, number][] = [];
    withStore(
      <VirtualTable
        label="Testlijst"
        columns={[{ key: 'n', header: 'Nummer', cell: (r: number) => String(r) }]}
        total={100_000}
        rowAt={(i) => i}
        onRange={(a, b) => ranges.push([a, b])}
        rowKey={(r) => String(r)}
        template="1fr"
      />,
    );
    const table = screen.getByRole('table', { name: 'Testlijst' });
    expect(table.getAttribute('aria-rowcount')).toBe('100001');
    const rows = screen.getAllByRole('row');
    // Header + the rows that fit in 480 px (10 of 48 px) + overscan: far fewer than 100,000.
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(rows[1]?.getAttribute('aria-rowindex')).toBe('2');
    await waitFor(() => expect(ranges.length).toBeGreaterThan(0));
    const [first, last] = ranges[ranges.length - 1]!;
    expect(first).toBe(0);
    expect(last).toBeLessThan(40);
  });

  it('shows a calm placeholder for a row whose page has not arrived', () => {
    withStore(
      <VirtualTable label="Leeg" columns={[{ key: 'n', header: 'N', cell: (r: number) => String(r) }]} total={3} rowAt={() => undefined} onRange={() => {}} rowKey={(r) => String(r)} template="1fr" />,
    );
    expect(screen.getAllByText('Rij wordt geladen…')).toHaveLength(3);
  });
});

describe('the cliënt form', () => {
  it('explains a missing name and a wrong BSN and sends nothing', async () => {
    const before = (await env.api['clienten.list']({})) as { ok: true; value: { total: number } };
    withStore(<ClientScreen id={null} />);
    fireEvent.change(screen.getByLabelText(/^BSN/), { target: { value: '123' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Cliënt vastleggen' }));
    });
    expect(screen.getAllByText('Vul een roepnaam in. Een schuilnaam mag ook.').length).toBeGreaterThan(0);
    expect(screen.getAllByText('Een BSN heeft 9 cijfers').length).toBeGreaterThan(0);
    const after = (await env.api['clienten.list']({})) as { ok: true; value: { total: number } };
    expect(after.value.total).toBe(before.value.total);
    // Every identifying field shows its sensitivity.
    expect(screen.getAllByText('Direct herleidbaar').length).toBeGreaterThanOrEqual(8);
  });

  it('a saved cliënt shows its pseudonym code prominently', async () => {
    withStore(<ClientScreen id={null} />);
    fireEvent.change(screen.getByLabelText(/^Roepnaam/), { target: { value: 'Testje' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Cliënt vastleggen' }));
    });
    await waitFor(() => expect(screen.getByText(/De cliënt is vastgelegd met pseudoniemcode KK-/)).toBeTruthy());
    expect(document.querySelector('.kk-code-box .kk-pseudonym')?.textContent).toMatch(/^KK-[2-9A-Z]{4}-[2-9A-Z]{2}$/);
  });
});

describe('editing a cliënt', () => {
  it('changes the fields on the form and keeps the contact persons it shows unchanged', async () => {
    const created = (await env.api['clienten.create']({
      fields: { roepnaam: 'Eerstnaam', contactpersonen: [{ naam: 'Test Voogd', relatie: 'voogd', wettelijkVertegenwoordiger: true }] },
    })) as { ok: true; value: { id: string } };
    await act(async () => {
      await store.getState().loadClient(created.value.id);
    });
    withStore(<ClientScreen id={created.value.id} />);
    const roepnaam = await screen.findByLabelText(/^Roepnaam/);
    expect((roepnaam as HTMLInputElement).value).toBe('Eerstnaam');
    fireEvent.change(roepnaam, { target: { value: 'Tweedenaam' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Wijzigingen opslaan' }));
    });
    await waitFor(() => expect(screen.getByText('Opgeslagen.')).toBeTruthy());
    const stored = (await env.api['clienten.get']({ id: created.value.id })) as { ok: true; value: { roepnaam: string; contactpersonen: unknown[] } };
    expect(stored.value.roepnaam).toBe('Tweedenaam');
    expect(stored.value.contactpersonen).toHaveLength(1);
  });
});

describe('the quick switcher', () => {
  it('opens on Ctrl+K, finds by name, moves with the arrows, opens with Enter', async () => {
    await env.api['clienten.create']({ fields: { roepnaam: 'Snelzoek', achternaam: 'Testmans' } });
    withStore(<QuickSwitcher />);
    expect(isQuickSwitchShortcut({ key: 'k', ctrlKey: true, metaKey: false, altKey: false })).toBe(true);
    expect(isQuickSwitchShortcut({ key: 'k', ctrlKey: false, metaKey: false, altKey: false })).toBe(false);
    await act(async () => {
      fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    });
    const input = await screen.findByRole('combobox', { name: 'Pseudoniemcode of naam' });
    expect(document.activeElement).toBe(input);
    await act(async () => {
      fireEvent.change(input, { target: { value: 'Snelzoek' } });
    });
    await waitFor(() => expect(screen.getAllByRole('option').length).toBeGreaterThan(0));
    expect(screen.getAllByRole('option')[0]?.getAttribute('aria-selected')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[0]?.id);
    await act(async () => {
      fireEvent.keyDown(input, { key: 'Enter' });
    });
    expect(store.getState().quickSwitcherOpen).toBe(false);
    expect(store.getState().trajectenView.screen).toBe('client');
  });

  it('Escape closes it', async () => {
    withStore(<QuickSwitcher />);
    await act(async () => {
      fireEvent.keyDown(window, { key: 'K', ctrlKey: true });
    });
    const input = await screen.findByRole('combobox');
    await act(async () => {
      fireEvent.keyDown(input, { key: 'Escape' });
    });
    expect(store.getState().quickSwitcherOpen).toBe(false);
    expect(screen.queryByRole('combobox')).toBeNull();
  });
});

describe('import reasons', () => {
  it('names records as people count them', () => {
    expect(recordLabel('trajecten.0.client.roepnaam')).toBe('trajecten 1 · client.roepnaam');
    expect(recordLabel('meldingen.41')).toBe('meldingen 42');
    expect(recordLabel('(bestand)')).toBe('(bestand)');
  });
});
