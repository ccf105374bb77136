import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useQuery } from '../../api/use-query';
import { Loading, LoadError, Notice } from '../../components/feedback';
import { ErrorSummary, SelectField, TextField, type FieldErrors } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { NameConfirmation, useNameConfirmation } from '../situation/fields';
import { dateOf, ScrollTable, PeriodNotice, StatusTag, STATUSES, TextAreaField, usePeriodLabel, usePeriodParam, type TActivityFollowUp } from './shared';

/** Reporting one activity's status, comment and indicator values for a period. */
export function ReportFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const [period] = usePeriodParam();
  const label = usePeriodLabel();
  const q = useQuery<TActivityFollowUp>(`/api/followup/activities/${id}${period ? `?period=${period}` : ''}`);
  const [status, setStatus] = useState('');
  const [comment, setComment] = useState('');
  const [values, setValues] = useState<string[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const names = useNameConfirmation();

  const data = q.data;
  useEffect(() => {
    if (!data) return;
    const f = data.activity.followUp;
    setStatus(f?.status ?? '');
    setComment(f?.comment ?? '');
    setValues(data.activity.indicators.map((i) => String(f?.indicatorValues.find((v) => v.name === i.name)?.value ?? '')));
  }, [data]);

  if (q.loading && !data) return <Loading />;
  if (q.error) return <LoadError message={q.error.message} />;
  if (!data) return null;
  const a = data.activity;
  const p = data.period;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const local: FieldErrors = {};
    if (!status) local.status = t('followup.statusMissing');
    if ((status === 'delayed' || status === 'cancelled') && !comment.trim()) local.comment = t('followup.commentMissing');
    setErrors(local);
    if (Object.keys(local).length) return;
    setSaving(true);
    try {
      await api('POST', `/api/activities/${a.activityId}/follow-ups`, {
        period: p.period,
        status,
        comment: comment.trim() || null,
        indicatorValues: a.indicators.map((i, n) => ({ name: i.name, value: values[n]?.trim() ? values[n].trim() : null })),
        ...names.extra,
      });
      names.clear();
      setSaved(true);
      await q.reload();
    } catch (err) {
      const keyOf = (field: string) => {
        const m = /^indicatorValues\.(\d+)\./.exec(field);
        return m ? `ind-${m[1]}` : ['status', 'comment'].includes(field) ? field : 'status';
      };
      const held = names.heldErrors(err, keyOf, t);
      if (held) return setErrors(held);
      const out: FieldErrors = {};
      if (err instanceof ApiError) {
        for (const f of err.body.fields ?? []) out[keyOf(f.field)] ??= f.message;
        if (!err.body.fields?.length) out.status = err.body.message;
      } else out.status = t('common.networkError');
      setErrors(out);
    } finally {
      setSaving(false);
    }
  }

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
      {saved && <Notice>{t('followup.saved', { period: label(p.period) })}</Notice>}
      <PeriodNotice period={p} />
      {data.planStatus !== 'approved' && <p className="notice">{t('followup.planNotApproved')}</p>}
      {!a.canReport && p.state === 'open' && data.planStatus === 'approved' && <p>{t('followup.cannotReport')}</p>}

      {a.canReport && (
        <>
          <ErrorSummary errors={errors} idPrefix="report" />
          <form onSubmit={submit} noValidate>
            <fieldset disabled={saving} className="plain-fieldset">
              <SelectField id="report-status" label={t('followup.status')} hint={t('followup.statusHint')} value={status} error={errors.status} onChange={(e) => setStatus(e.target.value)}>
                <option value="">{t('followup.choose')}</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`followup.statuses.${s}`)}
                  </option>
                ))}
              </SelectField>
              <TextAreaField
                id="report-comment"
                label={t('followup.comment')}
                hint={t('followup.commentHint')}
                value={comment}
                error={errors.comment}
                maxLength={4000}
                rows={5}
                onChange={(e) => {
                  names.changed();
                  setComment(e.target.value);
                }}
              />
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
                      value={values[n] ?? ''}
                      error={errors[`ind-${n}`]}
                      autoComplete="off"
                      onChange={(e) => {
                        names.changed();
                        setValues((v) => v.map((x, k) => (k === n ? e.target.value : x)));
                      }}
                    />
                  ))}
                </fieldset>
              )}
              <NameConfirmation idPrefix="report" state={names} />
              <button type="submit" className="button">
                {saving ? t('followup.saving') : t('followup.submit')}
              </button>
            </fieldset>
          </form>
        </>
      )}

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
