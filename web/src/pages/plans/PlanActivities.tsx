import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ZMeasureAreaGaps } from '@shared/modules/plans/schema';
import { useApiMutation } from '../../api/mutation';
import { useApiQuery } from '../../api/use-query';
import { useSession } from '../../auth/session';
import { useApiForm } from '../../components/api-form';
import { EmptyState } from '../../components/feedback';
import { ErrorSummary } from '../../components/form';
import { formatDate, MEASURE_AREAS, PLAN_READS, TextAreaField, type PlanActions, type TActivity, type TPlan } from './shared';

type TPartnerName = { id: string; name: string };

function ActivityCell({ a }: { a: TActivity }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="plans-activity-title">{a.title}</span>
      {a.description && <p className="plans-small">{a.description}</p>}
      {a.perspective && <p className="plans-small">{t('plans.activity.perspectiveValue', { value: a.perspective })}</p>}
      {a.targetGroups.length > 0 && <p className="plans-small">{t('plans.activity.targetGroupsValue', { value: a.targetGroups.map((g) => t(`plans.targetGroups.${g}`)).join(', ') })}</p>}
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

/** The plan's activities by measure area, with edit, move, remove and restore for its editors. */
export function Activities({ plan, act, ask }: { plan: TPlan } & Pick<PlanActions, 'act' | 'ask'>) {
  const { t } = useTranslation();
  const { can } = useSession();
  // The typed partners' names, from the register (archived ones too: an activity keeps its partner).
  const readsRegister = can('partners.list', plan.boardId) && plan.activities.some((a) => a.partnerIds.length > 0);
  const city = useApiQuery<TPartnerName[]>(readsRegister ? '/api/partners' : null);
  const archived = useApiQuery<TPartnerName[]>(readsRegister ? '/api/partners?archived=true' : null);
  const partnerNames = new Map([...(city.data ?? []), ...(archived.data ?? [])].map((x) => [x.id, x.name]));
  const remove = (a: TActivity) =>
    ask({
      title: t('plans.activity.confirmRemove', { title: a.title }),
      text: t('plans.activity.confirmRemoveText'),
      confirmLabel: t('plans.activity.remove'),
      run: () => act({ method: 'DELETE', path: `/api/plans/${plan.id}/activities/${a.id}` }, t('plans.activity.removed', { title: a.title })),
    });
  const restore = (a: { id: string; title: string }) =>
    act({ method: 'POST', path: `/api/plans/${plan.id}/activities/${a.id}/restore`, body: {} }, t('plans.activity.restored', { title: a.title }));
  const groups = [...MEASURE_AREAS, null].map((area) => ({ area, items: plan.activities.filter((a) => a.measureArea === area) })).filter((g) => g.items.length);

  async function move(a: TActivity, group: TActivity[], dir: -1 | 1) {
    const i = group.indexOf(a);
    const other = group[i + dir];
    if (!other) return;
    const order = plan.activities.map((x) => x.id);
    const ia = order.indexOf(a.id);
    const io = order.indexOf(other.id);
    [order[ia], order[io]] = [order[io], order[ia]];
    await act({ method: 'PUT', path: `/api/plans/${plan.id}/activity-order`, body: { activityIds: order } }, t('plans.activity.moved', { title: a.title }));
  }

  return (
    <section aria-labelledby="activities-heading" id="insatser" tabIndex={-1}>
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
                <tr key={a.id} id={`insats-${a.id}`} tabIndex={-1}>
                  <td>
                    <ActivityCell a={a} />
                  </td>
                  <td>{a.responsible}</td>
                  <td>
                    {a.partnerIds.length > 0 && <p className="plans-small">{a.partnerIds.map((id) => partnerNames.get(id)).filter(Boolean).join(', ')}</p>}
                    {a.partners}
                  </td>
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

const gapOf = (plan: TPlan, area: (typeof MEASURE_AREAS)[number]) => (plan.measureAreaGaps as Record<string, string | null | undefined>)[area] ?? '';

/** Why a measure area has no activities: explained by the board, read by everyone. */
export function GapExplanations({ plan, onSaved }: { plan: TPlan; onSaved(message: string): void }) {
  const { t } = useTranslation();
  const missing = MEASURE_AREAS.filter((a) => !plan.activities.some((x) => x.measureArea === a));
  const save = useApiMutation(PLAN_READS);
  const f = useApiForm(ZMeasureAreaGaps, {
    idPrefix: 'gaps',
    defaultValues: { general: gapOf(plan, 'general'), targeted: gapOf(plan, 'targeted'), individual: gapOf(plan, 'individual') },
  });
  const gaps = f.form.watch();
  const explained = Object.entries(plan.measureAreaGaps).filter(([, v]) => v);
  if (missing.length === 0 && explained.length === 0) return null;

  const submit = f.onSubmit(async (values) => {
    const measureAreaGaps = Object.fromEntries(MEASURE_AREAS.map((a) => [a, values[a] || null]));
    await save.mutateAsync({ method: 'PATCH', path: `/api/plans/${plan.id}`, body: { measureAreaGaps } });
    onSaved(t('plans.gaps.saved'));
  });

  return (
    <section aria-labelledby="gaps-heading" id="insatsomraden" tabIndex={-1}>
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
          <ErrorSummary errors={f.errors} idPrefix="gaps" focusKey={f.submits} />
          <fieldset disabled={f.saving} className="plain-fieldset">
            {MEASURE_AREAS.filter((a) => missing.includes(a) || gaps[a]).map((a) => (
              <TextAreaField key={a} label={t('plans.gaps.label', { area: t(`plans.measureAreas.${a}`) })} {...f.field(a)} />
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
