import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TReport, TReportCharts } from '../../../../src/modules/reports/schema';
import { useQuery } from '../../api/use-query';
import { Loading, LoadError } from '../../components/feedback';
import { ScrollTable, StatusTag } from '../followup/shared';
import '../followup/followup.css';

const STATUS_ORDER = ['done', 'ongoing', 'not_started', 'delayed', 'cancelled', 'not_reported'] as const;
const ENVIRONMENTS = ['white_power', 'autonomous', 'violent_islamist', 'unclear'] as const;

const nf = (v: number | string | null | undefined) => (v === null || v === undefined ? '' : typeof v === 'number' ? v.toLocaleString('sv-SE', { maximumFractionDigits: 1 }) : v);

function Filters({ year, period }: { year: number; period: string }) {
  const { t } = useTranslation();
  const [, setParams] = useSearchParams();
  const now = new Date().getFullYear();
  return (
    <form
      className="fu-filters"
      onSubmit={(e) => {
        e.preventDefault();
        const d = new FormData(e.currentTarget);
        const next: Record<string, string> = { year: String(d.get('year')) };
        if (d.get('period')) next.period = String(d.get('period'));
        setParams(next);
      }}
    >
      <div className="field">
        <label htmlFor="report-year">{t('reports.year')}</label>
        <select id="report-year" name="year" defaultValue={year} key={year}>
          {Array.from({ length: 6 }, (_, i) => now + 1 - i).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="report-period">{t('reports.period')}</label>
        <select id="report-period" name="period" defaultValue={period} key={period}>
          <option value="">{t('reports.latest')}</option>
          {(['T1', 'T2', 'VB'] as const).map((p) => (
            <option key={p} value={p}>
              {t(`reports.periods.${p}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--secondary">
        {t('reports.show')}
      </button>
    </form>
  );
}

function ChartFigure({ chart, idPrefix }: { chart: TReportCharts[number]; idPrefix: string }) {
  const { t } = useTranslation();
  return (
    <div className="fu-pair">
      <figure className="fu-chart" aria-describedby={`${idPrefix}-${chart.key}-summary`}>
        <figcaption>{chart.title}</figcaption>
        <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(chart.svg)}`} alt={t('reports.chartAlt', { title: chart.title })} />
        <p className="hint" id={`${idPrefix}-${chart.key}-summary`}>
          {chart.summary}
        </p>
      </figure>
      <ScrollTable label={chart.table.caption}>
        <table className="table">
          <caption>{chart.table.caption}</caption>
          <thead>
            <tr>
              {chart.table.columns.map((c) => (
                <th key={c.key} scope="col" className={c.numeric ? 'fu-num' : undefined}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {chart.table.rows.map((r, i) => (
              <tr key={i}>
                {r.map((v, k) =>
                  k === 0 ? (
                    <th key={k} scope="row">
                      {nf(v)}
                    </th>
                  ) : (
                    <td key={k} className="fu-num">
                      {nf(v)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </div>
  );
}

/** A report as a dashboard page: filters, downloads, key figures, charts with their tables, and every section. */
export function ReportDashboard({ base, title }: { base: string; title: (r: TReport | undefined, year: number) => ReactNode }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const year = Number(params.get('year') ?? new Date().getFullYear());
  const period = params.get('period') ?? '';
  const query = `year=${year}${period ? `&period=${period}` : ''}`;
  const q = useQuery<TReport>(`${base}?${query}&format=json`);
  const charts = useQuery<TReportCharts>(`${base}/charts?${query}`);
  const r = q.data;
  const city = r?.scope === 'city';
  const name = (id: string) => r?.boards.find((b) => b.boardId === id)?.name ?? '';

  return (
    <>
      {title(r, year)}
      <Filters year={year} period={period} />
      <section aria-labelledby="dl-heading">
        <h2 id="dl-heading" className="visually-hidden">
          {t('reports.download')}
        </h2>
        <ul className="fu-downloads">
          {(['docx', 'pdf', 'xlsx'] as const).map((f) => (
            <li key={f}>
              <a className="button button--secondary" href={`${base}?${query}&format=${f}`} download>
                {t('reports.download')} {t(`reports.download${f[0].toUpperCase()}${f.slice(1)}`)}
              </a>
            </li>
          ))}
        </ul>
      </section>
      {q.loading && !r && <Loading />}
      {q.error && <LoadError message={q.error.message} />}
      {r && (
        <>
          <section aria-labelledby="kf-heading">
            <h2 id="kf-heading">{t('reports.keyFigures')}</h2>
            <dl className="fu-figures">
              {city && (
                <div>
                  <dt>{t('reports.boardsWithApproved')}</dt>
                  <dd>{t('reports.ofN', { n: r.totals.boardsWithApprovedPlan, total: r.totals.boards })}</dd>
                </div>
              )}
              <div>
                <dt>{t('reports.activitiesInPlans')}</dt>
                <dd>{nf(r.totals.activitiesInPlans)}</dd>
              </div>
              <div>
                <dt>{t('reports.followed')}</dt>
                <dd>{nf(r.totals.total)}</dd>
              </div>
              <div>
                <dt>{t('reports.done')}</dt>
                <dd>
                  {nf(r.totals.byStatus.done)} ({nf(r.totals.donePercent)} %)
                </dd>
              </div>
              <div>
                <dt>{t('reports.delayed')}</dt>
                <dd>{nf(r.totals.byStatus.delayed)}</dd>
              </div>
              <div>
                <dt>{t('reports.indicatorsAchieved')}</dt>
                <dd>{t('reports.ofN', { n: r.indicators.summary.achieved, total: r.indicators.items.length })}</dd>
              </div>
            </dl>
          </section>

          <section aria-labelledby="boards-heading">
            <h2 id="boards-heading">{t('reports.boardsTable')}</h2>
            <ScrollTable label={t('reports.boardsTable')}>
              <table className="table">
                <caption className="visually-hidden">{t('reports.boardsTable')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('reports.board')}</th>
                    <th scope="col">{t('reports.planStatus')}</th>
                    <th scope="col" className="fu-num">
                      {t('reports.activities')}
                    </th>
                    {STATUS_ORDER.map((s) => (
                      <th key={s} scope="col" className="fu-num">
                        {t(`followup.statuses.${s}`)}
                      </th>
                    ))}
                    <th scope="col" className="fu-num">
                      {t('reports.donePercent')}
                    </th>
                    <th scope="col">{t('reports.analysis')}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.boards.map((b) => {
                    const followed = b.plan?.status === 'approved';
                    return (
                      <tr key={b.boardId}>
                        <th scope="row">{city ? <Link to={`/rapporter/namnd/${b.boardId}?year=${year}`}>{b.name}</Link> : b.name}</th>
                        <td>{b.plan ? t(`followup.planStatuses.${b.plan.status}`) : t('reports.noPlan')}</td>
                        <td className="fu-num">{b.plan?.activityCount ?? 0}</td>
                        {STATUS_ORDER.map((s) => (
                          <td key={s} className="fu-num">
                            {followed ? nf(b.byStatus[s]) : '–'}
                          </td>
                        ))}
                        <td className="fu-num">{followed ? nf(b.donePercent) : '–'}</td>
                        <td>{b.analysis ? t(b.analysis.reportedAt ? 'reports.analysisReported' : 'reports.analysisDraft', { period: b.analysis.period }) : '–'}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollTable>
          </section>

          <section aria-labelledby="charts-heading">
            <h2 id="charts-heading">{t('reports.charts')}</h2>
            {charts.loading && !charts.data && <Loading />}
            {charts.error && <LoadError message={charts.error.message} />}
            {charts.data?.map((c) => <ChartFigure key={c.key} chart={c} idPrefix="chart" />)}
            {r.yearOverYear.hasHistory ? null : <p>{t('reports.noHistory')}</p>}
          </section>

          <section aria-labelledby="delayed-heading">
            <h2 id="delayed-heading">{t('reports.delayedHeading')}</h2>
            {r.delayed.length === 0 ? (
              <p>{t('reports.noDelayed')}</p>
            ) : (
              <ScrollTable label={t('reports.delayedHeading')}>
                <table className="table">
                  <caption className="visually-hidden">{t('reports.delayedHeading')}</caption>
                  <thead>
                    <tr>
                      {city && <th scope="col">{t('reports.board')}</th>}
                      <th scope="col">{t('reports.activity')}</th>
                      <th scope="col">{t('reports.area')}</th>
                      <th scope="col">{t('reports.reported')}</th>
                      <th scope="col">{t('reports.comment')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.delayed.map((d) => (
                      <tr key={d.activityId}>
                        {city && <td>{d.boardName}</td>}
                        <th scope="row">{d.title}</th>
                        <td>{t(`followup.areas.${d.measureArea ?? 'unclassified'}`)}</td>
                        <td>
                          <StatusTag status="delayed" /> {`${r.year}-${d.period}`}
                        </td>
                        <td>{d.comment}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollTable>
            )}
          </section>

          <section aria-labelledby="ind-heading">
            <h2 id="ind-heading">{t('reports.indicatorsHeading')}</h2>
            {r.indicators.items.length === 0 ? (
              <p>{t('reports.noIndicators')}</p>
            ) : (
              <ScrollTable label={city ? t('reports.effectIndicators') : t('reports.allIndicators')}>
                <table className="table">
                  <caption>{city ? t('reports.effectIndicators') : t('reports.allIndicators')}</caption>
                  <thead>
                    <tr>
                      {city && <th scope="col">{t('reports.board')}</th>}
                      <th scope="col">{t('reports.activity')}</th>
                      <th scope="col">{t('reports.indicator')}</th>
                      <th scope="col">{t('reports.kind')}</th>
                      <th scope="col" className="fu-num">
                        {t('reports.baseline')}
                      </th>
                      <th scope="col" className="fu-num">
                        {t('reports.target')}
                      </th>
                      <th scope="col" className="fu-num">
                        {t('reports.value')}
                      </th>
                      <th scope="col">{t('reports.result')}</th>
                      <th scope="col">{t('reports.kpi')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.indicators.items.map((i) => (
                      <tr key={`${i.activityId}-${i.name}`}>
                        {city && <td>{i.boardName}</td>}
                        <td>{i.activityTitle}</td>
                        <th scope="row">{i.name}</th>
                        <td>{t(`reports.kinds.${i.kind}`)}</td>
                        <td className="fu-num">{i.baseline}</td>
                        <td className="fu-num">{i.target}</td>
                        <td className="fu-num">{nf(i.value)}</td>
                        <td>{t(`reports.results.${i.result}`)}</td>
                        <td>{i.kpiIds.join(', ')}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollTable>
            )}
            {r.context.length > 0 && (
              <>
                <h3>{t('reports.contextHeading')}</h3>
                <ScrollTable label={t('reports.contextCaption')}>
                  <table className="table">
                    <caption className="visually-hidden">{t('reports.contextCaption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('reports.kpi')}</th>
                        <th scope="col">{t('reports.kpiTitle')}</th>
                        <th scope="col">{t('reports.kpiArea')}</th>
                        {[...new Set(r.context.flatMap((c) => c.values.map((v) => v.year)))].sort().map((y) => (
                          <th key={y} scope="col" className="fu-num">
                            {y}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {r.context.map((c) => (
                        <tr key={`${c.kpiId}-${c.area}`}>
                          <th scope="row">{c.kpiId}</th>
                          <td>{c.title}</td>
                          <td>{c.area}</td>
                          {[...new Set(r.context.flatMap((x) => x.values.map((v) => v.year)))].sort().map((y) => (
                            <td key={y} className="fu-num">
                              {nf(c.values.find((v) => v.year === y)?.value ?? null)}
                            </td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollTable>
              </>
            )}
          </section>

          <section aria-labelledby="training-heading">
            <h2 id="training-heading">{t('reports.trainingHeading')}</h2>
            {!r.training.available ? (
              <p className="fu-nodata">{t('reports.noData')}</p>
            ) : (
              <>
                <p>{t('reports.trainingLead', { course: r.training.courseName, date: r.training.asOf })}</p>
                <ScrollTable label={t('reports.trainingHeading')}>
                  <table className="table">
                    <caption className="visually-hidden">{t('reports.trainingHeading')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('reports.board')}</th>
                        <th scope="col" className="fu-num">
                          {t('reports.employees')}
                        </th>
                        <th scope="col" className="fu-num">
                          {t('reports.completed')}
                        </th>
                        <th scope="col" className="fu-num">
                          {t('reports.percent')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {r.training.rows.map((x) => (
                        <tr key={x.boardId}>
                          <th scope="row">{name(x.boardId)}</th>
                          <td className="fu-num">{nf(x.employees)}</td>
                          <td className="fu-num">{nf(x.completed)}</td>
                          <td className="fu-num">{x.percent === null ? '–' : nf(x.percent)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollTable>
              </>
            )}
          </section>

          <section aria-labelledby="situation-heading">
            <h2 id="situation-heading">{t('reports.situationHeading')}</h2>
            {!r.situation.available ? (
              <p className="fu-nodata">{t('reports.noData')}</p>
            ) : (
              <>
                <ScrollTable label={t('reports.situationCaption', { year: r.year })}>
                  <table className="table">
                    <caption>{t('reports.situationCaption', { year: r.year })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('reports.board')}</th>
                        <th scope="col" className="fu-num">
                          {t('reports.total')}
                        </th>
                        {ENVIRONMENTS.map((e) => (
                          <th key={e} scope="col" className="fu-num">
                            {t(`reports.environments.${e}`)}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {r.situation.rows.map((s) => (
                        <tr key={s.boardId}>
                          <th scope="row">{name(s.boardId)}</th>
                          <td className="fu-num">{nf(s.total)}</td>
                          {ENVIRONMENTS.map((e) => (
                            <td key={e} className="fu-num">
                              {nf(s.byEnvironment[e] ?? null)}
                            </td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollTable>
                {r.situation.legend && <p className="hint">{r.situation.legend}</p>}
              </>
            )}
          </section>

          <section aria-labelledby="analyses-heading" className="fu-analysis">
            <h2 id="analyses-heading">{city ? t('reports.analysesHeading') : t('reports.boardAnalysisHeading')}</h2>
            {r.analyses.length === 0 && <p>{t('reports.noAnalyses')}</p>}
            {r.analyses.map((a) => (
              <section key={a.boardId} aria-labelledby={`an-${a.boardId}`}>
                <h3 id={`an-${a.boardId}`}>
                  {a.boardName} – {t(`followup.periods.${a.period}`)} {r.year}
                </h3>
                {a.sections.map((s) => (
                  <div key={s.key}>
                    <h4>{t(`followup.headings.${s.key}`)}</h4>
                    <p>{s.text || '–'}</p>
                  </div>
                ))}
              </section>
            ))}
          </section>
        </>
      )}
    </>
  );
}
