import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ZCoverageQuery, type CoverageStatus, type TCourse } from '@shared/modules/training/schema';
import { DataTable, type Column } from '../../components/DataTable';
import { StatusTag, type Tone } from '../../components/StatusTag';
import './training.css';

export type { TCourse };

/** 1 234 (sv) / 1,234 (en). */
export function useFormat() {
  const { i18n, t } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'sv-SE';
  const number = new Intl.NumberFormat(locale);
  const one = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return {
    n: (v: number) => number.format(v),
    dec: (v: number) => one.format(v),
    pct: (v: number | null) => (v === null ? t('training.noPercent') : `${one.format(v)} %`),
    date: (iso: string) => new Date(`${iso}T12:00:00Z`).toLocaleDateString(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
  };
}

const TONE: Record<CoverageStatus, Tone> = { reached: 'ok', below: 'neutral', lagging: 'off', no_data: 'neutral' };

/** The status as a word (never colour alone), with a bar of the share beside it. */
export function StatusCell({ status, percent }: { status: CoverageStatus; percent: number | null }) {
  const { t } = useTranslation();
  return (
    <span className="training-status">
      {percent !== null && (
        <span className="training-bar" aria-hidden="true">
          <span className="training-bar__fill" style={{ width: `${Math.max(0, Math.min(100, percent))}%` }} />
        </span>
      )}
      <StatusTag tone={TONE[status]}>{t(`training.statuses.${status}`)}</StatusTag>
    </span>
  );
}

export interface TrendPoint {
  date: string;
  employees: number;
  completed: number;
  percent: number | null;
}

/** The trend as a server-rendered SVG with the same figures in a table beside it. */
export function TrendFigure({ points, svgUrl, target, id }: { points: TrendPoint[]; svgUrl: string; target: number; id: string }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const known = points.filter((p) => p.percent !== null);
  const first = known[0];
  const last = known[known.length - 1];
  const alt =
    first && last
      ? t('training.trendAlt', { from: f.pct(first.percent), fromDate: first.date, to: f.pct(last.percent), toDate: last.date, target })
      : t('training.trendAltEmpty');
  return (
    <figure className="training-chart">
      <img src={`${svgUrl}&lang=${i18n.language === 'en' ? 'en' : 'sv'}`} alt={alt} width={720} height={320} />
      <DataTable
        id={id}
        caption={t('training.trendCaption')}
        rows={points}
        rowKey={(p) => p.date}
        columns={[{ key: 'date', header: t('training.date'), rowHeader: true, cell: (p) => p.date }, ...coverageColumns<TrendPoint>(t, f, ['employees', 'completed', 'percent'])]}
      />
    </figure>
  );
}

/** The target as a sentence: its year, or the 2019 decision when none is set. */
export function TargetText({ target }: { target: { percent: number; year: number | null } }) {
  const { t } = useTranslation();
  return <>{target.year === null ? t('training.targetDefault', { percent: target.percent }) : t('training.targetSince', { percent: target.percent, year: target.year })}</>;
}

export function ForecastText({ forecast }: { forecast: { date: string | null; reached: boolean; pacePerYear: number | null } }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (forecast.reached) return <p>{t('training.forecastReached')}</p>;
  if (!forecast.date || forecast.pacePerYear === null) return <p>{t('training.forecastNone')}</p>;
  return <p>{t('training.forecastDate', { pace: f.dec(forecast.pacePerYear), date: f.date(forecast.date) })}</p>;
}

type Figures = { completed: number; employees: number; percent: number | null };
type Format = ReturnType<typeof useFormat>;

/** The coverage figures as DataTable columns (sortable, right-aligned): completed, employees, share by default. */
export function coverageColumns<R extends Figures>(
  t: (key: string) => string,
  f: Format,
  order: (keyof Figures)[] = ['completed', 'employees', 'percent'],
): Column<R>[] {
  const all: Record<keyof Figures, Column<R>> = {
    completed: { key: 'completed', header: t('training.completed'), numeric: true, sort: (r) => r.completed, cell: (r) => f.n(r.completed) },
    employees: { key: 'employees', header: t('training.employees'), numeric: true, sort: (r) => r.employees, cell: (r) => f.n(r.employees) },
    percent: { key: 'percent', header: t('training.share'), numeric: true, sort: (r) => r.percent, cell: (r) => f.pct(r.percent) },
  };
  return order.map((k) => all[k]);
}

/**
 * The summary panel of a view: share, completed and employees for the course on the date, then
 * `children` (a line of its own), the target and the forecast.
 */
export function SummaryPanel({
  headingId,
  courseName,
  asOf,
  total,
  target,
  forecast,
  children,
}: {
  headingId: string;
  courseName: string;
  asOf: string;
  total: { percent: number | null; completed: number; employees: number };
  target: { percent: number; year: number | null };
  forecast: { date: string | null; reached: boolean; pacePerYear: number | null };
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section aria-labelledby={headingId} className="panel">
      <h2 id={headingId}>
        {t('training.summaryHeading')} – {courseName}, {f.date(asOf)}
      </h2>
      <dl className="training-figures">
        <div>
          <dt>{t('training.share')}</dt>
          <dd>{f.pct(total.percent)}</dd>
        </div>
        <div>
          <dt>{t('training.completed')}</dt>
          <dd>{f.n(total.completed)}</dd>
        </div>
        <div>
          <dt>{t('training.employees')}</dt>
          <dd>{f.n(total.employees)}</dd>
        </div>
      </dl>
      {children}
      <p>
        <strong>{t('training.target')}:</strong> <TargetText target={target} />
      </p>
      <h3>{t('training.forecastHeading')}</h3>
      <ForecastText forecast={forecast} />
    </section>
  );
}

/** A date the coverage endpoints accept (the server's own rule), e.g. from the address. */
export const isCoverageDate = (s: string | null) => s !== null && ZCoverageQuery.shape.asOf.safeParse(s).success;
