import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TReport } from '@shared/modules/reports/schema';
import { useApiQuery } from '../../api/use-query';
import { DataTable, type Column } from '../../components/DataTable';
import { StatusTag } from '../followup/shared';

type Delayed = TReport['delayed'];
type Item = Delayed['items'][number];
const STEP = 25;

/**
 * The delayed activities: the report carries the first page; "Visa fler" reads the report again
 * with a longer list (the server reads no more rows than are shown) and moves focus to the first
 * new row so a keyboard user continues where the list grew.
 */
export function DelayedList({ r, reportPath, city }: { r: TReport; reportPath: string; city: boolean }) {
  const { t } = useTranslation();
  const [limit, setLimit] = useState(r.delayed.items.length);
  const more = useApiQuery<TReport>(limit > r.delayed.items.length ? `${reportPath}&delayedLimit=${limit}` : null);
  const list: Delayed = more.data?.delayed ?? r.delayed;
  const focusFrom = useRef<number | null>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const from = focusFrom.current;
    if (from === null || list.items.length <= from) return;
    focusFrom.current = null;
    const row = tableRef.current?.querySelectorAll('tbody tr')[from] as HTMLElement | undefined;
    row?.querySelector<HTMLElement>('th, td')?.focus();
  }, [list.items.length]);

  if (list.total === 0) return <p>{t('reports.noDelayed')}</p>;
  const columns: Column<Item>[] = [
    ...(city ? [{ key: 'board', header: t('reports.board'), cell: (d: Item) => d.boardName }] : []),
    { key: 'title', header: t('reports.activity'), rowHeader: true, cell: (d) => d.title },
    { key: 'area', header: t('reports.area'), cell: (d) => t(`followup.areas.${d.measureArea ?? 'unclassified'}`) },
    {
      key: 'reported',
      header: t('reports.reported'),
      cell: (d) => (
        <>
          <StatusTag status="delayed" /> {t(`reports.periodYear.${d.period}`, { year: r.year })}
        </>
      ),
    },
    { key: 'comment', header: t('reports.comment'), cell: (d) => d.comment },
  ];
  return (
    <div ref={tableRef}>
      <DataTable caption={t('reports.delayedHeading')} hideCaption rows={list.items} rowKey={(d) => d.activityId} columns={columns} />
      <p role="status" className="hint">
        {t('reports.delayedShown', { shown: list.items.length, total: list.total })}
      </p>
      {list.items.length < list.total && (
        <button
          type="button"
          className="button button--secondary"
          disabled={more.isFetching}
          onClick={() => {
            focusFrom.current = list.items.length;
            setLimit(list.items.length + STEP);
          }}
        >
          {more.isFetching ? t('reports.loadingMore') : t('reports.showMore')}
        </button>
      )}
    </div>
  );
}
