import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { currentYearInSweden } from '@shared/domain/calendar';
import type { TGrantApplication } from '@shared/modules/grants/schema';
import { StatusTag, type Tone } from '../../components/StatusTag';
import './grants.css';

export type { TGrantApplication, TGrantCriterion } from '@shared/modules/grants/schema';

/** What every grant write changes: the applications (list and one) and the reports' grant counts. */
export const GRANT_READS = ['/api/grant-applications', '/api/reports'];

/** Whole kronor grouped as Swedish writes them (25 000). */
export const groupKronor = (amount: number) => new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 }).format(amount);

/** An amount in whole kronor with its unit (25 000 kr), or a dash when none was given. */
export function useKronor() {
  const { t } = useTranslation();
  return (amount: number | null | undefined) => (amount === null || amount === undefined ? t('grants.noAmount') : t('grants.kronor', { amount: groupKronor(amount) }));
}

/** An input's text as a whole-kronor number for the schema: spaces allowed ("25 000"), blank is "not given". */
export const asKronor = (v: unknown) => {
  if (typeof v !== 'string') return v;
  const s = v.replace(/[\s\u00a0]/g, '');
  return s === '' ? null : Number(s);
};

const STATUS_TONES: Record<TGrantApplication['status'], Tone> = { received: 'neutral', approved: 'ok', rejected: 'off' };

export function GrantStatusTag({ status }: { status: TGrantApplication['status'] }) {
  const { t } = useTranslation();
  return <StatusTag tone={STATUS_TONES[status]}>{t(`grants.statuses.${status}`)}</StatusTag>;
}

/** The follow-up the year after an approval: flagged when its year has come and none is recorded. */
export function FollowUpTag({ application: a }: { application: TGrantApplication }) {
  const { t } = useTranslation();
  if (a.followUp) return <StatusTag tone="ok">{t('grants.followedUp')}</StatusTag>;
  if (a.followUpYear === null) return null;
  return a.followUpYear <= currentYearInSweden() ? <StatusTag tone="warn">{t('grants.followUpDue')}</StatusTag> : <StatusTag>{t('grants.followUpLater', { year: a.followUpYear })}</StatusTag>;
}

/**
 * A radio group in a fieldset: the legend names the question, the hint and error are read with it.
 * The first option's id is `id` (an error summary's link lands there); the others are `<id>-<value>`.
 */
export function RadioGroup({
  id,
  legend,
  hint,
  error,
  options,
  register,
  className,
  children,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: { value: string; label: ReactNode }[];
  register: UseFormRegisterReturn;
  className?: string;
  /** More fields inside the group, after the options (a comment on the choice). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={['fieldset', 'grants-radios', error ? 'grants-radios--error' : '', className].filter(Boolean).join(' ')} aria-describedby={described}>
      <legend>{legend}</legend>
      {hint && (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">{t('form.errorPrefix')}</span> {error}
        </p>
      )}
      <div className="grants-radio-row">
        {options.map((o, i) => {
          const optionId = i === 0 ? id : `${id}-${o.value}`;
          return (
            <div className="grants-radio" key={o.value}>
              <input type="radio" id={optionId} value={o.value} aria-invalid={error ? true : undefined} {...register} />
              <label htmlFor={optionId}>{o.label}</label>
            </div>
          );
        })}
      </div>
      {children}
    </fieldset>
  );
}
