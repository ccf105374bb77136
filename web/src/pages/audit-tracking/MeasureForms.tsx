import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { MEASURE_STATUSES } from '@shared/domain/audit-tracking/status';
import { ZCreateMeasureRequest, ZUpdateMeasureRequest, type TMeasure, type TMeasureTargets } from '@shared/modules/audit-tracking/schema';
import { SelectField, TextAreaField, TextField } from '../../components/form';
import { AUDIT_READS, orNull, renamingFields, TrackingForm, useTrackingForm } from './forms';

const LINK_KINDS = ['standalone', 'activity', 'newActivity', 'waiting'] as const;
const S = ZCreateMeasureRequest.shape;

/**
 * The new-measure form: the request's own fields, and how the measure is carried out (the link
 * kind), whose choice each kind requires. Its messages are the page's, as the kind is the form's.
 */
function useMeasureSchema() {
  const { t } = useTranslation();
  return useMemo(
    () =>
      z
        .object({
          title: S.title,
          responsible: S.responsible,
          dueOn: S.dueOn,
          kind: z.enum(LINK_KINDS),
          activityId: z.string(),
          planId: z.string(),
          waitingFor: S.waitingFor,
          waitingForMeasureId: z.string(),
        })
        .superRefine((v, ctx) => {
          const missing = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
          if (v.kind === 'activity' && !v.activityId) missing('activityId', t('auditTracking.activityMissing'));
          if (v.kind === 'newActivity' && !v.planId) missing('planId', t('auditTracking.planMissing'));
          if (v.kind === 'waiting' && !v.waitingFor && !v.waitingForMeasureId) missing('waitingFor', t('auditTracking.waitingForMissing'));
        }),
    [t],
  );
}

/** A new measure for the board's reply: what, who, when, and how it is carried out. */
export function AddMeasureForm({ recommendationId, boardId, targets, idPrefix }: { recommendationId: string; boardId: string; targets: TMeasureTargets; idPrefix: string }) {
  const { t } = useTranslation();
  // A measure can create a plan activity, and other boards' measures can wait for it.
  const f = useTrackingForm(
    useMeasureSchema(),
    { idPrefix, defaultValues: { title: '', responsible: '', dueOn: '', kind: 'standalone', activityId: '', planId: '', waitingFor: '', waitingForMeasureId: '' } },
    [...AUDIT_READS, '/api/boards', '/api/plans'],
  );
  const kind = f.form.watch('kind');
  const activities = targets.plans.flatMap((p) => p.activities.map((a) => ({ ...a, year: p.year })));
  const editable = targets.plans.filter((p) => p.editable);

  const submit = f.submit(async (v) => {
    const body = {
      title: v.title,
      responsible: orNull(v.responsible),
      dueOn: v.dueOn,
      ...(v.kind === 'activity' ? { activityId: v.activityId } : {}),
      ...(v.kind === 'newActivity' ? { newActivity: { planId: v.planId } } : {}),
      ...(v.kind === 'waiting' ? { waitingFor: orNull(v.waitingFor), waitingForMeasureId: v.waitingForMeasureId || null } : {}),
    };
    try {
      await f.save.mutateAsync({ method: 'POST', path: `/api/recommendations/${recommendationId}/replies/${boardId}/measures`, body });
    } catch (err) {
      throw renamingFields(err, { newActivity: 'planId' });
    }
    f.form.reset();
  });

  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <TrackingForm
      form={f}
      onSubmit={submit}
      labelledBy={id('heading')}
      heading={<h4 id={id('heading')}>{t('auditTracking.addMeasure')}</h4>}
      submitLabel={t('auditTracking.addMeasureSubmit')}
      savedNotice={t('auditTracking.measureAdded')}
    >
      <TextField label={t('auditTracking.measureTitle')} maxLength={500} {...f.field('title')} />
      <div className="inline-fields">
        <TextField label={t('auditTracking.responsible')} maxLength={200} {...f.field('responsible')} />
        <TextField type="date" label={t('auditTracking.dueOn')} hint={t('auditTracking.dateHint')} {...f.field('dueOn')} />
      </div>
      <fieldset className="fieldset">
        <legend>{t('auditTracking.linkLegend')}</legend>
        <ul className="at-link-kinds">
          {LINK_KINDS.map((k) => (
            <li key={k}>
              <input type="radio" id={id(`kind-${k}`)} value={k} {...f.form.register('kind')} />{' '}
              <label htmlFor={id(`kind-${k}`)}>{t(`auditTracking.linkKinds.${k}`)}</label>
            </li>
          ))}
        </ul>
        {kind === 'activity' && (
          <SelectField label={t('auditTracking.activity')} {...f.field('activityId')}>
            <option value="">{t('auditTracking.choose')}</option>
            {activities.map((a) => (
              <option key={a.id} value={a.id}>
                {a.year}: {a.title}
              </option>
            ))}
          </SelectField>
        )}
        {kind === 'newActivity' &&
          (editable.length ? (
            <SelectField label={t('auditTracking.plan')} hint={t('auditTracking.planHint')} {...f.field('planId')}>
              <option value="">{t('auditTracking.choose')}</option>
              {editable.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.year}
                </option>
              ))}
            </SelectField>
          ) : (
            <p id={id('planId')} tabIndex={-1}>
              {t('auditTracking.noEditablePlan')}
            </p>
          ))}
        {kind === 'waiting' && (
          <>
            <TextField label={t('auditTracking.waitingFor')} maxLength={300} {...f.field('waitingFor')} />
            {targets.otherMeasures.length > 0 && (
              <SelectField label={t('auditTracking.waitingForMeasure')} {...f.field('waitingForMeasureId')}>
                <option value="">{t('auditTracking.noneChosen')}</option>
                {targets.otherMeasures.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.boardName}: {m.title}
                  </option>
                ))}
              </SelectField>
            )}
          </>
        )}
      </fieldset>
    </TrackingForm>
  );
}

/** A measure's follow-up: its status now and a comment, kept in its history. */
export function MeasureStatusForm({ measure, idPrefix }: { measure: Pick<TMeasure, 'id' | 'title' | 'status'>; idPrefix: string }) {
  const { t } = useTranslation();
  const f = useTrackingForm(ZUpdateMeasureRequest.pick({ status: true, comment: true }), { idPrefix, defaultValues: { status: measure.status, comment: '' } });
  const submit = f.submit(async ({ status, comment }) => {
    await f.save.mutateAsync({ method: 'PATCH', path: `/api/audit-measures/${measure.id}`, body: { status, comment: orNull(comment) } });
    f.form.resetField('comment');
  });

  return (
    <TrackingForm form={f} onSubmit={submit} legend={t('auditTracking.followUp', { title: measure.title })} secondary submitLabel={t('auditTracking.saveStatus')} savedNotice={t('auditTracking.statusSaved')}>
      <SelectField label={t('auditTracking.newStatus')} {...f.field('status')}>
        {MEASURE_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`auditTracking.measureStatuses.${s}`)}
          </option>
        ))}
      </SelectField>
      <TextAreaField label={t('auditTracking.statusComment')} hint={t('auditTracking.statusCommentHint')} rows={2} maxLength={4000} {...f.field('comment')} />
    </TrackingForm>
  );
}
