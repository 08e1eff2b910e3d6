// @vitest-environment happy-dom
// The meldroute advice and the opvang flags as the user reads them: the words of every advice in
// both languages, and a flagged placement in the traject's opvang panel with its reason.
import { readFileSync } from 'node:fs';
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { routeringsAdvies } from '../../../shared/casework/meldroute';
import type { MeldingVoorRoute } from '../../../shared/casework/meldroute';
import type { Regio } from '../../../shared/casework/gemeenten.schema';
import { opvangBezwaren, type OpvangBezwaar } from '../../../shared/casework/opvang';
import { AdviceBox, adviceText } from '../../../renderer/features/casework/AdviceBox';
import { selectTrajectDetail } from '../../../renderer/features/casework/caseSelectors';
import { bezwaarText, OpvangPanel } from '../../../renderer/features/casework/traject/OpvangPanel';
import { translate, type MessageKey, type MessageVars } from '../../../renderer/i18n/translate';
import { useAppStore } from '../../../renderer/store/StoreProvider';
import { screenVault } from './setup';

const vault = screenVault({ virtualLists: false });
const { withStore } = vault;
const nl = (key: MessageKey, vars?: MessageVars) => translate('nl', key, vars);
const en = (key: MessageKey, vars?: MessageVars) => translate('en', key, vars);

const rows = (JSON.parse(readFileSync('test/shared/casework/meldroute.table.json', 'utf8')) as { rijen: Array<MeldingVoorRoute & { regio: Regio }> }).rijen;

describe('the words of the meldroute advice', () => {
  const texts = rows.flatMap((r) =>
    [false, true].flatMap((anoniem) => routeringsAdvies(r, r.regio).flatMap((s) => [nl, en].map((t) => ({ row: `${r.regio}/${r.vorm}/${r.conclusie}/${r.acuut}/${r.minderjarig}`, text: adviceText(s, anoniem, t) })))),
  );

  it('every step of every advice, in both languages, is a full sentence with every placeholder filled', () => {
    for (const { row, text } of texts) {
      expect(text, row).toMatch(/^\S.*[.?]$/);
      expect(text, row).not.toMatch(/[{}]|undefined/);
    }
  });

  it('never tells the zorgcoördinator or the meld- en adviespunt to consult themselves', () => {
    const toSelf = /(met|aan|bij|naar) (de |het )?(zorgco(ö|o)rdinator|zoco|(regionale )?meld- en adviespunt|essm|shop)\b/i;
    expect(texts.filter(({ text }) => toSelf.test(text))).toEqual([]);
  });

  it('lists several partners as people say it', () => {
    const step = { volgorde: 1, actie: 'advies-vragen' as const, partners: ['AVIM', 'taskforce-riec', 'ketenpartners'] as const };
    expect(adviceText({ ...step, partners: [...step.partners] }, false, nl)).toBe(
      'Vraag advies aan de politie (AVIM), de Taskforce RIEC Brabant-Zeeland of andere ketenpartners. Voor advies zijn geen persoonsgegevens nodig: bespreek het signaal zonder namen.',
    );
    expect(adviceText({ ...step, partners: ['NLA', 'riec'] }, false, en)).toBe('Ask the Labour Inspectorate (NLA) or the RIEC for advice. Advice needs no personal data: discuss the signal without names.');
  });
});

describe('the routing advice box', () => {
  it('an acute "wel mensenhandel" is an alert that starts with the call to the police, and does not report to AVIM twice', () => {
    const advies = routeringsAdvies({ vorm: 'seksuele-uitbuiting', conclusie: 'wel', acuut: true, minderjarig: true }, 'rotterdam');
    withStore(<AdviceBox anoniem={false} advies={advies} />);
    const box = screen.getByRole('alert');
    expect(within(box).getByRole('heading').textContent).toBe('Acuut: bel nu de politie (AVIM)');
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Acuut: bel nu direct de politie (AVIM).',
      'Bied de cliënt hulp aan: opvang, begeleiding en hulp bij procedures. Met "Maak er een traject van" start u het zorgtraject.',
      "Het gaat om een minderjarige. Volg de meldcode: weeg af of u een melding doet bij Veilig Thuis. In sommige regio's is Veilig Thuis het meldpunt voor minderjarige slachtoffers.",
      'De gemeente van de minderjarige is verantwoordelijk onder de Jeugdwet. Betrek de gemeente bij hulp en opvang.',
      'Koppel terug aan de melder wat er met de melding gebeurt.',
    ]);
  });

  it('a doubtful signal in Rotterdam: the user is the meld- en adviespunt; calm, no alert; anonymous feedback worded for that', () => {
    withStore(<AdviceBox anoniem advies={routeringsAdvies({ vorm: 'onbekend', conclusie: 'verder-onderzoek', acuut: false, minderjarig: false }, 'rotterdam')} />);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'U bent het meld- en adviespunt. Spreek het signaal door met de melder, geef advies en bespreek de vervolgstappen.',
      'Vraag advies aan de politie (AVIM), de Nederlandse Arbeidsinspectie (NLA), het RIEC of andere ketenpartners. Voor advies zijn geen persoonsgegevens nodig: bespreek het signaal zonder namen.',
      'Koppel terug aan de melder als die opnieuw contact opneemt.',
    ]);
  });

  it('"wel" without a form (an old record) asks for the form instead of advising', () => {
    withStore(<AdviceBox anoniem={false} advies={routeringsAdvies({ vorm: 'onbekend', conclusie: 'wel', acuut: true, minderjarig: null }, 'den-haag')} />);
    expect(screen.getByRole('heading').textContent).toBe('Eerst een vorm kiezen');
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(["Bij 'wel mensenhandel' hoort een vorm van uitbuiting. Kies de vorm, of kies 'verder onderzoek'."]);
  });
});

