import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanJsonLayout } from '../../../electron/core/casework/jsonRecords';

const keys = ['trajecten', 'meldingen'];

/** What the scanner found, parsed back, for comparison with JSON.parse. */
function viaLayout(text: string) {
  const layout = scanJsonLayout(text, keys);
  if (!layout) return null;
  const out: Record<string, unknown> = {};
  for (const [k, [s, e]] of layout.values) out[k] = JSON.parse(text.slice(s, e));
  for (const [k, elements] of layout.arrays) if (elements) out[k] = elements.map(([s, e]) => JSON.parse(text.slice(s, e)));
  return out;
}

describe('import file scanner', () => {
  it.each([
    ['{}'],
    [' { "format" : "x" , "trajecten" : [ ] } '],
    ['{"trajecten":[{"a":"]},\\"[{"},[1,[2]],"x",3,null,true],"meldingen":[{"b":"\\\\"}]}'],
    ['{"trajecten":{"niet":"een lijst"}}'],
    ['{"a":"é ✓ \\u00e9","trajecten":[{"k":"\\n\\t"}]}'],
  ])('finds the same values as JSON.parse in %s', (text) => {
    expect(viaLayout(text)).toEqual(JSON.parse(text));
  });
  it.each([['[1,2]'], ['{"trajecten":[1,2'], ['{"a":1} x'], ['{"a" 1}'], ['{"trajecten":[1 2]}'], ['']])('gives up on %j (the caller then parses the whole text)', (text) => {
    expect(scanJsonLayout(text, keys)).toBeNull();
  });
  it('agrees with JSON.parse on generated files', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 8 }), fc.array(fc.jsonValue(), { maxLength: 5 }), fc.string(), (trajecten, meldingen, format) => {
        const file = { format, trajecten, meldingen };
        for (const text of [JSON.stringify(file), JSON.stringify(file, null, 2)]) expect(viaLayout(text)).toEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });
});
