import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useQuery } from '../../api/use-query';
import { ConfirmDialog, EmptyState, Loading, LoadError, Notice } from '../../components/feedback';
import { ErrorSummary, errorsFrom, type FieldErrors } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { CheckPanel } from './CheckPanel';
import { Decisions, ReviewCriteria, ReviseDuringYear, RevisionNotice } from './PlanDecisions';
import { formatDate, MEASURE_AREAS, SectionBody, StatusTag, TextAreaField, useActionOutcome, type PlanState, type TActivity, type TPlan, type TReview } from './shared';

export function PlanPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const location = useLocation();
  const plan = useQuery<TPlan>(`/api/plans/${id}`);
  const { notice, setNotice, error, done, failed } = useActionOutcome(plan.reload, location.state?.notice ?? '');
  // One confirmation dialog for the whole page, so its heading id is unique.
  const [question, setQuestion] = useState<Question | null>(null);

  useEffect(() => {
    setNotice(location.state?.notice ?? '');
  }, [location.state]);

  if (plan.loading && !plan.data) return <Loading />;
  if (plan.error) return <LoadError message={plan.error.status === 404 ? t('plans.notFound') : plan.error.message} />;
  if (!plan.data) return null;
  const p = plan.data;
  const title = t('plans.planName', { board: p.boardName, year: p.year });

  return (
    <>
      <p>
        <Link to="/planer">{t('plans.back')}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">
        <StatusTag status={p.status} />{' '}
        {p.decidedOn && t('plans.decidedOn', { date: p.decidedOn, paragraph: p.paragraph ?? '' })}{' '}
        {p.approvedOn && t('plans.approvedOn', { date: p.approvedOn, paragraph: p.approvedParagraph ?? '' })}
      </p>
      <RevisionNotice plan={p} />
      {notice && <Notice>{notice}</Notice>}
      {error && (
        <div className="error-summary" role="alert">
          <p>{error}</p>
        </div>
      )}
      <InstructionsNote plan={p} />
      <nav aria-label={t('plans.download.heading')} className="button-row">
        <a className="button button--secondary" href={`/api/plans/${p.id}/export?format=docx`} download>
          {t('plans.download.docx')}
        </a>
        <a className="button button--secondary" href={`/api/plans/${p.id}/export?format=pdf`} download>
          {t('plans.download.pdf')}
        </a>
      </nav>

      <WorkflowPanel plan={p} onDone={done} onError={failed} ask={setQuestion} />
      <ReviewCriteria plan={p} />
      <CheckPanel planId={p.id} />
      <Sections plan={p} />
      <Activities plan={p} onDone={done} onError={failed} ask={setQuestion} />
      <GapExplanations key={p.updatedAt} plan={p} onDone={done} />
      <Decisions plan={p} />
      <Timeline plan={p} />
      <ReviseDuringYear plan={p} />
      <Revision plan={p} onError={failed} ask={setQuestion} />
      <ConfirmDialog
        open={question !== null}
        title={question?.title ?? ''}
        confirmLabel={question?.confirmLabel ?? ''}
        onCancel={() => setQuestion(null)}
        onConfirm={() => {
          const q = question!;
          setQuestion(null);
          void q.run();
        }}
      >
        <p>{question?.text}</p>
      </ConfirmDialog>
    </>
  );
}

function InstructionsNote({ plan }: { plan: TPlan }) {
  const { t } = useTranslation();
  const i = plan.instructions;
  return (
    <p>
      {i.fallback ? t('plans.instructionsFallback', { year: plan.year, used: i.year }) : t('plans.instructionsFor', { year: i.year })}{' '}
      {i.deadline && t('plans.deadline', { date: i.deadline })} <Link to="/planer/anvisningar">{t('plans.instructions.read')}</Link>
    </p>
  );
}

interface Question {
  title: string;
  text: string;
  confirmLabel: string;
  run(): Promise<void>;
}
type Handlers = { onDone(message: string): Promise<void>; onError(err: unknown): void; ask(q: Question): void };

