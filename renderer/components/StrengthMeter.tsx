import { useT } from '../i18n/useT';
import { strengthFeedback } from './strengthFeedback';

/** Live strength feedback under a new passphrase: a bar (decorative), a summary and advice. */
export function StrengthMeter({ passphrase, id }: { passphrase: string; id: string }) {
  const { t, language } = useT();
  if (passphrase.length === 0) return <div id={id} className="kk-strength" aria-live="polite" />;
  const feedback = strengthFeedback(passphrase, language);
  return (
    <div id={id} className="kk-strength" aria-live="polite" data-score={feedback.score}>
      <div className="kk-strength__bar" aria-hidden="true">
        {[0, 1, 2, 3].map((i) => (
          <span key={i} className={i < Math.max(feedback.score, 1) ? `kk-strength__segment kk-strength__segment--on-${feedback.score}` : 'kk-strength__segment'} />
        ))}
      </div>
      <p className="kk-strength__summary">{feedback.summary}</p>
      {feedback.acceptable ? (
        <p className="kk-strength__ok">{t('strength.ok')}</p>
      ) : (
        <ul className="kk-strength__advice">
          {feedback.advice.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
