// The gemeenten file: the CBS list of all Dutch gemeenten (1 January 2025), the regions in it,
// the grouping the monitor uses, and the refusal of a broken file with a Dutch message.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  GEMEENTE_BUITEN_REGIO,
  GEMEENTE_ONBEKEND,
  GEMEENTE_ONBEKEND_IN_REGIO,
  alleGemeenten,
  gemeenteCode,
  gemeenteGroep,
  gemeenteKeuzes,
  gemeenten,
  gemeentenPolicy,
  huidigeGemeentenaam,
  isKnownGemeente,
  regioGemeenten,
} from '../../../shared/casework/gemeenten';
import { GemeentenFile, Regio } from '../../../shared/casework/gemeenten.schema';
import { TrajectFields } from '../../../shared/casework/traject.schema';
import { loadPolicy } from '../../../shared/policy/loadPolicy';
import type { KkError } from '../../../shared/errors';

const FILE = 'resources/gemeenten.json';
type OnDisk = {
  inhoud: {
    cbs: { jaar: number; gemeenten: Array<{ code: string; naam: string }>; eerdereNamen: Array<{ code: string; naam: string; jaar: number }> };
    regios: Array<{ regio: string; centrumgemeente: string; gemeenten: string[] }>;
  };
} & Record<string, unknown>;
const onDisk = () => JSON.parse(readFileSync(FILE, 'utf8')) as OnDisk;

function refusal(file: unknown): KkError {
  try {
    loadPolicy(GemeentenFile, file, FILE);
  } catch (e) {
    return e as KkError;
  }
  throw new Error('the broken file was accepted');
}

describe('the CBS list of gemeenten', () => {
  const { cbs } = gemeenten;

  it('is the list of 1 January 2025 with 342 gemeenten, each code and each name once', () => {
    expect(cbs.jaar).toBe(2025);
    expect(gemeentenPolicy.geldigVanaf).toBe('2025-01-01');
    expect(cbs.gemeenten).toHaveLength(342);
    expect(new Set(cbs.gemeenten.map((g) => g.code)).size).toBe(342);
    expect(new Set(cbs.gemeenten.map((g) => g.naam)).size).toBe(342);
    expect(cbs.gemeenten.every((g) => /^GM\d{4}$/.test(g.code))).toBe(true);
  });

  it('names its public source: the CBS page and the year of the list', () => {
    const urls = gemeentenPolicy.bron.map((b) => b.url);
    expect(urls).toContain('https://www.cbs.nl/nl-nl/onze-diensten/methoden/classificaties/overig/gemeentelijke-indelingen-per-jaar');
    expect(gemeentenPolicy.bron.some((b) => b.url && b.titel.includes('1 januari 2025'))).toBe(true);
    expect(gemeentenPolicy.toelichting).toMatch(/1 januari 2025: 342 gemeenten/);
    expect(gemeentenPolicy.toelichting).toMatch(/overgenomen uit/);
  });

  it.each([
    ['GM0599', 'Rotterdam'],
    ['GM0518', "'s-Gravenhage"],
    ['GM0363', 'Amsterdam'],
    ['GM1680', 'Aa en Hunze'],
    ['GM0758', 'Breda'],
    ['GM1992', 'Voorne aan Zee'],
    ['GM0603', 'Rijswijk (ZH.)'],
    ['GM0796', "'s-Hertogenbosch"],
  ])('%s is %s', (code, naam) => {
    expect(cbs.gemeenten).toContainEqual({ code, naam });
    expect(gemeenteCode(naam)).toBe(code);
  });

  it('has no gemeente that ended before 2025 (the merger into Voorne aan Zee in 2023)', () => {
    for (const gone of ['Brielle', 'Hellevoetsluis', 'Westvoorne', 'Weesp']) expect(isKnownGemeente(gone), gone).toBe(false);
  });

  it('accepts every CBS name in its exact spelling, and nothing else', () => {
    expect(cbs.gemeenten.every((g) => isKnownGemeente(g.naam))).toBe(true);
    expect(alleGemeenten()).toHaveLength(342);
    expect(isKnownGemeente('rotterdam')).toBe(false);
    expect(isKnownGemeente('Den Haag')).toBe(false);
    expect(isKnownGemeente('Rotterdam ')).toBe(false);
    expect(gemeenteCode('Atlantis')).toBeUndefined();
  });

  it('keeps the names of the 2024 list that CBS now writes with the province, so older records stay valid', () => {
    expect(cbs.eerdereNamen.map((e) => e.naam).sort()).toEqual(['Beek', 'Hengelo', 'Laren', 'Middelburg', 'Rijswijk', 'Stein']);
    expect(isKnownGemeente('Rijswijk')).toBe(true);
    expect(huidigeGemeentenaam('Rijswijk')).toBe('Rijswijk (ZH.)');
    expect(gemeenteCode('Rijswijk')).toBe('GM0603');
    expect(huidigeGemeentenaam('Delft')).toBe('Delft');
    expect(alleGemeenten()).not.toContain('Rijswijk');
    const fields = { minderjarigBijStart: false, verwijzer: 'politie', aanmelddatum: '2024-01-01' };
    expect(TrajectFields.safeParse({ ...fields, gemeente: 'Rijswijk' }).success).toBe(true);
    expect(TrajectFields.safeParse({ ...fields, gemeente: 'Aa en Hunze' }).success).toBe(true);
  });
});

