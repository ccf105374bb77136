import { forwardRef, useEffect, useRef, useState, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

export interface FieldErrors {
  [field: string]: string | undefined;
}

/** GOV.UK-style error summary: focused when it appears, links to every invalid field. */
export function ErrorSummary({ errors, idPrefix = 'f' }: { errors: FieldErrors; idPrefix?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors).filter(([, m]) => m);
  useEffect(() => {
    if (entries.length) ref.current?.focus();
  }, [entries.length, JSON.stringify(errors)]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!entries.length) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={`${idPrefix}-error-summary-title`}>
      <h2 id={`${idPrefix}-error-summary-title`}>{t('form.problem')}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${idPrefix}-${field}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}

/** A field's frame: label, then hint and error (ids `<id>-hint`, `<id>-error`), then the control. */
export function Described({ id, label, hint, error, children }: FieldProps & { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
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
      {children}
    </div>
  );
}

/** The control's aria-describedby: its hint and error when shown, then any `more` ids. */
export const describedBy = (id: string, hint?: ReactNode, error?: string, ...more: (string | false | undefined)[]) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : '', ...more].filter(Boolean).join(' ') || undefined;

export const TextField = forwardRef<HTMLInputElement, FieldProps & InputHTMLAttributes<HTMLInputElement>>(function TextField(
  { id, label, hint, error, ...input },
  ref,
) {
  return (
    <Described id={id} label={label} hint={hint} error={error}>
      <input ref={ref} id={id} name={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...input} />
    </Described>
  );
});

export const TextAreaField = forwardRef<HTMLTextAreaElement, FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>>(function TextAreaField(
  { id, label, hint, error, ...area },
  ref,
) {
  return (
    <Described id={id} label={label} hint={hint} error={error}>
      <textarea ref={ref} id={id} name={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...area} />
    </Described>
  );
});

export function SelectField({
  id,
  label,
  hint,
  error,
  children,
  ...select
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  return (
    <Described id={id} label={label} hint={hint} error={error}>
      <select id={id} name={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...select}>
        {children}
      </select>
    </Described>
  );
}

/** Maps an API error's `fields` to form fields (first message per field). */
export function fieldErrors(fields: { field: string; message: string }[] | undefined, known: string[], fallback: string): FieldErrors {
  const out: FieldErrors = {};
  for (const f of fields ?? []) {
    const key = known.find((k) => f.field === k || f.field.startsWith(`${k}.`)) ?? fallback;
    out[key] ??= f.message;
  }
  return out;
}

/** Field errors from anything a submit threw: the API's per-field messages, else its message on `fallback`. */
export function errorsFrom(err: unknown, known: string[], fallback: string, networkMessage: string): FieldErrors {
  if (err && typeof err === 'object' && 'body' in err) {
    const body = (err as { body: { message: string; fields?: { field: string; message: string }[] } }).body;
    return body.fields?.length ? fieldErrors(body.fields, known, fallback) : { [fallback]: body.message };
  }
  return { [fallback]: networkMessage };
}

/**
 * A form's save: `saving` disables its fieldset while the request runs; a refusal becomes field
 * errors (the API's per-field messages, else its message on `fallback`). Resolves to the
 * action's result, or undefined when it failed.
 */
export function useSave(networkMessage: string) {
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  async function save<T>(action: () => Promise<T>, fields: string[], fallback: string): Promise<T | undefined> {
    setSaving(true);
    try {
      const result = await action();
      setErrors({});
      return result;
    } catch (err) {
      setErrors(errorsFrom(err, fields, fallback, networkMessage));
      return undefined;
    } finally {
      setSaving(false);
    }
  }
  return { saving, errors, setErrors, save };
}
