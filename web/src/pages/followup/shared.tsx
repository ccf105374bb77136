import { forwardRef, useEffect, useRef, useState, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TPeriodInfo } from '@shared/modules/followup/schema';
import { TextAreaField as FormTextAreaField, type FieldProps } from '../../components/form';
import './followup.css';

export type { TActivityFollowUp, TAnalysis, TBoardFollowUp, TContextImportResult, TContextValue, TFollowUp, TFollowUpActivity, TMyActivities, TPeriodInfo } from '@shared/modules/followup/schema';

export const PERIOD_KINDS = ['T1', 'T2', 'VB'] as const;
export const STATUSES = ['not_started', 'ongoing', 'done', 'delayed', 'cancelled'] as const;
export const HEADINGS = ['general', 'targeted', 'individual', 'effects', 'training', 'situation', 'collaboration', 'next_year'] as const;

export const thisYear = () => new Date().getFullYear();
export const dateOf = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '');

/** A status as a tag: the word always carries the meaning, the colour only helps. */
export function StatusTag({ status }: { status: string | null | undefined }) {
  const { t } = useTranslation();
  const s = status ?? 'not_reported';
  return <span className={`tag fu-status--${s}`}>{t(`followup.statuses.${s}`)}</span>;
}

/** The period chosen in the address (?period=2026-T2), or null for the server's default. */
export function usePeriodParam(): [string | null, (p: string) => void] {
  const [params, setParams] = useSearchParams();
  return [params.get('period'), (p) => setParams((prev) => { const n = new URLSearchParams(prev); n.set('period', p); return n; })];
}

/** Year and period as two selects; a GET form so the choice is in the address and works without script. */
export function PeriodPicker({ value, onChange, idPrefix }: { value: string; onChange(period: string): void; idPrefix: string }) {
  const { t } = useTranslation();
  const [year, kind] = value.split('-');
  const years = Array.from({ length: 6 }, (_, i) => thisYear() + 1 - i);
  return (
    <form
      className="fu-filters"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        onChange(`${data.get('year')}-${data.get('kind')}`);
      }}
    >
      <div className="field">
        <label htmlFor={`${idPrefix}-year`}>{t('followup.year')}</label>
        <select id={`${idPrefix}-year`} name="year" defaultValue={year} key={`y${year}`}>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-kind`}>{t('followup.period')}</label>
        <select id={`${idPrefix}-kind`} name="kind" defaultValue={kind} key={`k${kind}`}>
          {PERIOD_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`followup.periods.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button button--secondary">
        {t('followup.show')}
      </button>
    </form>
  );
}

/** "2026-T2" → "Tertial 2 (maj–augusti) 2026". */
export function usePeriodLabel() {
  const { t } = useTranslation();
  return (period: string) => {
    const [year, kind] = period.split('-');
    return `${t(`followup.periods.${kind}`)} ${year}`;
  };
}

/** "2026-05-15" → "15 maj 2026" (the language's long date; the date is a calendar day, read in UTC). */
export function useLongDate() {
  const { i18n } = useTranslation();
  const fmt = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return (iso: string) => fmt.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
}

/** "Sista dag: 15 maj 2026" (or "Sista dag var …" once it has passed), the period's deadline as a unit manager reads it. */
export function DeadlineLine({ period }: { period: TPeriodInfo }) {
  const { t } = useTranslation();
  const long = useLongDate();
  return (
    <p className="fu-deadline">
      <strong>{t(period.deadlinePassed ? 'followup.deadlinePassedLine' : 'followup.deadlineLine', { date: long(period.deadline) })}</strong>
    </p>
  );
}

/** An overdue report, as a tag with its word. */
export function OverdueTag() {
  const { t } = useTranslation();
  return <span className="tag fu-overdue">{t('followup.overdue')}</span>;
}

/** Why the period cannot take reports, or nothing when it is open. */
export function PeriodNotice({ period }: { period: TPeriodInfo }) {
  const { t } = useTranslation();
  if (period.state === 'open') return null;
  return (
    <div className="notice notice--warning" role="status">
      {period.state === 'closed' ? t('followup.periodClosed', { period: period.period }) : t('followup.periodNotOpen', { period: period.period, date: period.opensOn })}
    </div>
  );
}

/** A multi-line text field with label, hint and error, like TextField. */
export const TextAreaField = forwardRef<HTMLTextAreaElement, FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>>(function TextAreaField(props, ref) {
  return <FormTextAreaField ref={ref} className="fu-textarea" {...props} />;
});

export { ScrollTable } from '../../components/ScrollTable';

/**
 * What a follow-up write changes: the follow-up reads, the reports built from them, and audit
 * measures whose status comes from an activity's follow-up.
 */
export const FOLLOWUP_READS = ['/api/followup', '/api/reports', '/api/audit-reports'];
