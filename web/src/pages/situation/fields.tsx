import { forwardRef, useMemo, useState, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { checkFields } from '@shared/domain/personal-data/guard';
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
 * A request schema with the personal-data guard on its free-text `fields`, as the server runs it
 * before it writes: a text the server would refuse (personnummer, phone, e-mail, address) is
 * refused in the browser, with the same message, and never sent. The server still decides.
 */
export function withGuard<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, fields: string[], subject?: string): S {
  return schema.superRefine((value, ctx) => {
    const texts: Record<string, string> = {};
    for (const f of fields) {
      const v = (value as Record<string, unknown>)[f];
      if (typeof v === 'string') texts[f] = v;
    }
    for (const p of checkFields(texts, subject ? { subject } : {})) ctx.addIssue({ code: 'custom', path: [p.field], message: p.message });
  }) as S;
}

/** The live warning below a guarded field: polite, tied to the field by `<id>-guard`. */
function GuardWarning({ id, warning }: { id: string; warning: string }) {
  const { t } = useTranslation();
  return (
    <p id={`${id}-guard`} className={warning ? 'guard-warning' : 'visually-hidden'} aria-live="polite">
      {warning ? `${t('situation.guard.warningPrefix')} ${warning}` : ''}
    </p>
  );
}

interface GuardProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Run the personal-data check as the person types, on `guardValue` (or `value`). */
  guard?: boolean;
  guardSubject?: string;
  /** The field's current text, for the check: a registered (uncontrolled) field passes its watched value. */
  guardValue?: string;
}

/**
 * A textarea in the form style of components/form.tsx. With `guard`, the personal-data check runs
 * as the person types and its message is read out politely (a live region), before any submit.
 * Works controlled (`value`) and with a react-hook-form registration (`{...f.field(name)}` and `guardValue`).
 */
export const TextAreaField = forwardRef<HTMLTextAreaElement, GuardProps & TextareaHTMLAttributes<HTMLTextAreaElement>>(function TextAreaField(
  { id, label, hint, error, guard, guardSubject, guardValue, ...area },
  ref,
) {
  const text = guardValue ?? (typeof area.value === 'string' ? area.value : '');
  const checked = usePersonalDataCheck(guard ? text : '', guardSubject);
  // Once the submit has named the problem beside the field, the live warning steps aside.
  const warning = error ? '' : checked;
  return (
    <Described id={id} label={label} hint={hint} error={error}>
      <textarea
        ref={ref}
        id={id}
        name={id}
        rows={5}
        aria-invalid={error || warning ? true : undefined}
        aria-describedby={describedBy(id, hint, error, guard && `${id}-guard`)}
        {...area}
      />
      {guard && <GuardWarning id={id} warning={warning} />}
    </Described>
  );
});

/** A single-line text input with the same as-you-type guard. */
export const GuardedInput = forwardRef<HTMLInputElement, Omit<GuardProps, 'guard'> & InputHTMLAttributes<HTMLInputElement>>(function GuardedInput(
  { id, label, hint, error, guardSubject, guardValue, ...input },
  ref,
) {
  const text = guardValue ?? (typeof input.value === 'string' ? input.value : '');
  const checked = usePersonalDataCheck(text, guardSubject);
  const warning = error ? '' : checked;
  return (
    <Described id={id} label={label} hint={hint} error={error}>
      <input
        ref={ref}
        id={id}
        name={id}
        autoComplete="off"
        aria-invalid={error || warning ? true : undefined}
        aria-describedby={describedBy(id, hint, error, `${id}-guard`)}
        {...input}
      />
      <GuardWarning id={id} warning={warning} />
    </Described>
  );
});

/** A checkbox with its label and hint; takes a react-hook-form registration or `checked`/`onChange`. */
export const CheckboxField = forwardRef<HTMLInputElement, { id: string; label: ReactNode; hint?: ReactNode } & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>>(function CheckboxField(
  { id, label, hint, ...input },
  ref,
) {
  return (
    <div className="checkbox">
      <input ref={ref} id={id} type="checkbox" aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
});

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
 *
 * With useApiForm, wrap the submit's action in `guard(f.form, …)` and pass `names.changed` as the
 * checked fields' `onChange`:
 *
 *   const submit = f.onSubmit(names.guard(f.form, (body) => save.mutateAsync({ …, body: { ...body, ...names.extra } })));
 *   <TextAreaField guard guardValue={f.form.watch('body')} {...f.field('body', { onChange: names.changed })} />
 *   <NameConfirmation idPrefix="note" state={names} />
 */
export function useNameConfirmation(confirmField = 'confirmNoPersonalData') {
  const { t: translate } = useTranslation();
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

  const clear = () => {
    setHeld(null);
    setConfirmed(false);
  };

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
    clear,
    heldErrors,
    /** Field errors for a failed submit: as `errorsFrom` in components/form, with possible names as above. */
    errorsFrom(err: unknown, known: string[], fallback: string, t: TFunction): FieldErrors {
      const keyOf = (field: string) => known.find((k) => field === k || field.startsWith(`${k}.`)) ?? fallback;
      return heldErrors(err, keyOf, t) ?? errorsFrom(err, known, fallback, t('common.networkError'));
    },
    /**
     * A useApiForm submit action with the name check: after a successful `action` the held names
     * are forgotten; when the server holds names back, the words go on the form's fields (`keyOf`
     * maps an API field to a form field, by default the same name) and the confirmation into the
     * error summary. Any other error goes on to useApiForm, which puts it on the fields.
     */
    guard<V>(form: Pick<UseFormReturn<never>, 'setError'>, action: (values: V) => Promise<unknown>, keyOf: (field: string) => string = (field) => field) {
      return async (values: V) => {
        try {
          await action(values);
          clear();
        } catch (err) {
          const errors = heldErrors(err, keyOf, translate);
          if (!errors) throw err;
          for (const [name, message] of Object.entries(errors)) if (message) form.setError(name as never, { type: 'server', message });
        }
      };
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
        onChange={(e) => state.setConfirmed(e.target.checked)}
      />
    </div>
  );
}
