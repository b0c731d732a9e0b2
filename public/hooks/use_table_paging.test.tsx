import { act } from '@testing-library/react';
import React from 'react';
import { createFakeHttp } from '../../test/mocks/public_http';
import { renderWithServices } from '../../test/mocks/public_render';
import { tablePagination, useTablePaging } from './use_table_paging';

describe('tablePagination', () => {
  it('stops the pages at the result window, which every page size divides', () => {
    expect(tablePagination(2, 20, 45)).toEqual({ pageIndex: 2, pageSize: 20, totalItemCount: 45, pageSizeOptions: [10, 20, 50, 100] });
    expect(tablePagination(0, 50, 123456).totalItemCount).toBe(10000);
    for (const size of tablePagination(0, 10, 0).pageSizeOptions) expect(10000 % size).toBe(0);
  });
});

describe('useTablePaging', () => {
  function Probe({ onPaging }: { onPaging: (p: ReturnType<typeof useTablePaging<'a' | 'b'>>) => void }) {
    onPaging(useTablePaging<'a' | 'b'>({ field: 'a', direction: 'desc' }, ['a', 'b']));
    return null;
  }
  const setup = (path: string) => {
    let paging!: ReturnType<typeof useTablePaging<'a' | 'b'>>;
    const view = renderWithServices(<Probe onPaging={(p) => (paging = p)} />, { http: createFakeHttp(), path });
    return { ...view, paging: () => paging };
  };

  it('reads page, size and sort from the URL, ignoring what it does not know', () => {
    expect(setup('/x?page=3&size=50&sort=b&dir=asc').paging().query).toEqual({ from: 100, size: 50, sort_field: 'b', sort_direction: 'asc' });
    expect(setup('/x?page=-1&size=7&sort=evil&dir=up').paging().query).toEqual({ from: 0, size: 20, sort_field: 'a', sort_direction: 'desc' });
    // Never past the result window.
    expect(setup('/x?page=999999&size=100').paging().from).toBe(9900);
  });

  it('writes changes to the URL (replacing the entry), leaving defaults out and other keys alone', () => {
    const { history, paging } = setup('/x?q=tiny');
    act(() => paging().onTableChange({ page: { index: 2, size: 20 } }));
    expect(history.location.search).toBe('?q=tiny&page=3');
    act(() => paging().onTableChange({ sort: { field: 'b', direction: 'asc' } }));
    expect(history.location.search).toBe('?q=tiny&sort=b&dir=asc');
    expect(paging().query).toEqual({ from: 0, size: 20, sort_field: 'b', sort_direction: 'asc' });
    act(() => paging().onTableChange({ page: { index: 0, size: 50 } }));
    expect(history.location.search).toBe('?q=tiny&sort=b&dir=asc&size=50');
    act(() => paging().onTableChange({ sort: { field: 'a', direction: 'desc' }, page: { index: 0, size: 20 } }));
    expect(history.location.search).toBe('?q=tiny');
    expect(history.length).toBe(1);
  });

  it('moves a page past the end (a kept URL, a list that shrank) to the last page with rows', () => {
    const { history, paging } = setup('/x?page=5&q=a');
    act(() => paging().keepWithin(undefined));
    expect(history.location.search).toBe('?page=5&q=a');
    act(() => paging().keepWithin(45));
    expect(history.location.search).toBe('?page=3&q=a');
    act(() => paging().keepWithin(45));
    expect(history.location.search).toBe('?page=3&q=a');
    act(() => paging().keepWithin(0));
    expect(history.location.search).toBe('?q=a');
  });
});
