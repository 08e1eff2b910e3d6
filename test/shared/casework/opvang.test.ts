import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CRISISOPVANG_MAX_MONTHS, duurTussen, opvangBezwaren, opvangPolicy, type OpvangClient } from '../../../shared/casework/opvang';
import { OpvangFile } from '../../../shared/casework/opvang.schema';
import type { OpvangSoort } from '../../../shared/casework/traject.schema';
import { loadPolicy } from '../../../shared/policy/loadPolicy';
import { KkError } from '../../../shared/errors';

const today = '2025-06-15';
const vrouw: OpvangClient = { geslacht: 'vrouw', geboortedatum: '1990-04-01', minderjarigBijStart: false };
const crisis = (start: string, eind?: string) => ({ soort: 'crisisopvang' as OpvangSoort, start, ...(eind ? { eind } : {}) });

describe('opvangBezwaren: the crisisopvang rules of resources/opvang.json', () => {
  it.each([
    ['an adult woman, 6 weeks in', crisis('2025-05-01'), vrouw, []],
    ['a man', crisis('2025-05-01'), { ...vrouw, geslacht: 'man' }, ['Crisisopvang is voor personen die zich identificeren als vrouw (en hun kinderen). Deze cliënt staat niet als vrouw vastgelegd.']],
    ['gender "anders"', crisis('2025-05-01'), { ...vrouw, geslacht: 'anders' }, ['Crisisopvang is voor personen die zich identificeren als vrouw (en hun kinderen). Deze cliënt staat niet als vrouw vastgelegd.']],
    ['gender unknown', crisis('2025-05-01'), { ...vrouw, geslacht: 'onbekend' }, ['Niet bekend of de cliënt zich identificeert als vrouw. Crisisopvang is voor personen die zich identificeren als vrouw (en hun kinderen).']],
    ['16 on the first day', crisis('2025-05-01'), { ...vrouw, geboortedatum: '2008-06-01' }, ['Crisisopvang is voor vrouwen van 18 jaar en ouder (en hun kinderen). De cliënt was 16 jaar op de eerste dag van deze opvang.']],
    ['18 the day after the start', crisis('2025-05-01'), { ...vrouw, geboortedatum: '2007-05-02' }, ['Crisisopvang is voor vrouwen van 18 jaar en ouder (en hun kinderen). De cliënt was 17 jaar op de eerste dag van deze opvang.']],
    ['18 on the first day', crisis('2025-05-01'), { ...vrouw, geboortedatum: '2007-05-01' }, []],
    ['a minor at the traject start, no birth date', crisis('2025-05-01'), { ...vrouw, geboortedatum: null, minderjarigBijStart: true }, ['Crisisopvang is voor vrouwen van 18 jaar en ouder (en hun kinderen). De cliënt was minderjarig bij de start van het traject, en de geboortedatum is niet bekend.']],
    ['age not known at all', crisis('2025-05-01'), { ...vrouw, geboortedatum: undefined, minderjarigBijStart: null }, ['Niet bekend of de cliënt 18 jaar of ouder is. Crisisopvang is voor vrouwen van 18 jaar en ouder (en hun kinderen).']],
    ['an adult at the traject start, no birth date', crisis('2025-05-01'), { ...vrouw, geboortedatum: null }, []],
    ['exactly 3 months today', crisis('2025-03-15'), vrouw, []],
    ['3 months and a day, running', crisis('2025-03-14'), vrouw, ['Crisisopvang duurt hooguit 3 maanden: deze loopt al ruim 3 maanden.']],
    ['exactly 4 months, running', crisis('2025-02-15'), vrouw, ['Crisisopvang duurt hooguit 3 maanden: deze loopt al 4 maanden.']],
    ['4 months and 2 weeks, running', crisis('2025-02-01'), vrouw, ['Crisisopvang duurt hooguit 3 maanden: deze loopt al ruim 4 maanden.']],
    ['ended after 4 months', crisis('2025-01-10', '2025-05-10'), vrouw, ['Crisisopvang duurt hooguit 3 maanden: deze duurde 4 maanden.']],
    ['ended within 3 months', crisis('2025-01-10', '2025-04-10'), vrouw, []],
    ['planned beyond the limit', crisis('2025-05-01', '2025-09-01'), vrouw, ['Crisisopvang duurt hooguit 3 maanden: deze is gepland tot 01-09-2025, dat is 4 maanden.']],
    [
      'a boy of 15 for 5 months: every rule, in the order of the file',
      crisis('2025-01-01'),
      { geslacht: 'man', geboortedatum: '2009-09-09', minderjarigBijStart: true },
      [
        'Crisisopvang is voor personen die zich identificeren als vrouw (en hun kinderen). Deze cliënt staat niet als vrouw vastgelegd.',
        'Crisisopvang is voor vrouwen van 18 jaar en ouder (en hun kinderen). De cliënt was 15 jaar op de eerste dag van deze opvang.',
        'Crisisopvang duurt hooguit 3 maanden: deze loopt al ruim 5 maanden.',
      ],
    ],
    ['other kinds of opvang have none of these rules', { soort: 'beschermd-wonen' as OpvangSoort, start: '2020-01-01' }, { geslacht: 'man', geboortedatum: '2010-01-01', minderjarigBijStart: true }, []],
  ] as const)('%s', (_name, opvang, client, reasons) => {
    expect(opvangBezwaren(opvang, client as OpvangClient, today).map((b) => b.reden)).toEqual(reasons);
  });

  it('a fact that is not known is a flag to check, not a certainty; every flag cites its line in the source', () => {
    const flags = opvangBezwaren(crisis('2025-01-01'), { geslacht: 'onbekend', geboortedatum: null, minderjarigBijStart: null }, today);
    expect(flags.map((b) => [b.code, b.zeker])).toEqual([
      ['geslacht-onbekend', false],
      ['leeftijd-onbekend', false],
      ['duur-loopt', true],
    ]);
    expect(flags.map((b) => `${b.bron.document}:${b.bron.regel}`)).toEqual(['003_70191b96e5283f0e.txt:277-278', '003_70191b96e5283f0e.txt:278-279', '003_70191b96e5283f0e.txt:279']);
  });

  it('follows the rules it is given (a rule for another kind of opvang, another limit)', () => {
    const regels = [{ opvang: 'categorale-opvang' as const, regel: 'maximumduur' as const, maanden: 6, bron: { titel: 'Testregel' } }];
    expect(opvangBezwaren({ soort: 'categorale-opvang', start: '2024-11-01' }, vrouw, today, regels).map((b) => b.reden)).toEqual(['Crisisopvang duurt hooguit 6 maanden: deze loopt al ruim 7 maanden.']);
    expect(opvangBezwaren(crisis('2024-11-01'), vrouw, today, regels)).toEqual([]);
  });

  it('the 3-month limit the traject signals and the dashboard use is the file’s', () => {
    expect(CRISISOPVANG_MAX_MONTHS).toBe(3);
    expect(opvangPolicy.inhoud.regels.find((r) => r.opvang === 'crisisopvang' && r.regel === 'maximumduur')).toMatchObject({ maanden: 3 });
  });

  it.each([
    ['2025-01-31', '2025-04-30', { maanden: 3, ruim: false }],
    ['2025-01-31', '2025-05-01', { maanden: 3, ruim: true }],
    ['2025-03-15', '2025-03-15', { maanden: 0, ruim: false }],
    ['2024-11-30', '2025-02-28', { maanden: 3, ruim: false }],
  ])('duurTussen(%s, %s) = %j (months as addMonths counts them)', (from, to, duur) => {
    expect(duurTussen(from, to)).toEqual(duur);
  });
});

