import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { Notice } from '../../components/feedback';
import { ErrorSummary, SelectField, TextAreaField, TextField, type FieldErrors } from '../../components/form';
import type { TMeasureTargets } from '@shared/modules/audit-tracking/schema';
import { isIsoDate } from './shared';

function errorsOf(err: unknown, known: string[], fallback: string, network: string): FieldErrors {
  const out: FieldErrors = {};
  if (err instanceof ApiError) {
    for (const f of err.body.fields ?? []) out[known.find((k) => f.field === k || f.field.startsWith(`${k}.`)) ?? fallback] ??= f.message;
    if (!err.body.fields?.length) out[fallback] = err.body.message;
  } else out[fallback] = network;
  return out;
}

type LinkKind = 'standalone' | 'activity' | 'newActivity' | 'waiting';
const LINK_KINDS: LinkKind[] = ['standalone', 'activity', 'newActivity', 'waiting'];

/** A new measure for the board's reply: what, who, when, and how it is carried out. */
export function AddMeasureForm({ recommendationId, boardId, targets, idPrefix, onSaved }: { recommendationId: string; boardId: string; targets: TMeasureTargets; idPrefix: string; onSaved(): Promise<void> | void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ title: '', responsible: '', dueOn: '', activityId: '', planId: '', waitingFor: '', waitingForMeasureId: '' });
  const [kind, setKind] = useState<LinkKind>('standalone');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));
  const activities = targets.plans.flatMap((p) => p.activities.map((a) => ({ ...a, year: p.year })));
  const editable = targets.plans.filter((p) => p.editable);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const local: FieldErrors = {};
    if (!form.title.trim()) local.title = t('auditTracking.measureTitleMissing');
    if (!isIsoDate(form.dueOn)) local.dueOn = t('auditTracking.dueMissing');
    if (kind === 'activity' && !form.activityId) local.activityId = t('auditTracking.activityMissing');
    if (kind === 'newActivity' && !form.planId) local.planId = t('auditTracking.planMissing');
    if (kind === 'waiting' && !form.waitingFor.trim() && !form.waitingForMeasureId) local.waitingFor = t('auditTracking.waitingForMissing');
    setErrors(local);
    if (Object.keys(local).length) return;
    setSaving(true);
    try {
      await api('POST', `/api/recommendations/${recommendationId}/replies/${boardId}/measures`, {
        title: form.title.trim(),
        responsible: form.responsible.trim() || null,
        dueOn: form.dueOn,
        ...(kind === 'activity' ? { activityId: form.activityId } : {}),
        ...(kind === 'newActivity' ? { newActivity: { planId: form.planId } } : {}),
        ...(kind === 'waiting' ? { waitingFor: form.waitingFor.trim() || null, waitingForMeasureId: form.waitingForMeasureId || null } : {}),
      });
      setForm({ title: '', responsible: '', dueOn: '', activityId: '', planId: '', waitingFor: '', waitingForMeasureId: '' });
      setKind('standalone');
      setSaved(true);
      await onSaved();
    } catch (err) {
      const out = errorsOf(err, ['title', 'responsible', 'dueOn', 'activityId', 'newActivity', 'waitingFor', 'waitingForMeasureId'], 'title', t('common.networkError'));
      if (out.newActivity) {
        out.planId = out.newActivity;
        delete out.newActivity;
      }
      setErrors(out);
    } finally {
      setSaving(false);
    }
  }

  const id = (f: string) => `${idPrefix}-${f}`;
  return (
    <form onSubmit={submit} noValidate aria-labelledby={id('heading')}>
      <h4 id={id('heading')}>{t('auditTracking.addMeasure')}</h4>
      {saved && <Notice>{t('auditTracking.measureAdded')}</Notice>}
      <ErrorSummary errors={errors} idPrefix={idPrefix} />
      <fieldset disabled={saving} className="plain-fieldset">
        <TextField id={id('title')} label={t('auditTracking.measureTitle')} value={form.title} error={errors.title} maxLength={500} onChange={set('title')} />
        <div className="inline-fields">
          <TextField id={id('responsible')} label={t('auditTracking.responsible')} value={form.responsible} error={errors.responsible} maxLength={200} onChange={set('responsible')} />
          <TextField id={id('dueOn')} type="date" label={t('auditTracking.dueOn')} hint={t('auditTracking.dateHint')} value={form.dueOn} error={errors.dueOn} onChange={set('dueOn')} />
        </div>
        <fieldset className="fieldset">
          <legend>{t('auditTracking.linkLegend')}</legend>
          <ul className="at-link-kinds">
            {LINK_KINDS.map((k) => (
              <li key={k}>
                <input type="radio" id={id(`kind-${k}`)} name={id('kind')} value={k} checked={kind === k} onChange={() => setKind(k)} />{' '}
                <label htmlFor={id(`kind-${k}`)}>{t(`auditTracking.linkKinds.${k}`)}</label>
              </li>
            ))}
          </ul>
          {kind === 'activity' && (
            <SelectField id={id('activityId')} label={t('auditTracking.activity')} value={form.activityId} error={errors.activityId} onChange={set('activityId')}>
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
              <SelectField id={id('planId')} label={t('auditTracking.plan')} hint={t('auditTracking.planHint')} value={form.planId} error={errors.planId} onChange={set('planId')}>
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
              <TextField id={id('waitingFor')} label={t('auditTracking.waitingFor')} value={form.waitingFor} error={errors.waitingFor} maxLength={300} onChange={set('waitingFor')} />
              {targets.otherMeasures.length > 0 && (
                <SelectField id={id('waitingForMeasureId')} label={t('auditTracking.waitingForMeasure')} value={form.waitingForMeasureId} error={errors.waitingForMeasureId} onChange={set('waitingForMeasureId')}>
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
        <button type="submit" className="button">
          {saving ? t('auditTracking.saving') : t('auditTracking.addMeasureSubmit')}
        </button>
      </fieldset>
    </form>
  );
}

/** A measure's follow-up: its status now and a comment, kept in its history. */
export function MeasureStatusForm({ measureId, title, current, idPrefix, onSaved }: { measureId: string; title: string; current: string; idPrefix: string; onSaved(): Promise<void> | void }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState(current);
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    if (!status) {
      setErrors({ status: t('auditTracking.statusMissing') });
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await api('PATCH', `/api/audit-measures/${measureId}`, { status, comment: comment.trim() || null });
      setComment('');
      setSaved(true);
      await onSaved();
    } catch (err) {
      setErrors(errorsOf(err, ['status', 'comment'], 'status', t('common.networkError')));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      {saved && <Notice>{t('auditTracking.statusSaved')}</Notice>}
      <ErrorSummary errors={errors} idPrefix={idPrefix} />
      <fieldset disabled={saving} className="fieldset">
        <legend>{t('auditTracking.followUp', { title })}</legend>
        <SelectField id={`${idPrefix}-status`} label={t('auditTracking.newStatus')} value={status} error={errors.status} onChange={(e) => setStatus(e.target.value)}>
          {(['planned', 'ongoing', 'done', 'cancelled'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`auditTracking.measureStatuses.${s}`)}
            </option>
          ))}
        </SelectField>
        <TextAreaField id={`${idPrefix}-comment`} label={t('auditTracking.statusComment')} hint={t('auditTracking.statusCommentHint')} value={comment} error={errors.comment} rows={2} maxLength={4000} onChange={(e) => setComment(e.target.value)} />
        <button type="submit" className="button button--secondary">
          {saving ? t('auditTracking.saving') : t('auditTracking.saveStatus')}
        </button>
      </fieldset>
    </form>
  );
}
