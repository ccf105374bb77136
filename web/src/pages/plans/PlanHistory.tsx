import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/mutation';
import { EmptyState } from '../../components/feedback';
import { reviewTargetAnchor } from '@shared/domain/plans/review';
import { planAnchor } from './CheckPanel';
import { formatDate, PLAN_READS, type PlanActions, type TPlan, type TReview } from './shared';

/** What a review comment is about, as a link to that place on the plan page. */
function TargetLink({ planId, item }: { planId: string; item: TReview['items'][number] }) {
  const { t } = useTranslation();
  const anchor = item.target ? reviewTargetAnchor(item.target) : null;
  if (!item.targetLabel || !anchor) return null;
  return (
    <p className="plans-small">
      <Link to={planAnchor(planId, anchor)}>{t('plans.review.targetShown', { label: item.targetLabel })}</Link>
    </p>
  );
}

export function ReviewTable({ review, caption, planId }: { review: TReview; caption: string; planId: string }) {
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
              <td>
                {i.comment}
                <TargetLink planId={planId} item={i} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The move that carries the plan's latest finished review, if any. */
const latestReviewed = (plan: TPlan) => plan.timeline.findLast((m) => m.review !== null);

/** The latest review at the top of the plan, for the board: who, when, the outcome, the comment and each criterion. */
export function LatestReview({ plan }: { plan: TPlan }) {
  const { t } = useTranslation();
  const move = latestReviewed(plan);
  if (!move?.review) return null;
  const r = move.review;
  return (
    <section aria-labelledby="latest-review-heading" className="plans-latest-review" id="granskning" tabIndex={-1}>
      <h2 id="latest-review-heading">{t('plans.review.latest')}</h2>
      <p>
        <strong>{t('plans.review.latestBy', { name: r.reviewerName, date: formatDate(move.at), outcome: t(`plans.status.${move.to}`) })}</strong>
      </p>
      {(r.comment || move.comment) && <p className="plans-record-text">{r.comment || move.comment}</p>}
      <ReviewTable review={r} caption={t('plans.timeline.reviewCaption', { name: r.reviewerName })} planId={plan.id} />
    </section>
  );
}

/** The plan's moves between states, with the reviews and the versions they left; the latest review is shown once, at the top. */
export function Timeline({ plan }: { plan: TPlan }) {
  const { t } = useTranslation();
  const latest = latestReviewed(plan);
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
              {m.comment && !m.review && <p>{t('plans.timeline.comment', { comment: m.comment })}</p>}
              {m.review && m === latest && (
                <p>
                  <Link to={planAnchor(plan.id, 'granskning')}>{t('plans.review.shownAbove')}</Link>
                </p>
              )}
              {m.review && m !== latest && (
                <details>
                  <summary>{t('plans.review.earlier')}</summary>
                  {(m.review.comment || m.comment) && <p className="plans-record-text">{m.review.comment || m.comment}</p>}
                  <ReviewTable review={m.review} caption={t('plans.timeline.reviewCaption', { name: m.review.reviewerName })} planId={plan.id} />
                </details>
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
