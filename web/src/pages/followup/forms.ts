import type { TFunction } from 'i18next';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { ApiError } from '../../api/client';
import type { FieldErrors } from '../../components/form';
import type { useNameConfirmation } from '../situation/fields';

/**
 * A refused follow-up write as messages on the form's fields: possible names held back by the
 * server (with the confirmation in the summary), else the API's per-field messages, else its
 * message on `fallback`. `keyOf` maps an API field (e.g. `sections.general`) to the form's field.
 */
export function putServerErrors<V extends FieldValues>(
  form: Pick<UseFormReturn<V>, 'setError'>,
  err: unknown,
  names: ReturnType<typeof useNameConfirmation>,
  keyOf: (field: string) => string,
  fallback: string,
  t: TFunction,
) {
  let errors: FieldErrors | null = names.heldErrors(err, keyOf, t);
  if (!errors) {
    errors = {};
    if (err instanceof ApiError) {
      for (const f of err.body.fields ?? []) errors[keyOf(f.field)] ??= f.message;
      if (!err.body.fields?.length) errors[fallback] = err.body.message;
    } else errors[fallback] = t('common.networkError');
  }
  for (const [name, message] of Object.entries(errors)) if (message) form.setError(name as never, { type: 'server', message });
}
