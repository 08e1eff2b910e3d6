import { Alert, Button, ButtonGroup, Heading, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { RefObject } from 'react';
import type { PseudonymCode, Sensitivity } from '../../../shared/casework/common.schema';
import type { DeadlineState } from '../../../shared/casework/traject.schema';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DataTable, OpenButton } from '../../components/dataBits';
import { FieldsetShell } from '../../components/formBits';
import { useT } from '../../i18n/useT';
import type { ApiError } from '../../platform/api';
import { useAppStoreShallow } from '../../store/StoreProvider';
import { selectCaseActions } from './caseSelectors';
import type { JaNeeOnbekend } from './options';

// The casework parts of the screens: sensitivity and pseudonyms, deadline tones, the dashboard's
// bars, and texts in casework words. The generic parts are in renderer/components/.

/** Shows how sensitive a field is (direct identifier, bijzonder, strafrechtelijk), beside its label. */
export function SensitivityBadge({ level }: { level: Sensitivity | undefined }) {
  const { t } = useT();
  if (!level) return null;
  return <span className={`kk-sens kk-sens--${level}`}>{t(`cw.sens.${level}`)}</span>;
}

/** A pseudonym code, always in the same recognisable monospace form. */
export function Pseudonym({ code }: { code: PseudonymCode | string }) {
  return <span className="kk-pseudonym">{code}</span>;
}

/** The tone that goes with a deadline state. */
export function deadlineTone(state: DeadlineState): 'neutral' | 'ok' | 'warn' | 'error' {
  if (state === 'verlopen') return 'error';
  if (state === 'vandaag' || state === 'binnenkort') return 'warn';
  if (state === 'afgerond') return 'ok';
  return 'neutral';
}

/**
 * Counts as one table, each with a bar inside its number's cell for a quick look (the bar is
 * decoration: the number is what counts, and what a screen reader reads). No separate chart.
 */
export function BarTable({ caption, captionHidden = false, labelHeader, valueHeader, rows }: { caption: string; captionHidden?: boolean; labelHeader: string; valueHeader: string; rows: { key: string; label: string; value: number }[] }) {
  const { t } = useT();
  const max = Math.max(1, ...rows.map((r) => r.value));
  if (rows.length === 0) return <p className="kk-muted">{t('cw.dash.nothing')}</p>;
  return (
    <DataTable
      caption={caption}
      captionHidden={captionHidden}
      columns={[{ label: labelHeader }, { label: valueHeader, numeric: true }]}
      rows={rows}
      row={(r) => (
        <TableRow key={r.key}>
          <TableHeaderCell scope="row">{r.label}</TableHeaderCell>
          <TableCell numericColumn className="kk-bar-cell">
            <span className="kk-bar" aria-hidden="true">
              {r.value > 0 ? <span className="kk-bar__fill" style={{ inlineSize: `${(r.value / max) * 100}%` }} /> : null}
            </span>
            <span className="kk-bar-cell__value">{r.value}</span>
          </TableCell>
        </TableRow>
      )}
    />
  );
}

/**
 * Where a list row may show a cliënt's name, by the page the row leads to: the cliënt's own page
 * shows the name plainly; a traject's page hides it behind "Toon naam", so a row that leads to
 * a traject shows the pseudonym code only. The one rule for every list that could show a name.
 */
export const naamZichtbaarOp = { client: true, traject: false } as const;

/** The name a list row shows under `naamZichtbaarOp`, or null. */
export function naamInLijst(leadsTo: keyof typeof naamZichtbaarOp, naam: string | null | undefined): string | null {
  return naamZichtbaarOp[leadsTo] && naam ? naam : null;
}

/**
 * What a list, search or panel says when it has nothing to show: what that means, and what to
 * do first (create, import, or clear the filters) as buttons.
 */
export function EmptyState({ title, text, actions, compact = false }: { title: string; text?: string; actions?: ReadonlyArray<{ label: string; onClick(): void; primary?: boolean }>; compact?: boolean }) {
  return (
    <div className={compact ? 'kk-empty kk-empty--compact' : 'kk-empty'}>
      <p className="kk-empty__title">{title}</p>
      {text ? <p className="kk-empty__text">{text}</p> : null}
      {actions && actions.length > 0 ? (
        <ButtonGroup className="kk-empty__actions">
          {actions.map((a) => (
            <Button key={a.label} type="button" appearance={a.primary ? 'primary-action-button' : 'secondary-action-button'} onClick={a.onClick}>
              {a.label}
            </Button>
          ))}
        </ButtonGroup>
      ) : null}
    </div>
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

/**
 * Ja / Nee / Onbekend as three radio buttons in a group: "onbekend" is an answer of its own (the
 * monitor counts it apart), and nothing is chosen for the person. `value` '' is "not chosen yet".
 */
export function JaNeeOnbekendField({ legend, hint, name, value, onChange, error }: { legend: string; hint?: string; name: string; value: JaNeeOnbekend | ''; onChange(value: JaNeeOnbekend): void; error?: string | undefined }) {
  const { t } = useT();
  const labels: Record<JaNeeOnbekend, string> = { ja: t('cw.yes'), nee: t('cw.no'), onbekend: t('cw.unknown') };
  return (
    <FieldsetShell legend={legend} hint={hint} error={error}>
      {() => (
        <div className="kk-radio-row">
          {(['ja', 'nee', 'onbekend'] as const).map((v) => (
            <label key={v} className="kk-radio">
              <input type="radio" className="utrecht-radio-button utrecht-radio-button--html-input" name={name} value={v} checked={value === v} aria-invalid={error ? true : undefined} onChange={() => onChange(v)} />
              {labels[v]}
            </label>
          ))}
        </div>
      )}
    </FieldsetShell>
  );
}
