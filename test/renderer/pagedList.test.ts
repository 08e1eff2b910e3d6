import { describe, expect, it } from 'vitest';
import { emptyList, missingPages, pagedLoader, pagesForRange, rowAt, type PagedList } from '../../renderer/store/pagedList';

describe('paging for the virtualised lists', () => {
  it('asks only for the pages that hold the rows in view', () => {
    expect(pagesForRange(0, 20)).toEqual([0]);
    expect(pagesForRange(95, 130)).toEqual([0, 1]);
    expect(pagesForRange(99_950, 99_990)).toEqual([999]);
    expect(pagesForRange(10, 5)).toEqual([]);
  });

  it('never asks twice for a page that is loaded or on its way, nor past the end', () => {
    const list: PagedList<number> = { ...emptyList<number>(), total: 250, pages: { 0: [1] }, loading: [1] };
    expect(missingPages(list, 0, 299)).toEqual([2]);
    expect(missingPages(list, 300, 420)).toEqual([]);
    // Before the first answer the total is unknown: page 0 may always be asked.
    expect(missingPages(emptyList<number>(), 0, 10)).toEqual([0]);
  });

  it('finds a row in its page, or undefined while the page is not there', () => {
    const list: PagedList<string> = { ...emptyList<string>(), total: 150, pages: { 1: ['a', 'b'] } };
    expect(rowAt(list, 100)).toBe('a');
    expect(rowAt(list, 101)).toBe('b');
    expect(rowAt(list, 5)).toBeUndefined();
  });
});

describe('the one paged loader (both lists use it)', () => {
  /** A list of 250 numbers in memory whose page answers the test releases by hand. */
  function memorySource() {
    let state = { list: emptyList<number>(), filter: 'a', error: null as unknown };
    const asked: Array<{ filter: string; offset: number; release(): void }> = [];
    const source = {
      read: () => ({ list: state.list, filter: state.filter }),
      write: (change: { list: PagedList<number>; filter?: string; error?: unknown }) => {
        state = { list: change.list, filter: change.filter ?? state.filter, error: change.error === undefined ? state.error : change.error };
      },
      fetchPage: (filter: string, page: { offset: number; limit: number }) =>
        new Promise<{ items: number[]; total: number }>((resolve) => {
          const items = Array.from({ length: Math.min(page.limit, 250 - page.offset) }, (_, i) => page.offset + i);
          asked.push({ filter, offset: page.offset, release: () => resolve({ items, total: 250 }) });
        }),
    };
    return { source, asked, state: () => state };
  }

  it('asks once for rows already on their way, and fills them in when they arrive', async () => {
    const { source, asked, state } = memorySource();
    const loader = pagedLoader(source);
    const first = loader.loadRows(0, 150);
    const again = loader.loadRows(10, 120);
    expect(asked.map((a) => a.offset)).toEqual([0, 100]);
    asked.forEach((a) => a.release());
    await Promise.all([first, again]);
    expect(state().list.total).toBe(250);
    expect(rowAt(state().list, 120)).toBe(120);
    expect(state().list.loading).toEqual([]);
  });

  it('drops an answer for the old filter after the filter changed', async () => {
    const { source, asked, state } = memorySource();
    const loader = pagedLoader(source);
    const old = loader.loadRows(0, 10);
    loader.setFilter('b');
    asked[0]!.release();
    await old;
    expect(state().list.total).toBeNull();
    expect(state().filter).toBe('b');
    const fresh = loader.loadRows(0, 10);
    expect(asked[1]?.filter).toBe('b');
    asked[1]!.release();
    await fresh;
    expect(state().list.total).toBe(250);
  });
});
