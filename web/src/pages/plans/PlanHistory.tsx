import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/mutation';
import { EmptyState } from '../../components/feedback';
import { formatDate, PLAN_READS, type PlanActions, type TPlan, type TReview } from './shared';

export function ReviewTable({ review, caption }: { review: TReview; caption: string }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('plans.review.criterion')}</th>
            <th scope="col">{t('plans.review.result')}</th>
            <th scope="col">{t('plans.review.comment')}</th>
          </tr>
        </thead>
        <tbody>
          {review.items.map((i) => (
            <tr key={i.criterionId}>
              <td>{i.text}</td>
              <td>{i.result ? <span className={`tag ${i.result === 'pass' ? 'tag--ok' : i.result === 'fail' ? 'tag--off' : 'tag--warn'}`}>{t(`plans.review.results.${i.result}`)}</span> : '–'}</td>
              <td>{i.comment}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The plan's moves between states, with the reviews and the versions they left. */
export function Timeline({ plan }: { plan: TPlan }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('plans.timeline.heading')}</h2>
      {plan.timeline.length === 0 ? (
        <EmptyState>{t('plans.timeline.empty')}</EmptyState>
      ) : (
        <ol className="plans-timeline">
          {plan.timeline.map((m) => (
            <li key={m.id}>
              <p>
                <strong>{formatDate(m.at, true)}</strong> – {t('plans.timeline.move', { from: t(`plans.status.${m.from}`), to: t(`plans.status.${m.to}`) })} ·{' '}
                {m.actorName}
              </p>
              {m.decidedOn && <p>{t('plans.decidedOn', { date: m.decidedOn, paragraph: m.paragraph ?? '' })}</p>}
              {m.comment && <p>{t('plans.timeline.comment', { comment: m.comment })}</p>}
              {m.review && (
                <>
                  {m.review.comment && <p>{t('plans.timeline.reviewComment', { comment: m.review.comment })}</p>}
                  <ReviewTable review={m.review} caption={t('plans.timeline.reviewCaption', { name: m.review.reviewerName })} />
                </>
              )}
              {m.versionNumber && (
                <p className="plans-small">
                  <Link to={`/planer/jamfor?from=${plan.id}:${m.versionNumber}&to=${plan.id}`}>{t('plans.timeline.compareVersion', { number: m.versionNumber })}</Link>
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Last and next year's plans, and starting next year's from this one. */
export function NextYear({ plan, failed, ask }: { plan: TPlan } & Pick<PlanActions, 'failed' | 'ask'>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const start = useApiMutation<TPlan>(PLAN_READS);
  if (!plan.canWrite && !plan.nextYearPlanId && !plan.previousPlanId) return null;
  return (
    <section aria-labelledby="revision-heading">
      <h2 id="revision-heading">{t('plans.revision.heading')}</h2>
      <ul>
        {plan.previousPlanId && (
          <li>
            <Link to={`/planer/${plan.previousPlanId}`}>{t('plans.revision.previous', { year: plan.year - 1 })}</Link> ·{' '}
            <Link to={`/planer/jamfor?from=${plan.previousPlanId}&to=${plan.id}`}>{t('plans.revision.comparePrevious')}</Link>
          </li>
        )}
        {plan.nextYearPlanId && (
          <li>
            <Link to={`/planer/${plan.nextYearPlanId}`}>{t('plans.revision.next', { year: plan.year + 1 })}</Link>
          </li>
        )}
      </ul>
      {plan.canWrite && !plan.nextYearPlanId && (
        <>
          <p className="hint">{t('plans.revision.hint')}</p>
          <button
            type="button"
            className="button button--secondary"
            onClick={() =>
              ask({
                title: t('plans.revision.confirm', { year: plan.year + 1 }),
                text: t('plans.revision.confirmText'),
                confirmLabel: t('plans.revision.start', { year: plan.year + 1 }),
                run: async () => {
                  try {
                    const next = await start.mutateAsync({ method: 'POST', path: `/api/plans/${plan.id}/next-year`, body: {} });
                    navigate(`/planer/${next.id}`, { state: { notice: t('plans.revision.started', { year: next.year }) } });
                  } catch (err) {
                    failed(err);
                  }
                },
              })
            }
          >
            {t('plans.revision.start', { year: plan.year + 1 })}
          </button>
        </>
      )}
    </section>
  );
}
