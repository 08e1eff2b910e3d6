import { describe, expect, it } from 'vitest';
import { addDays, addMonths, ageOn, daysBetween } from '../../../shared/casework/dates';
import { allowedTransitions, checkTransition } from '../../../shared/casework/phases';
import { deadlineState, deadlinesWith, procedureDeadlineState } from '../../../shared/casework/deadlines';
import { crisisopvangGrens, crisisopvangTeLang, opvangEinde } from '../../../shared/casework/opvang';
import { toestemmingStatus, type ConsentFacts } from '../../../shared/casework/consent';
import type { AfsluitReden, Fase } from '../../../shared/casework/traject.schema';

describe('dates', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-11-30', 3, '2025-02-28'],
    ['2024-03-15', 3, '2024-06-15'],
    ['2024-12-01', 1, '2025-01-01'],
  ])('%s + %i months = %s', (start, months, expected) => {
    expect(addMonths(start, months)).toBe(expected);
  });
  it('counts days across a DST change without losing one', () => {
    expect(daysBetween('2024-03-30', '2024-04-01')).toBe(2);
    expect(addDays('2024-10-26', 2)).toBe('2024-10-28');
  });
  it.each([
    ['2008-06-15', '2024-06-14', 15],
    ['2008-06-15', '2024-06-15', 16],
    ['2008-02-29', '2024-02-28', 15],
    ['2008-02-29', '2024-02-29', 16],
  ])('born %s is on %s aged %i', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });
});

describe('phase transitions', () => {
  const base = { datum: '2024-05-01', aanmelddatum: '2024-01-01' };
  const cases: Array<[Fase, Fase, AfsluitReden | undefined, boolean]> = [
    ['aanmelding', 'intake', undefined, true],
    ['aanmelding', 'actief', undefined, true],
    ['aanmelding', 'nazorg', undefined, false],
    ['intake', 'aanmelding', undefined, false],
    ['intake', 'actief', undefined, true],
    ['actief', 'nazorg', undefined, true],
    ['actief', 'intake', undefined, false],
    ['nazorg', 'actief', undefined, true],
    ['nazorg', 'afgesloten', 'doelen-bereikt', true],
    ['nazorg', 'afgesloten', undefined, false],
    ['aanmelding', 'afgesloten', 'geen-contact-meer', true],
    ['afgesloten', 'intake', undefined, true],
    ['afgesloten', 'actief', undefined, true],
    ['afgesloten', 'nazorg', undefined, false],
    ['afgesloten', 'aanmelding', undefined, false],
    ['actief', 'actief', undefined, false],
    ['intake', 'actief', 'doelen-bereikt', false],
  ];
  it.each(cases)('%s → %s (reden %s) allowed: %s', (van, naar, reden, ok) => {
    expect(checkTransition({ van, naar, reden, ...base }).ok).toBe(ok);
  });
  it('every phase can be closed except a closed one, and a closed one can be reopened', () => {
    for (const fase of ['aanmelding', 'intake', 'actief', 'nazorg'] as Fase[]) expect(allowedTransitions[fase]).toContain('afgesloten');
    expect(allowedTransitions.afgesloten).not.toContain('afgesloten');
  });
  it('closing with "anders" needs a toelichting; whitespace is not one', () => {
    const r = checkTransition({ van: 'actief', naar: 'afgesloten', reden: 'anders', toelichting: '   ', ...base });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toEqual(['toelichting']);
    expect(checkTransition({ van: 'actief', naar: 'afgesloten', reden: 'anders', toelichting: 'verhuisd naar familie', ...base }).ok).toBe(true);
  });
  it('closing records reason and date; reopening clears them and says so', () => {
    const close = checkTransition({ van: 'actief', naar: 'afgesloten', reden: 'overgedragen', ...base });
    expect(close).toMatchObject({ ok: true, afsluitReden: 'overgedragen', afgeslotenOp: '2024-05-01', heropend: false });
    const reopen = checkTransition({ van: 'afgesloten', naar: 'intake', ...base });
    expect(reopen).toMatchObject({ ok: true, afsluitReden: null, afgeslotenOp: null, heropend: true });
  });
  it('a move cannot be dated before the aanmelding', () => {
    const r = checkTransition({ van: 'aanmelding', naar: 'intake', datum: '2023-12-31', aanmelddatum: '2024-01-01' });
    expect(r.ok).toBe(false);
  });
});

