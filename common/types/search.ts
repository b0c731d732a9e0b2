export type SortDirection = 'asc' | 'desc';

/** Every list route answers with one page of items and the total number of matches. */
export interface Page<T> {
  total: number;
  items: T[];
}

export interface PageParams {
  from?: number;
  size?: number;
}
