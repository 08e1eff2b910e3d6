import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import { ContactPerson } from '../../../shared/casework/client.schema';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/translate';
import { blankToUndefined, CheckboxField, type FieldErrors, SelectField, TextField } from '../../components/formBits';
import { SensitivityBadge } from './caseBits';

/** The most contact persons one cliënt can have (the schema's limit). */
export const MAX_CONTACT_PERSONS = 20;

/** One contact person as the form edits it; `key` only tells the rows apart on screen. */
export interface ContactForm {
  key: string;
  naam: string;
  relatie: string;
  telefoon: string;
  email: string;
  wettelijkVertegenwoordiger: boolean;
}

type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

let keyCounter = 0;
function newKey(): string {
  keyCounter += 1;
  return `contact-${keyCounter}`;
}

/** A blank row for a new contact person (relatie still to be chosen). */
export function blankContact(): ContactForm {
  return { key: newKey(), naam: '', relatie: '', telefoon: '', email: '', wettelijkVertegenwoordiger: false };
}

/** The stored contact persons as form rows. */
export function toContactForms(persons: readonly ContactPerson[]): ContactForm[] {
  return persons.map((p) => ({ key: newKey(), naam: p.naam, relatie: p.relatie, telefoon: p.telefoon ?? '', email: p.email ?? '', wettelijkVertegenwoordiger: p.wettelijkVertegenwoordiger }));
}

/** The rows as ClientFields input: empty optional fields left out. */
export function contactInput(rows: readonly ContactForm[]): Record<string, unknown>[] {
  return rows.map((r) => {
    const person: Record<string, unknown> = { naam: r.naam.trim(), relatie: r.relatie, wettelijkVertegenwoordiger: r.wettelijkVertegenwoordiger };
    const telefoon = blankToUndefined(r.telefoon);
    const email = blankToUndefined(r.email);
    if (telefoon !== undefined) person.telefoon = telefoon;
    if (email !== undefined) person.email = email;
    return person;
  });
}

const CONTACT_PATH = /^contactpersonen\.(\d+)\.(\w+)$/;

/** Plain messages for the contact person fields where the generic text would not say enough. */
export function contactFieldErrors(errors: FieldErrors, t: Translate): FieldErrors {
  const result: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const field = CONTACT_PATH.exec(path)?.[2];
    if (field === 'naam' && message === t('form.required')) result[path] = t('cw.contact.naamMissing');
    else if (field === 'relatie') result[path] = t('cw.contact.relatieMissing');
    else result[path] = message;
  }
  return result;
}

/** The name of the contact person field a path points at (`contactpersonen.0.naam` → `contact-1-naam`). */
export function contactFieldName(path: string): string | undefined {
  const match = CONTACT_PATH.exec(path);
  return match ? `contact-${Number(match[1]) + 1}-${match[2]}` : undefined;
}

/** For the summary at the top: each contact person problem says which person it is about. */
export function contactSummaryErrors(errors: FieldErrors, t: Translate): FieldErrors {
  const result: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const index = CONTACT_PATH.exec(path)?.[1];
    result[path] = index === undefined ? message : `${t('cw.contact.legend', { n: Number(index) + 1 })}: ${message}`;
  }
  return result;
}

/**
 * The contact persons of a cliënt: add, change and remove them, each in its own fieldset.
 * Nothing is stored until the whole cliënt form is saved. Focus follows the change: to the new
 * person's name after adding; to the next person (or the add button) after removing.
 */
