import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TBoardCounts } from '@shared/modules/situation/schema';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { EmptyState } from '../../components/feedback';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { BoardYearFilter, CountTables, SuppressionLegend, TrendTable, useBoardChoice } from './components';

/** "Lägesbild": a board's counts for a year, and the way to reports, surveys, notes and pictures. */
export function SituationPage() {
  const { t, i18n } = useTranslation();
  const { can, canEverywhere } = useSession();
  // A city-wide reader starts from the whole city, not from the first board's (often the city board's) zeros.
  const cityWide = canEverywhere('situation.city');
  const choice = useBoardChoice('situation.read', { firstByDefault: !cityWide });
  const { board, year } = choice;
  const counts = useApiQuery<TBoardCounts>(board ? `/api/situation/boards/${board.id}?year=${year}&charts=1&lang=${i18n.language}` : null);
  const coordinator = can('concerns.list');
  const q = board ? `?namnd=${board.id}&ar=${year}` : '';

  return (
    <>
      <PageHeading title={t('situation.title')}>{t('situation.title')}</PageHeading>
      <p className="lead">{t('situation.lead')}</p>
      <nav aria-labelledby="situation-links">
        <h2 id="situation-links" className="visually-hidden">
          {t('situation.linksHeading')}
        </h2>
        <ul className="card-list">
          {coordinator && (
            <li className="card">
              <Link to={`/lagesbild/rapporter${board ? `?namnd=${board.id}` : ''}`}>{t('situation.links.concerns')}</Link>
              <p className="hint">{t('situation.links.concernsHint')}</p>
            </li>
          )}
          {can('surveys.list') && (
            <>
              <li className="card">
                <Link to={`/lagesbild/enkater${board ? `?namnd=${board.id}` : ''}`}>{t('situation.links.surveys')}</Link>
                <p className="hint">{t('situation.links.surveysHint')}</p>
              </li>
              <li className="card">
                <Link to={`/lagesbild/anteckningar${q}`}>{t('situation.links.notes')}</Link>
                <p className="hint">{t('situation.links.notesHint')}</p>
              </li>
            </>
          )}
          <li className="card">
            <Link to={`/lagesbild/arsbild${q}`}>{t('situation.links.picture')}</Link>
            <p className="hint">{t('situation.links.pictureHint')}</p>
          </li>
          {cityWide && (
            <li className="card">
              <Link to={`/lagesbild/staden?ar=${year}`}>{t('situation.links.city')}</Link>
              <p className="hint">{t('situation.links.cityHint')}</p>
            </li>
          )}
        </ul>
      </nav>

      <section aria-labelledby="counts-heading">
        <h2 id="counts-heading">{board ? t('situation.countsHeading', { board: board.name, year }) : t('situation.countsHeadingNoBoard')}</h2>
        <QueryState query={choice.boards}>
          {() =>
            choice.allowed.length === 0 ? (
              <EmptyState>{t('situation.noBoards')}</EmptyState>
            ) : (
              <BoardYearFilter idPrefix="situation" allowed={choice.allowed} board={board} year={year} onApply={choice.choose} />
            )
          }
        </QueryState>
        {!board && cityWide && (
          <p>
            {t('situation.chooseBoardOrCity')} <Link to={`/lagesbild/staden?ar=${year}`}>{t('situation.links.city')}</Link>
          </p>
        )}
        <QueryState query={counts}>
          {(c) => (
            <>
              <p>{c.suppressed ? t('situation.suppressedNote', { threshold: c.threshold }) : t('situation.exactNote')}</p>
              <SuppressionLegend threshold={c.threshold} />
              {c.total === 0 && <EmptyState>{t('situation.noReports', { year })}</EmptyState>}
              <CountTables counts={c} charts={c.charts} year={year} idPrefix="board" />
              <TrendTable trend={c.trend} chart={c.charts.find((x) => x.key === 'trend')} />
            </>
          )}
        </QueryState>
      </section>
    </>
  );
}
