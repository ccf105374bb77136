import { usePartnerChoices } from '../../components/use-partner-choices';
import { useController, useFieldArray } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ZUpdateActivityRequest, type TActivity } from '@shared/modules/plans/schema';
import type { TUnit } from '@shared/modules/orgs/schema';
import type { TBoardReporters } from '@shared/modules/followup/schema';
import { TARGET_GROUPS } from '@shared/domain/collaboration/model';
import { useApiMutation } from '../../api/mutation';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { useApiForm } from '../../components/api-form';
import { LoadError } from '../../components/feedback';
import { ErrorSummary, SelectField, TextField } from '../../components/form';
import { QueryState } from '../../components/QueryState';
import { FINAL_STATUSES, MEASURE_AREAS, PLAN_READS, PlanEditHeading, RadioGroup, TextAreaField, type TGuidelineDocument, type TPlan } from './shared';

/** A select or radio value: the empty choice is "none" (null) to the schema. */
const orNull = (v: unknown) => (v === '' ? null : v);

/** Add or edit an activity: the columns of the plan's tables, its classification and indicators. */
export function ActivityFormPage() {
  const { t } = useTranslation();
  const { id, activityId } = useParams();
  const plan = useApiQuery<TPlan>(`/api/plans/${id}`);
  return (
    <QueryState query={plan}>
      {(p) => {
        const existing = p.activities.find((a) => a.id === activityId);
        if (activityId && !existing) return <LoadError message={t('plans.activity.notFound')} />;
        return <WithReporters key={existing?.id ?? 'new'} plan={p} existing={existing} />;
      }}
    </QueryState>
  );
}

/** The board's possible reporters, read first when the user names reporters on the board (its local coordinator). */
function WithReporters({ plan: p, existing }: { plan: TPlan; existing?: TActivity }) {
  const { can } = useSession();
  const reporters = useApiQuery<TBoardReporters>(can('followup.reporters.assign', p.boardId) ? `/api/followup/boards/${p.boardId}/reporters` : null);
  if (!can('followup.reporters.assign', p.boardId)) return <ActivityForm plan={p} existing={existing} reporters={null} />;
  return <QueryState query={reporters}>{(r) => <ActivityForm plan={p} existing={existing} reporters={r} />}</QueryState>;
}

