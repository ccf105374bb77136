import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/use-query';
import { EmptyState } from '../../components/feedback';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { dateOf, DeadlineLine, OverdueTag, PeriodNotice, PeriodPicker, StatusTag, useLongDate, usePeriodLabel, usePeriodParam, type TFollowUpActivity, type TMyActivities, type TPeriodInfo } from './shared';

/**
 * "My activities": what the user answers for, across plans, for one period. Without a period in
 * the address the server opens the one due next; periods whose deadline passed with reports
 * missing are flagged above it, with a link to each.
 */
export function MyActivitiesPage() {
  const { t } = useTranslation();
  const [period, setPeriod] = usePeriodParam();
  const label = usePeriodLabel();
  const q = useApiQuery<TMyActivities>(`/api/followup/my-activities${period ? `?period=${period}` : ''}`);
  return (
    <>
      <p>
        <Link to="/uppfoljning">{t('followup.back')}</Link>
      </p>
      <PageHeading title={t('followup.mineTitle')}>{t('followup.mineTitle')}</PageHeading>
      <p className="lead">{t('followup.mineLead')}</p>
      <QueryState query={q}>
        {({ period: current, activities, missed }) => (
          <>
            <Missed missed={missed} />
            <PeriodPicker idPrefix="mine" value={current.period} onChange={setPeriod} />
            <h2>{label(current.period)}</h2>
            <DeadlineLine period={current} />
            <PeriodNotice period={current} />
            {activities.length === 0 ? (
              <EmptyState>{t('followup.mineEmpty', { year: current.year })}</EmptyState>
            ) : (
              <ul className="fu-cards">
                {activities.map((a) => (
                  <ActivityCard key={a.activityId} activity={a} current={current} />
                ))}
              </ul>
            )}
          </>
        )}
      </QueryState>
    </>
  );
}

/** The periods whose deadline has passed with the user's reports missing: a warning with a link to each. */
function Missed({ missed }: { missed: TMyActivities['missed'] }) {
  const { t } = useTranslation();
  const label = usePeriodLabel();
  const long = useLongDate();
  if (missed.length === 0) return null;
  return (
    <section className="fu-missed" aria-labelledby="mine-missed">
      <h2 id="mine-missed">{t('followup.missedHeading')}</h2>
      <ul>
        {missed.map((m) => (
          <li key={m.period}>
            {t('followup.missedItem', { period: label(m.period), count: m.missing, date: long(m.deadline) })}{' '}
            <Link to={`/uppfoljning/mina?period=${m.period}`}>{t('followup.missedLink', { period: label(m.period) })}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ActivityCard({ activity: a, current }: { activity: TFollowUpActivity; current: TPeriodInfo }) {
  const { t } = useTranslation();
  const label = usePeriodLabel();
  return (
    <li className="fu-card">
      <h3>{a.title}</h3>
      <dl className="fu-meta">
        <dt>{t('followup.board')}</dt>
        <dd>{a.boardName}</dd>
        <dt>{t('followup.measureArea')}</dt>
        <dd>{t(`followup.areas.${a.measureArea ?? 'unclassified'}`)}</dd>
        <dt>{t('followup.lastReport')}</dt>
        <dd>
          <StatusTag status={a.followUp?.status ?? null} /> {a.overdue && <OverdueTag />}{' '}
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
      <Link className={a.canReport ? 'button' : 'button button--secondary'} to={`/uppfoljning/insatser/${a.activityId}?period=${current.period}`}>
        {a.canReport ? (a.followUp ? t('followup.change') : t('followup.reportFor', { period: label(current.period) })) : t('followup.view')}
        <span className="visually-hidden">: {a.title}</span>
      </Link>
    </li>
  );
}
