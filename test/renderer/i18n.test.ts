import { describe, expect, it } from 'vitest';
import { ErrorCode, errorMessages } from '../../shared/errors';
import { en } from '../../renderer/i18n/en';
import { nl } from '../../renderer/i18n/nl';
import { errorText, messageKeys, translate } from '../../renderer/i18n/translate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('English has exactly the Dutch keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  it('no text is empty and both languages use the same placeholders', () => {
    for (const key of messageKeys) {
      expect(nl[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(nl[key]));
    }
  });

  it('English is really translated: long Dutch texts differ from their English version', () => {
    // Pure templates such as '{date}: {van} → {naar}' may be equal; real sentences may not.
    const words = (text: string) => text.replace(/\{\w+\}/g, '').replace(/[^\p{L}]/gu, '');
    const same = messageKeys.filter((key) => words(nl[key]).length > 15 && nl[key] === en[key]);
    expect(same).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('nl', 'unlock.wait', { seconds: 4 })).toBe('U kunt het over 4 seconden opnieuw proberen.');
    expect(translate('en', 'unlock.wait', { seconds: 4 })).toBe('You can try again in 4 seconds.');
    expect(translate('nl', 'unlock.wait')).toContain('{seconds}');
  });

  it('every error code has a message in both languages, taken from the one shared table', () => {
    for (const code of ErrorCode.options) {
      expect(errorText('nl', code)).toBe(errorMessages[code].nl);
      expect(errorText('en', code)).toBe(errorMessages[code].en);
      expect(errorText('nl', code)).not.toBe(errorText('en', code));
    }
  });

  it('Dutch is the plain B1 register: "u", no English UI words', () => {
    const dutch = messageKeys.filter((k) => !k.startsWith('language.')).map((k) => nl[k]).join(' ');
    expect(dutch).not.toMatch(/\b(je|jij|jouw)\b/i);
    expect(dutch).not.toMatch(/\b(password|settings|unlock|recovery key)\b/i);
  });
});
