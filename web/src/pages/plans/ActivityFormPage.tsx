import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { TUnit } from '../../api/types';
import { useQuery } from '../../api/use-query';
import { Loading, LoadError } from '../../components/feedback';
import { ErrorSummary, errorsFrom, SelectField, TextField, type FieldErrors } from '../../components/form';
import { FINAL_STATUSES, MEASURE_AREAS, PlanEditHeading, RadioGroup, TextAreaField, type TGuidelineDocument, type TIndicator, type TPlan } from './shared';

const FIELDS = [
  'title',
  'description',
  'measureArea',
  'perspective',
  'guidelineElementIds',
  'responsible',
  'responsibleUnitId',
  'partners',
  'timeline',
  'startDate',
  'endDate',
  'followUp',
  'indicators',
  'previousYearFinalStatus',
];

interface Form {
  title: string;
  description: string;
  measureArea: string;
  perspective: string;
  guidelineElementIds: string[];
  responsible: string;
  responsibleUnitId: string;
  partners: string;
  timeline: string;
  startDate: string;
  endDate: string;
  followUp: string;
  indicators: TIndicator[];
  previousYearFinalStatus: string;
}

const EMPTY: Form = {
  title: '',
  description: '',
  measureArea: '',
  perspective: '',
  guidelineElementIds: [],
  responsible: '',
  responsibleUnitId: '',
  partners: '',
  timeline: '',
  startDate: '',
  endDate: '',
  followUp: '',
  indicators: [],
  previousYearFinalStatus: '',
};

