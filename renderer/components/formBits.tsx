import {
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldCheckbox,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import { useId, type MouseEvent, type ReactNode, type Ref } from 'react';
import { z } from 'zod';
import type { FieldIssue } from '../../shared/errors';
import { useT } from '../i18n/useT';
import type { MessageKey } from '../i18n/translate';
import type { ApiError } from '../platform/api';

/** Field problems by path (`roepnaam`, `melderContact.email`), one message each. */
export type FieldErrors = Record<string, string>;

type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const zodNl = z.locales.nl();

/**
 * Checks a form's value with the shared zod schema, for messages only: the core checks again
 * and decides. Custom messages of the schema (already Dutch) win; common cases get a plain B1
 * text; anything else falls back to zod's Dutch locale.
 */
export function validateWith<S extends z.ZodType>(schema: S, value: unknown, t: Translate): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(value, {
    error: (issue) => {
      if (issue.code === 'too_small' && issue.origin === 'string' && issue.minimum === 1) return t('form.required');
      if (issue.code === 'invalid_type' && issue.input === undefined) return t('form.required');
      if (issue.code === 'invalid_format' && issue.format === 'date') return t('form.invalidDate');
      if (issue.code === 'invalid_format' && issue.format === 'email') return t('form.invalidEmail');
      if (issue.code === 'too_big' && issue.origin === 'string') return t('form.tooLong', { max: String(issue.maximum) });
      return zodNl.localeError(issue) as string;
    },
  });
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: issuesToErrors(result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))) };
}

/** The first message per path. */
export function issuesToErrors(issues: readonly FieldIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) if (!(issue.path in errors)) errors[issue.path] = issue.message;
  return errors;
}

/** Field problems the core sent back with INVALID_INPUT (its paths may start with `fields.`). */
export function serverErrors(error: ApiError | null): FieldErrors {
  if (!error?.issues) return {};
  return issuesToErrors(error.issues.map((i) => ({ path: i.path.replace(/^fields\./, ''), message: i.message })));
}

/** An empty string becomes undefined, so optional fields stay absent instead of "". */
export function blankToUndefined(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Today as `YYYY-MM-DD` in the local calendar. */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

interface FieldShellProps {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  /** Shown beside the label (e.g. how sensitive the field is). */
  badge?: ReactNode;
  optional?: boolean | undefined;
  /** An extra class on the input's wrapper (e.g. room for a show/hide button). */
  inputClassName?: string | undefined;
  /** Shown under the input (e.g. a strength meter). */
  after?: ReactNode;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}

/** Label, hint, error message and input in the NL Design System layout, wired for screen readers. */
export function FieldShell({ label, hint, error, badge, optional, inputClassName, after, children }: FieldShellProps) {
  const { t } = useT();
  const id = useId();
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <FormField type="text" invalid={Boolean(error)} className="kk-field">
      <div className="utrecht-form-field__label kk-field__label">
        <FormLabel htmlFor={id}>
          {label}
          {optional ? <span className="kk-optional"> {t('form.optional')}</span> : null}
        </FormLabel>
        {badge}
      </div>
      {hint ? (
        <FormFieldDescription id={`${id}-hint`} className="utrecht-form-field__description">
          {hint}
        </FormFieldDescription>
      ) : null}
      {error ? (
        <FormFieldErrorMessage id={`${id}-error`} className="utrecht-form-field__error-message">
          {error}
        </FormFieldErrorMessage>
      ) : null}
      <div className={inputClassName ? `utrecht-form-field__input ${inputClassName}` : 'utrecht-form-field__input'}>{children({ id, describedBy: described, invalid: Boolean(error) })}</div>
      {after}
    </FormField>
  );
}

type CommonProps = Omit<FieldShellProps, 'children' | 'inputClassName' | 'after'> & { name: string; disabled?: boolean | undefined };

