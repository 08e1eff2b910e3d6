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
  /** Grid column sizes, e.g. "10rem 8rem 1fr". */
  template: string;
  /** Fixed row height in px (rows never grow: that keeps 100,000 rows cheap). */
  rowHeight?: number;
}

/**
 * A table that renders only the rows in view (TanStack Virtual) and reads the rest page by
 * page, so a list of 100,000 rows scrolls as smoothly as one of 100. ARIA table roles with
 * aria-rowcount/aria-rowindex tell screen readers the real size and position.
 */
export function VirtualTable<T>({ label, columns, total, rowAt, onRange, rowKey, template, rowHeight = 48 }: VirtualTableProps<T>) {
  const { t } = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = total ?? 0;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
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
      <div ref={scrollRef} role="rowgroup" className="kk-vtable__scroll" data-testid="virtual-scroll" style={{ blockSize: `${Math.max(rowHeight, Math.min(count * rowHeight, MAX_VIEWPORT_PX))}px` }}>
        <div role="none" style={{ blockSize: `${virtualizer.getTotalSize()}px`, position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index);
            return (
              <div
                key={row ? rowKey(row, item.index) : `loading-${item.index}`}
                role="row"
                aria-rowindex={item.index + 2}
                className="kk-vtable__row kk-vtable__row--body"
                style={{ gridTemplateColumns: template, blockSize: `${item.size}px`, transform: `translateY(${item.start}px)` }}
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
