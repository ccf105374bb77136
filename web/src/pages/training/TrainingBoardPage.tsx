import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TBoardDetail, TUnitCoverage } from '@shared/modules/training/schema';
import { useApiQuery } from '../../api/use-query';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/feedback';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { coverageColumns, StatusCell, SummaryPanel, TrendFigure, useFormat } from './shared';
import { CourseDateControls, useCourseAndDate } from './TrainingPage';

/** Units in tree order with their depth (an administration, its departments, their units). */
function inTreeOrder(units: TUnitCoverage[]): { unit: TUnitCoverage; depth: number }[] {
  const out: { unit: TUnitCoverage; depth: number }[] = [];
  const ids = new Set(units.map((u) => u.unitId));
  const visit = (parentId: string | null, depth: number) => {
    for (const u of units.filter((x) => x.unitId !== null && (x.parentId === parentId || (parentId === null && x.parentId !== null && !ids.has(x.parentId))))) {
      out.push({ unit: u, depth });
      visit(u.unitId, depth + 1);
    }
  };
  visit(null, 0);
  for (const u of units) if (u.unitId === null) out.push({ unit: u, depth: 0 });
  return out;
}

export function TrainingBoardPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { id } = useParams();
  const view = useCourseAndDate();
  const { course, asOf, query } = view;
  const detail = useApiQuery<TBoardDetail>(query ? `/api/training/boards/${id}?${query}` : null);
  const title = detail.data ? t('training.boardTitle', { board: detail.data.board.name }) : t('training.title');
  const [employees, completed, percent] = coverageColumns<TUnitCoverage>(t, f, ['employees', 'completed', 'percent']);

  return (
    <>
      <p>
        <Link to={`/utbildning${course ? `?kurs=${course.id}&datum=${asOf}` : ''}`}>{t('training.back')}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <CourseDateControls view={view} />
      <QueryState query={detail}>
        {(d) => (
          <>
            <SummaryPanel headingId="board-total" courseName={d.course.name} asOf={d.asOf} total={d.total} target={d.target} forecast={d.forecast}>
              <p>
                <strong>{t('training.status')}:</strong> <StatusCell status={d.total.status} percent={d.total.percent} />
              </p>
            </SummaryPanel>

            <section aria-labelledby="units-heading">
              <h2 id="units-heading">{t('training.unitsHeading')}</h2>
              {d.units.length === 0 ? (
                <EmptyState>{t('training.unitsEmpty')}</EmptyState>
              ) : (
                // Tree order carries the meaning here (a unit under its department), so no sorting.
                <DataTable
                  caption={t('training.unitsCaption', { date: f.date(d.asOf) })}
                  rows={inTreeOrder(d.units)}
                  rowKey={({ unit }) => unit.unitId ?? 'board'}
                  columns={[
                    {
                      key: 'unit',
                      header: t('training.unit'),
                      rowHeader: true,
                      cell: ({ unit, depth }) => <span className={depth ? `training-indent-${Math.min(depth, 3)}` : undefined}>{unit.unitId === null ? t('training.withoutUnit') : unit.name}</span>,
                    },
                    { ...completed, sort: undefined, cell: ({ unit }) => completed.cell(unit) },
                    { ...employees, sort: undefined, cell: ({ unit }) => (unit.employees ? employees.cell(unit) : t('training.noPercent')) },
                    { ...percent, sort: undefined, cell: ({ unit }) => percent.cell(unit) },
                    { key: 'status', header: t('training.status'), cell: ({ unit }) => <StatusCell status={unit.status} percent={unit.percent} /> },
                    { key: 'asOf', header: t('training.headcountAsOf'), cell: ({ unit }) => unit.headcountAsOf ?? t('training.noPercent') },
                  ]}
                />
              )}
            </section>

            <section aria-labelledby="board-trend">
              <h2 id="board-trend">{t('training.trendHeading')}</h2>
              <TrendFigure id="board-trend-table" points={d.trend} target={d.target.percent} svgUrl={`/api/training/coverage/trend.svg?${query}&boardId=${d.board.id}`} />
            </section>

            <section aria-labelledby="history-heading">
              <h2 id="history-heading">{t('training.historyHeading')}</h2>
              {d.headcounts.length === 0 ? (
                <EmptyState>{t('training.historyEmpty')}</EmptyState>
              ) : (
                <DataTable
                  caption={t('training.historyCaption')}
                  rows={d.headcounts}
                  rowKey={(h) => h.asOf}
                  columns={[
                    { key: 'date', header: t('training.date'), rowHeader: true, sort: (h) => h.asOf, cell: (h) => h.asOf },
                    { key: 'employees', header: t('training.employees'), numeric: true, sort: (h) => h.employees, cell: (h) => f.n(h.employees) },
                    { key: 'units', header: t('training.units'), numeric: true, sort: (h) => h.units, cell: (h) => f.n(h.units) },
                  ]}
                />
              )}
            </section>
          </>
        )}
      </QueryState>
    </>
  );
}
