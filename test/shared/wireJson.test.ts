import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromWireJson, toWireJson } from '../../shared/ipc/wireJson';

describe('wire JSON of the development bridge', () => {
  it('brings any bytes back exactly, inside any call (and agrees with Node base64)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.string(), (bytes, text) => {
        const wire = toWireJson({ method: 'import.json', input: { bytes, text, dryRun: true } });
        expect(JSON.parse(wire).input.bytes).toEqual({ $bytes: Buffer.from(bytes).toString('base64') });
        const back = fromWireJson(wire) as { input: { bytes: Uint8Array; text: string } };
        expect(back.input.bytes).toBeInstanceOf(Uint8Array);
        expect([...back.input.bytes]).toEqual([...bytes]);
        expect(back.input.text).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves everything else alone, including look-alikes, for the contract to judge', () => {
    for (const value of [{ $bytes: 'not base64!' }, { $bytes: 'QUJD', other: 1 }, { $bytes: 12 }, ['$bytes', 'QUJD'], { nested: { $bytes: 'QUJ' } }]) {
      expect(fromWireJson(JSON.stringify(value))).toEqual(value);
    }
    expect(fromWireJson('{"a":{"$bytes":"QUJD"}}')).toEqual({ a: new Uint8Array([65, 66, 67]) });
    expect(() => fromWireJson('{"a":')).toThrow(SyntaxError);
  });
});
