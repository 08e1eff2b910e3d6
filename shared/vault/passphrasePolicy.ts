import { z } from 'zod';

/** The shortest passphrase the vault accepts, in characters (after Unicode normalisation). */
export const MIN_PASSPHRASE_LENGTH = 12;

/**
 * Why a passphrase is weak, as stable codes; the renderer and `kk` translate them.
 * - `too_short`: fewer than MIN_PASSPHRASE_LENGTH characters.
 * - `repeated`: one character (or a short pattern) repeated, like `aaaaaaaaaaaa` or `abcabcabcabc`.
 * - `sequence`: a run like `123456789012` or `abcdefghijkl`.
 * - `common`: a well-known password or only well-known words with digits.
 * - `one_class_short`: only one kind of character (only lowercase, only digits, …) and under 20 characters.
 * - `low_variety`: very few different characters.
 */
export const PassphraseReason = z.enum(['too_short', 'repeated', 'sequence', 'common', 'one_class_short', 'low_variety']);
/** Why a passphrase is weak. */
export type PassphraseReason = z.infer<typeof PassphraseReason>;

/** The verdict on a passphrase: acceptable or not, a 0–4 strength score and the reasons. */
export const PassphraseVerdict = z.object({
  acceptable: z.boolean(),
  /** 0 = refused, 1 = weak, 2 = fair, 3 = good, 4 = strong. */
  score: z.number().int().min(0).max(4),
  reasons: z.array(PassphraseReason),
});
/** The verdict on a passphrase. */
export type PassphraseVerdict = z.infer<typeof PassphraseVerdict>;

/**
 * A small inline list of passwords and words that guessing tools try first. Not exhaustive:
 * the length rule and Argon2id do the heavy lifting; this only stops the obvious.
 */
const COMMON = [
  'password', 'wachtwoord', 'welkom', 'welcome', 'qwerty', 'azerty', 'letmein', 'admin', 'geheim',
  'secret', 'iloveyou', 'ketenkluis', 'monkey', 'dragon', 'football', 'voetbal', 'zomer', 'winter',
  'lente', 'herfst', 'summer', 'spring', 'autumn', 'hallo', 'hello', 'test', 'changeme', 'trustno1',
  'master', 'shadow', 'sunshine', 'princess', 'ajax', 'feyenoord', 'nederland', 'holland', 'amsterdam',
  'rotterdam', 'denhaag', 'utrecht', 'mensenhandel', 'zorgcoordinator',
];

/** Unicode NFC form: the same passphrase typed on two systems must give the same bytes. */
export function normalizePassphrase(passphrase: string): string {
  return passphrase.normalize('NFC');
}

function characterClasses(p: string): number {
  let n = 0;
  if (/\p{Ll}/u.test(p)) n++;
  if (/\p{Lu}/u.test(p)) n++;
  if (/\p{Nd}/u.test(p)) n++;
  if (/[^\p{L}\p{Nd}]/u.test(p)) n++;
  return n;
}

function isRepeatedPattern(chars: string[]): boolean {
  for (let size = 1; size <= 4 && size * 2 <= chars.length; size++) {
    if (chars.every((c, i) => c === chars[i % size])) return true;
  }
  return false;
}

function isSequence(chars: string[]): boolean {
  if (chars.length < 3) return false;
  const codes = chars.map((c) => c.toLowerCase().codePointAt(0) ?? 0);
  const step = (codes[1] ?? 0) - (codes[0] ?? 0);
  if (Math.abs(step) !== 1) return false;
  for (let i = 1; i < codes.length; i++) {
    const diff = (codes[i] ?? 0) - (codes[i - 1] ?? 0);
    // Digits may wrap around, as in 7890123456.
    const wraps = /\d/.test(chars[i] ?? '') && diff === -9 * step;
    if (diff !== step && !wraps) return false;
  }
  return true;
}

function isCommon(p: string): boolean {
  // Strip digits, separators and symbols; if what is left is only known words, it is common.
  let rest = p.toLowerCase().replace(/[^\p{L}]/gu, '');
  if (rest.length === 0) return false;
  let changed = true;
  while (changed && rest.length > 0) {
    changed = false;
    for (const word of COMMON) {
      if (rest.startsWith(word)) {
        rest = rest.slice(word.length);
        changed = true;
      }
    }
  }
  return rest.length === 0;
}

/**
 * Judges a passphrase. Pure and synchronous, so the renderer can show feedback while typing
 * and the core can enforce the same rule (the core's answer is the one that counts).
 * No upper limit on length: long sentences are the best passphrases.
 */
export function checkPassphrase(passphrase: string): PassphraseVerdict {
  const p = normalizePassphrase(passphrase);
  const chars = Array.from(p);
  const reasons: PassphraseReason[] = [];
  const distinct = new Set(chars).size;
  const classes = characterClasses(p);

  if (chars.length < MIN_PASSPHRASE_LENGTH) reasons.push('too_short');
  if (chars.length > 0 && isRepeatedPattern(chars)) reasons.push('repeated');
  else if (isSequence(chars)) reasons.push('sequence');
  if (isCommon(p)) reasons.push('common');
  if (classes <= 1 && chars.length < 20) reasons.push('one_class_short');
  if (chars.length > 0 && distinct < 6 && !reasons.includes('repeated')) reasons.push('low_variety');

  if (reasons.length > 0) return { acceptable: false, score: 0, reasons };

  // Rough strength for feedback only: length first, variety second.
  let score = 1;
  if (chars.length >= 16) score++;
  if (chars.length >= 24) score++;
  if (classes >= 3 || chars.length >= 32) score++;
  return { acceptable: true, score: Math.min(score, 4), reasons };
}

/** Dutch and English explanation of each reason, short and plain (B1), for the UI and `kk`. */
export const passphraseReasonText: Record<PassphraseReason, { nl: string; en: string }> = {
  too_short: {
    nl: `Gebruik minstens ${MIN_PASSPHRASE_LENGTH} tekens. Een zin van een paar woorden is makkelijk te onthouden en sterk.`,
    en: `Use at least ${MIN_PASSPHRASE_LENGTH} characters. A sentence of a few words is easy to remember and strong.`,
  },
  repeated: { nl: 'Herhaal niet steeds hetzelfde teken of stukje.', en: 'Do not repeat the same character or piece.' },
  sequence: { nl: 'Gebruik geen reeks zoals 12345 of abcde.', en: 'Do not use a run like 12345 or abcde.' },
  common: {
    nl: 'Dit wachtwoord of woord wordt veel gebruikt en is snel te raden.',
    en: 'This password or word is used a lot and is easy to guess.',
  },
  one_class_short: {
    nl: 'Maak het langer (20 tekens of meer), of meng kleine letters, hoofdletters, cijfers en leestekens.',
    en: 'Make it longer (20 characters or more), or mix lower case, capitals, digits and punctuation.',
  },
  low_variety: { nl: 'Gebruik meer verschillende tekens.', en: 'Use more different characters.' },
};
