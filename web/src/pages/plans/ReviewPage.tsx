import { useState } from 'react';
import { useController, type Control } from 'react-hook-form';
import type { z } from 'zod';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { REVIEW_RESULTS, ZReviewRequest, ZTransitionRequest } from '@shared/modules/plans/schema';
import { useApiMutation } from '../../api/mutation';
import { useApiQuery } from '../../api/use-query';
import { useApiForm } from '../../components/api-form';
import { ConfirmDialog, LoadError, Notice } from '../../components/feedback';
import { ErrorSummary, SelectField, TextField } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { CheckPanel, OpenItems } from './CheckPanel';
import { RevisionDiff } from './PlanDecisions';
import { ReviewPlanText, TargetOptions } from './ReviewPlanText';
import { PLAN_READS, RadioGroup, TextAreaField, type TPlan } from './shared';

type Result = (typeof REVIEW_RESULTS)[number] | '';

/** The review as the form holds it: the review request, and the city board's approval (its own date and paragraph, recorded when given). */
const ZReviewForm = ZReviewRequest.extend({ approvedOn: ZTransitionRequest.shape.decidedOn, approvedParagraph: ZTransitionRequest.shape.paragraph });

/**
 * The central coordinator's review: the plan's text beside the instructions' checklist (two
 * columns on wide screens), comments that may point at a section or activity, then return or
 * approve — checked before the confirmation is asked for.
 */
export function ReviewPage() {
  const { id } = useParams();
  const plan = useApiQuery<TPlan>(`/api/plans/${id}`);
  return <QueryState query={plan}>{(p) => <ReviewForm plan={p} />}</QueryState>;
}

/** One criterion's result as radio buttons; "not assessed" is null. */
function ResultField({
  control,
  name,
  id,
  legend,
  options,
}: {
  control: Control<z.input<typeof ZReviewForm>>;
  name: `items.${number}.result`;
  id: string;
  legend: string;
  options: { value: Result; label: string }[];
}) {
  const { field } = useController({ control, name });
  return <RadioGroup id={id} legend={legend} value={(field.value ?? '') as Result} onChange={(v) => field.onChange(v || null)} options={options} />;
}