describe('the regions', () => {
  it('are Rotterdam (23 gemeenten), Den Haag (27) and West-Brabant (16), as the Regio enum', () => {
    expect(gemeenten.regios.map((r) => [r.regio, r.gemeenten.length])).toEqual([
      ['rotterdam', 23],
      ['den-haag', 27],
      ['west-brabant', 16],
    ]);
    expect(gemeenten.regios.map((r) => r.regio)).toEqual(Regio.options);
  });

  it('hold only gemeenten of the CBS list, each in one region', () => {
    const all = gemeenten.regios.flatMap((r) => r.gemeenten);
    for (const g of all) expect(gemeenteCode(g), g).toMatch(/^GM\d{4}$/);
    expect(new Set(all).size).toBe(all.length);
  });

  it('Den Haag writes Rijswijk as CBS does since 2024', () => {
    expect(regioGemeenten('den-haag').gemeenten).toContain('Rijswijk (ZH.)');
    expect(regioGemeenten('den-haag').centrumgemeente).toBe("'s-Gravenhage");
  });

  it('West-Brabant is De Baronie and De Markiezaten with Breda as centrumgemeente, from the Baronie policy (seed 001)', () => {
    const wb = regioGemeenten('west-brabant');
    expect(wb.centrumgemeente).toBe('Breda');
    expect([...wb.gemeenten].sort()).toEqual(
      ['Alphen-Chaam', 'Altena', 'Baarle-Nassau', 'Bergen op Zoom', 'Breda', 'Drimmelen', 'Etten-Leur', 'Geertruidenberg', 'Halderberge', 'Moerdijk', 'Oosterhout', 'Roosendaal', 'Rucphen', 'Steenbergen', 'Woensdrecht', 'Zundert'].sort(),
    );
    expect(wb.gemeenten).not.toContain('Tholen');
    const cited = gemeentenPolicy.bron.filter((b) => b.document === '001_7147b9909ac2d22b.txt').map((b) => b.regel);
    expect(cited).toEqual(['4-13', '776-790']);
  });

  it('groups a pick list: the centrumgemeente, the other gemeenten of the region and every other gemeente, sorted as in Dutch', () => {
    const k = gemeenteKeuzes('rotterdam');
    expect(k.centrumgemeente).toBe('Rotterdam');
    expect(k.regio).toHaveLength(22);
    expect(k.regio).not.toContain('Rotterdam');
    expect(k.regio.slice(0, 3)).toEqual(['Alblasserdam', 'Albrandswaard', 'Barendrecht']);
    expect(k.buiten).toHaveLength(342 - 23);
    expect(k.buiten).not.toContain('Schiedam');
    expect(k.buiten).toContain("'s-Gravenhage");
    expect(k.buiten[0]).toBe("'s-Gravenhage");
    expect(k.buiten).toEqual([...k.buiten].sort((a, b) => a.localeCompare(b, 'nl')));
    expect(new Set([k.centrumgemeente, ...k.regio, ...k.buiten]).size).toBe(342);
    expect(gemeenteKeuzes('den-haag').regio).toContain('Rijswijk (ZH.)');
  });
});