describe('deadlines', () => {
  const today = '2024-06-10';
  it.each([
    [undefined, false, 'geen'],
    ['2024-06-09', false, 'verlopen'],
    ['2024-06-10', false, 'vandaag'],
    ['2024-06-11', false, 'binnenkort'],
    ['2024-06-24', false, 'binnenkort'],
    ['2024-06-25', false, 'ok'],
    ['2024-06-01', true, 'afgerond'],
  ] as const)('deadline %s (done %s) is %s', (deadline, done, state) => {
    expect(deadlineState(deadline, today, { done })).toBe(state);
  });
  it.each([0, 1, 14, 30])('with %i soon days every day falls in exactly one state, the one its range names', (soonDays) => {
    const states = ['verlopen', 'vandaag', 'binnenkort', 'ok'] as const;
    for (let d = -3; d <= soonDays + 3; d++) {
      const day = addDays(today, d);
      const expected = d < 0 ? 'verlopen' : d === 0 ? 'vandaag' : d <= soonDays ? 'binnenkort' : 'ok';
      expect(deadlineState(day, today, { soonDays })).toBe(expected);
      const holding = states.filter((state) => {
        const r = deadlinesWith(state, today, soonDays);
        return (r.van === null || day >= r.van) && (r.tot === null || day <= r.tot);
      });
      expect(holding).toEqual([expected]);
    }
  });
  it.each([
    ['lopend', 'verlopen'],
    ['aangevraagd', 'verlopen'],
    ['toegekend', 'afgerond'],
    ['afgewezen', 'afgerond'],
  ] as const)('a procedure with status %s past its deadline is %s', (status, state) => {
    expect(procedureDeadlineState({ status, deadline: '2024-06-01' }, today)).toBe(state);
  });
});

describe('crisisopvang', () => {
  it.each([
    ['crisisopvang', '2024-01-10', undefined, '2024-04-10', false],
    ['crisisopvang', '2024-01-10', undefined, '2024-04-11', true],
    ['crisisopvang', '2024-01-10', '2024-04-10', '2024-12-01', false],
    ['crisisopvang', '2024-01-10', '2024-04-11', '2024-12-01', true],
    ['categorale-opvang', '2023-01-10', undefined, '2024-12-01', false],
  ] as const)('%s from %s until %s, seen on %s: too long %s', (soort, start, eind, today, flagged) => {
    expect(crisisopvangTeLang({ soort, start, eind }, today)).toBe(flagged);
  });
  it('the limit is 3 calendar months; the end is the earlier of planned end and limit', () => {
    expect(crisisopvangGrens('2024-11-30')).toBe('2025-02-28');
    expect(opvangEinde({ soort: 'crisisopvang', start: '2024-01-10' })).toBe('2024-04-10');
    expect(opvangEinde({ soort: 'crisisopvang', start: '2024-01-10', eind: '2024-02-01' })).toBe('2024-02-01');
    expect(opvangEinde({ soort: 'crisisopvang', start: '2024-01-10', eind: '2024-06-01' })).toBe('2024-04-10');
    expect(opvangEinde({ soort: 'beschermd-wonen', start: '2024-01-10' })).toBeNull();
  });
});

describe('consent', () => {
  const adult = { geboortedatum: '2000-03-01' };
  const child = { geboortedatum: '2010-03-01' }; // 14 on 2024-06-01
  const turning16 = { geboortedatum: '2008-06-02' }; // 15 on 2024-06-01, 16 the next day
  const base: ConsentFacts = { doel: 'gegevensdeling', vanaf: '2024-06-01', schriftelijk: true, gegevenDoor: 'client' };
  const today = '2024-07-01';
  it.each([
    ['adult, own consent', base, adult, 'geldig'],
    ['adult, parent consent', { ...base, gegevenDoor: 'ouder-voogd' }, adult, 'ongeldig-leeftijd'],
    ['under 16, own consent', base, child, 'ongeldig-leeftijd'],
    ['under 16, parent consent', { ...base, gegevenDoor: 'ouder-voogd' }, child, 'geldig'],
    ['15 on the day given, parent consent', { ...base, gegevenDoor: 'ouder-voogd' }, turning16, 'geldig'],
    ['withdrawn before today', { ...base, ingetrokkenOp: '2024-06-20' }, adult, 'ingetrokken'],
    ['withdrawn today', { ...base, ingetrokkenOp: today }, adult, 'ingetrokken'],
    ['withdrawal planned later', { ...base, ingetrokkenOp: '2024-08-01' }, adult, 'geldig'],
    ['not yet started', { ...base, vanaf: '2024-08-01' }, adult, 'nog-niet-geldig'],
    ['expired', { ...base, tot: '2024-06-30' }, adult, 'verlopen'],
    ['CoMensha, oral', { ...base, doel: 'registratie-comensha', schriftelijk: false }, adult, 'niet-schriftelijk'],
    ['CoMensha, written', { ...base, doel: 'registratie-comensha' }, adult, 'geldig'],
    ['unknown age', base, {}, 'leeftijd-onbekend'],
  ] as const)('%s → %s', (_name, consent, client, status) => {
    expect(toestemmingStatus(consent, client, today)).toBe(status);
  });
});
