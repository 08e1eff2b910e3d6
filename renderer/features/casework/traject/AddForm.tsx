import { Button, ButtonGroup, Fieldset, FieldsetLegend } from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from '../../../i18n/useT';

/**
 * The add form of a traject panel, opened on request (issue 13): a "… toevoegen" button; pressing
 * it mounts the form, so it always starts empty and without messages, and focus goes to its first
 * field. Saving (once the core took it), "Annuleren" or Escape close it, and focus returns to the
 * button. `children` gets `close`, for the form to call after a save.
 */
export function AddOnRequest({ openLabel, disabled = false, children }: { openLabel: string; disabled?: boolean; children(close: () => void): ReactNode }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  // Set on close: once the button is back on the page, focus goes to it.
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (!refocus || open) return;
    button.current?.focus();
    setRefocus(false);
  }, [refocus, open]);

  const close = () => {
    setOpen(false);
    setRefocus(true);
  };
  if (!open) {
    return (
      <Button ref={button} type="button" appearance="secondary-action-button" className="kk-add-button" disabled={disabled} aria-expanded={false} onClick={() => setOpen(true)}>
        {openLabel}
      </Button>
    );
  }
  return (
    <div
      className="kk-add-form"
      onKeyDown={(event: KeyboardEvent) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        close();
      }}
    >
      {children(close)}
    </div>
  );
}

/**
 * The form inside AddOnRequest: a name for screen readers, the fields, then save and cancel.
 * On mount, focus goes to the first field.
 */
export function AddForm({ label, onSubmit, submitLabel, busy, onCancel, children }: { label: string; onSubmit(event: FormEvent): void; submitLabel: string; busy: boolean; onCancel(): void; children: ReactNode }) {
  const { t } = useT();
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => formRef.current?.querySelector<HTMLElement>('select, input, textarea')?.focus(), []);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="kk-subform" aria-label={label}>
      {children}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {submitLabel}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {t('cw.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** Ja / Nee as two radio buttons with nothing chosen for the person; `value` '' is "not answered yet". */
export function JaNeeField({ legend, name, value, onChange, error }: { legend: string; name: string; value: boolean | null; onChange(value: boolean): void; error?: string | undefined }) {
  const { t } = useT();
  const id = useId();
  return (
    <Fieldset className="kk-fieldset" invalid={Boolean(error)} aria-describedby={error ? `${id}-error` : undefined}>
      <FieldsetLegend className="kk-fieldset__legend">{legend}</FieldsetLegend>
      {error ? (
        <p id={`${id}-error`} className="utrecht-form-field__error-message kk-error-text">
          {error}
        </p>
      ) : null}
      <div className="kk-radio-row">
        {([true, false] as const).map((v) => (
          <label key={String(v)} className="kk-radio">
            <input type="radio" className="utrecht-radio-button utrecht-radio-button--html-input" name={name} value={v ? 'ja' : 'nee'} checked={value === v} aria-invalid={error ? true : undefined} onChange={() => onChange(v)} />
            {v ? t('cw.yes') : t('cw.no')}
          </label>
        ))}
      </div>
    </Fieldset>
  );
}

/** A "choose" first option for a pick list that starts empty. */
export function choose(label: string): { value: string; label: string } {
  return { value: '', label };
}
