// Who a change event names, as stored text and read back: the profile by its id, the owner, and
// the one-word rows of before 0050 — and nothing else.
import { describe, expect, it } from 'vitest';
import { actorText, OWNER, parseActor, type WrittenBy } from '../../../electron/core/changelog/writeContext';

const id = '01890a5d-ac96-774b-bcce-b302099a8057';

describe('actor text', () => {
  it.each<[WrittenBy, string]>([
    [{ actor: { kind: 'profiel', id }, via: 'hand' }, `profiel:${id}/hand`],
    [{ actor: { kind: 'profiel', id }, via: 'import' }, `profiel:${id}/import`],
    [{ actor: OWNER, via: 'hand' }, 'eigenaar/hand'],
    [{ actor: OWNER, via: 'seed' }, 'eigenaar/seed'],
  ])('%o is stored as %s and reads back the same', (by, text) => {
    expect(actorText(by)).toBe(text);
    expect(parseActor(text)).toEqual(by);
  });

  it('reads the one-word rows of before as the owner', () => {
    expect(parseActor('eigenaar')).toEqual({ actor: OWNER, via: 'hand' });
    expect(parseActor('import')).toEqual({ actor: OWNER, via: 'import' });
    expect(parseActor('seed')).toEqual({ actor: OWNER, via: 'seed' });
  });

  it.each(['profiel:/hand', `profiel:${id}`, `profiel:${id}/post`, `profiel:${id.toUpperCase()}/hand`, 'profiel:niet-een-id/hand', `profiel:${id}/hand/extra`, 'iemand/hand', ''])(
    'refuses %j',
    (text) => {
      expect(() => parseActor(text)).toThrow(expect.objectContaining({ code: 'INTERNAL' }));
    },
  );
});
