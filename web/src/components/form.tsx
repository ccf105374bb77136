import { forwardRef, useEffect, useRef, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from './form-errors';

export { errorsFrom, fieldErrors, type FieldErrors } from './form-errors';

/**
 * GOV.UK-style error summary: focused when it appears, links to every invalid field. With a
 * `focusKey` (a form's submit count) it is focused on each failed submit and only then: a form
 * that re-checks fields as the reader corrects them must not take the focus away while they type.
 */
export function ErrorSummary({ errors, idPrefix = 'f', focusKey }: { errors: FieldErrors; idPrefix?: string; focusKey?: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors).filter(([, m]) => m);
  const trigger = focusKey ?? `${entries.length}:${JSON.stringify(errors)}`;
  useEffect(() => {
    if (entries.length) ref.current?.focus();
  }, [trigger]); // eslint-disable-line react-hooks/exhaustive-deps
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

/** What the attachment store takes (src/domain/attachments/content-type.ts), for the file picker's filter. */
export const ATTACHMENT_ACCEPT = '.pdf,.docx,.xlsx,.odt,.png,.jpg,.jpeg';

/** A file to attach: a labelled file input with hint and error, offering the kinds the attachment store takes. */
export const FileField = forwardRef<HTMLInputElement, FieldProps & InputHTMLAttributes<HTMLInputElement>>(function FileField(props, ref) {
  return <TextField ref={ref} type="file" accept={ATTACHMENT_ACCEPT} {...props} />;
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

export const SelectField = forwardRef<HTMLSelectElement, FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }>(function SelectField(
  { id, label, hint, error, children, ...select },
  ref,
) {
  return (
    <Described id={id} label={label} hint={hint} error={error}>
      <select ref={ref} id={id} name={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...select}>
        {children}
      </select>
    </Described>
  );
});
