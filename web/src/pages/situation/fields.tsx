import { useMemo, useState, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { checkFields } from '../../../../src/domain/personal-data/guard';
import { Described, describedBy, errorsFrom, type FieldErrors } from '../../components/form';

/**
 * The personal-data guard as you type: the same pattern check the server runs (personnummer,
 * phone, e-mail, address). Names are checked on the server only — its name data would make the
 * app much larger — and come back in a 422 `personal_data_possible` answer (`useNameConfirmation`).
 */
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

/** One field the server held back because it may hold a person's name, with the words. */
export interface HeldField {
  field: string;
  message: string;
  words: string[];
}

/** The fields of a 422 `personal_data_possible` answer, or null for any other error. */
export function heldNames(err: unknown): HeldField[] | null {
  if (!err || typeof err !== 'object' || !('body' in err)) return null;
  const body = (err as { body?: { code?: string; fields?: { field: string; message: string; words?: string[] }[] } }).body;
  if (body?.code !== 'personal_data_possible') return null;
  return (body.fields ?? []).map((f) => ({ field: f.field, message: f.message, words: f.words ?? [] }));
}

const quoted = (words: string[]) => words.map((w) => `”${w}”`).join(', ');

/**
 * A form's part in the name check. When the server holds text back as a possible name, the
 * form shows the words beside each field and in the error summary, and a checkbox
 * (`NameConfirmation`) to confirm that no person can be identified; the next submit sends
 * `confirmNoPersonalData` (`extra`). Changing the text withdraws the confirmation: the writer
 * confirms the text they saw.
 *
 * `confirmField` is the checkbox's key: its id is `<idPrefix>-<confirmField>`, so the error
 * summary links to it.
 */
export function useNameConfirmation(confirmField = 'confirmNoPersonalData') {
  const [held, setHeld] = useState<HeldField[] | null>(null);
  const [confirmed, setConfirmed] = useState(false);

  /**
   * Field errors for the possible names of a failed submit, or null when it failed otherwise.
   * `keyOf` maps an API field to the form's error key. The words go into each field's message;
   * one more entry links the error summary to the checkbox.
   */
  function heldErrors(err: unknown, keyOf: (field: string) => string, t: TFunction): FieldErrors | null {
    const names = heldNames(err);
    setHeld(names);
    setConfirmed(false);
    if (!names) return null;
    const errors: FieldErrors = {};
    for (const n of names) errors[keyOf(n.field)] ??= `${n.message} ${t('situation.guard.words', { words: quoted(n.words) })}`;
    errors[confirmField] = t('situation.guard.confirmMissing');
    return errors;
  }

  return {
    held,
    confirmed,
    confirmField,
    setConfirmed,
    /** What the next request adds to its body. */
    extra: held && confirmed ? { confirmNoPersonalData: true as const } : {},
    /** Call whenever a checked text changes. */
    changed: () => setConfirmed(false),
    /** Forget the held names (after a successful save). */
    clear: () => {
      setHeld(null);
      setConfirmed(false);
    },
    heldErrors,
    /** Field errors for a failed submit: as `errorsFrom` in components/form, with possible names as above. */
    errorsFrom(err: unknown, known: string[], fallback: string, t: TFunction): FieldErrors {
      const keyOf = (field: string) => known.find((k) => field === k || field.startsWith(`${k}.`)) ?? fallback;
      return heldErrors(err, keyOf, t) ?? errorsFrom(err, known, fallback, t('common.networkError'));
    },
  };
}

/** The checkbox that confirms no person can be identified, shown after the server held names back. */
export function NameConfirmation({ idPrefix, state }: { idPrefix: string; state: ReturnType<typeof useNameConfirmation> }) {
  const { t } = useTranslation();
  if (!state.held) return null;
  const words = [...new Set(state.held.flatMap((h) => h.words))];
  return (
    <div className="name-confirmation">
      <CheckboxField
        id={`${idPrefix}-${state.confirmField}`}
        label={t('situation.guard.confirmLabel')}
        hint={t('situation.guard.confirmHint', { words: quoted(words) })}
        checked={state.confirmed}
        onChange={state.setConfirmed}
      />
    </div>
  );
}
