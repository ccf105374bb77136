import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ZAssignReportersRequest, ZContextLinksRequest } from '@shared/modules/followup/schema';
import { useApiMutation } from '../../api/mutation';
import type { TFollowUpActivity } from './shared';

/** The local coordinator names which of the board's contributors report on an activity. */
export function Reporters({ activity, contributors }: { activity: TFollowUpActivity; contributors: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState(new Set(activity.reporters.map((r) => r.id)));
  const write = useApiMutation(['/api/followup']);
  const message = write.isSuccess ? t('followup.assignSaved') : write.error?.message;
  function save(e: FormEvent) {
    e.preventDefault();
    const body: z.input<typeof ZAssignReportersRequest> = { userIds: [...chosen] };
    write.mutate({ method: 'PUT', path: `/api/activities/${activity.activityId}/reporters`, body });
  }
  if (contributors.length === 0) return <p className="hint">{t('followup.noContributors')}</p>;
  return (
    <details className="fu-details">
      <summary>
        {t('followup.assign')}
        <span className="visually-hidden">: {activity.title}</span>
      </summary>
      <form onSubmit={save}>
        <fieldset className="plain-fieldset">
          <legend className="visually-hidden">{t('followup.assignLegend')}</legend>
          <ul className="fu-checks">
            {contributors.map((c) => (
              <li key={c.id}>
                <input
                  type="checkbox"
                  id={`rep-${activity.activityId}-${c.id}`}
                  checked={chosen.has(c.id)}
                  onChange={(e) => setChosen((s) => { const n = new Set(s); if (e.target.checked) n.add(c.id); else n.delete(c.id); return n; })}
                />
                <label htmlFor={`rep-${activity.activityId}-${c.id}`}>{c.name}</label>
              </li>
            ))}
          </ul>
          <button type="submit" className="button button--secondary button--small">
            {t('followup.assignSave')}
          </button>
          {message && <p role="status">{message}</p>}
        </fieldset>
      </form>
    </details>
  );
}

/** The local coordinator links the activity's effect indicators to imported KPIs. */
export function ContextLinks({ activity, kpis }: { activity: TFollowUpActivity; kpis: { id: string; title: string | null }[] }) {
  const { t } = useTranslation();
  const effects = activity.indicators.filter((i) => i.kind === 'effect');
  const [chosen, setChosen] = useState<Record<string, string>>(Object.fromEntries(effects.map((i) => [i.name, activity.contextLinks.find((l) => l.indicatorName === i.name)?.kpiId ?? ''])));
  const write = useApiMutation(['/api/followup', '/api/reports']);
  const message = write.isSuccess ? t('followup.linkSaved') : write.error?.message;
  if (effects.length === 0 || kpis.length === 0) return null;
  function save(e: FormEvent) {
    e.preventDefault();
    const body: z.input<typeof ZContextLinksRequest> = { links: Object.entries(chosen).filter(([, k]) => k).map(([indicatorName, kpiId]) => ({ indicatorName, kpiId })) };
    write.mutate({ method: 'PUT', path: `/api/activities/${activity.activityId}/context-links`, body });
  }
  return (
    <details className="fu-details">
      <summary>
        {t('followup.links')}
        <span className="visually-hidden">: {activity.title}</span>
      </summary>
      <form onSubmit={save}>
        {effects.map((i, n) => (
          <div className="field" key={i.name}>
            <label htmlFor={`kpi-${activity.activityId}-${n}`}>{t('followup.linkLabel', { indicator: i.name })}</label>
            <select id={`kpi-${activity.activityId}-${n}`} value={chosen[i.name] ?? ''} onChange={(e) => setChosen((c) => ({ ...c, [i.name]: e.target.value }))}>
              <option value="">{t('followup.linkNone')}</option>
              {kpis.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.id} {k.title ?? ''}
                </option>
              ))}
            </select>
          </div>
        ))}
        <button type="submit" className="button button--secondary button--small">
          {t('followup.linkSave')}
        </button>
        {message && <p role="status">{message}</p>}
      </form>
    </details>
  );
}
