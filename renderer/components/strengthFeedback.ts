import type { Language } from '../../shared/errors';
import { checkPassphrase, passphraseReasonText } from '../../shared/vault/passphrasePolicy';
import { translate } from '../i18n/translate';

/** What the strength meter shows for a passphrase being typed. */
export interface StrengthFeedback {
  /** 0–4, the same score the core computes (the core's verdict is the one that counts). */
  score: number;
  acceptable: boolean;
  /** "Sterkte van het wachtwoord: redelijk". */
  summary: string;
  /** Plain advice, one line per reason, in the person's language. */
  advice: string[];
}

/** Runs the shared passphrase policy and turns its verdict into text for the screen. */
export function strengthFeedback(passphrase: string, language: Language): StrengthFeedback {
  const verdict = checkPassphrase(passphrase);
  const level = translate(language, `strength.${verdict.score as 0 | 1 | 2 | 3 | 4}`);
  return {
    score: verdict.score,
    acceptable: verdict.acceptable,
    summary: translate(language, 'strength.label', { level }),
    advice: verdict.reasons.map((reason) => passphraseReasonText[reason][language]),
  };
}
