import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TReport, TReportCharts } from '@shared/modules/reports/schema';
import { useApiQuery } from '../../api/use-query';
import { DataTable, type Column } from '../../components/DataTable';
import { QueryState } from '../../components/QueryState';
import { useSession } from '../../auth/session';
import { AnalysisList } from './AnalysisList';
import { DelayedList } from './DelayedList';
import { GovernanceSections, NoData } from './GovernanceSections';
import { IndicatorList } from './IndicatorList';
import { SummaryEditor } from './SummaryEditor';
import '../followup/followup.css';

const STATUS_ORDER = ['done', 'ongoing', 'not_started', 'delayed', 'cancelled', 'not_reported'] as const;
const ENVIRONMENTS = ['white_power', 'autonomous', 'violent_islamist', 'unclear'] as const;

type Row = TReportCharts[number]['table']['rows'][number];

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
      <DataTable
        caption={chart.table.caption}
        rows={chart.table.rows.map((cells, i) => ({ i, cells }))}
        rowKey={(r) => String(r.i)}
        columns={chart.table.columns.map((c, k) => ({ key: c.key, header: c.label, rowHeader: k === 0, numeric: k > 0, cell: (r: { i: number; cells: Row }) => nf(r.cells[k]) }))}
      />
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
  const report = useApiQuery<TReport>(`${base}?${query}&format=json`);
  const charts = useApiQuery<TReportCharts>(`${base}/charts?${query}`);

  return (
    <>
      {title(report.data, year)}
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
      <QueryState query={report}>{(r) => <ReportSections r={r} charts={charts} reportPath={`${base}?${query}&format=json`} />}</QueryState>
    </>
  );
}

const DASH = '–';

