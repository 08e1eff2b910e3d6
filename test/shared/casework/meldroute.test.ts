import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { meldrouteFor, meldroutePolicies, routeringsAdvies } from '../../../shared/casework/meldroute';
import { MeldrouteFile, RoutePartner, type RouteStap } from '../../../shared/casework/meldroute.schema';
import { MeldingFields, MeldingVorm, type MeldConclusie } from '../../../shared/casework/melding.schema';
import { Regio } from '../../../shared/casework/gemeenten.schema';
import { loadPolicy } from '../../../shared/policy/loadPolicy';
import { KkError } from '../../../shared/errors';

interface Rij {
  regio: Regio;
  vorm: MeldingVorm;
  conclusie: MeldConclusie | null;
  acuut: boolean;
  minderjarig: boolean | null;
  advies?: string[];
  geweigerd?: string;
  bron: string;
}

/** The specification: every combination with its expected advice and source lines (kept as data, reviewed against the seeds). */
const table = JSON.parse(readFileSync('test/shared/casework/meldroute.table.json', 'utf8')) as { rijen: Rij[] };
const rows = table.rijen;
const VORMEN = MeldingVorm.options.flatMap((o) => o.options);
const CONCLUSIES = [null, 'geen', 'verder-onderzoek', 'wel'] as const;

const words = (steps: RouteStap[]) => steps.map((s) => [s.actie, s.partners.join('+')].filter(Boolean).join(':'));
const key = (r: Pick<Rij, 'regio' | 'vorm' | 'conclusie' | 'acuut' | 'minderjarig'>) => `${r.regio}/${r.vorm}/${r.conclusie}/${r.acuut}/${r.minderjarig}`;
const melding = (r: Rij) => ({ vorm: r.vorm, conclusie: r.conclusie, acuut: r.acuut, minderjarig: r.minderjarig });

describe('the meldroute table (test/shared/casework/meldroute.table.json)', () => {
  it('holds every combination of region × form × conclusion × acute × minor exactly once, each with its source lines', () => {
    const expected = Regio.options.flatMap((regio) =>
      VORMEN.flatMap((vorm) => CONCLUSIES.flatMap((conclusie) => [false, true].flatMap((acuut) => [false, true, null].map((minderjarig) => key({ regio, vorm, conclusie, acuut, minderjarig }))))),
    );
    expect(rows.map(key).sort()).toEqual(expected.sort());
    for (const r of rows) {
      expect(r.bron, key(r)).toMatch(/^00\d:\d/);
      // One source per step of the advice.
      if (r.advies) expect(r.bron.split(' | '), key(r)).toHaveLength(r.advies.length);
    }
  });

  it.each(Regio.options)('%s: the core gives exactly the advice of every row', (regio) => {
    const failures = rows
      .filter((r) => r.regio === regio && r.advies)
      .map((r) => ({ row: key(r), got: words(routeringsAdvies(melding(r), r.regio)), want: r.advies }))
      .filter((c) => JSON.stringify(c.got) !== JSON.stringify(c.want));
    expect(failures).toEqual([]);
  });

  it('"wel mensenhandel" without a form is refused by the melding schema, and a stored one only gets "choose a form"', () => {
    const refused = rows.filter((r) => r.geweigerd);
    expect(refused.map((r) => r.vorm).sort()).toEqual(Array(refused.length / 2).fill(['geen', 'onbekend']).flat().sort());
    expect(refused.every((r) => r.conclusie === 'wel')).toBe(true);
    for (const r of refused) {
      const parsed = MeldingFields.safeParse({ datum: '2025-03-01', kanaal: 'telefoon', anoniem: true, melderType: 'burger', gemeente: 'onbekend', ...melding(r) });
      expect(parsed.success, key(r)).toBe(false);
      expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain('vorm');
      expect(words(routeringsAdvies(melding(r), r.regio))).toEqual(['vorm-kiezen']);
    }
  });
});

