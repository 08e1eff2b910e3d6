import { Textbox } from '@utrecht/component-library-react';
import { useState, type ReactNode, type Ref } from 'react';
import { useT } from '../i18n/useT';
import { FieldShell } from './formBits';

export interface PassphraseFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  description?: ReactNode;
  error?: string | null;
  autoComplete: 'current-password' | 'new-password' | 'off';
  name: string;
  disabled?: boolean;
  /** Extra content under the input (the strength meter). */
  children?: ReactNode;
  inputRef?: Ref<HTMLInputElement>;
}

/** The contract's cap on passphrase length (it only stops memory abuse; policy has no upper limit). */
const MAX_PASSPHRASE_LENGTH = 4096;

/** A passphrase input with a label, a show/hide toggle, a description and an error message. */
export function PassphraseField(props: PassphraseFieldProps) {
  const { t } = useT();
  const [visible, setVisible] = useState(false);
  return (
    <FieldShell label={props.label} hint={props.description} error={props.error ?? undefined} inputClassName="kk-passphrase" after={props.children}>
      {({ id, describedBy, invalid }) => (
        <>
          <Textbox
            id={id}
            ref={props.inputRef}
            name={props.name}
            maxLength={MAX_PASSPHRASE_LENGTH}
            type={visible ? 'text' : 'password'}
            autoComplete={props.autoComplete}
            spellCheck={false}
            autoCapitalize="off"
            value={props.value}
            onChange={(event) => props.onChange(event.target.value)}
            invalid={invalid}
            aria-describedby={describedBy}
            disabled={props.disabled}
            className="kk-passphrase__input"
          />
          <button
            type="button"
            className="utrecht-button utrecht-button--subtle kk-passphrase__toggle"
            aria-pressed={visible}
            onClick={() => setVisible((v) => !v)}
          >
            {visible ? t('passphrase.hide') : t('passphrase.show')}
          </button>
        </>
      )}
    </FieldShell>
  );
}
