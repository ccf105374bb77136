import { useTranslation } from 'react-i18next';
import type { TReport } from '@shared/modules/reports/schema';
import { DataTable, type Column } from '../../components/DataTable';
import { StatusTag } from '../followup/shared';
import { PagedList } from './PagedList';

type Item = TReport['delayed']['items'][number];
/** The first cell of a table's row: where focus goes when rows are added. */
export const rowCell = (container: HTMLElement, index: number) => container.querySelectorAll('tbody tr')[index]?.querySelector<HTMLElement>('th, td');

/** The delayed activities, a page at a time (PagedList). */
export function DelayedList({ r, reportPath, city }: { r: TReport; reportPath: string; city: boolean }) {
  const { t } = useTranslation();
  if (r.delayed.total === 0) return <p>{t('reports.noDelayed')}</p>;
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
    <PagedList
      list="delayed"
      r={r}
      reportPath={reportPath}
      shown={(shown, total) => t('reports.delayedShown', { shown, total })}
      focusTarget={rowCell}
    >
      {(items) => <DataTable caption={t('reports.delayedHeading')} hideCaption rows={items} rowKey={(d) => d.activityId} columns={columns} />}
    </PagedList>
  );
}
