import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/mutation';
import { useApiQuery } from '../../api/use-query';
import { Notice } from '../../components/feedback';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { ReportForm } from './ReportForm';
import { dateOf, FOLLOWUP_READS, ScrollTable, PeriodNotice, StatusTag, usePeriodLabel, usePeriodParam, type TActivityFollowUp } from './shared';

/** Reporting one activity's status, comment and indicator values for a period. */
export function ReportFormPage() {
  const { id } = useParams();
  const [period] = usePeriodParam();
  const q = useApiQuery<TActivityFollowUp>(`/api/followup/activities/${id}${period ? `?period=${period}` : ''}`);
  return <QueryState query={q}>{(data) => <Report data={data} />}</QueryState>;
}

function Report({ data }: { data: TActivityFollowUp }) {
  const { t } = useTranslation();
  const label = usePeriodLabel();
  const save = useApiMutation(FOLLOWUP_READS);
  const a = data.activity;
  const p = data.period;

  return (
    <>
      <p>
        <Link to={`/uppfoljning/mina?period=${p.period}`}>{t('followup.mineTitle')}</Link>
        {' · '}
        <Link to={`/uppfoljning/namnd/${a.boardId}?period=${p.period}`}>{t('followup.boardTitle', { board: a.boardName })}</Link>
      </p>
      <PageHeading title={`${t('followup.reportTitle')}: ${a.title}`}>
        {t('followup.reportTitle')}: {a.title}
      </PageHeading>
      <dl className="fu-meta">
        <dt>{t('followup.period')}</dt>
        <dd>{label(p.period)}</dd>
        <dt>{t('followup.board')}</dt>
        <dd>{a.boardName}</dd>
        <dt>{t('followup.measureArea')}</dt>
        <dd>{t(`followup.areas.${a.measureArea ?? 'unclassified'}`)}</dd>
        <dt>{t('followup.responsible')}</dt>
        <dd>{a.responsible}</dd>
        <dt>{t('followup.timeline')}</dt>
        <dd>{a.timeline}</dd>
        {a.previous && (
          <>
            <dt>{t('followup.previousReport', { period: a.previous.period })}</dt>
            <dd>
              <StatusTag status={a.previous.status} /> {a.previous.comment}
            </dd>
          </>
        )}
      </dl>
      {save.isSuccess && <Notice>{t('followup.saved', { period: label(p.period) })}</Notice>}
      <PeriodNotice period={p} />
      {data.planStatus !== 'approved' && <p className="notice">{t('followup.planNotApproved')}</p>}
      {!a.canReport && p.state === 'open' && data.planStatus === 'approved' && <p>{t('followup.cannotReport')}</p>}

      {a.canReport && <ReportForm data={data} save={save} />}

      <section aria-labelledby="report-history">
        <h2 id="report-history">{t('followup.history')}</h2>
        {data.history.length === 0 ? (
          <p>{t('followup.noHistory')}</p>
        ) : (
          <ScrollTable label={t('followup.historyCaption')}>
            <table className="table">
              <caption className="visually-hidden">{t('followup.historyCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('followup.period')}</th>
                  <th scope="col">{t('followup.status')}</th>
                  <th scope="col">{t('followup.comment')}</th>
                  <th scope="col">{t('followup.indicators')}</th>
                </tr>
              </thead>
              <tbody>
                {data.history.map((f) => (
                  <tr key={f.id}>
                    <th scope="row">{f.period}</th>
                    <td>
                      <StatusTag status={f.status} />
                      <div className="hint">{t('followup.reportedBy', { name: f.reportedByName, date: dateOf(f.reportedAt) })}</div>
                    </td>
                    <td>{f.comment}</td>
                    <td>
                      {f.indicatorValues.map((v) => (
                        <div key={v.name}>
                          {v.name}: <strong>{String(v.value)}</strong>
                        </div>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
      </section>
    </>
  );
}