const MOVE_LABEL: Record<PlanState, string> = {
  draft: 'plans.workflow.toDraft',
  board_decided: 'plans.workflow.toBoardDecided',
  submitted: 'plans.workflow.toSubmitted',
  in_review: 'plans.workflow.toInReview',
  approved: 'plans.workflow.toApproved',
  returned: 'plans.workflow.toReturned',
  superseded: 'plans.workflow.toSuperseded',
};

function WorkflowPanel({ plan, onDone, onError, ask }: { plan: TPlan } & Handlers) {
  const { t } = useTranslation();
  const moves = plan.allowedTransitions.filter((to) => to !== 'approved' && to !== 'returned' && to !== 'board_decided');

  async function move(to: PlanState) {
    try {
      await api('POST', `/api/plans/${plan.id}/transitions`, { to });
      await onDone(t('plans.workflow.moved', { status: t(`plans.status.${to}`) }));
    } catch (err) {
      onError(err);
    }
  }

  return (
    <section aria-labelledby="workflow-heading" className="panel">
      <h2 id="workflow-heading">{t('plans.workflow.heading')}</h2>
      <p>{t(`plans.workflow.explain.${plan.status}`)}</p>
      {plan.allowedTransitions.length === 0 && !plan.canReview && <p className="hint">{t('plans.workflow.nothing')}</p>}
      <div className="button-row">
        {plan.canRecordDecision && (
          <Link className="button" to={`/planer/${plan.id}/beslut`}>
            {t('plans.decisions.record')}
          </Link>
        )}
        {moves.map((to) => (
          <button
            key={to}
            type="button"
            className={`button${to === 'draft' ? ' button--secondary' : ''}`}
            onClick={() =>
              ask({ title: t(`plans.workflow.confirm.${to}`), text: t(`plans.workflow.confirmText.${to}`), confirmLabel: t(MOVE_LABEL[to]), run: () => move(to) })
            }
          >
            {t(MOVE_LABEL[to])}
          </button>
        ))}
        {plan.canReview && (
          <Link className="button" to={`/planer/${plan.id}/granskning`}>
            {t('plans.review.open')}
          </Link>
        )}
      </div>
    </section>
  );
}

function Sections({ plan }: { plan: TPlan }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="sections-heading">
      <h2 id="sections-heading">{t('plans.sections.heading')}</h2>
      {plan.sections.map((s) => (
        <section key={s.key} className="plans-section" aria-labelledby={`section-${s.key}`}>
          <h3 id={`section-${s.key}`}>{s.title}</h3>
          {s.datedOn && s.key === 'lagesbild' && <p className="plans-small">{t('plans.sections.datedOn', { date: s.datedOn })}</p>}
          {s.bodyHtml ? <SectionBody html={s.bodyHtml} /> : <p className="plans-empty-text">{t('plans.sections.empty')}</p>}
          {plan.canEdit && (
            <p>
              <Link to={`/planer/${plan.id}/avsnitt/${s.key}`}>{t('plans.sections.edit', { title: s.title })}</Link>
            </p>
          )}
        </section>
      ))}
    </section>
  );
}

