import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TSurveySummary } from '@shared/modules/situation/schema';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { EmptyState } from '../../components/feedback';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { StatusTag } from '../../components/StatusTag';
import { BoardYearFilter, Num, ScrollBox, useBoardChoice } from './components';

export function SurveysPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const choice = useBoardChoice('surveys.list');
  const { board } = choice;
  const surveys = useApiQuery<TSurveySummary[]>(board ? `/api/surveys?boardId=${board.id}` : null);
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
      <QueryState query={surveys}>{(list) => (list.length === 0 ? <EmptyState>{t('situation.surveys.empty')}</EmptyState> : <SurveyTable surveys={list} boardName={board?.name} />)}</QueryState>
    </>
  );
}

function SurveyTable({ surveys, boardName }: { surveys: TSurveySummary[]; boardName?: string }) {
  const { t } = useTranslation();
  return (
    <ScrollBox label={t('situation.surveys.title')}>
      <table className="table">
        <caption>{t('situation.surveys.caption', { board: boardName })}</caption>
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
          {surveys.map((s) => (
            <tr key={s.id}>
              <td>
                <Link to={`/lagesbild/enkater/${s.id}`}>{s.title}</Link>
              </td>
              <td>{s.year}</td>
              <td>
                <StatusTag tone={s.status === 'sent' ? 'ok' : s.status === 'draft' ? 'warn' : 'neutral'}>{t(`situation.surveys.statuses.${s.status}`)}</StatusTag>
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
  );
}
