import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/use-query';
import { EmptyState } from '../../components/feedback';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { ContextLinks, Reporters } from './BoardAssignForms';
import { dateOf, DeadlineLine, OverdueTag, ScrollTable, PeriodNotice, PeriodPicker, StatusTag, usePeriodLabel, usePeriodParam, type TBoardFollowUp, type TContextValue, type TFollowUpActivity } from './shared';

export function BoardFollowUpPage() {
  const { boardId } = useParams();
  const [period, setPeriod] = usePeriodParam();
  const q = useApiQuery<TBoardFollowUp>(`/api/followup/boards/${boardId}${period ? `?period=${period}` : ''}`);
  return <QueryState query={q}>{(d) => <BoardFollowUp d={d} setPeriod={setPeriod} />}</QueryState>;
}

function BoardFollowUp({ d, setPeriod }: { d: TBoardFollowUp; setPeriod(period: string): void }) {
  const { t } = useTranslation();
  const label = usePeriodLabel();
  const context = useApiQuery<TContextValue[]>(d.canAssign ? '/api/followup/context-indicators' : null);
  const kpis = [...new Map((context.data ?? []).map((c) => [c.kpiId, { id: c.kpiId, title: c.title }])).values()];
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
      <DeadlineLine period={p} />
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
                    <Link to={reportLink(a)}>{a.title}</Link> {a.overdue && <OverdueTag />} – {t('followup.reporters')}: {a.reporters.length ? a.reporters.map((r) => r.name).join(', ') : `${a.responsible} (${t('followup.noReporters').toLowerCase()})`}
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
                      <StatusTag status={a.followUp?.status ?? null} /> {a.overdue && <OverdueTag />}
                    </td>
                    <td>{a.followUp?.comment}</td>
                    <td>
                      {a.reporters.length ? a.reporters.map((r) => r.name).join(', ') : t('followup.noReporters')}
                      {d.canAssign && <Reporters activity={a} contributors={d.contributors} />}
                      {d.canAssign && <ContextLinks activity={a} kpis={kpis} />}
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
