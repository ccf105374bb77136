import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ZCreateRevisionRequest, type TCompareResult, type TDecision, type TPlan } from '@shared/modules/plans/schema';
import { useApiMutation } from '../../api/mutation';
import { useApiQuery } from '../../api/use-query';
import { QueryState } from '../../components/QueryState';
import { useApiForm } from '../../components/api-form';
import { EmptyState } from '../../components/feedback';
import { ErrorSummary, TextAreaField } from '../../components/form';
import { formatDate } from './shared';

/** Where a revision stands: this plan revises the one in force, or has been replaced by its revision. */
export function RevisionNotice({ plan }: { plan: TPlan }) {
  const { t } = useTranslation();
  if (plan.status === 'superseded') {
    return (
      <div className="plans-note" role="note">
        <p>{t('plans.revise.superseded')}</p>
        {plan.supersededById && <Link to={`/planer/${plan.supersededById}`}>{t('plans.revise.openSuccessor')}</Link>}
      </div>
    );
  }
  if (!plan.revisionOf) return null;
  return (
    <div className="plans-note" role="note">
      <p>{t('plans.revise.isRevision', { reason: plan.revisionReason ?? '' })}</p>
      {plan.status !== 'approved' && <p>{t('plans.revise.inForce')}</p>}
      <p>
        <Link to={`/planer/${plan.revisionOf}`}>{t('plans.revise.original')}</Link> ·{' '}
        <Link to={`/planer/jamfor?from=${plan.revisionOf}&to=${plan.id}`}>{t('plans.revise.compare')}</Link>
      </p>
    </div>
  );
}

/** The year's review criteria, shown to the board while it drafts, so it can check itself before deciding. */
export function ReviewCriteria({ plan }: { plan: TPlan }) {
  const { t } = useTranslation();
  const criteria = plan.instructions.reviewCriteria;
  if (!plan.canEdit || criteria.length === 0) return null;
  return (
    <section aria-labelledby="criteria-heading">
      <h2 id="criteria-heading">{t('plans.review.criteriaHeading')}</h2>
      <p className="hint">{t('plans.review.criteriaHint')}</p>
      <ol>
        {criteria.map((c) => (
          <li key={c.id}>{c.text}</li>
        ))}
      </ol>
    </section>
  );
}

