import { createHash, timingSafeEqual } from 'node:crypto';

/** Digests both sides first, so the comparison takes the same time whatever is given. */
export function tokensMatch(expected: string, given: string): boolean {
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}