function ReportSections({ r, charts, reportPath }: { r: TReport; charts: ReturnType<typeof useApiQuery<TReportCharts>>; reportPath: string }) {
  const { t } = useTranslation();
  const city = r.scope === 'city';
  const { canEverywhere } = useSession();
  const name = (id: string) => r.boards.find((b) => b.boardId === id)?.name ?? '';
  const years = [...new Set(r.context.flatMap((c) => c.values.map((v) => v.year)))].sort();
  type BoardRow = TReport['boards'][number];
  const followed = (b: BoardRow) => b.plan?.status === 'approved';

  return (
    <>
      {city && (r.summary || canEverywhere('reports.summary.write')) && (
        <section aria-labelledby="summary-heading">
          <h2 id="summary-heading">{t('reports.summaryHeading')}</h2>
          <SummaryEditor key={r.year} r={r} />
        </section>
      )}
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
            <dd>{t('reports.ofN', { n: r.indicators.summary.achieved, total: r.indicators.total })}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="boards-heading">
        <h2 id="boards-heading">{t('reports.boardsTable')}</h2>
        <DataTable
          caption={t('reports.boardsTable')}
          hideCaption
          rows={r.boards}
          rowKey={(b) => b.boardId}
          columns={[
            {
              key: 'board',
              header: t('reports.board'),
              rowHeader: true,
              sort: (b) => b.name,
              cell: (b) => (city ? <Link to={`/rapporter/namnd/${b.boardId}?year=${r.year}`}>{b.name}</Link> : b.name),
            },
            { key: 'plan', header: t('reports.planStatus'), cell: (b) => (b.plan ? t(`followup.planStatuses.${b.plan.status}`) : t('reports.noPlan')) },
            { key: 'activities', header: t('reports.activities'), numeric: true, sort: (b) => b.plan?.activityCount ?? 0, cell: (b) => b.plan?.activityCount ?? 0 },
            ...STATUS_ORDER.map(
              (s): Column<BoardRow> => ({ key: s, header: t(`followup.statuses.${s}`), numeric: true, sort: (b) => (followed(b) ? b.byStatus[s] : null), cell: (b) => (followed(b) ? nf(b.byStatus[s]) : DASH) }),
            ),
            { key: 'done', header: t('reports.donePercent'), numeric: true, sort: (b) => (followed(b) ? b.donePercent : null), cell: (b) => (followed(b) ? nf(b.donePercent) : DASH) },
            {
              key: 'analysis',
              header: t('reports.analysis'),
              cell: (b) => (b.analysis ? t(b.analysis.reportedAt ? 'reports.analysisReported' : 'reports.analysisDraft', { period: b.analysis.period }) : DASH),
            },
          ]}
        />
      </section>

      <section aria-labelledby="charts-heading">
        <h2 id="charts-heading">{t('reports.charts')}</h2>
        <QueryState query={charts}>{(list) => list.map((c) => <ChartFigure key={c.key} chart={c} idPrefix="chart" />)}</QueryState>
        {r.yearOverYear.hasHistory ? null : <p>{t('reports.noHistory')}</p>}
      </section>

      <section aria-labelledby="delayed-heading">
        <h2 id="delayed-heading">{t('reports.delayedHeading')}</h2>
        <DelayedList r={r} reportPath={reportPath} city={city} />
      </section>

      <section aria-labelledby="ind-heading">
        <h2 id="ind-heading">{t('reports.indicatorsHeading')}</h2>
        <IndicatorList r={r} reportPath={reportPath} city={city} />
        {r.context.length > 0 && (
          <>
            <h3>{t('reports.contextHeading')}</h3>
            <DataTable
              caption={t('reports.contextCaption')}
              hideCaption
              rows={r.context}
              rowKey={(c) => `${c.kpiId}-${c.area}`}
              columns={[
                { key: 'kpi', header: t('reports.kpi'), rowHeader: true, cell: (c) => c.kpiId },
                { key: 'title', header: t('reports.kpiTitle'), cell: (c) => c.title },
                { key: 'area', header: t('reports.kpiArea'), cell: (c) => c.area },
                ...years.map((y): Column<TReport['context'][number]> => ({ key: String(y), header: y, numeric: true, cell: (c) => nf(c.values.find((v) => v.year === y)?.value ?? null) })),
              ]}
            />
          </>
        )}
      </section>

      <section aria-labelledby="training-heading">
        <h2 id="training-heading">{t('reports.trainingHeading')}</h2>
        {!r.training.available ? (
          <NoData />
        ) : (
          <>
            <p>{t('reports.trainingLead', { course: r.training.courseName, date: r.training.asOf })}</p>
            <DataTable
              caption={t('reports.trainingHeading')}
              hideCaption
              rows={r.training.rows}
              rowKey={(x) => x.boardId}
              columns={[
                { key: 'board', header: t('reports.board'), rowHeader: true, sort: (x) => name(x.boardId), cell: (x) => name(x.boardId) },
                { key: 'employees', header: t('reports.employees'), numeric: true, sort: (x) => x.employees, cell: (x) => nf(x.employees) },
                { key: 'completed', header: t('reports.completed'), numeric: true, sort: (x) => x.completed, cell: (x) => nf(x.completed) },
                { key: 'percent', header: t('reports.percent'), numeric: true, sort: (x) => x.percent, cell: (x) => (x.percent === null ? DASH : nf(x.percent)) },
              ]}
            />
          </>
        )}
      </section>

      <section aria-labelledby="situation-heading">
        <h2 id="situation-heading">{t('reports.situationHeading')}</h2>
        {!r.situation.available ? (
          <NoData />
        ) : (
          <>
            <DataTable
              caption={t('reports.situationCaption', { year: r.year })}
              rows={r.situation.rows}
              rowKey={(s) => s.boardId}
              columns={[
                { key: 'board', header: t('reports.board'), rowHeader: true, sort: (s) => name(s.boardId), cell: (s) => name(s.boardId) },
                { key: 'total', header: t('reports.total'), numeric: true, cell: (s) => nf(s.total) },
                ...ENVIRONMENTS.map((e): Column<TReport['situation']['rows'][number]> => ({ key: e, header: t(`reports.environments.${e}`), numeric: true, cell: (s) => nf(s.byEnvironment[e] ?? null) })),
              ]}
            />
            {r.situation.legend && <p className="hint">{r.situation.legend}</p>}
          </>
        )}
      </section>

      <section aria-labelledby="helpline-heading">
        <h2 id="helpline-heading">{t('reports.helplineHeading')}</h2>
        {!r.helpline.available ? (
          <NoData />
        ) : (
          <>
            <DataTable
              caption={t('reports.helplineCaption', { year: r.year })}
              rows={r.helpline.rows}
              rowKey={(h) => h.boardId ?? 'city'}
              columns={[
                { key: 'board', header: t('reports.board'), rowHeader: true, sort: (h) => h.boardName, cell: (h) => h.boardName },
                { key: 'total', header: t('reports.total'), numeric: true, cell: (h) => nf(h.total) },
                ...ENVIRONMENTS.map((e): Column<TReport['helpline']['rows'][number]> => ({ key: e, header: t(`reports.environments.${e}`), numeric: true, cell: (h) => nf(h.byEnvironment[e] ?? null) })),
              ]}
            />
            {r.helpline.legend && <p className="hint">{r.helpline.legend}</p>}
          </>
        )}
      </section>

      <GovernanceSections r={r} />

      <section aria-labelledby="analyses-heading" className="fu-analysis">
        <h2 id="analyses-heading">{city ? t('reports.analysesHeading') : t('reports.boardAnalysisHeading')}</h2>
        <AnalysisList r={r} reportPath={reportPath} />
      </section>
    </>
  );
}
