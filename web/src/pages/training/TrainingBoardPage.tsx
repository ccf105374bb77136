import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TBoardDetail, TUnitCoverage } from '../../../../src/modules/training/schema';
import { useQuery } from '../../api/use-query';
import { EmptyState, Loading, LoadError } from '../../components/feedback';
import { PageHeading } from '../../components/PageHeading';
import { CoverageHeadings, StatusCell, SummaryPanel, TrendFigure, useFormat } from './shared';
import { CourseDateForm, useCourseAndDate } from './TrainingPage';

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
  const { courses, course, asOf, query, setParams } = useCourseAndDate();
  const detail = useQuery<TBoardDetail>(query ? `/api/training/boards/${id}?${query}` : null);
  const d = detail.data;
  const title = d ? t('training.boardTitle', { board: d.board.name }) : t('training.title');

  return (
    <>
      <p>
        <Link to={`/utbildning${course ? `?kurs=${course.id}&datum=${asOf}` : ''}`}>{t('training.back')}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      {courses.data?.length === 0 && <EmptyState>{t('training.noCourses')}</EmptyState>}
      {courses.data && course && (
        <CourseDateForm key={`${course.id}|${asOf}`} courses={courses.data} courseId={course.id} asOf={asOf} onChange={(c, date) => setParams({ kurs: c, datum: date })} />
      )}
      {(courses.loading || detail.loading) && <Loading />}
      {detail.error && <LoadError message={detail.error.message} />}
      {d && (
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
              <div className="table-wrap">
                <table className="table">
                  <caption>{t('training.unitsCaption', { date: f.date(d.asOf) })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('training.unit')}</th>
                      <CoverageHeadings />
                      <th scope="col">{t('training.status')}</th>
                      <th scope="col">{t('training.headcountAsOf')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {inTreeOrder(d.units).map(({ unit: u, depth }) => (
                      <tr key={u.unitId ?? 'board'}>
                        <th scope="row" className={depth ? `training-indent-${Math.min(depth, 3)}` : undefined}>
                          {u.unitId === null ? t('training.withoutUnit') : u.name}
                        </th>
                        <td className="training-num">{f.n(u.completed)}</td>
                        <td className="training-num">{u.employees ? f.n(u.employees) : t('training.noPercent')}</td>
                        <td className="training-num">{f.pct(u.percent)}</td>
                        <td>
                          <StatusCell status={u.status} percent={u.percent} />
                        </td>
                        <td>{u.headcountAsOf ?? t('training.noPercent')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
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
              <div className="table-wrap">
                <table className="table">
                  <caption>{t('training.historyCaption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('training.date')}</th>
                      <th scope="col" className="training-num">
                        {t('training.employees')}
                      </th>
                      <th scope="col" className="training-num">
                        {t('training.units')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.headcounts.map((h) => (
                      <tr key={h.asOf}>
                        <th scope="row">{h.asOf}</th>
                        <td className="training-num">{f.n(h.employees)}</td>
                        <td className="training-num">{f.n(h.units)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </>
  );
}
