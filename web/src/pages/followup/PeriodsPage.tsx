import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client';
import { useQuery } from '../../api/use-query';
import { ConfirmDialog, Loading, LoadError, Notice } from '../../components/feedback';
import { ErrorSummary, TextField, type FieldErrors } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { thisYear, usePeriodLabel, type TPeriodInfo } from './shared';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

function PeriodDates({ period, onSaved }: { period: TPeriodInfo; onSaved(message: string): void }) {
  const { t } = useTranslation();
  const label = usePeriodLabel();
  const [opensOn, setOpensOn] = useState(period.opensOn);
  const [closesOn, setClosesOn] = useState(period.closesOn ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const prefix = `dates-${period.kind}`;
  async function submit(e: FormEvent) {
    e.preventDefault();
    const local: FieldErrors = {};
    if (!ISO.test(opensOn)) local.opensOn = t('followup.dateInvalid');
    if (closesOn && !ISO.test(closesOn)) local.closesOn = t('followup.dateInvalid');
    setErrors(local);
    if (Object.keys(local).length) return;
    try {
      await api('PATCH', `/api/followup/periods/${period.period}`, { opensOn, closesOn: closesOn || null });
      onSaved(t('followup.datesSaved', { period: label(period.period) }));
    } catch (err) {
      const out: FieldErrors = {};
      if (err instanceof ApiError) for (const f of err.body.fields ?? []) out[f.field === 'closesOn' ? 'closesOn' : 'opensOn'] ??= f.message;
      if (!Object.keys(out).length) out.opensOn = err instanceof ApiError ? err.body.message : t('common.networkError');
      setErrors(out);
    }
  }
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={errors} idPrefix={prefix} />
      <fieldset className="fieldset">
        <legend>{t('followup.datesLegend', { period: label(period.period) })}</legend>
        <div className="inline-fields">
          <TextField id={`${prefix}-opensOn`} label={t('followup.opensOnLabel')} value={opensOn} error={errors.opensOn} inputMode="numeric" onChange={(e) => setOpensOn(e.target.value)} />
          <TextField id={`${prefix}-closesOn`} label={t('followup.closesOnLabel')} hint={t('followup.closesOnHint')} value={closesOn} error={errors.closesOn} inputMode="numeric" onChange={(e) => setClosesOn(e.target.value)} />
        </div>
        <button type="submit" className="button button--secondary">
          {t('followup.saveDates')}
          <span className="visually-hidden">: {label(period.period)}</span>
        </button>
      </fieldset>
    </form>
  );
}

/** The central coordinator opens, closes and reopens the year's periods. */
export function PeriodsPage() {
  const { t } = useTranslation();
  const label = usePeriodLabel();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? thisYear());
  const q = useQuery<TPeriodInfo[]>(`/api/followup/periods?year=${year}`);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [closing, setClosing] = useState<TPeriodInfo | null>(null);

  async function act(p: TPeriodInfo, what: 'close' | 'reopen') {
    setClosing(null);
    setError(null);
    try {
      await api('POST', `/api/followup/periods/${p.period}/${what}`, what === 'reopen' ? {} : undefined);
      setNotice(t(what === 'close' ? 'followup.closed' : 'followup.reopened', { period: label(p.period) }));
      await q.reload();
    } catch (err) {
      setError(err instanceof ApiError ? err.body.message : t('common.networkError'));
    }
  }

  return (
    <>
      <p>
        <Link to="/uppfoljning">{t('followup.back')}</Link>
      </p>
      <PageHeading title={t('followup.periodsTitle')}>{t('followup.periodsTitle')}</PageHeading>
      <p className="lead">{t('followup.periodsLead')}</p>
      <form
        className="fu-filters"
        onSubmit={(e) => {
          e.preventDefault();
          setParams({ year: String(new FormData(e.currentTarget).get('year')) });
        }}
      >
        <div className="field">
          <label htmlFor="periods-year">{t('followup.year')}</label>
          <select id="periods-year" name="year" defaultValue={year} key={year}>
            {Array.from({ length: 6 }, (_, i) => thisYear() + 1 - i).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t('followup.show')}
        </button>
      </form>
      {notice && <Notice>{notice}</Notice>}
      {error && (
        <div className="error-summary" role="alert">
          <p>{error}</p>
        </div>
      )}
      {q.loading && !q.data && <Loading />}
      {q.error && <LoadError message={q.error.message} />}
      {q.data?.map((p) => (
        <section key={p.period} aria-labelledby={`period-${p.kind}`} className="panel">
          <h2 id={`period-${p.kind}`}>
            {label(p.period)} <span className={`tag ${p.state === 'open' ? 'tag--ok' : 'tag--off'}`}>{t(`followup.states.${p.state}`)}</span>
          </h2>
          <p>
            {t('followup.opensOn')}: {p.opensOn}. {t('followup.closesOn')}: {p.closesOn ?? t('followup.noCloseDate')}.
          </p>
          <div className="button-row">
            {p.state === 'closed' ? (
              <button type="button" className="button" onClick={() => void act(p, 'reopen')}>
                {t('followup.reopen', { period: label(p.period) })}
              </button>
            ) : (
              <button type="button" className="button button--warning" onClick={() => setClosing(p)}>
                {t('followup.close', { period: label(p.period) })}
              </button>
            )}
          </div>
          <PeriodDates key={`${p.opensOn}-${p.closesOn}`} period={p} onSaved={(m) => { setNotice(m); void q.reload(); }} />
        </section>
      ))}
      <ConfirmDialog
        open={closing !== null}
        title={closing ? t('followup.closeConfirm', { period: label(closing.period) }) : ''}
        confirmLabel={closing ? t('followup.close', { period: label(closing.period) }) : ''}
        onConfirm={() => closing && void act(closing, 'close')}
        onCancel={() => setClosing(null)}
      >
        <p>{t('followup.closeText')}</p>
      </ConfirmDialog>
    </>
  );
}
