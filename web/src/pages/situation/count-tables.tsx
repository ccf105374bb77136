import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CONCERN_TYPES, ENVIRONMENTS, TERTIALS } from '@shared/domain/situation/categories';
import type { TChart } from '@shared/modules/situation/schema';
import { ScrollTable as ScrollBox } from '../../components/ScrollTable';

/** A shown count, or the marker of a hidden one ("<5", ".."). */
export type Cell = number | string;

export function SuppressionLegend({ threshold }: { threshold: number }) {
  const { t } = useTranslation();
  return (
    <p className="legend" id="suppression-legend">
      {t('situation.legend', { marker: `<${threshold}`, max: threshold - 1 })}
    </p>
  );
}

const cellText = (c: Cell) => (typeof c === 'number' ? c.toLocaleString('sv-SE') : c);

export function Num({ value }: { value: Cell }) {
  const { t } = useTranslation();
  if (value === '..') return <abbr title={t('situation.secondaryTitle')}>..</abbr>;
  if (typeof value === 'string') return <abbr title={t('situation.smallTitle')}>{value}</abbr>;
  return <>{cellText(value)}</>;
}

/** A chart (server-rendered SVG as an image with a text alternative) and its data table beside it. */
export function ChartWithTable({ chart, children, label }: { chart?: TChart; children: ReactNode; label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="figure-pair">
      {chart ? (
        <figure className="chart">
          <figcaption>{chart.title}</figcaption>
          <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(chart.svg)}`} alt={t('situation.chartAlt', { title: chart.title })} />
        </figure>
      ) : (
        <div />
      )}
      <ScrollBox label={label ?? chart?.title ?? ''}>{children}</ScrollBox>
    </div>
  );
}

/** One count per category (rows of label and count), with a total row when `total` is given; `hideCaption` keeps the caption for screen readers only. */
export function CountTable({ caption, head, rows, total, hideCaption = false }: { caption: string; head: string; rows: [string, Cell][]; total?: Cell; hideCaption?: boolean }) {
  const { t } = useTranslation();
  return (
    <table className="table" aria-describedby="suppression-legend">
      <caption className={hideCaption ? 'visually-hidden' : undefined}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col" className="num">
            {t('situation.count')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, v]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td className="num">
              <Num value={v} />
            </td>
          </tr>
        ))}
      </tbody>
      {total !== undefined && (
        <tfoot>
          <tr>
            <th scope="row">{t('situation.total')}</th>
            <td className="num">
              <Num value={total} />
            </td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}

interface CountRow {
  total: Cell;
  byType: Record<string, Cell>;
  byEnvironment: Record<string, Cell>;
  byTertial: Record<string, Cell>;
}

/** Counts of one board or the city as three small tables (environment, type, tertial), with charts when given. */
export function CountTables({ counts, charts, year, idPrefix }: { counts: CountRow; charts?: TChart[]; year: number; idPrefix: string }) {
  const { t } = useTranslation();
  const chart = (key: string) => charts?.find((c) => c.key === key);
  return (
    <div id={`${idPrefix}-counts`}>
      <ChartWithTable chart={chart('environment')} label={t('situation.byEnvironmentCaption', { year })}>
        <CountTable
          caption={t('situation.byEnvironmentCaption', { year })}
          head={t('situation.environment')}
          rows={ENVIRONMENTS.map((e) => [t(`situation.environments.${e}`), counts.byEnvironment[e]])}
          total={counts.total}
        />
      </ChartWithTable>
      <ChartWithTable chart={chart('type')} label={t('situation.byTypeCaption', { year })}>
        <CountTable
          caption={t('situation.byTypeCaption', { year })}
          head={t('situation.type')}
          rows={CONCERN_TYPES.map((k) => [t(`situation.types.${k}`), counts.byType[k]])}
          total={counts.total}
        />
      </ChartWithTable>
      <ScrollBox label={t('situation.byTertialCaption', { year })}>
        <CountTable
          caption={t('situation.byTertialCaption', { year })}
          head={t('situation.tertial')}
          rows={TERTIALS.map((k) => [t(`situation.tertials.${k}`), counts.byTertial[k]])}
          total={counts.total}
        />
      </ScrollBox>
    </div>
  );
}

interface TrendPoint {
  year: number;
  total: Cell;
  byEnvironment: Record<string, Cell>;
}

export function TrendTable({ trend, chart }: { trend: TrendPoint[]; chart?: TChart }) {
  const { t } = useTranslation();
  if (trend.length < 2) return null;
  return (
    <ChartWithTable chart={chart} label={t('situation.trendCaption')}>
      <table className="table" aria-describedby="suppression-legend">
        <caption>{t('situation.trendCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('situation.year')}</th>
            {ENVIRONMENTS.map((e) => (
              <th key={e} scope="col" className="num">
                {t(`situation.environments.${e}`)}
              </th>
            ))}
            <th scope="col" className="num">
              {t('situation.total')}
            </th>
          </tr>
        </thead>
        <tbody>
          {trend.map((p) => (
            <tr key={p.year}>
              <th scope="row">{p.year}</th>
              {ENVIRONMENTS.map((e) => (
                <td key={e} className="num">
                  <Num value={p.byEnvironment[e]} />
                </td>
              ))}
              <td className="num">
                <Num value={p.total} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ChartWithTable>
  );
}
