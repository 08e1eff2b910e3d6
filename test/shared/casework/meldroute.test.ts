import { describe, expect, it } from 'vitest';
import { routeringsAdvies } from '../../../shared/casework/meldroute';
import type { MeldingVorm } from '../../../shared/casework/melding.schema';

const route = (vorm: MeldingVorm, acuut = false, conclusie: 'geen' | 'verder-onderzoek' | 'wel' | null = 'verder-onderzoek') =>
  routeringsAdvies({ vorm, acuut, conclusie, anoniem: false }).map((s) => `${s.partner}:${s.actie}`);

describe('meldroute routing advice per form', () => {
  it.each([
    ['seksuele-uitbuiting', ['AVIM:eerst-afstemmen', 'ZoCo:daarna-afstemmen', 'melder:terugkoppelen']],
    ['arbeidsuitbuiting', ['NLA:samen-afstemmen', 'ZoCo:samen-afstemmen', 'melder:terugkoppelen']],
    ['criminele-uitbuiting', ['AVIM:samen-afstemmen', 'ZoCo:samen-afstemmen', 'melder:terugkoppelen']],
    ['orgaanverwijdering', ['AVIM:eerst-afstemmen', 'ZoCo:daarna-afstemmen', 'melder:terugkoppelen']],
    ['gedwongen-huwelijk', ['AVIM:samen-afstemmen', 'ZoCo:samen-afstemmen', 'melder:terugkoppelen']],
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
  it('always ends with feedback to the reporter, numbered in order, with a Dutch sentence', () => {
    const steps = routeringsAdvies({ vorm: 'criminele-uitbuiting', acuut: false, conclusie: null, anoniem: true });
    expect(steps.map((s) => s.volgorde)).toEqual([1, 2, 3]);
    expect(steps.at(-1)?.partner).toBe('melder');
    expect(steps.at(-1)?.tekst).toMatch(/opnieuw contact/);
    for (const s of steps) expect(s.tekst.length).toBeGreaterThan(10);
  });
});
