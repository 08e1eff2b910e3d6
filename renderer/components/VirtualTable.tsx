import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';
import { useT } from '../i18n/useT';

/** The visible height of the list at most; longer lists scroll inside it. */
const MAX_VIEWPORT_PX = 560;

/** One column: its header text and how a loaded row shows in it. */
export interface Column<T> {
  key: string;
  header: string;
  cell(row: T): ReactNode;
}

interface VirtualTableProps<T> {
  label: string;
  columns: Column<T>[];
  /** Null while the first page is on its way. */
  total: number | null;
  rowAt(index: number): T | undefined;
  /** Asks for rows first..last (the slice loads the pages it lacks). */
  onRange(first: number, last: number): void;
  rowKey(row: T, index: number): string;
  /** Grid column sizes, e.g. "10rem 8rem minmax(0, 1fr)": definite sizes, so every row lines up. */
  template: string;
  /** The height a row is expected to have in px; a row with words that wrap grows and is measured. */
  rowHeight?: number;
}

/**
 * A table that renders only the rows in view (TanStack Virtual) and reads the rest page by
 * page, so a list of 100,000 rows scrolls as smoothly as one of 100. ARIA table roles with
 * aria-rowcount/aria-rowindex tell screen readers the real size and position. Cells never cut
 * their text: long words wrap and the row grows (each row in view is measured), so a word such
 * as "acuut" or "Verder onderzoek en afstemming" is always there to read.
 */
export function VirtualTable<T>({ label, columns, total, rowAt, onRange, rowKey, template, rowHeight = 48 }: VirtualTableProps<T>) {
  const { t } = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = total ?? 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    // A row is never lower than rowHeight (min-block-size); without a layout (tests) it counts as that.
    measureElement: (element) => Math.max(rowHeight, element.getBoundingClientRect().height),
    overscan: 12,
  });
  const height = Math.max(rowHeight, Math.min(count === 0 ? 0 : virtualizer.getTotalSize(), MAX_VIEWPORT_PX));
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    onRange(first, Math.max(first, last));
  }, [first, last, count, onRange]);

  return (
    <div role="table" aria-label={label} aria-rowcount={count + 1} className="kk-vtable">
      <div role="rowgroup" className="kk-vtable__head">
        <div role="row" aria-rowindex={1} className="kk-vtable__row" style={{ gridTemplateColumns: template }}>
          {columns.map((c) => (
            <span key={c.key} role="columnheader" className="kk-vtable__th">
              {c.header}
            </span>
          ))}
        </div>
      </div>
      <div ref={scrollRef} role="rowgroup" className="kk-vtable__scroll" data-testid="virtual-scroll" style={{ blockSize: `${height}px` }}>
        <div role="none" style={{ blockSize: `${virtualizer.getTotalSize()}px`, position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            return (
              <div
                key={row ? rowKey(row, item.index) : `loading-${item.index}`}
                ref={virtualizer.measureElement}
                data-index={item.index}
                role="row"
                aria-rowindex={item.index + 2}
                className="kk-vtable__row kk-vtable__row--body"
                style={{ gridTemplateColumns: template, minBlockSize: `${rowHeight}px`, transform: `translateY(${item.start}px)` }}
              >
                {row ? (
                  columns.map((c) => (
                    <span key={c.key} role="cell" className="kk-vtable__td">
                      {c.cell(row)}
                    </span>
                  ))
                ) : (
                  <span role="cell" className="kk-vtable__td kk-muted" style={{ gridColumn: '1 / -1' }}>
                    {t('list.rowLoading')}
                  </span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