/** Add or edit an activity: the columns of the plan's tables, its classification and indicators. */
export function ActivityFormPage() {
  const { t } = useTranslation();
  const { id, activityId } = useParams();
  const navigate = useNavigate();
  const plan = useQuery<TPlan>(`/api/plans/${id}`);
  const docs = useQuery<TGuidelineDocument[]>('/api/guidelines');
  const units = useQuery<TUnit[]>(plan.data ? `/api/boards/${plan.data.boardId}/units` : null);
  const existing = plan.data?.activities.find((a) => a.id === activityId);
  const [form, setForm] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!existing) return;
    setForm({
      title: existing.title,
      description: existing.description ?? '',
      measureArea: existing.measureArea ?? '',
      perspective: existing.perspective ?? '',
      guidelineElementIds: existing.guidelineElementIds,
      responsible: existing.responsible,
      responsibleUnitId: existing.responsibleUnitId ?? '',
      partners: existing.partners ?? '',
      timeline: existing.timeline,
      startDate: existing.startDate ?? '',
      endDate: existing.endDate ?? '',
      followUp: existing.followUp,
      indicators: existing.indicators,
      previousYearFinalStatus: existing.previousYearFinalStatus ?? '',
    });
  }, [existing?.id]); // eslint-disable-line react-hooks/exhaustive-deps

  if (plan.loading && !plan.data) return <Loading />;
  if (plan.error) return <LoadError message={plan.error.message} />;
  if (!plan.data) return null;
  if (activityId && !existing) return <LoadError message={t('plans.activity.notFound')} />;
  const p = plan.data;
  const title = existing ? t('plans.activity.editHeading') : t('plans.activities.add');
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));
  const elements = (docs.data ?? []).flatMap((d) => d.elements.filter((e) => !e.archived).map((e) => ({ ...e, documentTitle: d.shortTitle ?? d.title })));
  const perspectives = elements.filter((e) => e.kind === 'perspective');
  const mappable = elements.filter((e) => e.kind !== 'measure_area' && e.kind !== 'perspective');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: FieldErrors = {};
    if (!form.title.trim()) local.title = t('plans.activity.titleMissing');
    if (!form.responsible.trim()) local.responsible = t('plans.activity.responsibleMissing');
    if (!form.timeline.trim()) local.timeline = t('plans.activity.timelineMissing');
    if (!form.followUp.trim()) local.followUp = t('plans.activity.followUpMissing');
    if (form.indicators.some((i) => !i.name.trim())) local.indicators = t('plans.activity.indicatorNameMissing');
    setErrors(local);
    if (Object.keys(local).length) return;
    const body: Record<string, unknown> = {
      title: form.title.trim(),
      description: form.description.trim() || null,
      measureArea: form.measureArea || null,
      perspective: form.perspective || null,
      guidelineElementIds: form.guidelineElementIds,
      responsible: form.responsible.trim(),
      responsibleUnitId: form.responsibleUnitId || null,
      partners: form.partners.trim() || null,
      timeline: form.timeline.trim(),
      startDate: form.startDate || null,
      endDate: form.endDate || null,
      followUp: form.followUp.trim(),
      indicators: form.indicators.map((i) => ({ kind: i.kind, name: i.name.trim(), baseline: i.baseline?.trim() || null, target: i.target?.trim() || null })),
    };
    if (existing?.carriedOverFromActivityId) body.previousYearFinalStatus = form.previousYearFinalStatus || null;
    setSaving(true);
    try {
      if (existing) await api('PATCH', `/api/plans/${p.id}/activities/${existing.id}`, body);
      else await api('POST', `/api/plans/${p.id}/activities`, body);
      navigate(`/planer/${p.id}`, { state: { notice: existing ? t('plans.activity.saved', { title: body.title }) : t('plans.activity.added', { title: body.title }) } });
    } catch (err) {
      setErrors(errorsFrom(err, FIELDS, 'title', t('common.networkError')));
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <PlanEditHeading plan={p} title={title} />
      <ErrorSummary errors={errors} idPrefix="activity" />
      <form onSubmit={submit} noValidate>
        <fieldset disabled={saving || !p.canEdit} className="plain-fieldset">
          <TextAreaField id="activity-title" label={t('plans.activity.title')} rows={2} value={form.title} error={errors.title} onChange={(e) => set('title', e.target.value)} />
          <TextAreaField id="activity-description" label={t('plans.activity.description')} value={form.description} error={errors.description} onChange={(e) => set('description', e.target.value)} />
          <RadioGroup
            id="activity-measureArea"
            legend={t('plans.activity.measureArea')}
            hint={t('plans.activity.measureAreaHint')}
            error={errors.measureArea}
            value={form.measureArea}
            onChange={(v) => set('measureArea', v)}
            options={[...MEASURE_AREAS.map((a) => ({ value: a as string, label: t(`plans.measureAreas.${a}`) })), { value: '', label: t('plans.activity.unclassified') }]}
          />
          <SelectField id="activity-perspective" label={t('plans.activity.perspective')} value={form.perspective} error={errors.perspective} onChange={(e) => set('perspective', e.target.value)}>
            <option value="">{t('plans.activity.noPerspective')}</option>
            {perspectives.map((e) => (
              <option key={e.id} value={e.label}>
                {e.label}
              </option>
            ))}
          </SelectField>
          <fieldset className="fieldset" id="activity-guidelineElementIds">
            <legend>{t('plans.activity.elements')}</legend>
            <p className="hint">{t('plans.activity.elementsHint')}</p>
            {errors.guidelineElementIds && <p className="field-error">{errors.guidelineElementIds}</p>}
            {mappable.map((e) => (
              <div className="plans-radio" key={e.id}>
                <input
                  type="checkbox"
                  id={`activity-el-${e.id}`}
                  checked={form.guidelineElementIds.includes(e.id)}
                  onChange={(ev) =>
                    set('guidelineElementIds', ev.target.checked ? [...form.guidelineElementIds, e.id] : form.guidelineElementIds.filter((x) => x !== e.id))
                  }
                />
                <label htmlFor={`activity-el-${e.id}`}>
                  {e.label} <span className="plans-small">({e.documentTitle}, {t(`plans.elementKinds.${e.kind}`)})</span>
                </label>
              </div>
            ))}
          </fieldset>
          <TextField id="activity-responsible" label={t('plans.activity.responsible')} hint={t('plans.activity.responsibleHint')} value={form.responsible} error={errors.responsible} onChange={(e) => set('responsible', e.target.value)} />
          <SelectField id="activity-responsibleUnitId" label={t('plans.activity.unit')} value={form.responsibleUnitId} error={errors.responsibleUnitId} onChange={(e) => set('responsibleUnitId', e.target.value)}>
            <option value="">{t('plans.activity.noUnit')}</option>
            {(units.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
          <TextField id="activity-partners" label={t('plans.activity.partners')} value={form.partners} error={errors.partners} onChange={(e) => set('partners', e.target.value)} />
          <TextField id="activity-timeline" label={t('plans.activity.timeline')} hint={t('plans.activity.timelineHint')} value={form.timeline} error={errors.timeline} onChange={(e) => set('timeline', e.target.value)} />
          <div className="inline-fields">
            <TextField id="activity-startDate" type="date" label={t('plans.activity.startDate')} value={form.startDate} error={errors.startDate} onChange={(e) => set('startDate', e.target.value)} />
            <TextField id="activity-endDate" type="date" label={t('plans.activity.endDate')} value={form.endDate} error={errors.endDate} onChange={(e) => set('endDate', e.target.value)} />
          </div>
          <TextAreaField id="activity-followUp" label={t('plans.activity.followUp')} value={form.followUp} error={errors.followUp} onChange={(e) => set('followUp', e.target.value)} />

          <fieldset className="fieldset" id="activity-indicators">
            <legend>{t('plans.activity.indicators')}</legend>
            <p className="hint">{t('plans.activity.indicatorsHint')}</p>
            {errors.indicators && <p className="field-error">{errors.indicators}</p>}
            {form.indicators.map((ind, n) => {
              const update = (patch: Partial<TIndicator>) => set('indicators', form.indicators.map((x, i) => (i === n ? { ...x, ...patch } : x)));
              return (
                <div className="plans-list-row" key={n} role="group" aria-label={t('plans.activity.indicatorN', { n: n + 1 })}>
                  <SelectField id={`activity-ind-${n}-kind`} label={t('plans.activity.indicatorKind')} value={ind.kind} onChange={(e) => update({ kind: e.target.value as TIndicator['kind'] })}>
                    <option value="output">{t('plans.indicatorKinds.output')}</option>
                    <option value="effect">{t('plans.indicatorKinds.effect')}</option>
                  </SelectField>
                  <TextField id={`activity-ind-${n}-name`} label={t('plans.activity.indicatorName')} value={ind.name} onChange={(e) => update({ name: e.target.value })} />
                  <TextField id={`activity-ind-${n}-baseline`} label={t('plans.activity.baseline')} value={ind.baseline ?? ''} onChange={(e) => update({ baseline: e.target.value })} />
                  <TextField id={`activity-ind-${n}-target`} label={t('plans.activity.target')} value={ind.target ?? ''} onChange={(e) => update({ target: e.target.value })} />
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    onClick={() => set('indicators', form.indicators.filter((_, i) => i !== n))}
                    aria-label={t('plans.activity.removeIndicatorN', { n: n + 1 })}
                  >
                    {t('common.remove')}
                  </button>
                </div>
              );
            })}
            <button type="button" className="button button--secondary button--small" onClick={() => set('indicators', [...form.indicators, { kind: 'effect', name: '', baseline: '', target: '' }])}>
              {t('plans.activity.addIndicator')}
            </button>
          </fieldset>

          {existing?.carriedOverFromActivityId && (
            <SelectField
              id="activity-previousYearFinalStatus"
              label={t('plans.activity.previousStatus')}
              hint={t('plans.activity.previousStatusHint')}
              value={form.previousYearFinalStatus}
              error={errors.previousYearFinalStatus}
              onChange={(e) => set('previousYearFinalStatus', e.target.value)}
            >
              <option value="">{t('plans.activity.previousMissing')}</option>
              {FINAL_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`plans.finalStatus.${s}`)}
                </option>
              ))}
            </SelectField>
          )}
          <div className="button-row">
            <button type="submit" className="button">
              {t('plans.activity.save')}
            </button>
            <Link className="button button--secondary" to={`/planer/${p.id}`}>
              {t('common.cancel')}
            </Link>
          </div>
        </fieldset>
      </form>
    </>
  );
}