function ReviewForm({ plan: p }: { plan: TPlan }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [notice, setNotice] = useState('');
  const [confirm, setConfirm] = useState<'returned' | 'approved' | null>(null);
  const write = useApiMutation(PLAN_READS);
  const name = t('plans.planName', { board: p.boardName, year: p.year });
  const title = t('plans.review.heading', { name });
  const criteria = p.instructions.reviewCriteria;
  const given = new Map((p.review?.items ?? []).map((i) => [i.criterionId, i]));
  const f = useApiForm(ZReviewForm, {
    idPrefix: 'review',
    fallback: 'comment',
    defaultValues: {
      items: criteria.map((c) => ({ criterionId: c.id, result: given.get(c.id)?.result ?? null, comment: given.get(c.id)?.comment ?? '', target: given.get(c.id)?.target ?? '' })),
      comment: p.review?.comment ?? '',
      approvedOn: '',
      approvedParagraph: '',
    },
  });
  const options = [...REVIEW_RESULTS.map((r) => ({ value: r as Result, label: t(`plans.review.results.${r}`) })), { value: '' as Result, label: t('plans.review.notAssessed') }];

  const saveReview = (values: { items: { criterionId: string; result: Result | null; comment?: string | null; target?: string | null }[]; comment?: string | null }) =>
    write.mutateAsync({
      method: 'PUT',
      path: `/api/plans/${p.id}/review`,
      body: {
        items: values.items.map((i) => ({ criterionId: i.criterionId, result: i.result || null, comment: i.comment || null, target: i.target || null })),
        comment: values.comment || null,
      },
    });

  const save = f.onSubmit(async (values) => {
    await saveReview(values);
    setNotice(t('plans.review.saved'));
  });

  // The form is checked before the confirmation is asked for, so a missing comment shows at once.
  const ask = (to: 'returned' | 'approved') =>
    f.onSubmit(async (values) => {
      setNotice('');
      // Sending a plan back needs a reason: a comment or an assessed criterion.
      if (to === 'returned' && !values.comment && !values.items.some((i) => i.result)) {
        f.form.setError('comment', { type: 'manual', message: t('plans.review.commentMissing') });
        return;
      }
      setConfirm(to);
    })();

  const decide = (to: 'returned' | 'approved') =>
    f.onSubmit(async (values) => {
      await saveReview(values);
      const approval = to === 'approved' ? { decidedOn: values.approvedOn || null, paragraph: values.approvedParagraph || null } : {};
      await write.mutateAsync({ method: 'POST', path: `/api/plans/${p.id}/transitions`, body: { to, comment: values.comment || null, ...approval } });
      navigate(`/planer/${p.id}`, { state: { notice: t(to === 'returned' ? 'plans.review.returned' : 'plans.review.approved') } });
    })();

  return (
    <>
      <p>
        <Link to={`/planer/${p.id}`}>{t('plans.backToPlan', { name })}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      {!p.canReview && <LoadError message={t('plans.review.notInReview')} />}
      {notice && <Notice>{notice}</Notice>}
      <ErrorSummary errors={f.errors} idPrefix="review" focusKey={f.submits} />
      {p.revisionOf && <RevisionDiff from={p.revisionOf} to={p.id} />}
      <div className="plans-review-layout">
        <ReviewPlanText plan={p} />
        <div>
          <CheckPanel planId={p.id} />
          <form onSubmit={save} noValidate aria-labelledby="criteria-heading">
            <h2 id="criteria-heading">{t('plans.review.criteria')}</h2>
            <fieldset disabled={f.saving || !p.canReview} className="plain-fieldset">
              <div id="review-items" tabIndex={-1}>
                {criteria.map((c, n) => (
                  <div key={c.id} className="plans-section">
                    <ResultField control={f.form.control} name={`items.${n}.result`} id={`review-${c.id}`} legend={`${n + 1}. ${c.text}`} options={options} />
                    <TextAreaField
                      id={`review-${c.id}-comment`}
                      label={t('plans.review.criterionComment', { n: n + 1 })}
                      rows={2}
                      error={f.form.formState.errors.items?.[n]?.comment?.message}
                      {...f.form.register(`items.${n}.comment`)}
                    />
                    <SelectField
                      id={`review-${c.id}-target`}
                      label={t('plans.review.target', { n: n + 1 })}
                      error={f.form.formState.errors.items?.[n]?.target?.message}
                      {...f.form.register(`items.${n}.target`)}
                    >
                      <TargetOptions plan={p} />
                    </SelectField>
                  </div>
                ))}
              </div>
              <TextAreaField label={t('plans.review.overall')} hint={t('plans.review.overallHint')} rows={4} {...f.field('comment')} />
              <TextField type="date" label={t('plans.review.approvedOn')} hint={t('plans.review.approvedHint')} {...f.field('approvedOn')} />
              <TextField label={t('plans.review.approvedParagraph')} {...f.field('approvedParagraph')} />
              <div className="button-row">
                <button type="submit" className="button button--secondary">
                  {t('plans.review.save')}
                </button>
                <button type="button" className="button button--warning" onClick={() => void ask('returned')}>
                  {t('plans.workflow.toReturned')}
                </button>
                <button type="button" className="button" onClick={() => void ask('approved')}>
                  {t('plans.workflow.toApproved')}
                </button>
              </div>
            </fieldset>
          </form>
        </div>
      </div>
      <ConfirmDialog
        open={confirm !== null}
        title={confirm ? t(`plans.workflow.confirm.${confirm}`) : ''}
        confirmLabel={confirm === 'returned' ? t('plans.workflow.toReturned') : t('plans.workflow.toApproved')}
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          const to = confirm!;
          setConfirm(null);
          void decide(to);
        }}
      >
        <p>{confirm ? t(`plans.workflow.confirmText.${confirm}`) : ''}</p>
        {confirm === 'approved' && <OpenItems planId={p.id} />}
      </ConfirmDialog>
    </>
  );
}
