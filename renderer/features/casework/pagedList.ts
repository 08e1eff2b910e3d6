// Paging helpers for the virtualised lists: the list reads only the pages the person can see,
// so 100,000 rows cost a handful of small calls instead of one huge one.

/** Rows per call; the contract allows up to 500, 100 keeps every answer quick. */
export const PAGE_SIZE = 100;

/** A list read in pages: which pages have arrived, which are on their way, and the total. */
export interface PagedList<T> {
  /** Null until the first page arrives. */
  total: number | null;
  pages: Record<number, T[]>;
  loading: number[];
  /** Bumped when the filter changes, so an answer for the old filter is thrown away. */
  generation: number;
}

/** An empty list (a new filter or a fresh start). */
export function emptyList<T>(generation = 0): PagedList<T> {
  return { total: null, pages: {}, loading: [], generation };
}

/** The page numbers that hold rows `start`..`end` (inclusive). */
export function pagesForRange(start: number, end: number, pageSize = PAGE_SIZE): number[] {
  if (end < start) return [];
  const first = Math.floor(Math.max(0, start) / pageSize);
  const last = Math.floor(Math.max(0, end) / pageSize);
  const result: number[] = [];
  for (let p = first; p <= last; p++) result.push(p);
  return result;
}

/** The pages of a range that are neither loaded nor loading. */
export function missingPages<T>(list: PagedList<T>, start: number, end: number, pageSize = PAGE_SIZE): number[] {
  return pagesForRange(start, end, pageSize).filter((p) => !(p in list.pages) && !list.loading.includes(p) && (list.total === null || p * pageSize < list.total || p === 0));
}

/** Row `index`, or undefined while its page has not arrived. */
export function rowAt<T>(list: PagedList<T>, index: number, pageSize = PAGE_SIZE): T | undefined {
  return list.pages[Math.floor(index / pageSize)]?.[index % pageSize];
}
