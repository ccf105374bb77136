import { forwardRef, useState, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PlanState } from '@shared/domain/plans/workflow';
import type { TPlan } from '@shared/modules/plans/schema';
import { ApiError } from '../../api/client';
import type { Write } from '../../api/mutation';
import { LoadError } from '../../components/feedback';
import { TextAreaField as FormTextAreaField, type FieldProps } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
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
} from '@shared/modules/plans/schema';
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
export const TextAreaField = forwardRef<HTMLTextAreaElement, FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>>(function TextAreaField(props, ref) {
  return <FormTextAreaField ref={ref} rows={3} {...props} />;
});

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

/** A far-reaching action the page asks about first, in its one confirmation dialog. */
export interface Question {
  title: string;
  text: string;
  confirmLabel: string;
  run(): Promise<void>;
}

/** What the plan page gives its parts: `act` writes and shows `message` (or why it failed), `ask` confirms first. */
export interface PlanActions {
  act(write: Write, message: string): Promise<void>;
  failed(err: unknown): void;
  ask(q: Question): void;
}

/** What every write to a plan may change: the plan's own reads, the reports and follow-up built on it. */
export const PLAN_READS = ['/api/plans', '/api/reports', '/api/followup', '/api/activities'];

/**
 * A page's outcome line after an action: `done` shows its message (the mutation has already
 * fetched the page's data again), `failed` shows why (the API's message, else the network one).
 */
export function useActionOutcome(initialNotice = '') {
  const { t } = useTranslation();
  const [notice, setNotice] = useState(initialNotice);
  const [error, setError] = useState('');
  const done = (message: string) => {
    setError('');
    setNotice(message);
  };
  const failed = (err: unknown) => {
    setNotice('');
    setError(err instanceof ApiError ? err.body.message : t('common.networkError'));
  };
  return { notice, setNotice, error, done, failed };
}
