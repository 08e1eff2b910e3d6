import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import type { PseudonymCode } from '../../../shared/casework/common.schema';
import type { DeadlineState } from '../../../shared/casework/traject.schema';
import { useT } from '../../i18n/useT';

/** Bars drawn with plain CSS for a quick look, and the same numbers as a table (the table is what counts). */
export function BarsWithTable({ caption, captionHidden = false, labelHeader, valueHeader, rows }: { caption: string; captionHidden?: boolean; labelHeader: string; valueHeader: string; rows: { key: string; label: string; value: number }[] }) {
  const { t } = useT();
  const max = Math.max(1, ...rows.map((r) => r.value));
  if (rows.length === 0) return <p className="kk-muted">{t('cw.dash.nothing')}</p>;
  return (
    <div className="kk-chart">
      <div className="kk-bars" aria-hidden="true">
        {rows.map((r) => (
          <div key={r.key} className="kk-bars__row">
            <span className="kk-bars__label">{r.label}</span>
            <span className="kk-bars__track">
              <span className="kk-bars__bar" style={{ inlineSize: `${(r.value / max) * 100}%` }} />
            </span>
            <span className="kk-bars__value">{r.value}</span>
          </div>
        ))}
      </div>
      <p className="kk-visually-hidden">{t('cw.dash.chartNote')}</p>
      <Table className="kk-table kk-table--compact">
        <TableCaption className={captionHidden ? 'kk-visually-hidden' : 'kk-table__caption'}>{caption}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{labelHeader}</TableHeaderCell>
            <TableHeaderCell scope="col" numericColumn>
              {valueHeader}
            </TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.key}>
              <TableHeaderCell scope="row">{r.label}</TableHeaderCell>
              <TableCell numericColumn>{r.value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** A pseudonym code, always in the same recognisable monospace form. */
export function Pseudonym({ code }: { code: PseudonymCode | string }) {
  return <span className="kk-pseudonym">{code}</span>;
}

/** A small status label (phase, deadline state, consent state). */
export function Badge({ tone = 'neutral', children }: { tone?: 'neutral' | 'ok' | 'warn' | 'error' | 'info'; children: ReactNode }) {
  return <span className={`kk-badge kk-badge--${tone}`}>{children}</span>;
}

/** The tone that goes with a deadline state. */
export function deadlineTone(state: DeadlineState): 'neutral' | 'ok' | 'warn' | 'error' {
  if (state === 'verlopen') return 'error';
  if (state === 'vandaag' || state === 'binnenkort') return 'warn';
  if (state === 'afgerond') return 'ok';
  return 'neutral';
}

/** A date `YYYY-MM-DD` as people read it (25-11-2026 in Dutch, 25/11/2026 in English). */
export function formatDate(date: string | null | undefined, language: 'nl' | 'en'): string {
  if (!date) return '';
  const [y, m, d] = date.slice(0, 10).split('-');
  return language === 'nl' ? `${d}-${m}-${y}` : `${d}/${m}/${y}`;
}

/** A button that looks like a link, for opening a record from a table. */
export function OpenButton({ onClick, children, label }: { onClick(): void; children: ReactNode; label?: string }) {
  return (
    <button type="button" className="kk-link-button kk-open-button" onClick={onClick} aria-label={label}>
      {children}
    </button>
  );
}
