import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { EmptyState, Loading, LoadError } from '../../components/feedback';
import { PageHeading } from '../../components/PageHeading';
import type { TSurveySummary } from '../../../../src/modules/situation/schema';
import { BoardYearFilter, Num, ScrollBox, useBoardChoice } from './components';

export function SurveysPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const choice = useBoardChoice('surveys.list');
  const { board } = choice;
  const surveys = useQuery<TSurveySummary[]>(board ? `/api/surveys?boardId=${board.id}` : null);
  const canCreate = !!board && can('surveys.create', board.id);

  return (
    <>
      <p>
        <Link to="/lagesbild">{t('situation.back')}</Link>
      </p>
      <PageHeading title={t('situation.surveys.title')}>{t('situation.surveys.title')}</PageHeading>
      <p className="lead">{t('situation.surveys.lead')}</p>
      {choice.allowed.length > 1 && <BoardYearFilter idPrefix="surveys" allowed={choice.allowed} board={board} year={choice.year} withYear={false} onApply={choice.choose} />}
      {canCreate && (
        <p>
          <Link className="button" to={`/lagesbild/enkater/ny?namnd=${board!.id}`}>
            {t('situation.surveys.create')}
          </Link>
        </p>
      )}
      {surveys.loading && <Loading />}
      {surveys.error && <LoadError message={surveys.error.message} />}
      {surveys.data?.length === 0 && <EmptyState>{t('situation.surveys.empty')}</EmptyState>}
      {surveys.data && surveys.data.length > 0 && (
        <ScrollBox label={t('situation.surveys.title')}>
          <table className="table">
            <caption>{t('situation.surveys.caption', { board: board?.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('situation.surveys.name')}</th>
                <th scope="col">{t('situation.year')}</th>
                <th scope="col">{t('situation.surveys.status')}</th>
                <th scope="col" className="num">
                  {t('situation.surveys.sent')}
                </th>
                <th scope="col" className="num">
                  {t('situation.surveys.answered')}
                </th>
                <th scope="col" className="num">
                  {t('situation.surveys.rate')}
                </th>
              </tr>
            </thead>
            <tbody>
              {surveys.data.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link to={`/lagesbild/enkater/${s.id}`}>{s.title}</Link>
                  </td>
                  <td>{s.year}</td>
                  <td>
                    <span className={`tag ${s.status === 'sent' ? 'tag--ok' : s.status === 'draft' ? 'tag--warn' : ''}`}>{t(`situation.surveys.statuses.${s.status}`)}</span>
                  </td>
                  <td className="num">{s.sent}</td>
                  <td className="num">
                    <Num value={s.answered} />
                  </td>
                  <td className="num">{s.responseRate === null ? '–' : `${s.responseRate} %`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </>
  );
}
