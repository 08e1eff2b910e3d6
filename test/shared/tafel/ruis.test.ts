import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afronden, celRuis, hmacSha256, sha256, terugInterval } from '../../../shared/tafel/ruis';

const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
const bytes = (s: string) => Uint8Array.from(Buffer.from(s, 'utf8'));

describe('SHA-256 and HMAC (written out, because shared/ has no node:crypto)', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ])('sha256(%j) is the FIPS 180-4 test vector', (input, expected) => {
    expect(hex(sha256(bytes(input)))).toBe(expected);
  });

  it('agrees with node:crypto on inputs of every length around the block boundaries', async () => {
    const { createHash, createHmac } = await import('node:crypto');
    for (let n = 0; n < 200; n++) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) & 255);
      expect(hex(sha256(data))).toBe(createHash('sha256').update(data).digest('hex'));
      const key = Uint8Array.from({ length: (n * 7) % 100 }, (_, i) => (i * 13) & 255);
      expect(hex(hmacSha256(key, data))).toBe(createHmac('sha256', key).update(data).digest('hex'));
    }
  });

  it('HMAC-SHA-256 matches RFC 4231 test case 2', () => {
    expect(hex(hmacSha256(bytes('Jefe'), bytes('what do ya want for nothing?')))).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });
});

describe('noise: the same cell with the same count gets the same noise in every release', () => {
  const sleutel = 'een-geheim-van-de-kluis-0123456789';
  it('is fixed by key, period, cell and count, and stays within ±max', () => {
    fc.assert(
      fc.property(fc.constantFrom('2024', '2024-K1', '2025-K3'), fc.constantFrom('clienten.totaal.nieuw', 'meldingen.totaal', 'politie.totaal.aangiftes'), fc.integer({ min: 5, max: 100000 }), fc.integer({ min: 1, max: 5 }), (p, cel, n, max) => {
        const a = celRuis(sleutel, p, cel, n, max);
        expect(celRuis(sleutel, p, cel, n, max)).toBe(a);
        expect(Math.abs(a)).toBeLessThanOrEqual(max);
      }),
    );
  });

  it('differs with another key: without the vault secret the noise cannot be recomputed', () => {
    const cells = Array.from({ length: 200 }, (_, i) => `meldingen.gemeente.g${i}`);
    const a = cells.map((c) => celRuis(sleutel, '2024', c, 50, 2));
    const b = cells.map((c) => celRuis(`${sleutel}x`, '2024', c, 50, 2));
    expect(a).not.toEqual(b);
    // Every value of −2..2 occurs: the noise is not stuck on one value.
    expect(new Set(a)).toEqual(new Set([-2, -1, 0, 1, 2]));
  });
});

describe('rounding, and what a reader can conclude back', () => {
  it('rounds half up to the base, never to 0 for a shown count', () => {
    expect(afronden(7, 5)).toBe(5);
    expect(afronden(8, 5)).toBe(10);
    expect(afronden(12, 5)).toBe(10);
    expect(afronden(3, 10)).toBe(10);
    expect(afronden(15, 10)).toBe(20);
  });

  it('the interval a reader derives from a shown number always holds the true count, and nothing outside it shows that number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 12 }), fc.option(fc.integer({ min: 2, max: 10 }), { nil: undefined }), fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }), fc.integer({ min: 0, max: 400 }), (k, afronding, ruisMax, extra) => {
        const x = k + extra;
        const d = ruisMax ?? 0;
        for (let n = -d; n <= d; n++) {
          let y = Math.max(k, x + n);
          if (afronding) y = afronden(y, afronding);
          const { min, max } = terugInterval(y, { k, afronding, ruisMax });
          expect(x).toBeGreaterThanOrEqual(min);
          expect(x).toBeLessThanOrEqual(max);
          // Tight without noise: the ends of the interval are themselves counts that show as y.
          if (!ruisMax) {
            const toon = (c: number) => (afronding ? afronden(c, afronding) : c);
            expect(toon(min)).toBe(y);
            expect(toon(max)).toBe(y);
            expect(min === k || toon(min - 1) !== y).toBe(true);
            expect(toon(max + 1)).not.toBe(y);
          }
        }
      }),
    );
  });
});
