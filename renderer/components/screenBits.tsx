import { Button, ButtonGroup, Heading } from '@utrecht/component-library-react';
import type { FormEvent, ReactNode } from 'react';

/**
 * A titled panel of a screen. `focusable` lets code move focus to its title (the traject's
 * sections do, after a change removed the button that had focus).
 */
export function Panel({ id, title, badge, focusable = false, children }: { id: string; title: ReactNode; badge?: ReactNode; focusable?: boolean; children: ReactNode }) {
  return (
    <section className="kk-panel" aria-labelledby={id}>
      <Heading level={3} id={id} className={focusable ? 'kk-section-title' : undefined} tabIndex={focusable ? -1 : undefined}>
        {title} {badge}
      </Heading>
      {children}
    </section>
  );
}

/** The submit button of a form in its button row; `busy` only where the wait should show. */
export function SubmitRow({ label, disabled, busy, primary = false, children }: { label: string; disabled: boolean; busy?: boolean; primary?: boolean; children?: ReactNode }) {
  return (
    <ButtonGroup>
      <Button type="submit" appearance={primary ? 'primary-action-button' : 'secondary-action-button'} busy={busy} disabled={disabled}>
        {label}
      </Button>
      {children}
    </ButtonGroup>
  );
}

/**
 * The add-form under a section of a record: its fields, then one submit button that is off
 * while a change is saved. `row` sets the fields side by side; `primary` is for the main action.
 */
export function SectionForm({ onSubmit, submitLabel, busy, row = true, primary = false, children }: { onSubmit(event: FormEvent): void; submitLabel: string; busy: boolean; row?: boolean; primary?: boolean; children: ReactNode }) {
  return (
    <form onSubmit={onSubmit} noValidate className={row ? 'kk-subform kk-form-row' : 'kk-subform'}>
      {children}
      <SubmitRow label={submitLabel} disabled={busy} busy={primary ? busy : undefined} primary={primary} />
    </form>
  );
}

/**
 * A status line for screen readers only: what an action did when its result is not where focus
 * goes (a note added below the form). The region is always there, so a change is announced.
 */
export function Announce({ text }: { text: string }) {
  return (
    <p role="status" className="kk-visually-hidden">
      {text}
    </p>
  );
}
