import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JsonFileRefusal, streamJsonRecords, type JsonStreamItem } from '../../../electron/core/casework/jsonStream';
import { tempDir } from '../vault/helpers';

const { dir, cleanup } = tempDir('kk-jsonstream-');
afterAll(() => cleanup());
let n = 0;

const SHAPE = { lists: ['trajecten', 'meldingen'], values: ['format', 'versie', 'extra', 'anders'] };

/** Everything the reader yields for `text` (written to a file), read in chunks of `chunkBytes`. */
function items(text: string | Uint8Array, chunkBytes: number): JsonStreamItem[] {
  const path = join(dir, `f${n++}.json`);
  writeFileSync(path, text);
  return [...streamJsonRecords(path, SHAPE, chunkBytes)];
}

/** Streams `text` from a file with a given chunk size, and rebuilds the object from what it yields. */
function rebuild(text: string, chunkBytes: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const item of items(text, chunkBytes)) {
    if (item.kind === 'value') out[item.key] = item.value;
    else if (item.kind === 'list') out[item.list] = [];
    else if (item.kind === 'record') (out[item.list] as unknown[]).push(item.value);
    else throw new Error(`bad record: ${JSON.stringify(item.problem)}`);
  }
  return out;
}

/** What the reader refuses `text` for (undefined when it does not). */
function refusal(text: string | Uint8Array, chunkBytes = 3): unknown {
  try {
    items(text, chunkBytes);
    return undefined;
  } catch (error) {
    if (error instanceof JsonFileRefusal) return error.problem;
    throw error;
  }
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
    ['a list', '[1, 2]', { kind: 'not-an-object', found: 'list' }],
    ['a single value', ' "tekst"', { kind: 'not-an-object', found: 'value' }],
    ['empty', '', { kind: 'not-json' }],
    ['cut off in a record', '{"trajecten": [{"a": 1}, {"b": ', { kind: 'not-json' }],
    ['cut off after a list', '{"trajecten": [1]', { kind: 'not-json' }],
    ['two objects', '{"versie": 1} {"versie": 2}', { kind: 'not-json' }],
    ['missing colon', '{"versie" 1}', { kind: 'not-json' }],
    ['a malformed record', '{"trajecten": [{"a": tru}]}', { kind: 'not-json' }],
    ['a list key twice', '{"trajecten": [1], "trajecten": [2]}', { kind: 'key-twice', key: 'trajecten' }],
    ['a value key twice', '{"versie": 1, "versie": 1}', { kind: 'key-twice', key: 'versie' }],
    ['an unknown key', '{"versie": 1, "onbekend": [1]}', { kind: 'unknown-key', key: 'onbekend' }],
    ['a list key without a list', '{"trajecten": {"a": 1}}', { kind: 'not-a-list', key: 'trajecten' }],
    ['a value too deep', `{"extra": ${'['.repeat(40)}${']'.repeat(40)}}`, { kind: 'bad-value', key: 'extra', problem: { kind: 'too-deep', limit: 32 } }],
    ['a byte order mark twice', '\ufeff\ufeff{}', { kind: 'not-json' }],
  ])('refuses a file that is %s', (_label, text, problem) => {
    expect(refusal(text)).toEqual(problem);
  });

  it('accepts a UTF-8 byte order mark at the start (Windows editors write one)', () => {
    expect(rebuild('\ufeff{"versie": 1, "trajecten": [{"a": "é"}]}', 2)).toEqual({ versie: 1, trajecten: [{ a: 'é' }] });
  });

  it('yields a record with non-UTF-8 bytes, a field twice or too many levels as bad, with the field, and reads on', () => {
    const latin1 = Buffer.concat([Buffer.from('{"trajecten": [{"a": 1}, {"client": {"naam": "Ren'), Buffer.from([0xe9]), Buffer.from('"}}, {"b": {"c": 1, "c": 2}}, ' + '['.repeat(33) + ']'.repeat(33) + ', {"d": 2}]}')]);
    for (const chunk of [1, 5, 1 << 20]) {
      const found = items(latin1, chunk).filter((i) => i.kind !== 'list');
      expect(found).toEqual([
        { kind: 'record', list: 'trajecten', value: { a: 1 } },
        { kind: 'bad', list: 'trajecten', problem: { kind: 'not-utf8', at: ['client', 'naam'] } },
        { kind: 'bad', list: 'trajecten', problem: { kind: 'duplicate-key', at: ['b', 'c'] } },
        { kind: 'bad', list: 'trajecten', problem: { kind: 'too-deep', limit: 32 } },
        { kind: 'record', list: 'trajecten', value: { d: 2 } },
      ]);
    }
  });

  it('finds a field given twice at any depth, also "__proto__"; the same name in two objects is fine', () => {
    const bad = (record: string) => items(`{"meldingen": [${record}]}`, 7).find((i) => i.kind === 'bad' || i.kind === 'record');
    expect(bad('{"a": [{"x": 1}, {"x": 2, "y": {"z": 1, "z": 1}}]}')).toEqual({ kind: 'bad', list: 'meldingen', problem: { kind: 'duplicate-key', at: ['a', 1, 'y', 'z'] } });
    expect(bad('{"__proto__": 1, "__proto__": 2}')).toMatchObject({ kind: 'bad', problem: { kind: 'duplicate-key', at: ['__proto__'] } });
    expect(bad('{"a": {"x": 1}, "b": {"x": 1}, "s": "a:b"}')).toMatchObject({ kind: 'record' });
  });
});