function ActivityForm({ plan: p, existing, reporters }: { plan: TPlan; existing?: TActivity; reporters: TBoardReporters | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const docs = useApiQuery<TGuidelineDocument[]>('/api/guidelines');
  const units = useApiQuery<TUnit[]>(`/api/boards/${p.boardId}/units`);
  const save = useApiMutation(PLAN_READS);
  const carriedOver = !!existing?.carriedOverFromActivityId;
  // The fields in the order they stand in the form (the error summary follows it).
  const f = useApiForm(ZUpdateActivityRequest, {
    idPrefix: 'activity',
    defaultValues: {
      title: existing?.title ?? '',
      description: existing?.description ?? '',
      measureArea: existing?.measureArea ?? null,
      perspective: existing?.perspective ?? '',
      guidelineElementIds: existing?.guidelineElementIds ?? [],
      responsible: existing?.responsible ?? '',
      responsibleUnitId: existing?.responsibleUnitId ?? null,
      partners: existing?.partners ?? '',
      partnerIds: existing?.partnerIds ?? [],
      targetGroups: existing?.targetGroups ?? [],
      timeline: existing?.timeline ?? '',
      startDate: existing?.startDate ?? null,
      endDate: existing?.endDate ?? null,
      followUp: existing?.followUp ?? '',
      indicators: (existing?.indicators ?? []).map((i) => ({ kind: i.kind, name: i.name, baseline: i.baseline ?? '', target: i.target ?? '' })),
      ...(carriedOver && { previousYearFinalStatus: existing?.previousYearFinalStatus ?? null }),
      ...(reporters && { reporterIds: (existing && reporters.assigned[existing.id]) ?? [] }),
    },
  });
  const indicators = useFieldArray({ control: f.form.control, name: 'indicators' });
  const measureArea = useController({ control: f.form.control, name: 'measureArea' });
  const mapped = useController({ control: f.form.control, name: 'guidelineElementIds' });
  const ids = mapped.field.value ?? [];
  const named = useController({ control: f.form.control, name: 'reporterIds' });
  const reporterIds = named.field.value ?? [];
  const typedPartners = useController({ control: f.form.control, name: 'partnerIds' });
  const partnerIds = typedPartners.field.value ?? [];
  const groups = useController({ control: f.form.control, name: 'targetGroups' });
  const targetGroups = groups.field.value ?? [];
  const { can } = useSession();
  // The register's organisations of the board and of the whole city; archived ones stay chosen but are not offered.
  const partnerChoices = usePartnerChoices(p.boardId, can('partners.list', p.boardId));
  const title = existing ? t('plans.activity.editHeading') : t('plans.activities.add');
  const elements = (docs.data ?? []).flatMap((d) => d.elements.filter((e) => !e.archived).map((e) => ({ ...e, documentTitle: d.shortTitle ?? d.title })));
  const perspectives = elements.filter((e) => e.kind === 'perspective');
  const mappable = elements.filter((e) => e.kind !== 'measure_area' && e.kind !== 'perspective');
  const nested = f.form.formState.errors.indicators;
  // The options load after the form: a select shows the form's value once its option is there.
  const value = (name: 'perspective' | 'responsibleUnitId' | 'previousYearFinalStatus') => f.form.watch(name) ?? '';

  const submit = f.onSubmit(async (v) => {
    const body = {
      ...v,
      description: v.description || null,
      perspective: v.perspective || null,
      partners: v.partners || null,
      indicators: (v.indicators ?? []).map((i) => ({ kind: i.kind, name: i.name, baseline: i.baseline || null, target: i.target || null })),
    };
    if (existing) await save.mutateAsync({ method: 'PATCH', path: `/api/plans/${p.id}/activities/${existing.id}`, body });
    else await save.mutateAsync({ method: 'POST', path: `/api/plans/${p.id}/activities`, body });
    navigate(`/planer/${p.id}`, { state: { notice: existing ? t('plans.activity.saved', { title: v.title }) : t('plans.activity.added', { title: v.title }) } });
  });

  return (
    <>
      <PlanEditHeading plan={p} title={title} />
      <ErrorSummary errors={f.errors} idPrefix="activity" focusKey={f.submits} />
      <form onSubmit={submit} noValidate>
        <fieldset disabled={f.saving || !p.canEdit} className="plain-fieldset">
          <TextAreaField label={t('plans.activity.title')} rows={2} {...f.field('title')} />
          <TextAreaField label={t('plans.activity.description')} {...f.field('description')} />
          <RadioGroup
            id="activity-measureArea"
            legend={t('plans.activity.measureArea')}
            hint={t('plans.activity.measureAreaHint')}
            error={f.errors.measureArea}
            value={measureArea.field.value ?? ''}
            onChange={(v) => measureArea.field.onChange(v || null)}
            options={[...MEASURE_AREAS.map((a) => ({ value: a as string, label: t(`plans.measureAreas.${a}`) })), { value: '', label: t('plans.activity.unclassified') }]}
          />
          <SelectField label={t('plans.activity.perspective')} {...f.field('perspective')} value={value('perspective')}>
            <option value="">{t('plans.activity.noPerspective')}</option>
            {perspectives.map((e) => (
              <option key={e.id} value={e.label}>
                {e.label}
              </option>
            ))}
          </SelectField>
          <fieldset className="fieldset" id="activity-guidelineElementIds" tabIndex={-1}>
            <legend>{t('plans.activity.elements')}</legend>
            <p className="hint">{t('plans.activity.elementsHint')}</p>
            {f.errors.guidelineElementIds && <p className="field-error">{f.errors.guidelineElementIds}</p>}
            {mappable.map((e) => (
              <div className="plans-radio" key={e.id}>
                <input
                  type="checkbox"
                  id={`activity-el-${e.id}`}
                  checked={ids.includes(e.id)}
                  onChange={(ev) => mapped.field.onChange(ev.target.checked ? [...ids, e.id] : ids.filter((x) => x !== e.id))}
                />
                <label htmlFor={`activity-el-${e.id}`}>
                  {e.label} <span className="plans-small">({e.documentTitle}, {t(`plans.elementKinds.${e.kind}`)})</span>
                </label>
              </div>
            ))}
          </fieldset>
          <TextField label={t('plans.activity.responsible')} hint={t('plans.activity.responsibleHint')} {...f.field('responsible')} />
          <SelectField label={t('plans.activity.unit')} {...f.field('responsibleUnitId', { setValueAs: orNull })} value={value('responsibleUnitId')}>
            <option value="">{t('plans.activity.noUnit')}</option>
            {(units.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
          {reporters && (
            <fieldset className="fieldset" id="activity-reporterIds" tabIndex={-1}>
              <legend>{t('plans.activity.reporters')}</legend>
              <p className="hint">{t('plans.activity.reportersHint')}</p>
              {f.errors.reporterIds && <p className="field-error">{f.errors.reporterIds}</p>}
              {reporters.candidates.length === 0 && <p>{t('plans.activity.noReporterChoices')}</p>}
              {reporters.candidates.map((u) => (
                <div className="plans-radio" key={u.id}>
                  <input
                    type="checkbox"
                    id={`activity-reporter-${u.id}`}
                    checked={reporterIds.includes(u.id)}
                    onChange={(ev) => named.field.onChange(ev.target.checked ? [...reporterIds, u.id] : reporterIds.filter((x) => x !== u.id))}
                  />
                  <label htmlFor={`activity-reporter-${u.id}`}>{u.name}</label>
                </div>
              ))}
            </fieldset>
          )}
          {partnerChoices && (
            <fieldset className="fieldset" id="activity-partnerIds" tabIndex={-1}>
              <legend>{t('plans.activity.partnerIds')}</legend>
              <p className="hint">{t('plans.activity.partnerIdsHint')}</p>
              {f.errors.partnerIds && <p className="field-error">{f.errors.partnerIds}</p>}
              {partnerChoices.length === 0 && <p>{t('plans.activity.noPartnerChoices')}</p>}
              {partnerChoices.map((o) => (
                <div className="plans-radio" key={o.id}>
                  <input
                    type="checkbox"
                    id={`activity-partner-${o.id}`}
                    checked={partnerIds.includes(o.id)}
                    onChange={(ev) => typedPartners.field.onChange(ev.target.checked ? [...partnerIds, o.id] : partnerIds.filter((x) => x !== o.id))}
                  />
                  <label htmlFor={`activity-partner-${o.id}`}>
                    {o.name} <span className="plans-small">({t(`collab.partnerTypes.${o.type}`)})</span>
                  </label>
                </div>
              ))}
            </fieldset>
          )}
          <TextField label={t('plans.activity.partners')} hint={t('plans.activity.partnersHint')} {...f.field('partners')} />
          <fieldset className="fieldset" id="activity-targetGroups" tabIndex={-1}>
            <legend>{t('plans.activity.targetGroups')}</legend>
            {f.errors.targetGroups && <p className="field-error">{f.errors.targetGroups}</p>}
            {TARGET_GROUPS.map((g) => (
              <div className="plans-radio" key={g}>
                <input
                  type="checkbox"
                  id={`activity-group-${g}`}
                  checked={targetGroups.includes(g)}
                  onChange={(ev) => groups.field.onChange(ev.target.checked ? [...targetGroups, g] : targetGroups.filter((x) => x !== g))}
                />
                <label htmlFor={`activity-group-${g}`}>{t(`plans.targetGroups.${g}`)}</label>
              </div>
            ))}
          </fieldset>
          <TextField label={t('plans.activity.timeline')} hint={t('plans.activity.timelineHint')} {...f.field('timeline')} />
          <div className="inline-fields">
            <TextField type="date" label={t('plans.activity.startDate')} {...f.field('startDate', { setValueAs: orNull })} />
            <TextField type="date" label={t('plans.activity.endDate')} {...f.field('endDate', { setValueAs: orNull })} />
          </div>
          <TextAreaField label={t('plans.activity.followUp')} {...f.field('followUp')} />

          <fieldset className="fieldset" id="activity-indicators" tabIndex={-1}>
            <legend>{t('plans.activity.indicators')}</legend>
            <p className="hint">{t('plans.activity.indicatorsHint')}</p>
            {indicators.fields.map((row, n) => (
              <div className="plans-list-row" key={row.id} role="group" aria-label={t('plans.activity.indicatorN', { n: n + 1 })}>
                <SelectField id={`activity-ind-${n}-kind`} label={t('plans.activity.indicatorKind')} error={nested?.[n]?.kind?.message} {...f.form.register(`indicators.${n}.kind`)}>
                  <option value="output">{t('plans.indicatorKinds.output')}</option>
                  <option value="effect">{t('plans.indicatorKinds.effect')}</option>
                </SelectField>
                <TextField id={`activity-ind-${n}-name`} label={t('plans.activity.indicatorName')} error={nested?.[n]?.name?.message} {...f.form.register(`indicators.${n}.name`)} />
                <TextField id={`activity-ind-${n}-baseline`} label={t('plans.activity.baseline')} error={nested?.[n]?.baseline?.message} {...f.form.register(`indicators.${n}.baseline`)} />
                <TextField id={`activity-ind-${n}-target`} label={t('plans.activity.target')} error={nested?.[n]?.target?.message} {...f.form.register(`indicators.${n}.target`)} />
                <button type="button" className="button button--secondary button--small" onClick={() => indicators.remove(n)} aria-label={t('plans.activity.removeIndicatorN', { n: n + 1 })}>
                  {t('common.remove')}
                </button>
              </div>
            ))}
            <button type="button" className="button button--secondary button--small" onClick={() => indicators.append({ kind: 'effect', name: '', baseline: '', target: '' })}>
              {t('plans.activity.addIndicator')}
            </button>
          </fieldset>

          {carriedOver && (
            <SelectField
              label={t('plans.activity.previousStatus')}
              hint={t('plans.activity.previousStatusHint')}
              {...f.field('previousYearFinalStatus', { setValueAs: orNull })}
              value={value('previousYearFinalStatus')}
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
