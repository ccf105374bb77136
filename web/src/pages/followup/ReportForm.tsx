import { useEffect, useMemo, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UseMutationResult } from '@tanstack/react-query';
import { z } from 'zod';
import { ZCreateFollowUpRequest } from '@shared/modules/followup/schema';
import type { ApiError } from '../../api/client';
import type { Write } from '../../api/mutation';
import { useApiForm } from '../../components/api-form';
import { ErrorSummary, SelectField, TextField, type FieldErrors } from '../../components/form';
import { NameConfirmation, useNameConfirmation } from '../situation/fields';
import { putServerErrors } from './forms';
import { STATUSES, TextAreaField, type TActivityFollowUp } from './shared';

const S = ZCreateFollowUpRequest.shape;

/** The report's fields: a status must be chosen, and a delayed or cancelled activity needs a comment saying why. */
function useReportSchema() {
  const { t } = useTranslation();
  return useMemo(
    () =>
      z
        .object({ status: z.string().min(1, t('followup.statusMissing')).pipe(S.status), comment: S.comment, indicatorValues: z.array(z.string()) })
        .superRefine((v, ctx) => {
          if ((v.status === 'delayed' || v.status === 'cancelled') && !v.comment) ctx.addIssue({ code: 'custom', path: ['comment'], message: t('followup.commentMissing') });
        }),
    [t],
  );
}

/** A figure Värna already has for the indicator (training coverage), when nothing is reported yet. */
const known = (data: TActivityFollowUp, name: string) => (data.activity.followUp ? undefined : data.prefill.find((p) => p.indicatorName === name));

const valuesOf = (data: TActivityFollowUp) => ({
  status: data.activity.followUp?.status ?? '',
  comment: data.activity.followUp?.comment ?? '',
  indicatorValues: data.activity.indicators.map((i) =>
    String(data.activity.followUp?.indicatorValues.find((v) => v.name === i.name)?.value ?? known(data, i.name)?.value.toLocaleString('sv-SE', { maximumFractionDigits: 1, useGrouping: false }) ?? ''),
  ),
});

/** An API field as the form's: `indicatorValues.2.value` is the third indicator's field. */
const keyOf = (field: string) => {
  const m = /^indicatorValues\.(\d+)/.exec(field);
  return m ? `indicatorValues.${m[1]}` : ['status', 'comment'].includes(field) ? field : 'status';
};

/** The activity's status, comment and indicator values for the period; `save` is the page's write, whose success the page announces. */
export function ReportForm({ data, save }: { data: TActivityFollowUp; save: UseMutationResult<unknown, ApiError, Write> }) {
  const { t } = useTranslation();
  const a = data.activity;
  const names = useNameConfirmation();
  const f = useApiForm(useReportSchema(), { idPrefix: 'report', defaultValues: valuesOf(data) });
  // A saved report comes back from the server: the form shows what is stored.
  useEffect(() => f.form.reset(valuesOf(data)), [data]); // eslint-disable-line react-hooks/exhaustive-deps

  const send = f.onSubmit(async (v) => {
    const body = {
      period: data.period.period,
      status: v.status,
      comment: v.comment || null,
      indicatorValues: a.indicators.map((i, n) => ({ name: i.name, value: v.indicatorValues[n]?.trim() || null })),
      ...names.extra,
    };
    try {
      await save.mutateAsync({ method: 'POST', path: `/api/activities/${a.activityId}/follow-ups`, body });
      names.clear();
    } catch (err) {
      putServerErrors(f.form, err, names, keyOf, 'status', t);
    }
  });

  const nested = f.form.formState.errors.indicatorValues;
  const errors: FieldErrors = { status: f.errors.status, comment: f.errors.comment };
  a.indicators.forEach((_, n) => (errors[`ind-${n}`] = nested?.[n]?.message));
  errors[names.confirmField] = f.errors[names.confirmField];
  /** A checked text changed: a confirmation given for the old text no longer holds. */
  const checked = (name: 'comment' | `indicatorValues.${number}`) => {
    const field = f.form.register(name);
    return { ...field, onChange: (e: ChangeEvent) => (names.changed(), field.onChange(e)) };
  };

  return (
    <>
      <ErrorSummary errors={errors} idPrefix="report" focusKey={f.submits} />
      <form
        onSubmit={(e) => {
          save.reset();
          return send(e);
        }}
        noValidate
      >
        <fieldset disabled={f.saving} className="plain-fieldset">
          <SelectField label={t('followup.status')} hint={t('followup.statusHint')} {...f.field('status')}>
            <option value="">{t('followup.choose')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`followup.statuses.${s}`)}
              </option>
            ))}
          </SelectField>
          <TextAreaField id="report-comment" label={t('followup.comment')} hint={t('followup.commentHint')} error={errors.comment} maxLength={4000} rows={5} {...checked('comment')} />
          {a.indicators.length > 0 && (
            <fieldset className="fieldset">
              <legend>{t('followup.indicatorsLegend')}</legend>
              {a.indicators.map((i, n) => (
                <TextField
                  key={i.name}
                  id={`report-ind-${n}`}
                  label={`${i.name} (${t(`followup.indicatorKinds.${i.kind}`)})`}
                  hint={
                    <>
                      {t('followup.indicatorHint', { baseline: i.baseline ?? '–', target: i.target ?? '–' })}
                      {known(data, i.name) && <span className="fu-prefilled"> {t('followup.prefilled', { source: known(data, i.name)!.source })}</span>}
                      {a.contextLinks
                        .filter((l) => l.indicatorName === i.name)
                        .map((l) => {
                          const latest = data.context.filter((c) => c.kpiId === l.kpiId).at(-1);
                          return (
                            <span key={l.kpiId}>
                              {' '}
                              {t('followup.contextLinked', { kpi: latest ? `${l.kpiId} ${latest.title ?? ''}: ${latest.value} (${latest.year}, ${latest.area})` : l.kpiId })}
                            </span>
                          );
                        })}
                    </>
                  }
                  error={errors[`ind-${n}`]}
                  autoComplete="off"
                  {...checked(`indicatorValues.${n}`)}
                />
              ))}
            </fieldset>
          )}
          <NameConfirmation idPrefix="report" state={names} />
          <button type="submit" className="button">
            {f.saving ? t('followup.saving') : t('followup.submit')}
          </button>
        </fieldset>
      </form>
    </>
  );
}