describe('the advice never asks the impossible of its user', () => {
  const all = rows.map((r) => ({ r, steps: routeringsAdvies(melding(r), r.regio) }));

  it('never sends the user to themselves: the zorgcoördinator and the meld- en adviespunt are not partners', () => {
    expect(RoutePartner.options.join(' ')).not.toMatch(/zoco|zorgco|meldpunt|essm|shop/i);
    expect(JSON.stringify(Object.values(meldroutePolicies).map((p) => p.inhoud))).not.toMatch(/"partners":\[[^\]]*"(ZoCo|ESSM|SHOP)/);
  });

  it('calls AVIM at once only with "wel mensenhandel" and "acuut", and then first', () => {
    for (const { r, steps } of all) {
      const calls = steps.filter((s) => s.actie === 'bel-direct');
      const acute = r.acuut && r.conclusie === 'wel' && !r.geweigerd;
      expect(calls.length, key(r)).toBe(acute ? 1 : 0);
      if (acute) expect(steps[0]?.actie).toBe('bel-direct');
      // "Acuut" on any other conclusion says where the call belongs instead of keeping quiet.
      expect(steps.some((s) => s.actie === 'acuut-alleen-bij-wel'), key(r)).toBe(r.acuut && r.conclusie !== 'wel');
    }
  });

  it('a minor always gets the meldcode (Veilig Thuis) and the gemeente under the Jeugdwet; an unknown age gets "find out"; an adult neither', () => {
    for (const { r, steps } of all.filter((a) => !a.r.geweigerd)) {
      const w = words(steps);
      expect(w.includes('meldcode-volgen:veilig-thuis') && w.includes('jeugdwet:gemeente'), key(r)).toBe(r.minderjarig === true);
      expect(w.includes('leeftijd-nagaan'), key(r)).toBe(r.minderjarig === null);
    }
  });

  it('always ends with feedback to the melder, numbered in order, and reports to a partner only with "wel mensenhandel"', () => {
    for (const { r, steps } of all.filter((a) => !a.r.geweigerd)) {
      expect(steps.at(-1)).toMatchObject({ actie: 'terugkoppelen', partners: ['melder'] });
      expect(steps.map((s) => s.volgorde)).toEqual(steps.map((_, i) => i + 1));
      // With "acuut" the call to AVIM is the report to AVIM.
      expect(steps.some((s) => s.actie === 'melden' || s.actie === 'bel-direct'), key(r)).toBe(r.conclusie === 'wel');
      expect(steps.some((s) => s.actie === 'doorverwijzen'), key(r)).toBe(r.conclusie === 'geen');
    }
  });

  it('follows the table it is given: a changed route in a file changes the advice', () => {
    const changed = structuredClone(meldrouteFor('rotterdam'));
    changed.wel.perVorm.find((r) => r.vorm === 'arbeidsuitbuiting')!.stappen = [{ actie: 'melden', partners: ['AVIM'], bron: { titel: 'test' } }];
    const m = { vorm: 'arbeidsuitbuiting', conclusie: 'wel', acuut: false, minderjarig: false } as const;
    expect(words(routeringsAdvies(m, 'rotterdam', changed))).toEqual(['melden:AVIM', 'terugkoppelen:melder']);
    expect(words(routeringsAdvies(m, 'rotterdam'))).toEqual(['melden:NLA', 'hulp-aanbieden:client', 'terugkoppelen:melder']);
  });
});

describe('the meldroute policy files (resources/meldroute/<regio>.json)', () => {
  it.each(Regio.options)('%s: a versioned policy file of its own region; every rule cites a seed document and line', (regio) => {
    const p = meldroutePolicies[regio];
    expect(p).toMatchObject({ soort: 'meldroute', versie: expect.any(String), inhoud: { regio } });
    const inhoud = p.inhoud;
    const rules = [...inhoud.open, ...inhoud.geen, ...inhoud.verderOnderzoek, inhoud.wel.acuut, ...inhoud.wel.perVorm.flatMap((v) => v.stappen), inhoud.acuutZonderWel, ...inhoud.minderjarig, ...inhoud.minderjarigOnbekend, inhoud.terugkoppeling];
    for (const rule of rules) {
      expect(rule.bron.document).toMatch(/^\d{3}_[0-9a-f]+\.txt$/);
      expect(rule.bron.regel).toMatch(/^\d/);
    }
  });

  it('den-haag says in its explanation that the seed has no route of its own', () => {
    expect(meldroutePolicies['den-haag'].toelichting).toMatch(/staat niet in de brontekst/);
    expect(meldroutePolicies.rotterdam.toelichting).toMatch(/staat niet in de brontekst/);
  });

  const FILE = 'resources/meldroute/west-brabant.json';
  type OnDisk = { soort: string; bron: unknown[]; inhoud: Record<string, unknown> & { wel: { perVorm: Array<{ vorm: string; stappen: Array<Record<string, unknown>> }> }; open: Array<Record<string, unknown>> } };
  const refused = (mutate: (file: OnDisk) => void) => {
    const file = JSON.parse(readFileSync(FILE, 'utf8')) as OnDisk;
    mutate(file);
    try {
      loadPolicy(MeldrouteFile, file, FILE);
    } catch (e) {
      expect(e).toBeInstanceOf(KkError);
      expect((e as KkError).code).toBe('POLICY_INVALID');
      return (e as KkError).message;
    }
    throw new Error('the malformed file was accepted');
  };

  it.each([
    ['a wrong type', (f: OnDisk) => (f.inhoud.wel.perVorm[0]!.stappen = 'AVIM' as never), /inhoud\.wel\.perVorm\.0\.stappen: Hier hoort een lijst/],
    ['no source at all', (f: OnDisk) => (f.bron = []), /bron: Noem minstens één bron/],
    ['a rule without its source', (f: OnDisk) => delete f.inhoud.open[0]!.bron, /inhoud\.open\.0\.bron: Dit veld ontbreekt/],
    ['an unknown form', (f: OnDisk) => (f.inhoud.wel.perVorm[0]!.vorm = 'loverboy'), /inhoud\.wel\.perVorm\.0\.vorm: .*(Kies|lijst)/],
    ['a form twice', (f: OnDisk) => f.inhoud.wel.perVorm.push(structuredClone(f.inhoud.wel.perVorm[0]!)), /inhoud\.wel\.perVorm: De vorm "seksuele-uitbuiting" staat er meer dan één keer in/],
    ['a form missing', (f: OnDisk) => f.inhoud.wel.perVorm.splice(1, 1), /inhoud\.wel\.perVorm: De route voor de vorm "arbeidsuitbuiting" ontbreekt/],
    ['the zorgcoördinator as a partner', (f: OnDisk) => (f.inhoud.open[0]!.partners = ['ZoCo']), /inhoud\.open\.0\.partners\.0: Deze waarde staat niet in de lijst/],
    ['a partner that does not fit the action', (f: OnDisk) => (f.inhoud.wel.perVorm[0]!.stappen[0]!.partners = ['veilig-thuis']), /inhoud\.wel\.perVorm\.0\.stappen\.0\.partners: Bij "melden" horen 1 van: "AVIM", "NLA"/],
    ['an acute call outside "wel"', (f: OnDisk) => (f.inhoud.open[0] = { actie: 'bel-direct', partners: ['AVIM'], bron: { titel: 'x' } }), /inhoud\.open\.0\.actie: Hier horen alleen/],
    ['a minor without the Jeugdwet', (f: OnDisk) => (f.inhoud.minderjarig as unknown[]).splice(1, 1), /inhoud\.minderjarig: Bij een minderjarige horen de meldcode/],
    ['an unknown region', (f: OnDisk) => (f.inhoud.regio = 'utrecht'), /inhoud\.regio: /],
    ['another kind of policy', (f: OnDisk) => (f.soort = 'monitor'), /soort: Hier hoort precies "meldroute"/],
    ['an unknown field', (f: OnDisk) => (f.inhoud.bellen = true), /inhoud\.bellen: Dit veld kennen we niet/],
  ])('refuses %s with the file, the path and the problem in Dutch, then in English', (_name, mutate, dutch) => {
    const message = refused(mutate);
    expect(message).toMatch(dutch);
    expect(message).toMatch(/\(Policy file resources\/meldroute\/west-brabant\.json is invalid: .+\)/);
  });
});
