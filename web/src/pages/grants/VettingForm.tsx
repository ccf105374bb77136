import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { todayInSweden } from '@shared/domain/calendar';
import { CRITERION_RESULTS, DECISIONS } from '@shared/domain/grants/vetting';
import { ZVettingRequest } from '@shared/modules/grants/schema';
import { ApiError } from '../../api/client';
import { EmptyState } from '../../components/feedback';
import { TextField } from '../../components/form';
import { orNull, SavingForm, useSavingForm } from '../../components/saving-form';
import { NameConfirmation, TextAreaField, useNameConfirmation } from '../situation/fields';
import { GRANT_READS, RadioGroup, type TGrantApplication, type TGrantCriterion } from './shared';

const V = ZVettingRequest.shape;
const ASSESSMENT = V.criteria.element.shape;

// The form holds one result and one comment per criterion as flat fields (`result_<key>`, `comment_<key>`):
// each has its own id, so the error summary links to the criterion's radio group or comment.
const resultField = (key: string) => `result_${key}`;
const commentField = (key: string) => `comment_${key}`;

/** The form's schema: the request's own fields per criterion (a criterion may be left unassessed), the decision and its date. */
function vettingSchema(criteria: TGrantCriterion[]) {
  const fields: Record<string, z.ZodType> = {};
  for (const c of criteria) {
    fields[resultField(c.key)] = z.union([z.literal(''), ASSESSMENT.result]).nullable();
    fields[commentField(c.key)] = ASSESSMENT.comment;
  }
  return z.object({ ...fields, decision: V.decision, decidedOn: V.decidedOn, confirmNoPersonalData: z.unknown().optional() });
}

/**
 * The vetting of a received application: per active criterion a result (met, not met, unclear)
 * and a comment, then the decision. The server refuses an approval with a failed or unclear
 * criterion, or without a required one met; its refusal stands in the error summary, each
 * criterion's message on its radio group and the whole refusal on the decision.
 */
export function VettingForm({ application: a, criteria }: { application: TGrantApplication; criteria: TGrantCriterion[] }) {
  const { t } = useTranslation();
  const schema = useMemo(() => vettingSchema(criteria), [criteria]);
  const defaultValues = useMemo(() => {
    const values: Record<string, unknown> = {};
    for (const c of criteria) {
      values[resultField(c.key)] = '';
      values[commentField(c.key)] = '';
    }
    return { ...values, decision: '', decidedOn: todayInSweden(), confirmNoPersonalData: undefined };
  }, [criteria]);
  const f = useSavingForm(schema, { idPrefix: 'vet', defaultValues: defaultValues as never }, GRANT_READS);
  const names = useNameConfirmation();
  // The criteria of the last request, in the order sent: the server names them by index.
  const sent = useRef<string[]>([]);
  const formField = (field: string) => {
    const m = /^criteria\.(\d+)\.(\w+)/.exec(field);
    const key = m ? sent.current[Number(m[1])] : undefined;
    if (m && key) return m[2] === 'comment' ? commentField(key) : resultField(key);
    return field === 'criteria' || field.startsWith('criteria') ? 'decision' : field;
  };

  const submit = f.submit(
    names.guard(
      f.form,
      async (values: Record<string, unknown>) => {
        const assessed = criteria.filter((c) => values[resultField(c.key)]);
        sent.current = assessed.map((c) => c.key);
        const body = {
          criteria: assessed.map((c) => ({ key: c.key, result: values[resultField(c.key)], comment: orNull(values[commentField(c.key)] as string | null | undefined) })),
          decision: values.decision,
          decidedOn: values.decidedOn,
          ...names.extra,
        };
        try {
          await f.save.mutateAsync({ method: 'PUT', path: `/api/grant-applications/${a.id}/vetting`, body });
        } catch (err) {
          if (!(err instanceof ApiError)) throw err;
          // The refusal's own words go on the decision (read first), each criterion's on its group.
          const whole = err.body.code === 'approval_refused' ? [{ field: 'decision', message: err.body.message }] : [];
          throw new ApiError(err.status, { ...err.body, fields: [...whole, ...(err.body.fields ?? []).map((p) => ({ ...p, field: formField(p.field) }))] });
        }
      },
      formField,
    ),
  );

  if (!criteria.length) return <EmptyState>{t('grants.vetting.noCriteria')}</EmptyState>;
  const register = (name: string) => f.form.register(name as never);
  const err = (name: string) => f.errors[name];
  return (
    <section className="panel" aria-labelledby="vet-heading">
      <SavingForm form={f} onSubmit={submit} labelledBy="vet-heading" heading={<h2 id="vet-heading">{t('grants.vetting.heading')}</h2>} submitLabel={t('grants.vetting.submit')}>
        <p>{t('grants.vetting.intro')}</p>
        {criteria.map((c) => (
          <div key={c.key} className="grants-criterion">
            <RadioGroup
              id={`vet-${resultField(c.key)}`}
              legend={c.label}
              hint={
                <>
                  {c.description}
                  {c.required && <strong className="grants-required"> {t('grants.vetting.required')}</strong>}
                </>
              }
              error={err(resultField(c.key))}
              options={CRITERION_RESULTS.map((r) => ({ value: r, label: t(`grants.results.${r}`) }))}
              register={register(resultField(c.key))}
            >
              <TextAreaField
                id={`vet-${commentField(c.key)}`}
                label={t('grants.vetting.comment', { label: c.label })}
                hint={t('grants.vetting.commentHint')}
                error={err(commentField(c.key))}
                guard
                guardSubject="kommentaren"
                guardValue={(f.form.watch(commentField(c.key) as never) as unknown as string | undefined) ?? ''}
                rows={2}
                maxLength={2000}
                {...f.form.register(commentField(c.key) as never, { onChange: names.changed })}
              />
            </RadioGroup>
          </div>
        ))}
        <RadioGroup
          id="vet-decision"
          legend={t('grants.vetting.decisionLegend')}
          error={err('decision')}
          options={DECISIONS.map((d) => ({ value: d, label: t(`grants.vetting.decisions.${d}`) }))}
          register={register('decision')}
        />
        <TextField type="date" label={t('grants.vetting.decidedOn')} hint={t('grants.vetting.dateHint')} {...f.field('decidedOn' as never)} />
        <NameConfirmation idPrefix="vet" state={names} />
      </SavingForm>
    </section>
  );
}
