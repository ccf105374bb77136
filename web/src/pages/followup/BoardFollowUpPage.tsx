import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useQuery } from '../../api/use-query';
import { EmptyState, Loading, LoadError } from '../../components/feedback';
import { PageHeading } from '../../components/PageHeading';
import { dateOf, ScrollTable, PeriodNotice, PeriodPicker, StatusTag, usePeriodLabel, usePeriodParam, type TBoardFollowUp, type TContextValue, type TFollowUpActivity } from './shared';

/** The local coordinator names which of the board's contributors report on an activity. */
function Reporters({ activity, contributors, onSaved }: { activity: TFollowUpActivity; contributors: { id: string; name: string }[]; onSaved(): void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState(new Set(activity.reporters.map((r) => r.id)));
  const [message, setMessage] = useState<string | null>(null);
  async function save(e: FormEvent) {
    e.preventDefault();
    try {
      await api('PUT', `/api/activities/${activity.activityId}/reporters`, { userIds: [...chosen] });
      setMessage(t('followup.assignSaved'));
      onSaved();
    } catch (err) {
      setMessage(err instanceof ApiError ? err.body.message : t('common.networkError'));
    }
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
function ContextLinks({ activity, kpis, onSaved }: { activity: TFollowUpActivity; kpis: { id: string; title: string | null }[]; onSaved(): void }) {
  const { t } = useTranslation();
  const effects = activity.indicators.filter((i) => i.kind === 'effect');
  const [chosen, setChosen] = useState<Record<string, string>>(Object.fromEntries(effects.map((i) => [i.name, activity.contextLinks.find((l) => l.indicatorName === i.name)?.kpiId ?? ''])));
  const [message, setMessage] = useState<string | null>(null);
  if (effects.length === 0 || kpis.length === 0) return null;
  async function save(e: FormEvent) {
    e.preventDefault();
    try {
      await api('PUT', `/api/activities/${activity.activityId}/context-links`, {
        links: Object.entries(chosen).filter(([, k]) => k).map(([indicatorName, kpiId]) => ({ indicatorName, kpiId })),
      });
      setMessage(t('followup.linkSaved'));
      onSaved();
    } catch (err) {
      setMessage(err instanceof ApiError ? err.body.message : t('common.networkError'));
    }
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

export function BoardFollowUpPage() {
  const { t } = useTranslation();
  const { boardId } = useParams();
  const [period, setPeriod] = usePeriodParam();
  const label = usePeriodLabel();
  const q = useQuery<TBoardFollowUp>(`/api/followup/boards/${boardId}${period ? `?period=${period}` : ''}`);
  const d = q.data;
  const context = useQuery<TContextValue[]>(d?.canAssign ? '/api/followup/context-indicators' : null);
  const kpis = [...new Map((context.data ?? []).map((c) => [c.kpiId, { id: c.kpiId, title: c.title }])).values()];
  if (q.loading && !d) return <Loading />;
  if (q.error) return <LoadError message={q.error.message} />;
  if (!d) return null;
  const p = d.period;
  const notReported = d.activities.filter((a) => !a.followUp);
  const delayed = d.activities.filter((a) => a.followUp?.status === 'delayed');
  const reportLink = (a: TFollowUpActivity) => `/uppfoljning/insatser/${a.activityId}?period=${p.period}`;

  return (
    <>
      <p>
        <Link to="/uppfoljning">{t('followup.back')}</Link>
      </p>
      <PageHeading title={t('followup.boardTitle', { board: d.board.name })}>{t('followup.boardTitle', { board: d.board.name })}</PageHeading>
      <PeriodPicker idPrefix="board" value={p.period} onChange={setPeriod} />
      <PeriodNotice period={p} />
      {!d.plan && <EmptyState>{t('followup.noPlan', { year: p.year })}</EmptyState>}
      {d.plan && d.plan.status !== 'approved' && <p className="notice">{t('followup.planNotApprovedBoard', { year: p.year, status: t(`followup.planStatuses.${d.plan.status}`) })}</p>}

      {d.plan && d.plan.status === 'approved' && (
        <>
          <section aria-labelledby="fu-progress">
            <h2 id="fu-progress">{t('followup.progress')}</h2>
            <p>{t('followup.progressText', { reported: d.progress.reported, total: d.progress.total, period: label(p.period) })}</p>
            <dl className="fu-figures">
              {(['done', 'ongoing', 'not_started', 'delayed', 'cancelled', 'not_reported'] as const).map((s) => (
                <div key={s}>
                  <dt>{t(`followup.statuses.${s}`)}</dt>
                  <dd>{d.progress.byStatus[s] ?? 0}</dd>
                </div>
              ))}
            </dl>
          </section>

          <section aria-labelledby="fu-missing">
            <h2 id="fu-missing">{t('followup.notReportedHeading')}</h2>
            {notReported.length === 0 ? (
              <p>{t('followup.allReported')}</p>
            ) : (
              <ul>
                {notReported.map((a) => (
                  <li key={a.activityId}>
                    <Link to={reportLink(a)}>{a.title}</Link> – {t('followup.reporters')}: {a.reporters.length ? a.reporters.map((r) => r.name).join(', ') : `${a.responsible} (${t('followup.noReporters').toLowerCase()})`}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="fu-delayed">
            <h2 id="fu-delayed">{t('followup.delayedHeading')}</h2>
            {delayed.length === 0 ? (
              <p>{t('followup.noneDelayed')}</p>
            ) : (
              <ul>
                {delayed.map((a) => (
                  <li key={a.activityId}>
                    <Link to={reportLink(a)}>{a.title}</Link>: {a.followUp?.comment}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}

      {d.activities.length > 0 && (
        <section aria-labelledby="fu-all">
          <h2 id="fu-all">{t('followup.activitiesHeading')}</h2>
          <ScrollTable label={t('followup.activitiesCaption', { year: p.year, period: label(p.period) })}>
            <table className="table">
              <caption>{t('followup.activitiesCaption', { year: p.year, period: label(p.period) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('followup.activity')}</th>
                  <th scope="col">{t('followup.measureArea')}</th>
                  <th scope="col">{t('followup.status')}</th>
                  <th scope="col">{t('followup.comment')}</th>
                  <th scope="col">{t('followup.reporters')}</th>
                </tr>
              </thead>
              <tbody>
                {d.activities.map((a) => (
                  <tr key={a.activityId}>
                    <th scope="row">
                      <Link to={reportLink(a)}>{a.title}</Link>
                    </th>
                    <td>{t(`followup.areas.${a.measureArea ?? 'unclassified'}`)}</td>
                    <td>
                      <StatusTag status={a.followUp?.status ?? null} />
                    </td>
                    <td>{a.followUp?.comment}</td>
                    <td>
                      {a.reporters.length ? a.reporters.map((r) => r.name).join(', ') : t('followup.noReporters')}
                      {d.canAssign && <Reporters activity={a} contributors={d.contributors} onSaved={() => void q.reload()} />}
                      {d.canAssign && <ContextLinks activity={a} kpis={kpis} onSaved={() => void q.reload()} />}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </section>
      )}

      <section aria-labelledby="fu-analysis" className="fu-analysis">
        <h2 id="fu-analysis">{t('followup.analysisHeading')}</h2>
        {d.analysis ? (
          <>
            <p>
              {d.analysis.reportedAt
                ? t('followup.analysisReported', { date: dateOf(d.analysis.reportedAt), name: d.analysis.reportedByName })
                : t('followup.analysisDraft', { date: dateOf(d.analysis.updatedAt), name: d.analysis.updatedByName })}
            </p>
            {d.analysis.sections.map((s) => (
              <section key={s.key} aria-labelledby={`fu-a-${s.key}`}>
                <h3 id={`fu-a-${s.key}`}>{t(`followup.headings.${s.key}`)}</h3>
                <p>{s.text || '–'}</p>
              </section>
            ))}
          </>
        ) : (
          <p>{t('followup.analysisNone')}</p>
        )}
        {d.canWriteAnalysis && (
          <p>
            <Link className="button" to={`/uppfoljning/namnd/${d.board.id}/analys?period=${p.period}`}>
              {d.analysis ? t('followup.analysisEdit') : t('followup.analysisWrite')}
            </Link>
          </p>
        )}
      </section>
    </>
  );
}