describe('the opvang flags', () => {
  it('the Dutch screen text of every flag is the rule’s own reason', () => {
    const flags: OpvangBezwaar[] = [
      ...opvangBezwaren({ soort: 'crisisopvang', start: '2025-01-01' }, { geslacht: 'man', geboortedatum: '2009-09-09', minderjarigBijStart: true }, '2025-06-15'),
      ...opvangBezwaren({ soort: 'crisisopvang', start: '2025-01-01', eind: '2025-05-01' }, { geslacht: 'onbekend', geboortedatum: null, minderjarigBijStart: true }, '2025-06-15'),
      ...opvangBezwaren({ soort: 'crisisopvang', start: '2025-01-01', eind: '2025-02-01' }, { geslacht: 'vrouw', geboortedatum: null, minderjarigBijStart: null }, '2025-01-15'),
      ...opvangBezwaren({ soort: 'crisisopvang', start: '2025-01-01', eind: '2025-09-01' }, { geslacht: 'vrouw', minderjarigBijStart: false }, '2025-06-15'),
      ...opvangBezwaren({ soort: 'crisisopvang', start: '2025-01-01', eind: '2025-02-01' }, { geslacht: 'vrouw', minderjarigBijStart: false }, '2025-06-15', [
        { opvang: 'crisisopvang', regel: 'maximumduur', maanden: 1, bron: { titel: 'Testregel' } },
      ]),
    ];
    expect(new Set(flags.map((f) => f.code))).toEqual(new Set(['geslacht', 'geslacht-onbekend', 'leeftijd', 'leeftijd-minderjarig', 'leeftijd-onbekend', 'duur-loopt', 'duur-duurde', 'duur-gepland']));
    for (const f of flags) {
      expect(bezwaarText(f, nl)).toBe(f.reden);
      expect(bezwaarText(f, en)).not.toMatch(/[{}]/);
    }
  });

  it('a placement that breaks the rules shows each reason and its source in the traject’s opvang panel', async () => {
    const client = await vault.env.api['clienten.create']({ fields: { roepnaam: 'Testopvang', geslacht: 'man' } });
    if (!client.ok) throw new Error('client refused');
    const traject = await vault.env.api['trajecten.create']({
      clientId: client.value.id,
      fields: { minderjarigBijStart: false, gemeente: 'Rotterdam', verwijzer: 'politie', aanmelddatum: '2025-01-01', opvang: [{ soort: 'crisisopvang', start: '2025-01-02' }] },
    });
    if (!traject.ok) throw new Error('traject refused');
    await act(async () => vault.store.getState().openTraject(traject.value.id));
    function Open() {
      const detail = useAppStore(selectTrajectDetail);
      return detail ? <OpvangPanel detail={detail} /> : null;
    }
    withStore(<Open />);
    const flags = within(screen.getByTestId('opvang-bezwaren')).getAllByRole('listitem').map((li) => li.textContent);
    expect(flags).toHaveLength(2);
    expect(flags[0]).toBe(
      'Klopt niet met de regels voor deze opvang Crisisopvang is voor personen die zich identificeren als vrouw (en hun kinderen). Deze cliënt staat niet als vrouw vastgelegd. Bron: Introductiedossier regio Rotterdam, crisisopvang: de opvang is voor personen die zich identificeren als vrouw en hun eventuele kinderen',
    );
    expect(flags[1]).toMatch(/^Klopt niet met de regels voor deze opvang Crisisopvang duurt hooguit 3 maanden: deze loopt al (ruim )?\d+ maanden\. Bron: /);
  });

  it('a placement within the rules shows no flags', async () => {
    const client = await vault.env.api['clienten.create']({ fields: { roepnaam: 'Testopvang Twee', geslacht: 'vrouw', geboortedatum: '1990-01-01' } });
    if (!client.ok) throw new Error('client refused');
    const traject = await vault.env.api['trajecten.create']({
      clientId: client.value.id,
      fields: { minderjarigBijStart: false, gemeente: 'Rotterdam', verwijzer: 'politie', aanmelddatum: '2025-01-01', opvang: [{ soort: 'crisisopvang', start: '2025-01-02', eind: '2025-02-02' }] },
    });
    if (!traject.ok) throw new Error('traject refused');
    await act(async () => vault.store.getState().openTraject(traject.value.id));
    withStore(<OpvangPanel detail={vault.store.getState().trajectDetail!} />);
    expect(within(screen.getByRole('table')).getByText('Crisisopvang (geheim adres)')).toBeTruthy();
    expect(screen.queryByTestId('opvang-bezwaren')).toBeNull();
  });
});
