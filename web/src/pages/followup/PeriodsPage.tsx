import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ZSetDeadlineDefaultsRequest, ZUpdatePeriodRequest, type TDeadlineDefaults } from '@shared/modules/followup/schema';
import { useApiMutation } from '../../api/mutation';
import { useApiQuery } from '../../api/use-query';
import { useApiForm } from '../../components/api-form';
import { ConfirmDialog, LoadError, Notice } from '../../components/feedback';
import { ErrorSummary, TextField } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/QueryState';
import { PERIOD_KINDS, thisYear, useLongDate, usePeriodLabel, type TPeriodInfo } from './shared';

/** Opening and closing periods changes what can be reported and what the reports show. */
const PERIOD_READS = ['/api/followup', '/api/reports'];

/** Both dates in the form; a closing date left blank is "none" (null). */
const ZDates = ZUpdatePeriodRequest.required({ opensOn: true });
const blankAsNull = (v: unknown) => (v === '' ? null : v);

/** A period's opening and closing dates, as the central coordinator sets them. */
function PeriodDates({ period, onSaved }: { period: TPeriodInfo; onSaved(message: string): void }) {
  const { t } = useTranslation();
  const label = usePeriodLabel();
  const prefix = `dates-${period.kind}`;
  const save = useApiMutation(PERIOD_READS);
  const f = useApiForm(ZDates, { idPrefix: prefix, defaultValues: { opensOn: period.opensOn, closesOn: period.closesOn, deadline: period.deadlineIsDefault ? null : period.deadline } });
  const submit = f.onSubmit(async (body) => {
    await save.mutateAsync({ method: 'PATCH', path: `/api/followup/periods/${period.period}`, body });
    onSaved(t('followup.datesSaved', { period: label(period.period) }));
  });
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={f.errors} idPrefix={prefix} focusKey={f.submits} />
      <fieldset disabled={f.saving} className="fieldset">
        <legend>{t('followup.datesLegend', { period: label(period.period) })}</legend>
        <div className="inline-fields">
          <TextField label={t('followup.opensOnLabel')} inputMode="numeric" {...f.field('opensOn')} />
          <TextField label={t('followup.closesOnLabel')} hint={t('followup.closesOnHint')} inputMode="numeric" {...f.field('closesOn', { setValueAs: blankAsNull })} />
          <TextField label={t('followup.deadlineLabel')} hint={t('followup.deadlineHint')} inputMode="numeric" {...f.field('deadline', { setValueAs: blankAsNull })} />
        </div>
        <button type="submit" className="button button--secondary">
          {t('followup.saveDates')}
          <span className="visually-hidden">: {label(period.period)}</span>
        </button>
      </fieldset>
    </form>
  );
}

/** The municipality's default deadline day per period kind, as the central coordinator sets them. */
function DeadlineDefaults({ onSaved }: { onSaved(message: string): void }) {
  const { t } = useTranslation();
  const q = useApiQuery<TDeadlineDefaults>('/api/followup/deadlines');
  return (
    <section aria-labelledby="deadline-defaults" className="panel">
      <h2 id="deadline-defaults">{t('followup.defaultsHeading')}</h2>
      <p>{t('followup.defaultsLead')}</p>
      <QueryState query={q}>{(d) => <DeadlineDefaultsForm key={`${d.T1}${d.T2}${d.VB}`} defaults={d} onSaved={onSaved} />}</QueryState>
    </section>
  );
}

function DeadlineDefaultsForm({ defaults, onSaved }: { defaults: TDeadlineDefaults; onSaved(message: string): void }) {
  const { t } = useTranslation();
  const save = useApiMutation(PERIOD_READS);
  const f = useApiForm(ZSetDeadlineDefaultsRequest, { idPrefix: 'defaults', defaultValues: defaults });
  const submit = f.onSubmit(async (body) => {
    await save.mutateAsync({ method: 'PUT', path: '/api/followup/deadlines', body });
    onSaved(t('followup.defaultsSaved'));
  });
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary errors={f.errors} idPrefix="defaults" focusKey={f.submits} />
      <fieldset disabled={f.saving} className="fieldset">
        <legend>{t('followup.defaultsLegend')}</legend>
        <div className="inline-fields">
          {PERIOD_KINDS.map((k) => (
            <TextField key={k} label={t('followup.defaultLabel', { period: t(`followup.periods.${k}`) })} inputMode="numeric" {...f.field(k)} />
          ))}
        </div>
        <button type="submit" className="button button--secondary">
          {t('followup.saveDefaults')}
        </button>
      </fieldset>
    </form>
  );
}

/** The central coordinator opens, closes and reopens the year's periods and sets their deadlines. */
export function PeriodsPage() {
  const { t } = useTranslation();
  const label = usePeriodLabel();
  const long = useLongDate();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? thisYear());
  const q = useApiQuery<TPeriodInfo[]>(`/api/followup/periods?year=${year}`);
  const [notice, setNotice] = useState<string | null>(null);
  const [closing, setClosing] = useState<TPeriodInfo | null>(null);
  const toggle = useApiMutation(PERIOD_READS);

  function act(p: TPeriodInfo, what: 'close' | 'reopen') {
    setClosing(null);
    toggle.mutate(
      { method: 'POST', path: `/api/followup/periods/${p.period}/${what}`, body: what === 'reopen' ? {} : undefined },
      { onSuccess: () => setNotice(t(what === 'close' ? 'followup.closed' : 'followup.reopened', { period: label(p.period) })) },
    );
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
      {toggle.error && <LoadError message={toggle.error.message} />}
      <DeadlineDefaults onSaved={setNotice} />
      <QueryState query={q}>
        {(periods) =>
          periods.map((p) => (
            <section key={p.period} aria-labelledby={`period-${p.kind}`} className="panel">
              <h2 id={`period-${p.kind}`}>
                {label(p.period)} <span className={`tag ${p.state === 'open' ? 'tag--ok' : 'tag--off'}`}>{t(`followup.states.${p.state}`)}</span>
              </h2>
              <p>
                {t('followup.opensOn')}: {p.opensOn}. {t('followup.closesOn')}: {p.closesOn ?? t('followup.noCloseDate')}. {t('followup.deadline')}: {long(p.deadline)}
                {p.deadlineIsDefault && ` (${t('followup.deadlineDefault')})`}.
              </p>
              <div className="button-row">
                {p.state === 'closed' ? (
                  <button type="button" className="button" onClick={() => act(p, 'reopen')}>
                    {t('followup.reopen', { period: label(p.period) })}
                  </button>
                ) : (
                  <button type="button" className="button button--warning" onClick={() => setClosing(p)}>
                    {t('followup.close', { period: label(p.period) })}
                  </button>
                )}
              </div>
              <PeriodDates key={`${p.opensOn}-${p.closesOn}-${p.deadline}`} period={p} onSaved={setNotice} />
            </section>
          ))
        }
      </QueryState>
      <ConfirmDialog
        open={closing !== null}
        title={closing ? t('followup.closeConfirm', { period: label(closing.period) }) : ''}
        confirmLabel={closing ? t('followup.close', { period: label(closing.period) }) : ''}
        onConfirm={() => closing && act(closing, 'close')}
        onCancel={() => setClosing(null)}
      >
        <p>{t('followup.closeText')}</p>
      </ConfirmDialog>
    </>
  );
}
