import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type DefaultValues, type FieldValues, type Path, type RegisterOptions, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { errorsFrom, summaryOf } from './form-errors';

// The server's messages for zod's own checks are Swedish (src/server.ts); the web's are the same.
// Messages written in a schema stay the one source of a field's message, on both sides.
z.config(z.locales.sv());

/**
 * A form validated by the server's own zod request schema (imported through `@shared/`), on
 * react-hook-form. `defaultValues` lists the fields in the order they stand in the form: the error
 * summary follows it. A submit that the schema refuses never reaches the server; one the server
 * refuses puts its `fields` messages on the form's fields (else its message on `fallback`, by
 * default the first field). `saving` is true while the submit runs: disable the fieldset with it.
 *
 *   const f = useApiForm(ZCreateBoardRequest, { idPrefix: 'board', defaultValues: { name: '', kind: 'district_board' } });
 *   <ErrorSummary errors={f.errors} idPrefix="board" focusKey={f.submits} />
 *   <form onSubmit={f.onSubmit((body) => save.mutateAsync({ method: 'POST', path: '/api/boards', body }))} noValidate>
 *     <TextField label={t('orgs.boardName')} {...f.field('name')} />
 */
export function useApiForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  { idPrefix, defaultValues, fallback }: { idPrefix: string; defaultValues: DefaultValues<z.input<S>>; fallback?: string },
) {
  type In = z.input<S>;
  type Out = z.output<S>;
  const { t } = useTranslation();
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(schema as never) as unknown as Resolver<In, unknown, Out>,
    defaultValues,
    // Focus goes to the error summary, which links to each field.
    shouldFocusError: false,
  });
  const order = Object.keys(defaultValues as object);
  const errors = summaryOf(form.formState.errors as Record<string, unknown>, order);
  return {
    form,
    idPrefix,
    errors,
    saving: form.formState.isSubmitting,
    submits: form.formState.submitCount,
    /** Props for TextField / SelectField / TextAreaField: id, error and the field's registration. */
    field: (name: Path<In>, options?: RegisterOptions<In, Path<In>>) => ({ id: `${idPrefix}-${name}`, error: errors[name], ...form.register(name, options) }),
    /** The form's onSubmit: validates, then runs `action` with the schema's output (trimmed, coerced). */
    onSubmit: (action: (values: Out) => Promise<unknown>) =>
      form.handleSubmit(async (values) => {
        try {
          await action(values);
        } catch (err) {
          const server = errorsFrom(err, order, fallback ?? order[0], t('common.networkError'));
          for (const [name, message] of Object.entries(server)) if (message) form.setError(name as Path<In>, { type: 'server', message });
        }
      }),
  };
}
