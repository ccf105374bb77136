/** Sorting and paging of DataTable rows, without React: the table's rules in one testable place. */

export type SortDirection = 'ascending' | 'descending';
export type SortValue = string | number | null | undefined;

/** Rows ordered by `value`: numbers as numbers, text in Swedish order, empty values last either way. Stable. */
export function sortRows<R>(rows: readonly R[], value: (row: R) => SortValue, direction: SortDirection): R[] {
  const collator = new Intl.Collator('sv', { numeric: true, sensitivity: 'base' });
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    const xEmpty = x === null || x === undefined || x === '';
    const yEmpty = y === null || y === undefined || y === '';
    if (xEmpty || yEmpty) return xEmpty === yEmpty ? 0 : xEmpty ? 1 : -1;
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
    return sign * collator.compare(String(x), String(y));
  });
}

/** One page of `size` rows (page 0 first; a page past the end shows the last one), with its 1-based row range. */
export function pageOf<R>(rows: readonly R[], page: number, size: number) {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(Math.max(0, page), pages - 1);
  const slice = rows.slice(current * size, current * size + size);
  return { rows: slice, page: current, pages, from: slice.length ? current * size + 1 : 0, to: current * size + slice.length };
}