function DecisionRecord({ d }: { d: TDecision }) {
  const { t } = useTranslation();
  return (
    <li>
      <h3>
        {t('plans.decisions.meeting', { date: formatDate(d.meetingOn), paragraph: d.paragraph })} – {t(`plans.decisions.outcomeShort.${d.outcome}`)}
      </h3>
      {d.caseNumber && <p>{t('plans.decisions.caseNumberShown', { number: d.caseNumber })}</p>}
      {d.proposals.length > 0 && (
        <>
          <h4>{t('plans.decisions.proposals')}</h4>
          <ul>
            {d.proposals.map((p, i) => (
              <li key={i}>
                <p>
                  <strong>{t('plans.decisions.by', { by: p.by, result: t(`plans.decisions.proposalResults.${p.result}`) })}</strong>
                </p>
                <p className="plans-record-text">{p.text}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      {d.reservations.length > 0 && (
        <>
          <h4>{t('plans.decisions.reservations')}</h4>
          {d.reservations.map((r, i) => (
            <details key={i}>
              <summary>
                {t(`plans.decisions.reservationKinds.${r.kind}`)}: {r.party}
              </summary>
              <p className="plans-record-text">{r.text}</p>
            </details>
          ))}
        </>
      )}
      {d.attachments.length > 0 && (
        <p>
          {t('plans.decisions.files')}:{' '}
          {d.attachments.map((a, i) => (
            <span key={a.id}>
              {i > 0 && ', '}
              <a href={`/api/attachments/${a.id}`}>{a.name}</a>
            </span>
          ))}
        </p>
      )}
      <p className="plans-small">{t('plans.decisions.recordedBy', { name: d.recordedByName })}</p>
    </li>
  );
}

/** The board's handling of the plan, meeting by meeting: readable by everyone who reads the plan, the board's members too. */
export function Decisions({ plan }: { plan: TPlan }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">{t('plans.decisions.heading')}</h2>
      {plan.decisions.length === 0 ? (
        <EmptyState>{t('plans.decisions.empty')}</EmptyState>
      ) : (
        <ol className="plans-timeline">
          {plan.decisions.map((d) => (
            <DecisionRecord key={d.id} d={d} />
          ))}
        </ol>
      )}
    </section>
  );
}

/** Revising an approved plan during the year: a reason, then a new draft; the approved plan stays in force. */
export function ReviseDuringYear({ plan }: { plan: TPlan }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const start = useApiMutation<TPlan>(['/api/plans']);
  const f = useApiForm(ZCreateRevisionRequest, { idPrefix: 'revise', defaultValues: { reason: '' } });
  if (!plan.canRevise && !plan.openRevisionId) return null;
  const submit = f.onSubmit(async (body) => {
    const revision = await start.mutateAsync({ method: 'POST', path: `/api/plans/${plan.id}/revisions`, body });
    navigate(`/planer/${revision.id}`, { state: { notice: t('plans.revise.started') } });
  });
  return (
    <section aria-labelledby="revise-heading">
      <h2 id="revise-heading">{t('plans.revise.heading')}</h2>
      {plan.openRevisionId ? (
        <p>
          <Link to={`/planer/${plan.openRevisionId}`}>{t('plans.revise.open')}</Link>
        </p>
      ) : (
        <>
          <p className="hint">{t('plans.revise.hint')}</p>
          <ErrorSummary errors={f.errors} idPrefix="revise" focusKey={f.submits} />
          <form onSubmit={submit} noValidate aria-labelledby="revise-heading">
            <fieldset disabled={f.saving} className="plain-fieldset">
              <TextAreaField label={t('plans.revise.reason')} rows={3} {...f.field('reason')} />
              <button type="submit" className="button button--secondary">
                {t('plans.revise.start')}
              </button>
            </fieldset>
          </form>
        </>
      )}
    </section>
  );
}

/** For the reviewer of a revision: what changed against the approved plan, with a link to the full comparison. */
export function RevisionDiff({ from, to }: { from: string; to: string }) {
  const { t } = useTranslation();
  const diff = useApiQuery<TCompareResult>(`/api/plans/compare?from=${from}&to=${to}`);
  return (
    <section aria-labelledby="revision-diff-heading">
      <h2 id="revision-diff-heading">{t('plans.revise.diffHeading')}</h2>
      <QueryState query={diff}>
        {(d) => (
          <>
            <p>
              {t('plans.revise.diffSummary', {
                added: d.added.length,
                changed: d.changed.length,
                removed: d.removed.length,
                sections: d.sections.changed.length + d.sections.added.length + d.sections.removed.length,
              })}
            </p>
            <ul>
              {d.added.map((a) => (
                <li key={`a-${a.id}`}>{t('plans.revise.added', { title: a.title })}</li>
              ))}
              {d.changed.map((c) => (
                <li key={`c-${c.after.id}`}>{t('plans.revise.changed', { title: c.after.title })}</li>
              ))}
              {d.removed.map((r) => (
                <li key={`r-${r.id}`}>{t('plans.revise.removed', { title: r.title })}</li>
              ))}
              {d.sections.changed.map((s) => (
                <li key={`s-${s.key}`}>{t('plans.revise.sectionChanged', { title: s.title })}</li>
              ))}
            </ul>
            <p>
              <Link to={`/planer/jamfor?from=${from}&to=${to}`}>{t('plans.revise.compare')}</Link>
            </p>
          </>
        )}
      </QueryState>
    </section>
  );
}