describe('gemeenteGroep', () => {
  it.each([
    [GEMEENTE_ONBEKEND, 'rotterdam', 'onbekend'],
    [GEMEENTE_ONBEKEND_IN_REGIO, 'rotterdam', 'onbekend-in-regio'],
    [GEMEENTE_BUITEN_REGIO, 'rotterdam', 'buiten-regio'],
    [GEMEENTE_ONBEKEND_IN_REGIO, 'west-brabant', 'onbekend-in-regio'],
    ['Rotterdam', 'rotterdam', 'centrumgemeente'],
    ['Schiedam', 'rotterdam', 'regio'],
    ['Delft', 'rotterdam', 'buiten-regio'],
    ['Breda', 'rotterdam', 'buiten-regio'],
    ['Aa en Hunze', 'rotterdam', 'buiten-regio'],
    ['Rotterdam', 'den-haag', 'buiten-regio'],
    ['Rijswijk (ZH.)', 'den-haag', 'regio'],
    ['Rijswijk', 'den-haag', 'regio'],
    ['Breda', 'west-brabant', 'centrumgemeente'],
    ['Altena', 'west-brabant', 'regio'],
    ['Tholen', 'west-brabant', 'buiten-regio'],
  ] as const)('%s in regio %s is %s', (g, regio, groep) => {
    expect(gemeenteGroep(g, regioGemeenten(regio))).toBe(groep);
  });

  it('gives the special values exactly as stored (one definition)', () => {
    expect([GEMEENTE_ONBEKEND, GEMEENTE_ONBEKEND_IN_REGIO, GEMEENTE_BUITEN_REGIO]).toEqual(['onbekend', 'onbekend-in-regio', 'buiten-regio']);
  });
});

describe('a broken gemeenten file is refused with a Dutch message that names the place', () => {
  it.each([
    ['a code twice', (f: OnDisk) => (f.inhoud.cbs.gemeenten[5]!.code = f.inhoud.cbs.gemeenten[0]!.code), /inhoud\.cbs\.gemeenten\.5\.code: Deze gemeentecode staat al eerder in de CBS-lijst/],
    ['a name twice', (f: OnDisk) => (f.inhoud.cbs.gemeenten[7]!.naam = f.inhoud.cbs.gemeenten[1]!.naam), /inhoud\.cbs\.gemeenten\.7\.naam: Deze gemeentenaam staat al eerder in de CBS-lijst/],
    ['a code that is not GM and four digits', (f: OnDisk) => (f.inhoud.cbs.gemeenten[2]!.code = '0599'), /inhoud\.cbs\.gemeenten\.2\.code: Een gemeentecode is GM met vier cijfers/],
    ['a region gemeente that is not in the CBS list', (f: OnDisk) => (f.inhoud.regios[1]!.gemeenten[18] = 'Rijswijk'), /inhoud\.regios\.1\.gemeenten\.18: Deze gemeente staat niet in de CBS-lijst\. Schrijf de naam precies zoals CBS/],
    ['a misspelt region gemeente', (f: OnDisk) => (f.inhoud.regios[0]!.gemeenten[0] = 'Albrandswaart'), /inhoud\.regios\.0\.gemeenten\.0: Deze gemeente staat niet in de CBS-lijst/],
    ['a gemeente in two regions', (f: OnDisk) => f.inhoud.regios[2]!.gemeenten.push('Schiedam'), /inhoud\.regios\.2\.gemeenten\.16: Deze gemeente hoort al bij een andere regio/],
    ['an earlier name of a code that is not in the list', (f: OnDisk) => (f.inhoud.cbs.eerdereNamen[0]!.code = 'GM9999'), /inhoud\.cbs\.eerdereNamen\.0\.code: Deze gemeentecode staat niet in de CBS-lijst/],
    ['an earlier name that is a current name', (f: OnDisk) => (f.inhoud.cbs.eerdereNamen[0]!.naam = 'Delft'), /inhoud\.cbs\.eerdereNamen\.0\.naam: Deze naam is nu de naam van een gemeente/],
    ['no CBS list', (f: OnDisk) => delete (f.inhoud as Partial<OnDisk['inhoud']>).cbs, /inhoud\.cbs: Dit veld ontbreekt/],
  ])('refuses %s', (_name, mutate, dutch) => {
    const file = onDisk();
    mutate(file);
    const e = refusal(file);
    expect(e.code).toBe('POLICY_INVALID');
    expect(e.message).toMatch(/^Het beleidsbestand resources\/gemeenten\.json klopt niet\./);
    expect(e.message).toMatch(dutch);
  });

  it('never repeats what the file held', () => {
    const file = onDisk();
    file.inhoud.regios[0]!.gemeenten[0] = 'Geheimstad';
    expect(refusal(file).message).not.toContain('Geheimstad');
  });

  it('the file on disk is the one the app loads', () => {
    expect(gemeentenPolicy).toEqual(loadPolicy(GemeentenFile, onDisk(), FILE));
    expect(gemeentenPolicy.versie).toBe('2025-02');
  });
});
