import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/use-query';
import { EmptyState, Loading, LoadError } from '../../components/feedback';
import { PageHeading } from '../../components/PageHeading';
import { dateOf, PeriodNotice, PeriodPicker, StatusTag, usePeriodLabel, usePeriodParam, type TMyActivities } from './shared';

/** "My activities": what the user answers for, across plans, for one period. */
export function MyActivitiesPage() {
  const { t } = useTranslation();
  const [period, setPeriod] = usePeriodParam();
  const label = usePeriodLabel();
  const q = useQuery<TMyActivities>(`/api/followup/my-activities${period ? `?period=${period}` : ''}`);
  const current = q.data?.period;
  return (
    <>
      <p>
        <Link to="/uppfoljning">{t('followup.back')}</Link>
      </p>
      <PageHeading title={t('followup.mineTitle')}>{t('followup.mineTitle')}</PageHeading>
      <p className="lead">{t('followup.mineLead')}</p>
      {current && <PeriodPicker idPrefix="mine" value={current.period} onChange={setPeriod} />}
      {q.loading && <Loading />}
      {q.error && <LoadError message={q.error.message} />}
      {current && <PeriodNotice period={current} />}
      {q.data && q.data.activities.length === 0 && <EmptyState>{t('followup.mineEmpty', { year: current?.year })}</EmptyState>}
      {q.data && q.data.activities.length > 0 && (
        <ul className="fu-cards">
          {q.data.activities.map((a) => (
            <li key={a.activityId} className="fu-card">
              <h2>{a.title}</h2>
              <dl className="fu-meta">
                <dt>{t('followup.board')}</dt>
                <dd>{a.boardName}</dd>
                <dt>{t('followup.measureArea')}</dt>
                <dd>{t(`followup.areas.${a.measureArea ?? 'unclassified'}`)}</dd>
                <dt>{t('followup.lastReport')}</dt>
                <dd>
                  <StatusTag status={a.followUp?.status ?? null} />{' '}
                  {a.followUp ? t('followup.reportedBy', { name: a.followUp.reportedByName, date: dateOf(a.followUp.reportedAt) }) : t('followup.noReport')}
                </dd>
                {a.previous && (
                  <>
                    <dt>{t('followup.previousReport', { period: a.previous.period })}</dt>
                    <dd>
                      <StatusTag status={a.previous.status} />
                    </dd>
                  </>
                )}
              </dl>
              <Link className={a.canReport ? 'button' : 'button button--secondary'} to={`/uppfoljning/insatser/${a.activityId}?period=${current!.period}`}>
                {a.canReport ? (a.followUp ? t('followup.change') : t('followup.reportFor', { period: label(current!.period) })) : t('followup.view')}
                <span className="visually-hidden">: {a.title}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
