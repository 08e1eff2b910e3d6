import { describe, expect, it } from 'vitest';
import { emptyList, missingPages, pagesForRange, rowAt, type PagedList } from '../../renderer/store/pagedList';

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
