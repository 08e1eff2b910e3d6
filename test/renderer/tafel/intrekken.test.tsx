// @vitest-environment happy-dom
// Retiring a key in the Regionale Tafel area, against a real core and a real encrypted vault:
// in tafel mode an organisation's signing key (a reason is required: an empty one is refused with
// the core's message on the field, focus on it, nothing retired), and in the combine step a
// colleague's key (a confirm step that says what it means). Cancel returns focus to the
// "Intrekken" button; after retiring, the row says "Ingetrokken op dd-mm-jjjj" (with the reason),
// the result is announced (role=status) and focus is on that row's status text. Synthetic data only.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../../renderer/platform/api';
import { tafelVault } from './setup';

const t = tafelVault();
const { s, renderApp } = t;
/** The core asked directly (what it holds, apart from what the screen shows). */
const core = () => createClient(t.env().api);
const vandaag = () => {
  const d = new Date().toISOString().slice(0, 10).split('-');
  return `${d[2]}-${d[1]}-${d[0]}`;
};

describe('tafel mode: retiring an organisation’s key', () => {
  it('cancel returns focus to the button; an empty reason is refused on the field; with a reason the key is retired, announced, focus on its status', async () => {
    expect(await s().registreerOndertekenaar({ naam: 'RIEC Testregio', organisatieId: 'riec-test', vingerafdruk: 'AB12'.repeat(16) })).toBeNull();
    expect(await s().registreerOndertekenaar({ naam: 'Stichting Voorbeeld', organisatieId: 'voorbeeld', vingerafdruk: 'CD34'.repeat(16) })).toBeNull();
    renderApp();
    act(() => s().openTafel('modus'));
    const knop = await screen.findByRole('button', { name: 'Sleutel van RIEC Testregio intrekken' });
    expect(screen.getByRole('button', { name: 'Sleutel van Stichting Voorbeeld intrekken' })).toBeTruthy();

    // Ask, then cancel: nothing changes, focus back on the button.
    fireEvent.click(knop);
    const vraag = screen.getByRole('group', { name: 'Sleutel van RIEC Testregio intrekken' });
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Wilt u de sleutel van RIEC Testregio intrekken?'));
    expect(vraag.textContent).toContain('Bestanden die al zijn ingelezen, blijven meetellen. Nieuwe bestanden met deze sleutel worden geweigerd.');
    fireEvent.click(within(vraag).getByRole('button', { name: 'Niet intrekken' }));
    expect(screen.queryByRole('group', { name: 'Sleutel van RIEC Testregio intrekken' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Sleutel van RIEC Testregio intrekken' }));
    expect(s().modusOndertekenaars!.every((o) => o.ingetrokkenOp === null)).toBe(true);

    // An empty reason (spaces only): the core's message on the field, focus on the field, nothing retired.
    fireEvent.click(screen.getByRole('button', { name: 'Sleutel van RIEC Testregio intrekken' }));
    const reden = screen.getByLabelText('Reden') as HTMLInputElement;
    fireEvent.change(reden, { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ja, intrekken' }));
    await waitFor(() => expect(reden.getAttribute('aria-invalid')).toBe('true'));
    const beschreven = (reden.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
    expect(beschreven).toContain('Vul de reden in');
    await waitFor(() => expect(document.activeElement).toBe(reden));
    const lijst = (await core().call('tafelModus.listSigners', {})).ondertekenaars;
    expect(lijst.every((o) => o.ingetrokkenOp === null)).toBe(true);

    // With a reason: retired, the row says so with the date and the reason, announced, focus on the status.
    fireEvent.change(reden, { target: { value: 'Nieuwe sleutel gemaakt' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ja, intrekken' }));
    await waitFor(() => expect(document.activeElement?.getAttribute('data-testid')).toBe('tafel-modus-status'));
    expect(document.activeElement!.textContent).toBe(`Ingetrokken op ${vandaag()}Reden: Nieuwe sleutel gemaakt`);
    expect(document.activeElement).not.toBe(document.body);
    const rij = document.activeElement!.closest('tr')!;
    expect(within(rij).getByRole('rowheader').textContent).toBe('RIEC Testregio');
    expect(screen.getByTestId('tafel-modus-intrek-melding').getAttribute('role')).toBe('status');
    expect(screen.getByTestId('tafel-modus-intrek-melding').textContent).toBe('De sleutel van RIEC Testregio is ingetrokken. Nieuwe bestanden met deze sleutel worden geweigerd.');
    // The core holds it; the other key stays active and keeps its button; the retired one has none.
    const na = (await core().call('tafelModus.listSigners', {})).ondertekenaars;
    expect(na.find((o) => o.naam === 'RIEC Testregio')).toMatchObject({ ingetrokkenReden: 'Nieuwe sleutel gemaakt' });
    expect(na.find((o) => o.naam === 'Stichting Voorbeeld')!.ingetrokkenOp).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sleutel van RIEC Testregio intrekken' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Sleutel van Stichting Voorbeeld intrekken' })).toBeTruthy();
  });
});

describe('the combine step: revoking a colleague', () => {
  it('the confirm step says what it means; cancel returns focus; confirmed, the colleague is revoked, announced, focus on its status', async () => {
    await s().maakOntvangstsleutel();
    expect(s().svSleutel).not.toBeNull();
    expect(await s().registreerCollega({ vingerafdruk: 'EF56'.repeat(16), organisatie: 'essm', omschrijving: 'Meldpunt' })).toBeNull();
    renderApp();
    act(() => s().openTafel('samenvoegen'));
    const knop = await screen.findByRole('button', { name: 'Sleutel van Meldpunt intrekken' });

    fireEvent.click(knop);
    const vraag = screen.getByRole('group', { name: 'Sleutel van Meldpunt intrekken' });
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Wilt u de sleutel van Meldpunt intrekken?'));
    expect(vraag.textContent).toContain('Telbestanden die u al hebt ingelezen, blijven meetellen. Nieuwe telbestanden met deze sleutel worden geweigerd.');
    expect(within(vraag).queryByRole('textbox')).toBeNull();
    fireEvent.click(within(vraag).getByRole('button', { name: 'Niet intrekken' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Sleutel van Meldpunt intrekken' }));
    expect((await core().call('tafelSamenvoegen.collegas', {})).collegas[0]!.ingetrokken).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Sleutel van Meldpunt intrekken' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ja, intrekken' }));
    await waitFor(() => expect(document.activeElement?.getAttribute('data-testid')).toBe('tafel-sv-status'));
    expect(document.activeElement!.textContent).toBe(`Ingetrokken op ${vandaag()}`);
    expect(within(document.activeElement!.closest('tr')!).getByRole('rowheader').textContent).toBe('Meldpunt');
    expect(screen.getByTestId('tafel-sv-intrek-melding').getAttribute('role')).toBe('status');
    expect(screen.getByTestId('tafel-sv-intrek-melding').textContent).toBe('De sleutel van Meldpunt is ingetrokken. Nieuwe telbestanden met deze sleutel worden geweigerd.');
    expect((await core().call('tafelSamenvoegen.collegas', {})).collegas[0]!.ingetrokken).not.toBeNull();
    expect(screen.queryByRole('button', { name: 'Sleutel van Meldpunt intrekken' })).toBeNull();
  });
});
