import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CONCERN_TYPES, ENVIRONMENTS, TERTIALS } from '@shared/domain/situation/categories';
import type { TCityPicture, TCountRow } from '@shared/modules/situation/schema';
import { useApiQuery } from '../../api/use-query';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { BoardYearFilter, ChartWithTable, CountTable, Num, ScrollBox, SuppressionLegend, TrendTable, thisYear, type Cell } from './components';

/** The city-wide picture: counts per board, environment, type and tertial, suppressed; never any text. */
export function CityPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('ar')) || thisYear();
  const city = useApiQuery<TCityPicture>(`/api/situation/city?year=${year}&charts=1&lang=${i18n.language}`);
  const title = t('situation.city.title', { year });

  return (
    <>
      <p>
        <Link to="/lagesbild">{t('situation.back')}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('situation.city.lead')}</p>
      <BoardYearFilter idPrefix="city" allowed={[]} year={year} onApply={(v) => setParams({ ar: String(v.year) })} />
      <QueryState query={city}>{(c) => <CityTables city={c} year={year} />}</QueryState>
    </>
  );
}

/** The city's counts: by board and environment, environment, trend, type, by board and type, by board and tertial. */
function CityTables({ city, year }: { city: TCityPicture; year: number }) {
  const { t } = useTranslation();
  const chart = (key: string) => city.charts.find((c) => c.key === key);
  return (
    <>
      <SuppressionLegend threshold={city.threshold} />
      <ChartWithTable chart={chart('boards')}>
        <BoardTable
          caption={t('situation.city.byBoardEnvironment', { year })}
          columns={ENVIRONMENTS.map((e) => [e, t(`situation.environments.${e}`)])}
          counts={(r) => r.byEnvironment}
          city={city}
          withTotal
        />
      </ChartWithTable>
      <ChartWithTable chart={chart('environment')}>
        <CountTable
          caption={t('situation.byEnvironmentCaption', { year })}
          head={t('situation.environment')}
          rows={ENVIRONMENTS.map((e) => [t(`situation.environments.${e}`), city.totals.byEnvironment[e]])}
        />
      </ChartWithTable>
      <TrendTable trend={city.trend} chart={chart('trend')} />
      <ChartWithTable chart={chart('type')}>
        <CountTable
          caption={t('situation.byTypeCaption', { year })}
          head={t('situation.type')}
          rows={CONCERN_TYPES.map((k) => [t(`situation.types.${k}`), city.totals.byType[k]])}
        />
      </ChartWithTable>
      <ScrollBox label={t('situation.city.byBoardType', { year })}>
        <BoardTable
          caption={t('situation.city.byBoardType', { year })}
          columns={CONCERN_TYPES.map((k) => [k, t(`situation.types.${k}`)])}
          counts={(r) => r.byType}
          city={city}
        />
      </ScrollBox>
      <ScrollBox label={t('situation.city.byBoardTertial', { year })}>
        <BoardTable
          caption={t('situation.city.byBoardTertial', { year })}
          columns={TERTIALS.map((k) => [k, t(`situation.tertials.${k}`)])}
          counts={(r) => r.byTertial}
          city={city}
        />
      </ScrollBox>
    </>
  );
}

/**
 * Boards (rows) by category (columns, as key and heading), the whole city as the footer;
 * with `withTotal`, a total column at the end.
 */
function BoardTable({
  caption,
  columns,
  counts,
  city,
  withTotal = false,
}: {
  caption: string;
  columns: [key: string, heading: string][];
  counts(row: TCountRow): Record<string, Cell>;
  city: TCityPicture;
  withTotal?: boolean;
}) {
  const { t } = useTranslation();
  const cells = (row: TCountRow) => (
    <>
      {columns.map(([key]) => (
        <td key={key} className="num">
          <Num value={counts(row)[key]} />
        </td>
      ))}
      {withTotal && (
        <td className="num">
          <Num value={row.total} />
        </td>
      )}
    </>
  );
  return (
    <table className="table" aria-describedby="suppression-legend">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('situation.filter.board')}</th>
          {columns.map(([key, heading]) => (
            <th key={key} scope="col" className="num">
              {heading}
            </th>
          ))}
          {withTotal && (
            <th scope="col" className="num">
              {t('situation.total')}
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {city.boards.map((b) => (
          <tr key={b.boardId}>
            <th scope="row">{b.boardName}</th>
            {cells(b)}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('situation.city.wholeCity')}</th>
          {cells(city.totals)}
        </tr>
      </tfoot>
    </table>
  );
}
