import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/use-query';
import { Loading, LoadError } from '../../components/feedback';
import { PageHeading } from '../../components/PageHeading';
import { CONCERN_TYPES, ENVIRONMENTS, TERTIALS } from '../../../../src/domain/situation/categories';
import type { TCityPicture } from '../../../../src/modules/situation/schema';
import { BoardYearFilter, ChartWithTable, Num, ScrollBox, SuppressionLegend, TrendTable, thisYear } from './components';

/** The city-wide picture: counts per board, environment, type and tertial, suppressed; never any text. */
export function CityPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('ar')) || thisYear();
  const city = useQuery<TCityPicture>(`/api/situation/city?year=${year}&charts=1&lang=${i18n.language}`);
  const chart = (key: string) => city.data?.charts.find((c) => c.key === key);
  const title = t('situation.city.title', { year });

  return (
    <>
      <p>
        <Link to="/lagesbild">{t('situation.back')}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{t('situation.city.lead')}</p>
      <BoardYearFilter idPrefix="city" allowed={[]} year={year} onApply={(v) => setParams({ ar: String(v.year) })} />
      {city.loading && <Loading />}
      {city.error && <LoadError message={city.error.message} />}
      {city.data && (
        <>
          <SuppressionLegend threshold={city.data.threshold} />
          <ChartWithTable chart={chart('boards')}>
            <table className="table" aria-describedby="suppression-legend">
              <caption>{t('situation.city.byBoardEnvironment', { year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('situation.filter.board')}</th>
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
                {city.data.boards.map((b) => (
                  <tr key={b.boardId}>
                    <th scope="row">{b.boardName}</th>
                    {ENVIRONMENTS.map((e) => (
                      <td key={e} className="num">
                        <Num value={b.byEnvironment[e]} />
                      </td>
                    ))}
                    <td className="num">
                      <Num value={b.total} />
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('situation.city.wholeCity')}</th>
                  {ENVIRONMENTS.map((e) => (
                    <td key={e} className="num">
                      <Num value={city.data!.totals.byEnvironment[e]} />
                    </td>
                  ))}
                  <td className="num">
                    <Num value={city.data.totals.total} />
                  </td>
                </tr>
              </tfoot>
            </table>
          </ChartWithTable>
          <ChartWithTable chart={chart('environment')}>
            <table className="table" aria-describedby="suppression-legend">
              <caption>{t('situation.byEnvironmentCaption', { year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('situation.environment')}</th>
                  <th scope="col" className="num">
                    {t('situation.count')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {ENVIRONMENTS.map((e) => (
                  <tr key={e}>
                    <th scope="row">{t(`situation.environments.${e}`)}</th>
                    <td className="num">
                      <Num value={city.data!.totals.byEnvironment[e]} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ChartWithTable>
          <TrendTable trend={city.data.trend} chart={chart('trend')} />
          <ChartWithTable chart={chart('type')}>
            <table className="table" aria-describedby="suppression-legend">
              <caption>{t('situation.byTypeCaption', { year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('situation.type')}</th>
                  <th scope="col" className="num">
                    {t('situation.count')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {CONCERN_TYPES.map((k) => (
                  <tr key={k}>
                    <th scope="row">{t(`situation.types.${k}`)}</th>
                    <td className="num">
                      <Num value={city.data!.totals.byType[k]} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ChartWithTable>
          <ScrollBox label={t('situation.city.byBoardType', { year })}>
            <table className="table" aria-describedby="suppression-legend">
              <caption>{t('situation.city.byBoardType', { year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('situation.filter.board')}</th>
                  {CONCERN_TYPES.map((k) => (
                    <th key={k} scope="col" className="num">
                      {t(`situation.types.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {city.data.boards.map((b) => (
                  <tr key={b.boardId}>
                    <th scope="row">{b.boardName}</th>
                    {CONCERN_TYPES.map((k) => (
                      <td key={k} className="num">
                        <Num value={b.byType[k]} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('situation.city.wholeCity')}</th>
                  {CONCERN_TYPES.map((k) => (
                    <td key={k} className="num">
                      <Num value={city.data!.totals.byType[k]} />
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </ScrollBox>
          <ScrollBox label={t('situation.city.byBoardTertial', { year })}>
            <table className="table" aria-describedby="suppression-legend">
              <caption>{t('situation.city.byBoardTertial', { year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('situation.filter.board')}</th>
                  {TERTIALS.map((k) => (
                    <th key={k} scope="col" className="num">
                      {t(`situation.tertials.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {city.data.boards.map((b) => (
                  <tr key={b.boardId}>
                    <th scope="row">{b.boardName}</th>
                    {TERTIALS.map((k) => (
                      <td key={k} className="num">
                        <Num value={b.byTertial[k]} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('situation.city.wholeCity')}</th>
                  {TERTIALS.map((k) => (
                    <td key={k} className="num">
                      <Num value={city.data!.totals.byTertial[k]} />
                    </td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </ScrollBox>
        </>
      )}
    </>
  );
}
