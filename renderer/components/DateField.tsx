import { Textbox } from '@utrecht/component-library-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useT } from '../i18n/useT';
import { dateFieldValue, formatDate, parseDateText } from './dateText';
import { FieldShell } from './formBits';

/** How a value from the form shows in the field: an ISO date as dd-mm-jjjj, anything else as it is. */
function textFor(value: string): string {
  return parseDateText(value) === value ? formatDate(value) : value;
}

/**
 * The one date input of the app: a text field for dd-mm-jjjj. A native `<input type="date">`
 * follows the browser's language (mm/dd/yyyy under English Windows), so it is not used. The form
 * gets `YYYY-MM-DD` for a whole date, '' for an empty field and the typed text otherwise (the
 * form's check then says "Vul een datum in als dd-mm-jjjj"). On leaving the field a date is shown
 * the way it was read (1-2-2026 becomes 01-02-2026); text that is not a date stays as typed.
 */
export function DateField(props: { label: string; name: string; value: string; onChange(value: string): void; error?: string | undefined; hint?: ReactNode; badge?: ReactNode; optional?: boolean | undefined; disabled?: boolean | undefined }) {
  const { value, onChange, name, disabled, hint, ...shell } = props;
  const { t } = useT();
  const [text, setText] = useState(() => textFor(value));
  // A new value from outside (a reset after saving, a saved view) replaces what is typed; the
  // value this field handed out itself leaves the text alone.
  useEffect(() => {
    setText((current) => (dateFieldValue(current) === value ? current : textFor(value)));
  }, [value]);

  return (
    <FieldShell
      {...shell}
      hint={
        hint ? (
          <>
            {hint} {t('form.dateHint')}
          </>
        ) : (
          t('form.dateHint')
        )
      }
    >
      {({ id, describedBy, invalid }) => (
        <Textbox
          id={id}
          name={name}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          value={text}
          disabled={disabled}
          invalid={invalid}
          className="kk-date-input"
          aria-describedby={describedBy}
          onChange={(event) => {
            setText(event.target.value);
            onChange(dateFieldValue(event.target.value));
          }}
          onBlur={() => {
            const iso = parseDateText(text);
            if (iso) setText(formatDate(iso));
          }}
        />
      )}
    </FieldShell>
  );
}
