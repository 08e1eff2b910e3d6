import { describe, expect, it } from 'vitest';
import { checkPassphrase, MIN_PASSPHRASE_LENGTH, normalizePassphrase, passphraseReasonText, PassphraseReason } from '../../../shared/vault/passphrasePolicy';

describe('passphrase policy', () => {
  it.each([
    ['', ['too_short']],
    ['Kort1!', ['too_short']],
    ['aaaaaaaaaaaaaaaa', ['repeated']],
    ['abcabcabcabcabc', ['repeated']],
    ['123456789012', ['sequence']],
    ['abcdefghijklmnop', ['sequence']],
    ['Wachtwoord2024!', ['common']],
    ['welkom123welkom', ['common']],
    ['onlylowercaseword', ['one_class_short']],
    ['1029384756102938', ['one_class_short']],
    ['abab1212abab1212', ['low_variety']],
  ] as Array<[string, PassphraseReason[]]>)('refuses %j with %j', (passphrase, expected) => {
    const verdict = checkPassphrase(passphrase);
    expect(verdict.acceptable).toBe(false);
    expect(verdict.score).toBe(0);
    for (const reason of expected) expect(verdict.reasons).toContain(reason);
  });

  it.each([
    ['paars fietsje op de dijk', 3],
    ['Zeven#Koeien_Dansen', 3],
    ['de kat slaapt op de bank bij het raam', 4],
    ['Tr0mpet-Zon!', 2],
  ])('accepts %j (score %i)', (passphrase, score) => {
    const verdict = checkPassphrase(passphrase);
    expect(verdict).toEqual({ acceptable: true, score, reasons: [] });
  });

  it('has no upper limit', () => {
    expect(checkPassphrase('een hele lange zin over fietsen langs de rivier '.repeat(40)).acceptable).toBe(true);
  });

  it('counts characters, not bytes, and treats composed and decomposed forms alike', () => {
    const composed = 'Zoë fietst naar Brøndby';
    const decomposed = composed.normalize('NFD');
    expect(normalizePassphrase(decomposed)).toBe(composed);
    expect(checkPassphrase(decomposed)).toEqual(checkPassphrase(composed));
    expect(checkPassphrase('ëëëëëëëëëëë' + 'x').reasons).not.toContain('too_short');
    expect(MIN_PASSPHRASE_LENGTH).toBe(12);
  });

  it('explains every reason in Dutch and English', () => {
    for (const reason of PassphraseReason.options) {
      expect(passphraseReasonText[reason].nl.length).toBeGreaterThan(10);
      expect(passphraseReasonText[reason].en.length).toBeGreaterThan(10);
    }
  });
});
