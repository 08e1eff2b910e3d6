import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useId } from 'react';
import { useT } from '../../i18n/useT';
import './profile.css';

/**
 * The fingerprint of the organisation's public key, in two lines of eight groups, to read out
 * or pass on to the Regionale Tafel. Not a secret; the key itself never leaves the vault.
 */
export function Fingerprint({ value, level = 2 }: { value: string; level?: 2 | 3 }) {
  const { t } = useT();
  const id = useId();
  const groups = value.split(' ');
  return (
    <section className="kk-fingerprint" aria-labelledby={id}>
      <Heading level={level} id={id}>
        {t('profile.fingerprint.title')}
      </Heading>
      <p className="kk-fingerprint__value" data-testid="vingerafdruk" translate="no">
        <span className="kk-fingerprint__line">{groups.slice(0, 8).join(' ')}</span>
        <span className="kk-fingerprint__line">{groups.slice(8).join(' ')}</span>
      </p>
      <Paragraph>
        <strong>{t('profile.fingerprint.give')}</strong> {t('profile.fingerprint.why')}
      </Paragraph>
    </section>
  );
}