export function ContactPersonsFields({ rows, onChange, errors }: { rows: readonly ContactForm[]; onChange(rows: ContactForm[]): void; errors: FieldErrors }) {
  const { t } = useT();
  const fieldsets = useRef(new Map<string, HTMLFieldSetElement>());
  const addRow = useRef<HTMLDivElement>(null);
  // Where focus goes once the rows on screen have changed.
  const [focusTo, setFocusTo] = useState<{ key: string } | 'add' | null>(null);
  useEffect(() => {
    if (focusTo === null) return;
    if (focusTo === 'add') addRow.current?.querySelector<HTMLElement>('button:not([disabled])')?.focus();
    else fieldsets.current.get(focusTo.key)?.querySelector<HTMLElement>('input, select')?.focus();
    setFocusTo(null);
  }, [focusTo]);

  const update = (key: string, patch: Partial<ContactForm>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = () => {
    const row = blankContact();
    onChange([...rows, row]);
    setFocusTo({ key: row.key });
  };
  const remove = (index: number) => {
    const next = rows.filter((_, i) => i !== index);
    onChange(next);
    const neighbour = next[index] ?? next[index - 1];
    setFocusTo(neighbour ? { key: neighbour.key } : 'add');
  };
  const relaties = [{ value: '', label: t('cw.contact.relatieChoose') }, ...ContactPerson.shape.relatie.options.map((r) => ({ value: r, label: t(`cw.relatie.${r}`) }))];

  return (
    <fieldset className="kk-panel kk-form-section">
      <legend className="kk-form-section__legend">
        {t('cw.contact.title')} <SensitivityBadge level="direct-identifier" />
      </legend>
      <Paragraph className="kk-muted">{t('cw.contact.intro')}</Paragraph>
      {rows.length === 0 ? <Paragraph className="kk-muted">{t('cw.contact.none')}</Paragraph> : null}
      {rows.map((row, index) => {
        const n = index + 1;
        const at = (field: string) => errors[`contactpersonen.${index}.${field}`];
        const who = row.naam.trim() ? t('cw.contact.removeNamed', { n, naam: row.naam.trim() }) : t('cw.contact.remove', { n });
        return (
          <fieldset
            key={row.key}
            className="kk-contact"
            ref={(element) => {
              if (element) fieldsets.current.set(row.key, element);
              else fieldsets.current.delete(row.key);
            }}
          >
            <legend className="kk-contact__legend">{t('cw.contact.legend', { n })}</legend>
            <div className="kk-form-row">
              <TextField label={t('cw.contact.naam')} name={`contact-${n}-naam`} value={row.naam} onChange={(v) => update(row.key, { naam: v })} error={at('naam')} />
              <SelectField label={t('cw.contact.relatie')} name={`contact-${n}-relatie`} value={row.relatie} onChange={(v) => update(row.key, { relatie: v })} error={at('relatie')} options={relaties} />
            </div>
            <div className="kk-form-row">
              <TextField label={t('cw.contact.telefoon')} name={`contact-${n}-telefoon`} type="tel" value={row.telefoon} onChange={(v) => update(row.key, { telefoon: v })} error={at('telefoon')} optional />
              <TextField label={t('cw.contact.email')} name={`contact-${n}-email`} type="email" value={row.email} onChange={(v) => update(row.key, { email: v })} error={at('email')} optional />
            </div>
            <CheckboxField
              label={t('cw.contact.wettelijk')}
              hint={t('cw.contact.wettelijkHint')}
              name={`contact-${n}-wettelijk`}
              checked={row.wettelijkVertegenwoordiger}
              onChange={(on) => update(row.key, { wettelijkVertegenwoordiger: on })}
            />
            <ButtonGroup>
              <Button type="button" appearance="subtle-button" className="kk-contact__remove" onClick={() => remove(index)} aria-label={who}>
                {t('cw.contact.remove', { n })}
              </Button>
            </ButtonGroup>
          </fieldset>
        );
      })}
      {errors.contactpersonen ? <p className="kk-error-text">{errors.contactpersonen}</p> : null}
      <div ref={addRow}>
        {rows.length < MAX_CONTACT_PERSONS ? (
          <ButtonGroup>
            <Button type="button" appearance="secondary-action-button" onClick={add}>
              {t('cw.contact.add')}
            </Button>
          </ButtonGroup>
        ) : (
          <Paragraph className="kk-muted">
            {t('cw.contact.max', { max: MAX_CONTACT_PERSONS })}
          </Paragraph>
        )}
      </div>
    </fieldset>
  );
}
