import { useId } from 'react';
import { checkPassphrase } from '../../shared/vault/passphrasePolicy';
import { useT } from '../i18n/useT';
import type { MessageKey } from '../i18n/translate';
import { PassphraseField } from './PassphraseField';
import { StrengthMeter } from './StrengthMeter';

export interface NewPassphraseValue {
  next: string;
  repeat: string;
}

/** True when the new passphrase passes the shared policy and both entries match. */
export function isNewPassphraseReady(value: NewPassphraseValue): boolean {
  return checkPassphrase(value.next).acceptable && value.next === value.repeat;
}

/** A new passphrase with live strength feedback, and its repetition. */
export function NewPassphraseFields(props: {
  value: NewPassphraseValue;
  onChange(value: NewPassphraseValue): void;
  labels: { next: MessageKey; repeat: MessageKey; hint?: MessageKey };
  /** Show problems only after the person tried to submit. */
  showErrors: boolean;
  disabled?: boolean;
  namePrefix: string;
}) {
  const { t, te } = useT();
  const meterId = useId();
  const { value, showErrors } = props;
  const tooWeak = showErrors && !checkPassphrase(value.next).acceptable;
  const mismatch = showErrors && value.repeat !== value.next;
  return (
    <>
      <PassphraseField
        label={t(props.labels.next)}
        name={`${props.namePrefix}-next`}
        autoComplete="new-password"
        value={value.next}
        onChange={(next) => props.onChange({ ...value, next })}
        description={props.labels.hint ? t(props.labels.hint) : undefined}
        error={tooWeak ? (value.next ? te('WEAK_PASSPHRASE') : t('passphrase.required')) : null}
        disabled={props.disabled}
      >
        <StrengthMeter passphrase={value.next} id={meterId} />
      </PassphraseField>
      <PassphraseField
        label={t(props.labels.repeat)}
        name={`${props.namePrefix}-repeat`}
        autoComplete="new-password"
        value={value.repeat}
        onChange={(repeat) => props.onChange({ ...value, repeat })}
        error={mismatch ? t('passphrase.mismatch') : null}
        disabled={props.disabled}
      />
    </>
  );
}
