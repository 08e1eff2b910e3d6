import { FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Textbox } from '@utrecht/component-library-react';
import { useId, useState, type ReactNode, type Ref } from 'react';
import { useT } from '../i18n/useT';

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
  const id = useId();
  const [visible, setVisible] = useState(false);
  const descriptionId = `${id}-description`;
  const errorId = `${id}-error`;
  const describedBy = [props.description ? descriptionId : null, props.error ? errorId : null].filter(Boolean).join(' ');
  return (
    <FormField type="text" invalid={Boolean(props.error)} className="kk-field">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{props.label}</FormLabel>
      </div>
      {props.description ? (
        <FormFieldDescription id={descriptionId} className="utrecht-form-field__description">
          {props.description}
        </FormFieldDescription>
      ) : null}
      {props.error ? (
        <FormFieldErrorMessage id={errorId} className="utrecht-form-field__error-message">
          {props.error}
        </FormFieldErrorMessage>
      ) : null}
      <div className="utrecht-form-field__input kk-passphrase">
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
          invalid={Boolean(props.error)}
          aria-describedby={describedBy || undefined}
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
      </div>
      {props.children}
    </FormField>
  );
}
