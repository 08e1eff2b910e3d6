import { describe, expect, it } from 'vitest';
import { checkPassphrase } from '../../shared/vault/passphrasePolicy';
import { strengthFeedback } from '../../renderer/components/strengthFeedback';

describe('strength feedback', () => {
  it('refuses a short common word and explains why, in Dutch', () => {
    const f = strengthFeedback('zomer2024', 'nl');
    expect(f.acceptable).toBe(false);
    expect(f.score).toBe(0);
    expect(f.summary).toBe('Sterkte van het wachtwoord: te zwak');
    expect(f.advice.join(' ')).toMatch(/minstens 12 tekens/);
    expect(f.advice.join(' ')).toMatch(/veel gebruikt/);
  });

  it('explains repeats and sequences', () => {
    expect(strengthFeedback('aaaaaaaaaaaaaaaa', 'nl').advice.join(' ')).toMatch(/Herhaal niet/);
    expect(strengthFeedback('123456789012', 'nl').advice.join(' ')).toMatch(/reeks/);
  });

  it('accepts a sentence and rates longer, varied passphrases higher', () => {
    const short = strengthFeedback('fiets haven x', 'nl');
    const long = strengthFeedback('Mijn blauwe fiets staat bij de haven, 42 keer!', 'nl');
    expect(short.acceptable).toBe(true);
    expect(long.acceptable).toBe(true);
    expect(long.score).toBeGreaterThan(short.score);
    expect(long.advice).toEqual([]);
  });

  it('speaks English when asked', () => {
    const f = strengthFeedback('short', 'en');
    expect(f.summary).toBe('Passphrase strength: too weak');
    expect(f.advice.join(' ')).toMatch(/at least 12 characters/);
  });

  it('agrees with the shared policy the core enforces, for any input', () => {
    for (const p of ['', 'a', 'wachtwoord123', 'correct horse battery staple', 'Ünïcödé zin met 12+ tekens', 'x'.repeat(5000)]) {
      const verdict = checkPassphrase(p);
      const f = strengthFeedback(p, 'nl');
      expect(f.acceptable).toBe(verdict.acceptable);
      expect(f.score).toBe(verdict.score);
      expect(f.advice.length).toBe(verdict.reasons.length);
    }
  });
});
