// Paging for the virtualised lists: the list reads only the pages the person can see,
// so 100,000 rows cost a handful of small calls instead of one huge one.
import { toApiError, type ApiError } from '../platform/api';

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

/** The same list emptied for reading again: answers still on their way for it are thrown away. */
export function freshList<T>(list: PagedList<T>): PagedList<T> {
  return emptyList<T>(list.generation + 1);
}

/** Where one paged list lives in the store, and how its pages are read. */
export interface PagedSource<T, F> {
  /** The list and its filter as the store holds them now. */
  read(): { list: PagedList<T>; filter: F };
  /** Stores the list; `error` (when given) is the refusal of the last page read, or null to clear it. */
  write(change: { list: PagedList<T>; filter?: F; error?: ApiError | null }): void;
  /** Reads one page under `filter` from the core. */
  fetchPage(filter: F, page: { offset: number; limit: number }): Promise<{ items: T[]; total: number }>;
}

/** The actions of a paged list: a new filter, read again, and make sure rows are (being) loaded. */
export interface PagedLoader<F> {
  setFilter(filter: F): void;
  refresh(): void;
  loadRows(start: number, end: number): Promise<void>;
}

/**
 * The one paged loader of the lists (trajecten, meldingen): asks only for pages that are
 * neither there nor on their way, and drops an answer that belongs to an older filter.
 */
export function pagedLoader<T, F>(source: PagedSource<T, F>): PagedLoader<F> {
  /** Applies `change` to the list as it is now, unless the list was emptied since `generation`. */
  function settle(generation: number, page: number, change: (list: PagedList<T>) => { list: PagedList<T>; error?: ApiError | null }): void {
    const now = source.read().list;
    if (now.generation !== generation) return;
    const next = change({ ...now, loading: now.loading.filter((p) => p !== page) });
    source.write(next);
  }

  return {
    setFilter(filter) {
      source.write({ list: freshList(source.read().list), filter, error: null });
    },
    refresh() {
      source.write({ list: freshList(source.read().list), error: null });
    },
    async loadRows(start, end) {
      const { list, filter } = source.read();
      const pages = missingPages(list, start, end);
      if (pages.length === 0) return;
      const generation = list.generation;
      source.write({ list: { ...list, loading: [...list.loading, ...pages] } });
      await Promise.all(
        pages.map(async (page) => {
          try {
            const result = await source.fetchPage(filter, { offset: page * PAGE_SIZE, limit: PAGE_SIZE });
            settle(generation, page, (now) => ({ list: { ...now, total: result.total, pages: { ...now.pages, [page]: result.items } } }));
          } catch (error) {
            settle(generation, page, (now) => ({ list: now, error: toApiError(error) }));
          }
        }),
      );
    },
  };
}
