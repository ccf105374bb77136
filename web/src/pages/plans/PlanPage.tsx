import { useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiMutation, type Write } from '../../api/mutation';
import { useApiQuery } from '../../api/use-query';
import { ConfirmDialog, LoadError, Notice } from '../../components/feedback';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { CheckPanel, useFocusFragment } from './CheckPanel';
import { Activities, GapExplanations } from './PlanActivities';
import { Decisions, ReviewCriteria, ReviseDuringYear, RevisionNotice } from './PlanDecisions';
import { LatestReview, NextYear, Timeline } from './PlanHistory';
import { PLAN_READS, SectionBody, StatusTag, useActionOutcome, type PlanActions, type PlanState, type Question, type TPlan } from './shared';

export function PlanPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const plan = useApiQuery<TPlan>(`/api/plans/${id}`);
  if (plan.error?.status === 404) return <LoadError message={t('plans.notFound')} />;
  return <QueryState query={plan}>{(p) => <PlanView plan={p} />}</QueryState>;
}

function PlanView({ plan: p }: { plan: TPlan }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { notice, setNotice, error, done, failed } = useActionOutcome(location.state?.notice ?? '');
  const write = useApiMutation(PLAN_READS);
  // One confirmation dialog for the whole page, so its heading id is unique.
  const [question, setQuestion] = useState<Question | null>(null);
  useFocusFragment(true);
  const title = t('plans.planName', { board: p.boardName, year: p.year });
  const actions: PlanActions = {
    act: async (w: Write, message: string) => {
      try {
        await write.mutateAsync(w);
        done(message);
      } catch (err) {
        failed(err);
      }
    },
    failed,
    ask: setQuestion,
  };

  useEffect(() => {
    setNotice(location.state?.notice ?? '');
  }, [location.state]); // eslint-disable-line react-hooks/exhaustive-deps

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
      <LatestReview plan={p} />
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

      <WorkflowPanel plan={p} {...actions} />
      <ReviewCriteria plan={p} />
      <CheckPanel planId={p.id} />
      <Sections plan={p} />
      <Activities plan={p} {...actions} />
      <GapExplanations key={p.updatedAt} plan={p} onSaved={done} />
      <Decisions plan={p} />
      <Timeline plan={p} />
      <ReviseDuringYear plan={p} />
      <NextYear plan={p} {...actions} />
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

const MOVE_LABEL: Record<PlanState, string> = {
  draft: 'plans.workflow.toDraft',
  board_decided: 'plans.workflow.toBoardDecided',
  submitted: 'plans.workflow.toSubmitted',
  in_review: 'plans.workflow.toInReview',
  approved: 'plans.workflow.toApproved',
  returned: 'plans.workflow.toReturned',
  superseded: 'plans.workflow.toSuperseded',
};

function WorkflowPanel({ plan, act, ask, failed }: { plan: TPlan } & Pick<PlanActions, 'act' | 'ask' | 'failed'>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const take = useApiMutation(PLAN_READS);
  // Review is one step: "Granska" takes a submitted plan up for review and opens the review.
  const moves = plan.allowedTransitions.filter((to) => to !== 'approved' && to !== 'returned' && to !== 'board_decided' && to !== 'in_review');
  const startReview = async () => {
    try {
      await take.mutateAsync({ method: 'POST', path: `/api/plans/${plan.id}/transitions`, body: { to: 'in_review' } });
      navigate(`/planer/${plan.id}/granskning`);
    } catch (err) {
      failed(err);
    }
  };

  const move = (to: PlanState) => act({ method: 'POST', path: `/api/plans/${plan.id}/transitions`, body: { to } }, t('plans.workflow.moved', { status: t(`plans.status.${to}`) }));

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
        {plan.allowedTransitions.includes('in_review') && (
          <button type="button" className="button" disabled={take.isPending} onClick={() => void startReview()}>
            {t('plans.review.open')}
          </button>
        )}
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
    <section aria-labelledby="sections-heading" id="avsnitt" tabIndex={-1}>
      <h2 id="sections-heading">{t('plans.sections.heading')}</h2>
      {plan.sections.map((s) => (
        <section key={s.key} className="plans-section" aria-labelledby={`section-${s.key}`} id={`avsnitt-${s.key}`} tabIndex={-1}>
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
