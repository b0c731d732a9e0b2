import { useCallback, useEffect } from 'react';
import { DEFAULT_PAGE_SIZE, MAX_RESULT_WINDOW } from '../../common/constants';
import type { SortDirection } from '../../common/types';
import { QueryPatch, useUrlQuery } from './use_url_query';

export const PAGE_SIZE_OPTIONS = [10, 20, 50, 100];

/**
 * A server-side table's pagination for `total` hits. Pages stop at OpenSearch's result window
 * (every page size divides it), since the search routes cannot fetch past it.
 */
export function tablePagination(pageIndex: number, pageSize: number, total: number) {
  return { pageIndex, pageSize, totalItemCount: Math.min(total, MAX_RESULT_WINDOW), pageSizeOptions: PAGE_SIZE_OPTIONS };
}

export interface TableSort<F extends string> {
  field: F;
  direction: SortDirection;
}

/**
 * Paging and sort state of a server-side table, translated to the routes' `from`/`size`, kept in
 * the URL (`page`, `size`, `sort`, `dir`; defaults are left out) so Back and reload keep it.
 * `fields` are the sort fields a URL may name; anything else there is ignored. Changing a filter
 * must go back to the first page, or the user lands on an empty page past the new total.
 */
export function useTablePaging<F extends string>(initialSort: TableSort<F>, fields: readonly F[] = [initialSort.field]) {
  const [params, patch] = useUrlQuery();
  const page = Number(params.get('page'));
  const size = Number(params.get('size'));
  const pageSize = PAGE_SIZE_OPTIONS.includes(size) ? size : DEFAULT_PAGE_SIZE;
  const maxIndex = Math.max(0, Math.ceil(MAX_RESULT_WINDOW / pageSize) - 1);
  const pageIndex = Number.isInteger(page) && page >= 1 ? Math.min(page - 1, maxIndex) : 0;
  const urlField = params.get('sort') as F | null;
  const urlDir = params.get('dir');
  const sort: TableSort<F> = {
    field: urlField && fields.includes(urlField) ? urlField : initialSort.field,
    direction: urlDir === 'asc' || urlDir === 'desc' ? urlDir : initialSort.direction,
  };

  const onTableChange = useCallback(
    (criteria: { page?: { index: number; size: number }; sort?: { field: unknown; direction: SortDirection } }) => {
      const next: QueryPatch = {};
      let index = pageIndex;
      if (criteria.page) {
        index = criteria.page.size === pageSize ? criteria.page.index : 0;
        next.size = criteria.page.size === DEFAULT_PAGE_SIZE ? undefined : String(criteria.page.size);
      }
      if (criteria.sort) {
        const field = String(criteria.sort.field) as F;
        if (field !== sort.field || criteria.sort.direction !== sort.direction) index = 0;
        next.sort = field === initialSort.field ? undefined : field;
        next.dir = criteria.sort.direction === initialSort.direction ? undefined : criteria.sort.direction;
      }
      next.page = index ? String(index + 1) : undefined;
      patch(next);
    },
    [pageIndex, pageSize, sort.field, sort.direction, initialSort.field, initialSort.direction, patch]
  );

  const resetPage = useCallback(() => patch({ page: undefined }), [patch]);

  /**
   * Once `total` is known: a page past the end (a URL kept while the list shrank) moves to the
   * last page that has rows, instead of showing an empty table.
   */
  const keepWithin = useCallback(
    (total: number | undefined) => {
      if (total === undefined || pageIndex === 0 || pageIndex * pageSize < total) return;
      const last = Math.max(0, Math.ceil(Math.min(total, MAX_RESULT_WINDOW) / pageSize) - 1);
      patch({ page: last ? String(last + 1) : undefined });
    },
    [pageIndex, pageSize, patch]
  );

  const from = pageIndex * pageSize;
  /** The page and sort as search routes take them (for routes that sort by a field). */
  const query = { from, size: pageSize, sort_field: sort.field, sort_direction: sort.direction };
  return { pageIndex, pageSize, sort, from, query, onTableChange, resetPage, keepWithin };
}

/** Keeps `paging` on a page that has rows once the list's `total` is known (see keepWithin). */
export function usePageWithin(paging: { keepWithin: (total: number | undefined) => void }, total: number | undefined) {
  const { keepWithin } = paging;
  useEffect(() => keepWithin(total), [keepWithin, total]);
}
