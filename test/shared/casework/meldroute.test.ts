import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MeldrouteFile, meldroutePolicy, routeringsAdvies } from '../../../shared/casework/meldroute';
import { loadPolicy } from '../../../shared/policy/loadPolicy';
import type { MeldingVorm } from '../../../shared/casework/melding.schema';
import { KkError } from '../../../shared/errors';

const FILE = 'resources/meldroute.json';
const onDisk = () => JSON.parse(readFileSync(FILE, 'utf8')) as { inhoud: { perVorm: Array<Record<string, unknown>>; acuutBellen: Record<string, unknown> } } & Record<string, unknown>;

const route = (vorm: MeldingVorm, acuut = false, conclusie: 'geen' | 'verder-onderzoek' | 'wel' | null = 'verder-onderzoek') =>
  routeringsAdvies({ vorm, acuut, conclusie }).map((s) => `${s.partner}:${s.actie}`);

describe('meldroute routing advice per form (the table the core uses for every melding)', () => {
  it.each([
    ['seksuele-uitbuiting', ['AVIM:eerst-afstemmen', 'ZoCo:daarna-afstemmen', 'melder:terugkoppelen']],
    ['arbeidsuitbuiting', ['NLA:samen-afstemmen', 'ZoCo:samen-afstemmen', 'melder:terugkoppelen']],
    ['criminele-uitbuiting', ['AVIM:samen-afstemmen', 'ZoCo:samen-afstemmen', 'melder:terugkoppelen']],
    ['orgaanverwijdering', ['AVIM:eerst-afstemmen', 'ZoCo:daarna-afstemmen', 'melder:terugkoppelen']],
    ['gedwongen-huwelijk', ['AVIM:samen-afstemmen', 'ZoCo:samen-afstemmen', 'melder:terugkoppelen']],
    ['illegale-adoptie', ['AVIM:samen-afstemmen', 'ZoCo:samen-afstemmen', 'melder:terugkoppelen']],
    ['draagmoederschap', ['AVIM:samen-afstemmen', 'ZoCo:samen-afstemmen', 'melder:terugkoppelen']],
    ['onbekend', ['AVIM:samen-afstemmen', 'ZoCo:samen-afstemmen', 'melder:terugkoppelen']],
    ['geen', ['melder:terugkoppelen']],
  ] as const)('%s → %j', (vorm, expected) => {
    expect(route(vorm)).toEqual(expected);
  });
  it('acute: call AVIM now, first, and do not list AVIM twice', () => {
    expect(route('seksuele-uitbuiting', true)).toEqual(['AVIM:bel-direct', 'ZoCo:daarna-afstemmen', 'melder:terugkoppelen']);
    expect(route('arbeidsuitbuiting', true)).toEqual(['AVIM:bel-direct', 'NLA:samen-afstemmen', 'ZoCo:samen-afstemmen', 'melder:terugkoppelen']);
  });
  it('conclusion "geen mensenhandel": only feedback, also when it was marked acute', () => {
    expect(route('seksuele-uitbuiting', true, 'geen')).toEqual(['melder:terugkoppelen']);
  });
  it('always ends with feedback to the reporter, numbered in order; steps carry only partner and actie (the screen words them)', () => {
    const steps = routeringsAdvies({ vorm: 'criminele-uitbuiting', acuut: false, conclusie: null });
    expect(steps.map((s) => s.volgorde)).toEqual([1, 2, 3]);
    expect(steps.at(-1)).toEqual({ volgorde: 3, partner: 'melder', actie: 'terugkoppelen' });
    for (const s of steps) expect(Object.keys(s).sort()).toEqual(['actie', 'partner', 'volgorde']);
  });
  it('follows the table it is given: a changed route in the file changes the advice', () => {
    const changed = structuredClone(meldroutePolicy.inhoud);
    changed.perVorm.find((r) => r.vorm === 'arbeidsuitbuiting')!.stappen = [{ partner: 'ZoCo', actie: 'eerst-afstemmen' }];
    expect(routeringsAdvies({ vorm: 'arbeidsuitbuiting', acuut: false, conclusie: 'wel' }, changed).map((s) => `${s.partner}:${s.actie}`)).toEqual(['ZoCo:eerst-afstemmen', 'melder:terugkoppelen']);
  });
});

describe('the meldroute policy file', () => {
  it('is a versioned policy file with sources; every row cites its line in the flowchart or says why it has none', () => {
    expect(meldroutePolicy).toMatchObject({ soort: 'meldroute', versie: expect.any(String) });
    expect(meldroutePolicy.bron[0]?.document).toMatch(/^\d{3}_[0-9a-f]+\.txt$/);
    for (const row of meldroutePolicy.inhoud.perVorm) expect(row.bron?.regel ?? row.toelichting).toBeTruthy();
  });

  const refused = (mutate: (file: ReturnType<typeof onDisk>) => void) => {
    const file = onDisk();
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
    ['a wrong type', (f: ReturnType<typeof onDisk>) => (f.inhoud.perVorm[0]!.stappen = 'AVIM'), /resources\/meldroute\.json.*inhoud\.perVorm\.0\.stappen: Hier hoort een lijst/],
    ['no source at all', (f: ReturnType<typeof onDisk>) => (f.bron = []), /resources\/meldroute\.json.*bron: Noem minstens één bron/],
    ['a row without source or explanation', (f: ReturnType<typeof onDisk>) => delete f.inhoud.perVorm[0]!.bron, /inhoud\.perVorm\.0\.bron: Noem de bron van deze route/],
    ['an unknown vorm', (f: ReturnType<typeof onDisk>) => (f.inhoud.perVorm[0]!.vorm = 'loverboy'), /inhoud\.perVorm\.0\.vorm: .*(Kies|lijst)/],
    ['a vorm twice', (f: ReturnType<typeof onDisk>) => f.inhoud.perVorm.push(structuredClone(f.inhoud.perVorm[0]!)), /inhoud\.perVorm: De vorm "seksuele-uitbuiting" staat er meer dan één keer in/],
    ['a vorm missing', (f: ReturnType<typeof onDisk>) => f.inhoud.perVorm.splice(1, 1), /inhoud\.perVorm: De route voor de vorm "arbeidsuitbuiting" ontbreekt/],
    ['an unknown partner', (f: ReturnType<typeof onDisk>) => ((f.inhoud.perVorm[0]!.stappen as Array<Record<string, string>>)[0]!.partner = 'KMar'), /inhoud\.perVorm\.0\.stappen\.0\.partner: Kies een van deze waarden: "AVIM", "NLA", "ZoCo"/],
    ['another kind of policy', (f: ReturnType<typeof onDisk>) => (f.soort = 'monitor'), /soort: Hier hoort precies "meldroute"/],
    ['an unknown field', (f: ReturnType<typeof onDisk>) => (f.inhoud.acuutBellen.bellen = true), /inhoud\.acuutBellen\.bellen|acuutBellen: Dit veld kennen we niet/],
  ])('refuses %s with the file, the path and the problem in Dutch, then in English', (_name, mutate, dutch) => {
    const message = refused(mutate);
    expect(message).toMatch(dutch);
    expect(message).toMatch(/\(Policy file resources\/meldroute\.json is invalid: .+\)/);
  });
});
