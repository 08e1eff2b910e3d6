import { PseudonymCode } from './common.schema';

/** The 30 characters of a pseudonym code: no 0/O, 1/I/L or U, so it can be read aloud. */
export const PSEUDONYM_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * Makes a pseudonym code `KK-XXXX-XX` from a source of random bytes (the core passes
 * crypto.randomBytes; tests pass a seeded source). Rejection sampling keeps every
 * character equally likely. Uniqueness is the database's job (a UNIQUE index; retry).
 */
export function makePseudonym(randomBytes: (n: number) => Uint8Array): PseudonymCode {
  const chars: string[] = [];
  const limit = 256 - (256 % PSEUDONYM_ALPHABET.length);
  while (chars.length < 6) {
    for (const byte of randomBytes(12)) {
      if (byte < limit && chars.length < 6) chars.push(PSEUDONYM_ALPHABET[byte % PSEUDONYM_ALPHABET.length]!);
    }
  }
  return `KK-${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** True when a typed text looks like (the start of) a pseudonym code; used by the quick switcher. */
export function looksLikePseudonym(text: string): boolean {
  return /^KK-?[2-9A-Z]{0,4}(-?[2-9A-Z]{0,2})?$/i.test(text.trim());
}

/** Normalises a typed pseudonym prefix: upper case, dashes where they belong. */
export function normalisePseudonymPrefix(text: string): string {
  const bare = text.trim().toUpperCase().replace(/[^0-9A-Z]/g, '').replace(/^KK/, '');
  const head = bare.slice(0, 4);
  const tail = bare.slice(4, 6);
  return `KK-${head}${bare.length > 4 ? `-${tail}` : ''}`;
}

/** True when a string is a complete, valid pseudonym code. */
export function isPseudonym(text: string): boolean {
  return PseudonymCode.safeParse(text).success;
}