function ActivityCell({ a }: { a: TActivity }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="plans-activity-title">{a.title}</span>
      {a.description && <p className="plans-small">{a.description}</p>}
      {a.perspective && <p className="plans-small">{t('plans.activity.perspectiveValue', { value: a.perspective })}</p>}
      {a.carriedOverFromActivityId && (
        <p className="plans-small">
          {t('plans.activity.previousStatus')}: {a.previousYearFinalStatus ? t(`plans.finalStatus.${a.previousYearFinalStatus}`) : t('plans.activity.previousMissing')}
        </p>
      )}
      {a.indicators.length > 0 && (
        <ul className="plans-small">
          {a.indicators.map((i, n) => (
            <li key={n}>
              {t(`plans.indicatorKinds.${i.kind}`)}: {i.name}
              {(i.baseline || i.target) && ` (${t('plans.activity.baselineTarget', { baseline: i.baseline || '–', target: i.target || '–' })})`}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Activities({ plan, onDone, onError, ask }: { plan: TPlan } & Handlers) {
  const { t } = useTranslation();
  const remove = (a: TActivity) =>
    ask({
      title: t('plans.activity.confirmRemove', { title: a.title }),
      text: t('plans.activity.confirmRemoveText'),
      confirmLabel: t('plans.activity.remove'),
      run: async () => {
        try {
          await api('DELETE', `/api/plans/${plan.id}/activities/${a.id}`);
          await onDone(t('plans.activity.removed', { title: a.title }));
        } catch (err) {
          onError(err);
        }
      },
    });
  async function restore(a: { id: string; title: string }) {
    try {
      await api('POST', `/api/plans/${plan.id}/activities/${a.id}/restore`, {});
      await onDone(t('plans.activity.restored', { title: a.title }));
    } catch (err) {
      onError(err);
    }
  }
  const groups = [...MEASURE_AREAS, null].map((area) => ({ area, items: plan.activities.filter((a) => a.measureArea === area) })).filter((g) => g.items.length);

  async function move(a: TActivity, group: TActivity[], dir: -1 | 1) {
    const i = group.indexOf(a);
    const other = group[i + dir];
    if (!other) return;
    const order = plan.activities.map((x) => x.id);
    const ia = order.indexOf(a.id);
    const io = order.indexOf(other.id);
    [order[ia], order[io]] = [order[io], order[ia]];
    try {
      await api('PUT', `/api/plans/${plan.id}/activity-order`, { activityIds: order });
      await onDone(t('plans.activity.moved', { title: a.title }));
    } catch (err) {
      onError(err);
    }
  }

  return (
    <section aria-labelledby="activities-heading">
      <h2 id="activities-heading">{t('plans.activities.heading')}</h2>
      {plan.canEdit && (
        <p>
          <Link className="button" to={`/planer/${plan.id}/insatser/ny`}>
            {t('plans.activities.add')}
          </Link>{' '}
          <Link className="button button--secondary" to={`/planer/${plan.id}/importera`}>
            {t('plans.activities.import')}
          </Link>
        </p>
      )}
      {plan.activities.length === 0 && <EmptyState>{t('plans.activities.empty')}</EmptyState>}
      {groups.map((g) => (
        <div className="table-wrap" key={g.area ?? 'none'}>
          <table className="table">
            <caption>
              {g.area ? t(`plans.measureAreas.${g.area}`) : t('plans.measureAreas.none')} ({g.items.length})
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.activity.title')}</th>
                <th scope="col">{t('plans.activity.responsible')}</th>
                <th scope="col">{t('plans.activity.partners')}</th>
                <th scope="col">{t('plans.activity.timeline')}</th>
                <th scope="col">{t('plans.activity.followUp')}</th>
                {plan.canEdit && <th scope="col">{t('plans.activity.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {g.items.map((a, i) => (
                <tr key={a.id}>
                  <td>
                    <ActivityCell a={a} />
                  </td>
                  <td>{a.responsible}</td>
                  <td>{a.partners}</td>
                  <td>
                    {a.timeline}
                    {(a.startDate || a.endDate) && <p className="plans-small">{`${a.startDate ?? ''} – ${a.endDate ?? ''}`}</p>}
                  </td>
                  <td>{a.followUp}</td>
                  {plan.canEdit && (
                    <td>
                      <div className="plans-actions">
                        <Link className="button button--secondary button--small" to={`/planer/${plan.id}/insatser/${a.id}`} aria-label={t('plans.activity.editNamed', { title: a.title })}>
                          {t('plans.activity.edit')}
                        </Link>
                        {i > 0 && (
                          <button type="button" className="button button--secondary button--small" aria-label={t('plans.activity.upNamed', { title: a.title })} onClick={() => void move(a, g.items, -1)}>
                            {t('plans.activity.up')}
                          </button>
                        )}
                        {i < g.items.length - 1 && (
                          <button type="button" className="button button--secondary button--small" aria-label={t('plans.activity.downNamed', { title: a.title })} onClick={() => void move(a, g.items, 1)}>
                            {t('plans.activity.down')}
                          </button>
                        )}
                        <button type="button" className="button button--warning button--small" aria-label={t('plans.activity.removeNamed', { title: a.title })} onClick={() => remove(a)}>
                          {t('plans.activity.remove')}
                        </button>
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      {plan.removedActivities.length > 0 && (
        <details>
          <summary>{t('plans.activities.removed', { count: plan.removedActivities.length })}</summary>
          <ul>
            {plan.removedActivities.map((a) => (
              <li key={a.id}>
                {a.title} – {t('plans.activities.removedOn', { date: formatDate(a.deletedAt) })}{' '}
                {plan.canEdit && (
                  <button type="button" className="button button--secondary button--small" aria-label={t('plans.activity.restoreNamed', { title: a.title })} onClick={() => void restore(a)}>
                    {t('plans.activity.restore')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function GapExplanations({ plan, onDone }: { plan: TPlan } & Pick<Handlers, 'onDone'>) {
  const { t } = useTranslation();
  const missing = MEASURE_AREAS.filter((a) => !plan.activities.some((x) => x.measureArea === a));
  const [gaps, setGaps] = useState<Record<string, string>>(plan.measureAreaGaps as Record<string, string>);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const explained = Object.entries(plan.measureAreaGaps).filter(([, v]) => v);
  if (missing.length === 0 && explained.length === 0) return null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    try {
      await api('PATCH', `/api/plans/${plan.id}`, { measureAreaGaps: Object.fromEntries(MEASURE_AREAS.map((a) => [a, gaps[a]?.trim() || null])) });
      await onDone(t('plans.gaps.saved'));
    } catch (err) {
      setErrors(errorsFrom(err, MEASURE_AREAS.map((a) => `measureAreaGaps.${a}`), `measureAreaGaps.${missing[0] ?? 'general'}`, t('common.networkError')));
    } finally {
      setSaving(false);
    }
  }

  return (
    <section aria-labelledby="gaps-heading">
      <h2 id="gaps-heading">{t('plans.gaps.heading')}</h2>
      <p className="hint">{t('plans.gaps.hint')}</p>
      {!plan.canEdit ? (
        <dl className="summary-list">
          {explained.map(([area, text]) => (
            <div key={area}>
              <dt>{t(`plans.measureAreas.${area}`)}</dt>
              <dd>{text}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <form onSubmit={submit} noValidate>
          <ErrorSummary errors={errors} idPrefix="gaps" />
          <fieldset disabled={saving} className="plain-fieldset">
            {MEASURE_AREAS.filter((a) => missing.includes(a) || gaps[a]).map((a) => (
              <TextAreaField
                key={a}
                id={`gaps-measureAreaGaps.${a}`}
                label={t('plans.gaps.label', { area: t(`plans.measureAreas.${a}`) })}
                value={gaps[a] ?? ''}
                error={errors[`measureAreaGaps.${a}`]}
                onChange={(e) => setGaps({ ...gaps, [a]: e.target.value })}
              />
            ))}
            <button type="submit" className="button button--secondary">
              {t('plans.gaps.save')}
            </button>
          </fieldset>
        </form>
      )}
    </section>
  );
}

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

function Timeline({ plan }: { plan: TPlan }) {
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

function Revision({ plan, onError, ask }: { plan: TPlan } & Pick<Handlers, 'onError' | 'ask'>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
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
                    const next = await api<TPlan>('POST', `/api/plans/${plan.id}/next-year`, {});
                    navigate(`/planer/${next.id}`, { state: { notice: t('plans.revision.started', { year: next.year }) } });
                  } catch (err) {
                    onError(err);
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
