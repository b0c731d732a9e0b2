import { tablePagination } from './use_table_paging';

describe('tablePagination', () => {
  it('stops the pages at the result window, which every page size divides', () => {
    expect(tablePagination(2, 20, 45)).toEqual({ pageIndex: 2, pageSize: 20, totalItemCount: 45, pageSizeOptions: [10, 20, 50, 100] });
    expect(tablePagination(0, 50, 123456).totalItemCount).toBe(10000);
    for (const size of tablePagination(0, 10, 0).pageSizeOptions) expect(10000 % size).toBe(0);
  });
});
