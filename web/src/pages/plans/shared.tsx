import { useState, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { LoadError } from '../../components/feedback';
import { TextAreaField as FormTextAreaField, type FieldProps } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import type { PlanState } from '../../../../src/domain/plans/workflow';
import type { TPlan } from '../../../../src/modules/plans/schema';
import './plans.css';

export type {
  TActivity,
  TCheckResult,
  TCompareResult,
  TEffectiveInstruction,
  TGuidelineDocument,
  TGuidelineElement,
  TIndicator,
  TInstruction,
  TOverview,
  TPlan,
  TPlanSummary,
  TReview,
  TSection,
} from '../../../../src/modules/plans/schema';
export type { PlanState };

export const MEASURE_AREAS = ['general', 'targeted', 'individual'] as const;
export const FINAL_STATUSES = ['not_started', 'ongoing', 'done', 'delayed', 'cancelled'] as const;
export const ELEMENT_KINDS = ['measure_area', 'direction', 'requirement', 'guideline', 'perspective', 'risk'] as const;

const STATUS_TAG: Record<PlanState, string> = {
  draft: '',
  board_decided: 'tag--warn',
  submitted: 'tag--warn',
  in_review: 'tag--warn',
  approved: 'tag--ok',
  returned: 'tag--off',
  superseded: '',
};

/** The plan's state as a tag with a word (never colour alone). */
export function StatusTag({ status }: { status: PlanState }) {
  const { t } = useTranslation();
  return <span className={`tag ${STATUS_TAG[status]}`}>{t(`plans.status.${status}`)}</span>;
}

/** 'YYYY-MM-DD' or an ISO timestamp as a Swedish date (and time). */
export function formatDate(value: string | null | undefined, withTime = false): string {
  if (!value) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const d = new Date(value);
  const date = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  if (!withTime) return date;
  const time = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' }).format(d);
  return `${date} ${time}`;
}

export const currentYear = () => Number(formatDate(new Date().toISOString()).slice(0, 4));

/** A textarea with label, hint and error, three rows unless told. */
export function TextAreaField(props: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <FormTextAreaField rows={3} {...props} />;
}

/** Radio buttons in a fieldset whose legend names the question. */
export function RadioGroup<V extends string>({
  id,
  legend,
  hint,
  error,
  options,
  value,
  onChange,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: { value: V; label: ReactNode }[];
  value: V;
  onChange(v: V): void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset
      className={`fieldset plans-radios${error ? ' field--error' : ''}`}
      id={id}
      aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
    >
      <legend>{legend}</legend>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          <span className="visually-hidden">{t('form.errorPrefix')}</span> {error}
        </p>
      )}
      {options.map((o) => (
        <div className="plans-radio" key={o.value}>
          <input type="radio" id={`${id}-${o.value || 'none'}`} name={id} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
          <label htmlFor={`${id}-${o.value || 'none'}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** Server-sanitised section HTML (p, h3, lists, strong, em, links). */
export function SectionBody({ html }: { html: string }) {
  return <div className="plans-section-body" dangerouslySetInnerHTML={{ __html: html }} />;
}

/** The top of a page that edits part of a plan: back to the plan, the heading, the plan's name, and why it cannot be edited. */
export function PlanEditHeading({ plan, title }: { plan: TPlan; title: string }) {
  const { t } = useTranslation();
  const name = t('plans.planName', { board: plan.boardName, year: plan.year });
  return (
    <>
      <p>
        <Link to={`/planer/${plan.id}`}>{t('plans.backToPlan', { name })}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead">{name}</p>
      {!plan.canEdit && <LoadError message={t('plans.activity.notEditable')} />}
    </>
  );
}

/**
 * A page's outcome line after an action: `done` shows its message and reloads the page's data,
 * `failed` shows why (the API's message, else the network one).
 */
export function useActionOutcome(reload: () => Promise<unknown>, initialNotice = '') {
  const { t } = useTranslation();
  const [notice, setNotice] = useState(initialNotice);
  const [error, setError] = useState('');
  const done = async (message: string) => {
    setError('');
    setNotice(message);
    await reload();
  };
  const failed = (err: unknown) => {
    setNotice('');
    setError(err instanceof ApiError ? err.body.message : t('common.networkError'));
  };
  return { notice, setNotice, error, done, failed };
}
