import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JsonStreamShapeError, streamJsonRecords } from '../../../electron/core/casework/jsonStream';
import { tempDir } from '../vault/helpers';

const { dir, cleanup } = tempDir('kk-jsonstream-');
afterAll(() => cleanup());
let n = 0;

/** Streams `text` from a file with a given chunk size, and rebuilds the object from what it yields. */
function rebuild(text: string, chunkBytes: number): Record<string, unknown> {
  const path = join(dir, `f${n++}.json`);
  writeFileSync(path, text);
  const fromFile = [...streamJsonRecords(path, ['trajecten', 'meldingen'], chunkBytes)];
  const out: Record<string, unknown> = {};
  for (const item of fromFile) {
    if (item.kind === 'value') out[item.key] = JSON.parse(item.json);
    else if (item.kind === 'list') out[item.list] = [];
    else (out[item.list] as unknown[]).push(JSON.parse(item.json));
  }
  return out;
}

const tricky = {
  format: 'ketenkluis.casework',
  versie: 1,
  trajecten: [
    { naam: 'Zoë "de" \\ Ñandú ] } [ {', lijst: [1, [2, { a: '}' }]], leeg: {}, niets: null, waar: true },
    'een tekst met \u00e9\u20ac\ud83d\ude00 en \n regels',
    12.5e3,
    -0,
    false,
    null,
    [],
  ],
  extra: { diep: [{ x: '"' }] },
  meldingen: [],
};

describe('streamJsonRecords', () => {
  it.each([1, 2, 3, 5, 7, 64, 1 << 20])('yields exactly what JSON.parse sees, with chunks of %i bytes', (chunk) => {
    for (const text of [JSON.stringify(tricky), JSON.stringify(tricky, null, 2), ` \n${JSON.stringify(tricky, null, '\t')}\n `]) {
      expect(rebuild(text, chunk)).toEqual(JSON.parse(text));
    }
  });

  it('matches JSON.parse on random records and chunk sizes', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 8 }), fc.jsonValue(), fc.integer({ min: 1, max: 40 }), (records, other, chunk) => {
        const text = JSON.stringify({ trajecten: records, anders: other });
        expect(rebuild(text, chunk)).toEqual(JSON.parse(text));
      }),
      { numRuns: 150 },
    );
  });

  it.each([
    ['not an object', '[1, 2]'],
    ['cut off in a record', '{"trajecten": [{"a": 1}, {"b": '],
    ['cut off after a list', '{"trajecten": [1]'],
    ['two objects', '{"a": 1} {"b": 2}'],
    ['a key twice', '{"trajecten": [1], "trajecten": [2]}'],
    ['missing colon', '{"a" 1}'],
  ])('refuses a file that is %s', (_label, text) => {
    expect(() => rebuild(text, 3)).toThrow(JsonStreamShapeError);
  });

  it('a malformed record is yielded as text that JSON.parse then refuses', () => {
    expect(() => rebuild('{"trajecten": [{"a": tru}]}', 4)).toThrow(SyntaxError);
  });
});
