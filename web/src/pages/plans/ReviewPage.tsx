import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useQuery } from '../../api/use-query';
import { ConfirmDialog, Loading, LoadError, Notice } from '../../components/feedback';
import { ErrorSummary, TextField, type FieldErrors } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { CheckPanel } from './CheckPanel';
import { RevisionDiff } from './PlanDecisions';
import { RadioGroup, TextAreaField, type TPlan } from './shared';

type Result = 'pass' | 'partly' | 'fail' | '';
const RESULTS = ['pass', 'partly', 'fail'] as const;

/** The central coordinator's review: the instructions' checklist, comments, then return or approve. */
export function ReviewPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const plan = useQuery<TPlan>(`/api/plans/${id}`);
  const [results, setResults] = useState<Record<string, Result>>({});
  const [comments, setComments] = useState<Record<string, string>>({});
  const [comment, setComment] = useState('');
  // The city board's approval: its own date and paragraph, recorded when given.
  const [approvedOn, setApprovedOn] = useState('');
  const [approvedParagraph, setApprovedParagraph] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState('');
  const [saving, setSaving] = useState(false);
  const [confirm, setConfirm] = useState<'returned' | 'approved' | null>(null);

  useEffect(() => {
    const r = plan.data?.review;
    if (!r) return;
    setResults(Object.fromEntries(r.items.map((i) => [i.criterionId, i.result ?? ''])));
    setComments(Object.fromEntries(r.items.map((i) => [i.criterionId, i.comment ?? ''])));
    setComment(r.comment ?? '');
  }, [plan.data?.review?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  if (plan.loading && !plan.data) return <Loading />;
  if (plan.error) return <LoadError message={plan.error.message} />;
  if (!plan.data) return null;
  const p = plan.data;
  const name = t('plans.planName', { board: p.boardName, year: p.year });
  const title = t('plans.review.heading', { name });
  const criteria = p.instructions.reviewCriteria;

  async function save() {
    await api('PUT', `/api/plans/${p.id}/review`, {
      items: criteria.map((c) => ({ criterionId: c.id, result: results[c.id] || null, comment: comments[c.id]?.trim() || null })),
      comment: comment.trim() || null,
    });
  }

  async function run(action: () => Promise<void>) {
    setSaving(true);
    setErrors({});
    try {
      await action();
    } catch (err) {
      setNotice('');
      setErrors({ comment: err instanceof ApiError ? err.body.message : t('common.networkError') });
    } finally {
      setSaving(false);
    }
  }

  async function decide(to: 'returned' | 'approved') {
    if (to === 'returned' && !comment.trim() && !Object.values(results).some(Boolean)) {
      setErrors({ comment: t('plans.review.commentMissing') });
      return;
    }
    await run(async () => {
      await save();
      const approval = to === 'approved' ? { decidedOn: approvedOn || null, paragraph: approvedParagraph.trim() || null } : {};
      await api('POST', `/api/plans/${p.id}/transitions`, { to, comment: comment.trim() || null, ...approval });
      navigate(`/planer/${p.id}`, { state: { notice: t(to === 'returned' ? 'plans.review.returned' : 'plans.review.approved') } });
    });
  }

  return (
    <>
      <p>
        <Link to={`/planer/${p.id}`}>{t('plans.backToPlan', { name })}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      {!p.canReview && <LoadError message={t('plans.review.notInReview')} />}
      {notice && <Notice>{notice}</Notice>}
      <ErrorSummary errors={errors} idPrefix="review" />
      {p.revisionOf && <RevisionDiff from={p.revisionOf} to={p.id} />}
      <CheckPanel planId={p.id} auto />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            await save();
            setNotice(t('plans.review.saved'));
          });
        }}
        noValidate
        aria-labelledby="criteria-heading"
      >
        <h2 id="criteria-heading">{t('plans.review.criteria')}</h2>
        <fieldset disabled={saving || !p.canReview} className="plain-fieldset">
          {criteria.map((c, n) => (
            <div key={c.id} className="plans-section">
              <RadioGroup
                id={`review-${c.id}`}
                legend={`${n + 1}. ${c.text}`}
                value={results[c.id] ?? ''}
                onChange={(v) => setResults({ ...results, [c.id]: v })}
                options={[...RESULTS.map((r) => ({ value: r as Result, label: t(`plans.review.results.${r}`) })), { value: '' as Result, label: t('plans.review.notAssessed') }]}
              />
              <TextAreaField
                id={`review-${c.id}-comment`}
                label={t('plans.review.criterionComment', { n: n + 1 })}
                rows={2}
                value={comments[c.id] ?? ''}
                onChange={(e) => setComments({ ...comments, [c.id]: e.target.value })}
              />
            </div>
          ))}
          <TextAreaField id="review-comment" label={t('plans.review.overall')} hint={t('plans.review.overallHint')} rows={4} value={comment} error={errors.comment} onChange={(e) => setComment(e.target.value)} />
          <TextField id="review-approvedOn" type="date" label={t('plans.review.approvedOn')} hint={t('plans.review.approvedHint')} value={approvedOn} onChange={(e) => setApprovedOn(e.target.value)} />
          <TextField id="review-approvedParagraph" label={t('plans.review.approvedParagraph')} value={approvedParagraph} onChange={(e) => setApprovedParagraph(e.target.value)} />
          <div className="button-row">
            <button type="submit" className="button button--secondary">
              {t('plans.review.save')}
            </button>
            <button type="button" className="button button--warning" onClick={() => setConfirm('returned')}>
              {t('plans.workflow.toReturned')}
            </button>
            <button type="button" className="button" onClick={() => setConfirm('approved')}>
              {t('plans.workflow.toApproved')}
            </button>
          </div>
        </fieldset>
      </form>
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
      </ConfirmDialog>
    </>
  );
}
