import { useTranslation } from 'react-i18next';
import type { TReport } from '@shared/modules/reports/schema';
import { DataTable, type Column } from '../../components/DataTable';
import { rowCell } from './DelayedList';
import { PagedList } from './PagedList';

type Item = TReport['indicators']['items'][number];
const nf = (v: number | string | null) => (v === null ? '' : typeof v === 'number' ? v.toLocaleString('sv-SE', { maximumFractionDigits: 1 }) : v);

/**
 * The indicators, by board and activity, a page at a time (PagedList). The table sorts once every
 * indicator is shown: sorting a page would only order the first rows of a longer list.
 */
export function IndicatorList({ r, reportPath, city }: { r: TReport; reportPath: string; city: boolean }) {
  const { t } = useTranslation();
  if (r.indicators.total === 0) return <p>{t('reports.noIndicators')}</p>;
  const columns = (complete: boolean): Column<Item>[] => {
    const sortBy = (f: (i: Item) => string) => (complete ? f : undefined);
    return [
      ...(city ? [{ key: 'board', header: t('reports.board'), sort: sortBy((i) => i.boardName), cell: (i: Item) => i.boardName }] : []),
      { key: 'activity', header: t('reports.activity'), sort: sortBy((i) => i.activityTitle), cell: (i) => i.activityTitle },
      { key: 'name', header: t('reports.indicator'), rowHeader: true, sort: sortBy((i) => i.name), cell: (i) => i.name },
      { key: 'kind', header: t('reports.kind'), cell: (i) => t(`reports.kinds.${i.kind}`) },
      { key: 'baseline', header: t('reports.baseline'), numeric: true, cell: (i) => i.baseline },
      { key: 'target', header: t('reports.target'), numeric: true, cell: (i) => i.target },
      { key: 'value', header: t('reports.value'), numeric: true, cell: (i) => nf(i.value) },
      { key: 'result', header: t('reports.result'), sort: sortBy((i) => t(`reports.results.${i.result}`)), cell: (i) => t(`reports.results.${i.result}`) },
      { key: 'kpi', header: t('reports.kpi'), cell: (i) => i.kpiIds.join(', ') },
    ];
  };
  return (
    <PagedList
      list="indicators"
      r={r}
      reportPath={reportPath}
      shown={(shown, total) => `${t('reports.indicatorsShown', { shown, total })}${shown < total ? ` ${t('reports.sortWhenComplete')}` : ''}`}
      focusTarget={rowCell}
    >
      {(items) => (
        <DataTable
          caption={city ? t('reports.effectIndicators') : t('reports.allIndicators')}
          rows={items}
          rowKey={(i) => `${i.activityId}-${i.name}`}
          columns={columns(items.length === r.indicators.total)}
        />
      )}
    </PagedList>
  );
}
