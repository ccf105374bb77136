import { useMemo, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { checkFields } from '../../../../src/domain/personal-data/guard';
import { Described, describedBy } from '../../components/form';

/** The personal-data guard as you type: the same check the server runs. */
export function usePersonalDataCheck(value: string, subject?: string): string {
  return useMemo(() => checkFields({ v: value }, subject ? { subject } : {})[0]?.message ?? '', [value, subject]);
}

/**
 * A textarea in the form style of components/form.tsx. With `guard`, the personal-data check runs
 * as the person types and its message is read out politely (a live region), before any submit.
 */
export function TextAreaField({
  id,
  label,
  hint,
  error,
  guard,
  guardSubject,
  value,
  ...area
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  guard?: boolean;
  guardSubject?: string;
  value: string;
} & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { t } = useTranslation();
  const checked = usePersonalDataCheck(guard ? value : '', guardSubject);
  // Once the submit has named the problem beside the field, the live warning steps aside.
  const warning = error ? '' : checked;
  return (
    <Described id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={id}
        rows={5}
        value={value}
        aria-invalid={error || warning ? true : undefined}
        aria-describedby={describedBy(id, hint, error, guard && `${id}-guard`)}
        {...area}
      />
      {guard && (
        <p id={`${id}-guard`} className={warning ? 'guard-warning' : 'visually-hidden'} aria-live="polite">
          {warning ? `${t('situation.guard.warningPrefix')} ${warning}` : ''}
        </p>
      )}
    </Described>
  );
}

/** A single-line text input with the same as-you-type guard. */
export function GuardedInput({
  id,
  label,
  hint,
  error,
  value,
  onChange,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  value: string;
  onChange(v: string): void;
}) {
  const { t } = useTranslation();
  const checked = usePersonalDataCheck(value);
  const warning = error ? '' : checked;
  return (
    <Described id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={id}
        value={value}
        autoComplete="off"
        aria-invalid={error || warning ? true : undefined}
        aria-describedby={describedBy(id, hint, error, `${id}-guard`)}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={`${id}-guard`} className={warning ? 'guard-warning' : 'visually-hidden'} aria-live="polite">
        {warning ? `${t('situation.guard.warningPrefix')} ${warning}` : ''}
      </p>
    </Described>
  );
}

export function CheckboxField({ id, label, checked, onChange, hint }: { id: string; label: ReactNode; checked: boolean; onChange(v: boolean): void; hint?: ReactNode }) {
  return (
    <div className="checkbox">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}