/** A one-line text field (dates: DateField). */
export function TextField(props: CommonProps & { value: string; onChange(value: string): void; type?: 'text' | 'email' | 'tel'; inputMode?: 'numeric' | 'text'; autoComplete?: string; className?: string; inputRef?: Ref<HTMLInputElement> }) {
  const { value, onChange, name, type = 'text', disabled, inputMode, autoComplete = 'off', className, inputRef, ...shell } = props;
  return (
    <FieldShell {...shell}>
      {({ id, describedBy, invalid }) => (
        <Textbox
          id={id}
          ref={inputRef}
          name={name}
          type={type}
          value={value}
          disabled={disabled}
          invalid={invalid}
          inputMode={inputMode}
          autoComplete={autoComplete}
          className={className}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FieldShell>
  );
}

/** A multi-line text field. */
export function TextareaField(props: CommonProps & { value: string; onChange(value: string): void; rows?: number; inputRef?: Ref<HTMLTextAreaElement> }) {
  const { value, onChange, name, disabled, rows = 4, inputRef, ...shell } = props;
  return (
    <FieldShell {...shell}>
      {({ id, describedBy, invalid }) => (
        <Textarea id={id} ref={inputRef} name={name} rows={rows} value={value} disabled={disabled} invalid={invalid} aria-describedby={describedBy} onChange={(event) => onChange(event.target.value)} />
      )}
    </FieldShell>
  );
}

/** A pick list. `options` are value/label pairs; an empty value is the "choose" prompt. */
export function SelectField(props: CommonProps & { value: string; onChange(value: string): void; options: readonly { value: string; label: string; lang?: string }[] }) {
  const { value, onChange, name, disabled, options, ...shell } = props;
  return (
    <FieldShell {...shell}>
      {({ id, describedBy, invalid }) => (
        <Select id={id} name={name} value={value} disabled={disabled} invalid={invalid} aria-describedby={describedBy} onChange={(event) => onChange(event.target.value)}>
          {options.map((o) => (
            <SelectOption key={o.value} value={o.value} lang={o.lang}>
              {o.label}
            </SelectOption>
          ))}
        </Select>
      )}
    </FieldShell>
  );
}

/** A checkbox with its label (and an optional hint). */
export function CheckboxField({ label, checked, onChange, name, hint, disabled }: { label: string; checked: boolean; onChange(checked: boolean): void; name: string; hint?: string; disabled?: boolean }) {
  return (
    <FormFieldCheckbox
      className="kk-field kk-checkbox"
      label={label}
      name={name}
      checked={checked}
      disabled={disabled}
      description={hint}
      onChange={(event) => onChange(event.target.checked)}
    />
  );
}

interface FieldsetShellProps {
  /** The group's question; may be the screen's heading (the verstrekkingen wizard). */
  legend: ReactNode;
  /** Replaces the legend's own class (e.g. `kk-visually-hidden` where a heading says it already). */
  legendClassName?: string | undefined;
  /** Classes beside `kk-fieldset`. */
  className?: string | undefined;
  hint?: ReactNode;
  /** A hint that may hold blocks of its own is a `div`; a line of text a `p`. */
  hintAs?: 'p' | 'div';
  /** Classes beside the hint's own. */
  hintClassName?: string | undefined;
  error?: string | undefined;
  /** The choices; `id` names the group's parts (`${id}-hint`, `${id}-error`), for hints of their own. */
  children: (id: string) => ReactNode;
}

/**
 * A group of choices (radio buttons, checkboxes) as a fieldset: legend, hint, error message and
 * the fieldset described by both, in the NL Design System layout. FieldShell's counterpart for a
 * group; every fieldset of the screens is built here.
 */
export function FieldsetShell({ legend, legendClassName = 'kk-fieldset__legend', className, hint, hintAs: Hint = 'p', hintClassName, error, children }: FieldsetShellProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].join(' ').trim() || undefined;
  return (
    <Fieldset className={className ? `kk-fieldset ${className}` : 'kk-fieldset'} invalid={Boolean(error)} aria-describedby={describedBy}>
      <FieldsetLegend className={legendClassName}>{legend}</FieldsetLegend>
      {hint ? (
        <Hint id={`${id}-hint`} className={hintClassName ? `utrecht-form-field__description kk-hint ${hintClassName}` : 'utrecht-form-field__description kk-hint'}>
          {hint}
        </Hint>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="utrecht-form-field__error-message kk-error-text">
          {error}
        </p>
      ) : null}
      {children(id)}
    </Fieldset>
  );
}

/** A group of checkboxes for a set of values (e.g. uitbuitingsvormen). */
export function CheckboxGroup<V extends string>({ legend, legendHidden = false, hint, values, options, onChange, name, error, badge }: { legend: string; legendHidden?: boolean; hint?: string; values: readonly V[]; options: readonly { value: V; label: string }[]; onChange(values: V[]): void; name: string; error?: string | undefined; badge?: ReactNode }) {
  return (
    <FieldsetShell
      legend={
        <>
          {legend} {badge}
        </>
      }
      legendClassName={legendHidden ? 'kk-visually-hidden' : undefined}
      hint={hint}
      error={error}
    >
      {() => (
        <div className="kk-checkbox-grid">
          {options.map((o) => (
            <CheckboxField
              key={o.value}
              name={name}
              label={o.label}
              checked={values.includes(o.value)}
              onChange={(on) => onChange(on ? [...values, o.value] : values.filter((v) => v !== o.value))}
            />
          ))}
        </div>
      )}
    </FieldsetShell>
  );
}

/**
 * The field that shows the message for `path`, found by its name: `fieldName(path)` where a form
 * names it otherwise, else the path itself, else the path with dashes (`tk.datum` → `tk-datum`).
 */
function fieldFor(path: string, fieldName: (path: string) => string | undefined): HTMLElement | undefined {
  for (const name of [fieldName(path), path, path.replaceAll('.', '-')]) {
    const field = name ? [...document.getElementsByName(name)].find((el) => !el.matches(':disabled')) : undefined;
    if (field) return field;
  }
  return undefined;
}

/**
 * Problems listed at the top of a form, each a link that moves focus to its field (the field's
 * own message is there too), as in the NL Design System error summary.
 */
export function ErrorSummary({ errors, fieldName = () => undefined }: { errors: FieldErrors; fieldName?(path: string): string | undefined }) {
  const { t } = useT();
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  function go(event: MouseEvent<HTMLAnchorElement>, path: string) {
    const field = fieldFor(path, fieldName);
    if (!field) return;
    event.preventDefault();
    field.scrollIntoView({ block: 'center' });
    field.focus();
  }
  return (
    <div className="kk-error-summary" role="alert">
      <p className="kk-error-summary__title">{t('form.fieldErrors')}</p>
      <ul>
        {entries.map(([path, message]) => (
          <li key={path}>
            <a href={`#${path}`} className="kk-error-summary__link" onClick={(event) => go(event, path)}>
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
