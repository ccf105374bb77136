import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { todayInSweden } from '@shared/domain/calendar';
import { ZCoverageQuery, type TOverview } from '@shared/modules/training/schema';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { useApiForm } from '../../components/api-form';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/feedback';
import { ErrorSummary, SelectField, TextField } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { coverageColumns, isCoverageDate, StatusCell, SummaryPanel, TrendFigure, useFormat, type TCourse } from './shared';

/**
 * Course and date, kept in the address so a view can be linked to and reloaded: the courses, the
 * chosen one (else the basic web course, else the first), and the query string for it.
 */
export function useCourseAndDate() {
  const [params, setParams] = useSearchParams();
  const courseId = params.get('kurs') ?? '';
  const asOf = isCoverageDate(params.get('datum')) ? params.get('datum')! : todayInSweden();
  const courses = useApiQuery<TCourse[]>('/api/training/courses');
  const course = courses.data?.find((c) => c.id === courseId) ?? courses.data?.find((c) => c.kind === 'web_basic') ?? courses.data?.[0];
  const query = course ? `courseId=${course.id}&asOf=${asOf}` : null;
  return { courses, course, asOf, query, setParams };
}

/** The course and the date of a coverage view; a refused date never reaches the address. */
export function CourseDateForm({ courses, courseId, asOf, onChange }: { courses: TCourse[]; courseId: string; asOf: string; onChange(course: string, date: string): void }) {
  const { t } = useTranslation();
  const f = useApiForm(ZCoverageQuery, { idPrefix: 'view', defaultValues: { courseId, asOf } });
  const submit = f.onSubmit(async (v) => onChange(v.courseId ?? courseId, v.asOf ?? asOf));
  return (
    <>
      <ErrorSummary errors={f.errors} idPrefix="view" focusKey={f.submits} />
      <form onSubmit={submit} noValidate aria-labelledby="view-heading" className="panel">
        <h2 id="view-heading" className="visually-hidden">
          {t('training.controls')}
        </h2>
        <div className="inline-fields">
          <SelectField label={t('training.course')} {...f.field('courseId')}>
            {courses.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
          <TextField label={t('training.asOf')} type="date" {...f.field('asOf')} />
          <button type="submit" className="button">
            {t('training.show')}
          </button>
        </div>
        <p className="hint">{t('training.asOfHint')}</p>
      </form>
    </>
  );
}

/** The course picker and date form once the courses are read, or why there is nothing to pick. */
export function CourseDateControls({ view }: { view: ReturnType<typeof useCourseAndDate> }) {
  const { t } = useTranslation();
  const { courses, course, asOf, setParams } = view;
  return (
    <QueryState query={courses}>
      {(list) =>
        list.length === 0 ? (
          <EmptyState>{t('training.noCourses')}</EmptyState>
        ) : (
          course && <CourseDateForm key={`${course.id}|${asOf}`} courses={list} courseId={course.id} asOf={asOf} onChange={(c, d) => setParams({ kurs: c, datum: d })} />
        )
      }
    </QueryState>
  );
}

export function TrainingPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const f = useFormat();
  const view = useCourseAndDate();
  const { query } = view;
  const overview = useApiQuery<TOverview>(query ? `/api/training/overview?${query}` : null);
  const o = overview.data;
  const hasData = !!o && (o.total.employees > 0 || o.total.completed > 0);
  const boardLink = (boardId: string, name: string) => o && <Link to={`/utbildning/namnd/${boardId}?kurs=${o.course.id}&datum=${o.asOf}`}>{name}</Link>;

  return (
    <>
      <PageHeading title={t('training.title')}>{t('training.title')}</PageHeading>
      <p className="lead">{t('training.lead')}</p>
      <CourseDateControls view={view} />

      <nav aria-labelledby="training-actions">
        <h2 id="training-actions" className="visually-hidden">
          {t('training.actions')}
        </h2>
        <ul className="plain-list button-row">
          {can('training.participants.import') && (
            <li>
              <Link className="button button--secondary" to="/utbildning/importera">
                {t('training.import')}
              </Link>
            </li>
          )}
          {can('training.courses.create') && (
            <li>
              <Link className="button button--secondary" to="/utbildning/kurser">
                {t('training.manage')}
              </Link>
            </li>
          )}
          {query && hasData && (
            <li>
              <a className="button button--secondary" href={`/api/training/coverage/export?${query}`} download aria-describedby="download-hint">
                {t('training.download')}
              </a>
              <p className="hint" id="download-hint">
                {t('training.downloadHint')}
              </p>
            </li>
          )}
        </ul>
      </nav>

      <QueryState query={overview}>
        {(o) =>
          !hasData ? (
            <EmptyState>{t('training.noData')}</EmptyState>
          ) : (
            <>
              <SummaryPanel headingId="total-heading" courseName={o.course.name} asOf={o.asOf} total={o.total} target={o.target} forecast={o.forecast}>
                <p>{t('training.completedOf', { completed: f.n(o.total.completed), employees: f.n(o.total.employees) })}</p>
              </SummaryPanel>

              <section aria-labelledby="boards-heading">
                <h2 id="boards-heading">{t('training.boardsHeading')}</h2>
                <DataTable
                  caption={t('training.boardsCaption', { date: f.date(o.asOf) })}
                  rows={o.boards}
                  rowKey={(b) => b.boardId}
                  columns={[
                    { key: 'board', header: t('training.board'), rowHeader: true, sort: (b) => b.name, cell: (b) => boardLink(b.boardId, b.name) },
                    ...coverageColumns<(typeof o.boards)[number]>(t, f),
                    { key: 'target', header: t('training.target'), numeric: true, cell: () => `${o.target.percent} %` },
                    { key: 'status', header: t('training.status'), cell: (b) => <StatusCell status={b.status} percent={b.percent} /> },
                  ]}
                />
              </section>

              <section aria-labelledby="lagging-heading">
                <h2 id="lagging-heading">{t('training.laggingHeading')}</h2>
                <p>{t('training.laggingLead', { below: o.laggingBelow })}</p>
                {o.lagging.length === 0 ? (
                  <EmptyState>{t('training.laggingEmpty', { below: o.laggingBelow })}</EmptyState>
                ) : (
                  <DataTable
                    caption={t('training.laggingCaption', { below: o.laggingBelow })}
                    rows={o.lagging}
                    rowKey={(u) => u.unitId}
                    pageSize={50}
                    columns={[
                      { key: 'unit', header: t('training.unit'), rowHeader: true, sort: (u) => u.unitName, cell: (u) => u.unitName },
                      { key: 'board', header: t('training.board'), sort: (u) => u.boardName, cell: (u) => boardLink(u.boardId, u.boardName) },
                      ...coverageColumns<(typeof o.lagging)[number]>(t, f),
                      { key: 'missing', header: t('training.missing'), numeric: true, sort: (u) => u.missing, cell: (u) => f.n(u.missing) },
                    ]}
                  />
                )}
              </section>

              <section aria-labelledby="groups-heading">
                <h2 id="groups-heading">{t('training.groupsHeading')}</h2>
                {o.groups.length === 0 ? (
                  <EmptyState>{t('training.groupsEmpty', { year: o.asOf.slice(0, 4) })}</EmptyState>
                ) : (
                  <DataTable
                    caption={t('training.groupsCaption', { date: f.date(o.asOf) })}
                    rows={o.groups}
                    rowKey={(g) => g.id}
                    columns={[
                      { key: 'year', header: t('training.year'), cell: (g) => g.year },
                      { key: 'group', header: t('training.group'), rowHeader: true, sort: (g) => g.name, cell: (g) => g.name },
                      ...coverageColumns<(typeof o.groups)[number]>(t, f),
                      {
                        key: 'status',
                        header: t('training.status'),
                        cell: (g) => (
                          <StatusCell
                            status={g.percent === null ? 'no_data' : g.percent >= o.target.percent ? 'reached' : g.percent < o.laggingBelow ? 'lagging' : 'below'}
                            percent={g.percent}
                          />
                        ),
                      },
                    ]}
                  />
                )}
              </section>

              <section aria-labelledby="trend-heading">
                <h2 id="trend-heading">{t('training.trendHeading')}</h2>
                <TrendFigure id="trend-table" points={o.trend} target={o.target.percent} svgUrl={`/api/training/coverage/trend.svg?${query}`} />
              </section>
            </>
          )
        }
      </QueryState>
    </>
  );
}
