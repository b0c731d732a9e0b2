import { useCallback, useState } from 'react';
import { DEFAULT_PAGE_SIZE, MAX_RESULT_WINDOW } from '../../common/constants';
import type { SortDirection } from '../../common/types';

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
 * Paging and sort state of a server-side table, translated to the routes' `from`/`size`. Changing
 * a filter must go back to the first page, or the user lands on an empty page past the new total.
 */
export function useTablePaging<F extends string>(initialSort: TableSort<F>) {
  const [pageIndex, setPageIndex] = useState(0);
  const [pageSize, setPageSize] = useState(DEFAULT_PAGE_SIZE);
  const [sort, setSort] = useState<TableSort<F>>(initialSort);

  const onTableChange = useCallback(
    (criteria: { page?: { index: number; size: number }; sort?: { field: unknown; direction: SortDirection } }) => {
      if (criteria.page) {
        setPageIndex(criteria.page.size === pageSize ? criteria.page.index : 0);
        setPageSize(criteria.page.size);
      }
      if (criteria.sort) {
        const next = { field: String(criteria.sort.field) as F, direction: criteria.sort.direction };
        if (next.field !== sort.field || next.direction !== sort.direction) setPageIndex(0);
        setSort(next);
      }
    },
    [pageSize, sort.field, sort.direction]
  );

  const resetPage = useCallback(() => setPageIndex(0), []);

  const from = pageIndex * pageSize;
  /** The page and sort as search routes take them (for routes that sort by a field). */
  const query = { from, size: pageSize, sort_field: sort.field, sort_direction: sort.direction };
  return { pageIndex, pageSize, sort, from, query, onTableChange, resetPage };
}
