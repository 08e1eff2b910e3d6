import { Paragraph, Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

/** A column heading; `hidden` keeps it for screen readers only (e.g. over a column of buttons). */
export interface Column {
  label: ReactNode;
  numeric?: boolean;
  hidden?: boolean;
}

/**
 * A table with one header row and a row per item. With `empty`, that text stands in for a
 * table without rows; `footer` rows (a total) come after the item rows.
 */
export function DataTable<R>({
  columns,
  rows,
  row,
  caption,
  captionHidden = false,
  compact = true,
  empty,
  footer,
}: {
  columns: readonly Column[];
  rows: readonly R[];
  row(item: R, index: number): ReactNode;
  caption?: string;
  captionHidden?: boolean;
  compact?: boolean;
  empty?: string;
  footer?: ReactNode;
}) {
  if (rows.length === 0 && empty !== undefined) return <Paragraph className="kk-muted">{empty}</Paragraph>;
  return (
    <Table className={compact ? 'kk-table kk-table--compact' : 'kk-table'}>
      {caption !== undefined ? <TableCaption className={captionHidden ? 'kk-visually-hidden' : 'kk-table__caption'}>{caption}</TableCaption> : null}
      <TableHeader>
        <TableRow>
          {columns.map((c, i) => (
            <TableHeaderCell key={i} scope="col" numericColumn={c.numeric}>
              {c.hidden ? <span className="kk-visually-hidden">{c.label}</span> : c.label}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map(row)}
        {footer}
      </TableBody>
    </Table>
  );
}

/** A table row of figures: a label as row header, then one numeric cell per value. */
export function NumberRow({ label, values, className }: { label: ReactNode; values: readonly number[]; className?: string }) {
  return (
    <TableRow className={className}>
      <TableHeaderCell scope="row">{label}</TableHeaderCell>
      {values.map((v, i) => (
        <TableCell key={i} numericColumn>
          {v}
        </TableCell>
      ))}
    </TableRow>
  );
}

/** A small status label (phase, deadline state, consent state). */
export function Badge({ tone = 'neutral', children }: { tone?: 'neutral' | 'ok' | 'warn' | 'error' | 'info'; children: ReactNode }) {
  return <span className={`kk-badge kk-badge--${tone}`}>{children}</span>;
}

// Dates read the same in every language (dd-mm-jjjj); the one definition is in dateText.ts.
export { formatDate } from './dateText';

/** A count as people read it in the screen's language ("100.000" in Dutch, "100,000" in English). */
export function formatNumber(n: number, language: 'nl' | 'en', maximumFractionDigits = 0): string {
  return n.toLocaleString(language === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits });
}

/** A button that looks like a link, for opening a record from a table. */
export function OpenButton({ onClick, children, label }: { onClick(): void; children: ReactNode; label?: string }) {
  return (
    <button type="button" className="kk-link-button kk-open-button" onClick={onClick} aria-label={label}>
      {children}
    </button>
  );
}
