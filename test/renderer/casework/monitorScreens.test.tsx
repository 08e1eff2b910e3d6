// @vitest-environment happy-dom
// The screens of issue 11 on a real core with a real encrypted vault in a temp dir (only the
// transport is skipped): the dashboard's year picker and region line, and the traject's facts
// form with "onbekend" as an answer that never touches the police contacts.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Traject } from '../../../shared/casework/traject.schema';
import { DashboardScreen } from '../../../renderer/features/casework/DashboardScreen';
import { selectTrajectDetail } from '../../../renderer/features/casework/caseSelectors';
import { FactsPanel } from '../../../renderer/features/casework/traject/FactsPanel';
import { checkTrajectStart, emptyTrajectStart } from '../../../renderer/features/casework/TrajectNewScreen';
import { translate } from '../../../renderer/i18n/translate';
import type { AppStore } from '../../../renderer/store/appStore';
import { StoreProvider, useAppStore } from '../../../renderer/store/StoreProvider';
import type { InProcessApi } from '../inProcessApi';
import { unlockedStore } from './unlockedStore';

let env: InProcessApi;
let store: AppStore;
let trajectId: string;

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = (await (env.api as unknown as Record<string, (i: unknown) => Promise<{ ok: boolean; value?: T; error?: unknown }>>)[method]!(input)) as { ok: boolean; value?: T; error?: unknown };
  if (!result.ok) throw new Error(`${method} refused: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

beforeAll(async () => {
  // A vault without a profile: the core counts for its default region and says so.
  ({ env, store } = await unlockedStore());
  const client = await call<{ id: string }>('clienten.create', { fields: { roepnaam: 'Testscherm' } });
  const created = await call<{ id: string }>('trajecten.create', {
    clientId: client.id,
    fields: {
      minderjarigBijStart: true,
      gemeente: 'Rotterdam',
      verwijzer: 'politie',
      aanmelddatum: '2024-04-01',
      vormen: ['criminele-uitbuiting'],
      politiecontacten: [{ soort: 'informatief-gesprek', datum: '2024-05-01', vorm: 'criminele-uitbuiting' }],
    },
  });
  trajectId = created.id;
});
afterAll(() => env.dispose());
afterEach(() => cleanup());

const withStore = (ui: React.ReactNode) => render(<StoreProvider store={store}>{ui}</StoreProvider>);

describe('the dashboard', () => {
  it('offers every year with data, reads the chosen year, keeps it after leaving, and says when the region is the default', async () => {
    const thisYear = new Date().getFullYear();
    withStore(<DashboardScreen />);
    await screen.findByRole('heading', { level: 3, name: `Cijfers van ${thisYear}, zoals in de regionale monitor` });
    expect(screen.getByText('Standaardregio: vul uw profiel in om uw eigen regio te kiezen.')).toBeTruthy();
    const picker = screen.getByLabelText('Jaar') as HTMLSelectElement;
    // The traject runs from 2024 until now: every year since has data, newest first.
    expect([...picker.options].map((o) => o.value)).toEqual(Array.from({ length: thisYear - 2023 }, (_, i) => String(thisYear - i)));

    await act(async () => {
      fireEvent.change(picker, { target: { value: '2024' } });
    });
    await screen.findByRole('heading', { level: 3, name: 'Cijfers van 2024, zoals in de regionale monitor' });
    const politie = screen.getByRole('table', { name: 'Politie (AVIM): informatieve gesprekken en aangiftes per vorm' });
    expect(within(politie).getByRole('rowheader', { name: 'Criminele uitbuiting' }).parentElement!.textContent).toBe('Criminele uitbuiting10');
    const leeftijd = screen.getByRole('table', { name: 'Cliënten naar leeftijd bij de start' });
    expect(within(leeftijd).getByRole('rowheader', { name: 'Minderjarig' }).parentElement!.textContent).toBe('Minderjarig1');

    // Away and back: the screen opens on the year chosen, read afresh.
    cleanup();
    withStore(<DashboardScreen />);
    await screen.findByRole('heading', { level: 3, name: 'Cijfers van 2024, zoals in de regionale monitor' });
    expect((screen.getByLabelText('Jaar') as HTMLSelectElement).value).toBe('2024');
  });
});

/** The facts panel of the open traject, re-rendered from the store as the traject screen does. */
function OpenFacts() {
  const detail = useAppStore(selectTrajectDetail);
  return detail ? <FactsPanel key={detail.traject.version} detail={detail} /> : null;
}

describe('the traject facts', () => {
  it('a new traject needs the age question answered: not answered is not onbekend', () => {
    const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('nl', key, vars);
    const start = { ...emptyTrajectStart(), gemeente: 'Rotterdam' };
    expect(checkTrajectStart(start, t)).toEqual({ ok: false, errors: { minderjarigBijStart: 'Kies ja, nee of onbekend.' } });
    const answered = checkTrajectStart({ ...start, minderjarigBijStart: 'onbekend' }, t);
    expect(answered.ok && answered.data.minderjarigBijStart).toBeNull();
    const nee = checkTrajectStart({ ...start, minderjarigBijStart: 'nee' }, t);
    expect(nee.ok && nee.data).toEqual({ preventief: false, vormen: [], minderjarigBijStart: false, gemeente: 'Rotterdam', verwijzer: 'zorg', aanmelddatum: start.aanmelddatum });
  });

  it('show Ja / Nee / Onbekend; a change to onbekend is stored and leaves the police contacts as they were', async () => {
    await act(async () => {
      await store.getState().openTraject(trajectId);
    });
    withStore(<OpenFacts />);
    const dd = () => [...document.querySelectorAll('dt')].find((dt) => dt.textContent === 'Minderjarig bij de start')!.nextElementSibling!.textContent;
    expect(dd()).toBe('Ja');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Gegevens wijzigen' }));
    });
    const group = screen.getByRole('group', { name: 'Was de cliënt minderjarig bij de start?' });
    expect((within(group).getByRole('radio', { name: 'Ja' }) as HTMLInputElement).checked).toBe(true);
    await act(async () => {
      fireEvent.click(within(group).getByRole('radio', { name: 'Onbekend' }));
    });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    });
    await waitFor(() => expect(dd()).toBe('Onbekend'));
    const stored = (await call<{ traject: Traject }>('trajecten.get', { id: trajectId })).traject;
    expect(stored.minderjarigBijStart).toBeNull();
    expect(stored.politiecontacten.map(({ soort, datum, vorm }) => ({ soort, datum, vorm }))).toEqual([{ soort: 'informatief-gesprek', datum: '2024-05-01', vorm: 'criminele-uitbuiting' }]);
  });
});

describe('the dashboard in English (issue 13)', () => {
  it('words the bedenktijd and opvang rows in the language chosen: the core sends codes, not Dutch', async () => {
    const day = (offset: number) => {
      const d = new Date();
      d.setDate(d.getDate() + offset);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    };
    const client = await call<{ id: string }>('clienten.create', { fields: { roepnaam: 'Testtaal', geslacht: 'vrouw' } });
    await call('trajecten.create', {
      clientId: client.id,
      fields: {
        minderjarigBijStart: false,
        gemeente: 'Rotterdam',
        verwijzer: 'politie',
        aanmelddatum: day(-120),
        procedures: [{ soort: 'b8-bedenktijd', status: 'lopend', deadline: day(5) }],
        opvang: [{ soort: 'crisisopvang', start: day(-100) }],
      },
    });
    store.setState({ language: 'en' });
    try {
      withStore(<DashboardScreen />);
      const bedenktijd = await screen.findByRole('table', { name: 'Reflection period ending' });
      expect(bedenktijd.textContent).toContain('Reflection period (B8) ends');
      const opvang = screen.getByRole('table', { name: 'Shelter ending' });
      expect(opvang.textContent).toContain('Crisis shelter longer than 3 months');
      for (const dutch of ['Bedenktijd', 'Crisisopvang', 'eindigt', 'maanden']) expect(document.body.textContent).not.toContain(dutch);
    } finally {
      cleanup();
      store.setState({ language: 'nl' });
    }
    withStore(<DashboardScreen />);
    expect((await screen.findByRole('table', { name: 'Bedenktijd loopt af' })).textContent).toContain('Bedenktijd (B8) eindigt');
    expect(screen.getByRole('table', { name: 'Opvang loopt af' }).textContent).toContain('Crisisopvang langer dan 3 maanden');
  });
});
