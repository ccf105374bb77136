import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from './ScrollTable';
import { pageOf, sortRows, type SortDirection, type SortValue } from './table-sort';
import './data-table.css';

export interface Column<R> {
  key: string;
  header: ReactNode;
  cell(row: R): ReactNode;
  /** Figures: right-aligned in even widths. */
  numeric?: boolean;
  /** The cell that names the row (<th scope="row">). */
  rowHeader?: boolean;
  /** Makes the heading a sort button; the value the rows are ordered by. */
  sort?(row: R): SortValue;
}

/**
 * The one data table: a caption (visible, or `hideCaption` when a heading already says it), column
 * headings, figures right-aligned, sortable columns (a button in the heading, the order in
 * aria-sort), and with `pageSize` a long table shown a page at a time. It scrolls sideways in a
 * region named by the caption when it is wider than the page.
 *
 *   <DataTable caption={t('reports.delayedHeading')} rows={r.delayed} rowKey={(d) => d.activityId} pageSize={25}
 *     columns={[{ key: 'title', header: t('reports.activity'), rowHeader: true, cell: (d) => d.title, sort: (d) => d.title }]} />
 */
export function DataTable<R>({
  caption,
  hideCaption,
  columns,
  rows,
  rowKey,
  pageSize,
  id,
}: {
  caption: string;
  hideCaption?: boolean;
  columns: Column<R>[];
  rows: readonly R[];
  rowKey(row: R): string;
  pageSize?: number;
  id?: string;
}) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<{ key: string; direction: SortDirection } | null>(null);
  const [page, setPage] = useState(0);
  const sorted = useMemo(() => {
    const by = sort && columns.find((c) => c.key === sort.key)?.sort;
    return by ? sortRows(rows, by, sort.direction) : rows;
  }, [rows, columns, sort]);
  const shown = pageSize ? pageOf(sorted, page, pageSize) : { rows: sorted, page: 0, pages: 1, from: 1, to: sorted.length };

  const toggle = (key: string) => {
    setSort((s) => ({ key, direction: s?.key === key && s.direction === 'ascending' ? 'descending' : 'ascending' }));
    setPage(0);
  };

  return (
    <>
      <ScrollTable label={caption}>
        <table className="table" id={id}>
          <caption className={hideCaption ? 'visually-hidden' : undefined}>
            {caption}
            {shown.pages > 1 && <span className="visually-hidden"> ({t('table.showing', { from: shown.from, to: shown.to, total: rows.length })})</span>}
          </caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined} aria-sort={sort?.key === c.key ? sort.direction : undefined}>
                  {c.sort ? (
                    <button type="button" className="table-sort" onClick={() => toggle(c.key)}>
                      {c.header}
                      <span className="table-sort__mark" aria-hidden="true">
                        {sort?.key !== c.key ? '↕' : sort.direction === 'ascending' ? '▲' : '▼'}
                      </span>
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.rows.map((r) => (
              <tr key={rowKey(r)}>
                {columns.map((c) =>
                  c.rowHeader ? (
                    <th key={c.key} scope="row" className={c.numeric ? 'num' : undefined}>
                      {c.cell(r)}
                    </th>
                  ) : (
                    <td key={c.key} className={c.numeric ? 'num' : undefined}>
                      {c.cell(r)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      {shown.pages > 1 && (
        <nav className="table-pages" aria-label={t('table.pages', { caption })}>
          <button type="button" className="button button--secondary button--small" aria-disabled={shown.page === 0} onClick={() => shown.page > 0 && setPage(shown.page - 1)}>
            {t('table.previous')}
          </button>
          <p aria-live="polite">{t('table.showing', { from: shown.from, to: shown.to, total: rows.length })}</p>
          <button
            type="button"
            className="button button--secondary button--small"
            aria-disabled={shown.page === shown.pages - 1}
            onClick={() => shown.page < shown.pages - 1 && setPage(shown.page + 1)}
          >
            {t('table.next')}
          </button>
        </nav>
      )}
    </>
  );
}