describe('the opvang policy file', () => {
  const FILE = 'resources/opvang.json';
  type OnDisk = { inhoud: { regels: Array<Record<string, unknown>> } };
  const refused = (mutate: (f: OnDisk) => void) => {
    const file = JSON.parse(readFileSync(FILE, 'utf8')) as OnDisk;
    mutate(file);
    try {
      loadPolicy(OpvangFile, file, FILE);
    } catch (e) {
      expect((e as KkError).code).toBe('POLICY_INVALID');
      return (e as KkError).message;
    }
    throw new Error('the malformed file was accepted');
  };
  it.each([
    ['a rule twice', (f: OnDisk) => f.inhoud.regels.push(structuredClone(f.inhoud.regels[0]!)), /inhoud\.regels\.3: De regel "geslacht" voor "crisisopvang" staat er meer dan één keer in/],
    ['no maximum for crisisopvang', (f: OnDisk) => f.inhoud.regels.splice(2, 1), /inhoud\.regels: De maximale duur van de crisisopvang ontbreekt/],
    ['"onbekend" as an allowed gender', (f: OnDisk) => (f.inhoud.regels[0]!.geslachten = ['onbekend']), /inhoud\.regels\.0\.geslachten\.0/],
    ['a rule without its source', (f: OnDisk) => delete f.inhoud.regels[1]!.bron, /inhoud\.regels\.1\.bron: Dit veld ontbreekt/],
    ['an unknown kind of rule', (f: OnDisk) => (f.inhoud.regels[1]!.regel = 'maximumleeftijd'), /inhoud\.regels\.1\.regel/],
  ])('refuses %s with the path and the problem in Dutch', (_name, mutate, dutch) => {
    expect(refused(mutate)).toMatch(dutch);
  });
});
