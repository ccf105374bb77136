import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TOverview } from '../../../../src/modules/training/schema';
import { useQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { EmptyState, Loading, LoadError } from '../../components/feedback';
import { ErrorSummary, SelectField, TextField, type FieldErrors } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { CoverageCells, CoverageHeadings, isIsoDate, StatusCell, SummaryPanel, todayIso, TrendFigure, useFormat, type TCourse } from './shared';

/**
 * Course and date, kept in the address so a view can be linked to and reloaded: the courses, the
 * chosen one (else the basic web course, else the first), and the query string for it.
 */
export function useCourseAndDate() {
  const [params, setParams] = useSearchParams();
  const courseId = params.get('kurs') ?? '';
  const asOf = isIsoDate(params.get('datum') ?? '') ? params.get('datum')! : todayIso();
  const courses = useQuery<TCourse[]>('/api/training/courses');
  const course = courses.data?.find((c) => c.id === courseId) ?? courses.data?.find((c) => c.kind === 'web_basic') ?? courses.data?.[0];
  const query = course ? `courseId=${course.id}&asOf=${asOf}` : null;
  return { courses, course, asOf, query, setParams };
}

export function CourseDateForm({ courses, courseId, asOf, onChange }: { courses: TCourse[]; courseId: string; asOf: string; onChange(course: string, date: string): void }) {
  const { t } = useTranslation();
  const [course, setCourse] = useState(courseId || courses[0]?.id || '');
  const [date, setDate] = useState(asOf);
  const [errors, setErrors] = useState<FieldErrors>({});
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!isIsoDate(date)) return setErrors({ asOf: t('training.asOfInvalid') });
    setErrors({});
    onChange(course, date);
  }
  return (
    <>
      <ErrorSummary errors={errors} idPrefix="view" />
      <form onSubmit={submit} noValidate aria-labelledby="view-heading" className="panel">
        <h2 id="view-heading" className="visually-hidden">
          {t('training.controls')}
        </h2>
        <div className="inline-fields">
          <SelectField id="view-course" label={t('training.course')} value={course} onChange={(e) => setCourse(e.target.value)}>
            {courses.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
          <TextField id="view-asOf" label={t('training.asOf')} type="date" value={date} error={errors.asOf} onChange={(e) => setDate(e.target.value)} />
          <button type="submit" className="button">
            {t('training.show')}
          </button>
        </div>
        <p className="hint">{t('training.asOfHint')}</p>
      </form>
    </>
  );
}

export function TrainingPage() {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  const f = useFormat();
  const { courses, course, asOf, query, setParams } = useCourseAndDate();
  const overview = useQuery<TOverview>(query ? `/api/training/overview?${query}` : null);
  const o = overview.data;
  const hasData = !!o && (o.total.employees > 0 || o.total.completed > 0);

  return (
    <>
      <PageHeading title={t('training.title')}>{t('training.title')}</PageHeading>
      <p className="lead">{t('training.lead')}</p>
      {courses.loading && <Loading />}
      {courses.error && <LoadError message={courses.error.message} />}
      {courses.data?.length === 0 && <EmptyState>{t('training.noCourses')}</EmptyState>}
      {courses.data && course && (
        <CourseDateForm key={`${course.id}|${asOf}`} courses={courses.data} courseId={course.id} asOf={asOf} onChange={(c, d) => setParams({ kurs: c, datum: d })} />
      )}

      <nav aria-labelledby="training-actions">
        <h2 id="training-actions" className="visually-hidden">
          {t('training.actions')}
        </h2>
        <ul className="plain-list button-row">
          {hasRole('central_coordinator', 'local_coordinator') && (
            <li>
              <Link className="button button--secondary" to="/utbildning/importera">
                {t('training.import')}
              </Link>
            </li>
          )}
          {hasRole('central_coordinator') && (
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

      {overview.loading && <Loading />}
      {overview.error && <LoadError message={overview.error.message} />}
      {o && !hasData && <EmptyState>{t('training.noData')}</EmptyState>}
      {o && hasData && (
        <>
          <SummaryPanel headingId="total-heading" courseName={o.course.name} asOf={o.asOf} total={o.total} target={o.target} forecast={o.forecast}>
            <p>{t('training.completedOf', { completed: f.n(o.total.completed), employees: f.n(o.total.employees) })}</p>
          </SummaryPanel>

          <section aria-labelledby="boards-heading">
            <h2 id="boards-heading">{t('training.boardsHeading')}</h2>
            <div className="table-wrap">
              <table className="table">
                <caption>{t('training.boardsCaption', { date: f.date(o.asOf) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('training.board')}</th>
                    <CoverageHeadings />
                    <th scope="col" className="training-num">
                      {t('training.target')}
                    </th>
                    <th scope="col">{t('training.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {o.boards.map((b) => (
                    <tr key={b.boardId}>
                      <th scope="row">
                        <Link to={`/utbildning/namnd/${b.boardId}?kurs=${o.course.id}&datum=${o.asOf}`}>{b.name}</Link>
                      </th>
                      <CoverageCells row={b} />
                      <td className="training-num">{o.target.percent} %</td>
                      <td>
                        <StatusCell status={b.status} percent={b.percent} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          <section aria-labelledby="lagging-heading">
            <h2 id="lagging-heading">{t('training.laggingHeading')}</h2>
            <p>{t('training.laggingLead', { below: o.laggingBelow })}</p>
            {o.lagging.length === 0 ? (
              <EmptyState>{t('training.laggingEmpty', { below: o.laggingBelow })}</EmptyState>
            ) : (
              <div className="table-wrap">
                <table className="table">
                  <caption>{t('training.laggingCaption', { below: o.laggingBelow })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('training.unit')}</th>
                      <th scope="col">{t('training.board')}</th>
                      <CoverageHeadings />
                      <th scope="col" className="training-num">
                        {t('training.missing')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {o.lagging.map((u) => (
                      <tr key={u.unitId}>
                        <th scope="row">{u.unitName}</th>
                        <td>
                          <Link to={`/utbildning/namnd/${u.boardId}?kurs=${o.course.id}&datum=${o.asOf}`}>{u.boardName}</Link>
                        </td>
                        <CoverageCells row={u} />
                        <td className="training-num">{f.n(u.missing)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <section aria-labelledby="groups-heading">
            <h2 id="groups-heading">{t('training.groupsHeading')}</h2>
            {o.groups.length === 0 ? (
              <EmptyState>{t('training.groupsEmpty', { year: o.asOf.slice(0, 4) })}</EmptyState>
            ) : (
              <div className="table-wrap">
                <table className="table">
                  <caption>{t('training.groupsCaption', { date: f.date(o.asOf) })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('training.year')}</th>
                      <th scope="col">{t('training.group')}</th>
                      <CoverageHeadings />
                      <th scope="col">{t('training.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {o.groups.map((g) => (
                      <tr key={g.id}>
                        <td>{g.year}</td>
                        <th scope="row">{g.name}</th>
                        <CoverageCells row={g} />
                        <td>
                          <StatusCell
                            status={g.percent === null ? 'no_data' : g.percent >= o.target.percent ? 'reached' : g.percent < o.laggingBelow ? 'lagging' : 'below'}
                            percent={g.percent}
                          />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>

          <section aria-labelledby="trend-heading">
            <h2 id="trend-heading">{t('training.trendHeading')}</h2>
            <TrendFigure id="trend-table" points={o.trend} target={o.target.percent} svgUrl={`/api/training/coverage/trend.svg?${query}`} />
          </section>
        </>
      )}
    </>
  );
}
