import type { FormEventHandler, ReactNode } from 'react';
import { ErrorSummary } from './form';
import type { FieldErrors } from './form-errors';

/**
 * A form in its own panel: a heading, the error summary, the fields (disabled while saving) and
 * the submit button. `form` is what useApiForm returns.
 *
 *   <FormPanel id="new-board" heading={t('orgs.newBoard')} form={f} onSubmit={submit} submitLabel={t('orgs.createBoard')}>
 *     <TextField label={t('orgs.boardName')} {...f.field('name')} />
 *   </FormPanel>
 */
export function FormPanel({
  id,
  heading,
  form,
  onSubmit,
  submitLabel,
  children,
}: {
  id: string;
  heading: ReactNode;
  form: { idPrefix: string; errors: FieldErrors; submits: number; saving: boolean };
  onSubmit: FormEventHandler<HTMLFormElement>;
  submitLabel: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="panel">
      <h2 id={id}>{heading}</h2>
      <ErrorSummary errors={form.errors} idPrefix={form.idPrefix} focusKey={form.submits} />
      <form onSubmit={onSubmit} noValidate>
        <fieldset disabled={form.saving} className="plain-fieldset">
          {children}
          <button type="submit" className="button">
            {submitLabel}
          </button>
        </fieldset>
      </form>
    </section>
  );
}
