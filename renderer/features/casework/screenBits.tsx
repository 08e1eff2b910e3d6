import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import type { FormEvent, ReactNode, RefObject } from 'react';
import type { Sensitivity } from '../../../shared/casework/common.schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useT } from '../../i18n/useT';
import type { ApiError } from '../../platform/api';
import { useAppStoreShallow } from '../../store/StoreProvider';
import { selectCaseActions } from './caseSelectors';
import { OpenButton, Pseudonym } from './dataBits';
import { SensitivityBadge } from './formBits';

/**
 * A titled panel of a screen. `focusable` lets code move focus to its title (the traject's
 * sections do, after a change removed the button that had focus).
 */
export function Panel({ id, title, sensitivity, focusable = false, children }: { id: string; title: ReactNode; sensitivity?: Sensitivity | undefined; focusable?: boolean; children: ReactNode }) {
  return (
    <section className="kk-panel" aria-labelledby={id}>
      <Heading level={3} id={id} className={focusable ? 'kk-section-title' : undefined} tabIndex={focusable ? -1 : undefined}>
        {title} {sensitivity ? <SensitivityBadge level={sensitivity} /> : null}
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

/** What a record screen shows until its record is there: its title, and the error or "loading". */
export function LoadingScreen({ title, headingRef, error }: { title: string; headingRef: RefObject<HTMLHeadingElement | null>; error: ApiError | null }) {
  const { t } = useT();
  return (
    <div className="kk-subpage">
      <Heading level={2} ref={headingRef} tabIndex={-1}>
        {title}
      </Heading>
      <ErrorAlert error={error} />
      {!error ? <Paragraph role="status">{t('cw.loading')}</Paragraph> : null}
    </div>
  );
}

/** "Saved", announced politely, after a form was stored (until the user changes it again). */
export function SavedNotice({ saved }: { saved: boolean }) {
  const { t } = useT();
  if (!saved) return null;
  return (
    <Alert type="ok" role="status" className="kk-alert">
      <Paragraph>{t('cw.saved')}</Paragraph>
    </Alert>
  );
}

/** A traject's pseudonym as a button that opens the traject. */
export function TrajectLink({ trajectId, code }: { trajectId: string; code: string }) {
  const { openCase } = useAppStoreShallow(selectCaseActions);
  return (
    <OpenButton onClick={() => openCase({ area: 'trajecten', screen: 'traject', id: trajectId })}>
      <Pseudonym code={code} />
    </OpenButton>
  );
}
