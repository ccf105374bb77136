import type { FormEventHandler, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DefaultValues, FieldValues } from 'react-hook-form';
import { z } from 'zod';
import type { TAttachment } from '@shared/modules/attachments/schema';
import { ApiError } from '../api/client';
import { useApiMutation } from '../api/mutation';
import { useApiForm } from './api-form';
import { Notice } from './feedback';
import { ErrorSummary } from './form';
import type { FieldErrors } from './form-errors';

/**
 * A form that saves: `schema` (the server's request schema, or a form schema built from its
 * fields) on useApiForm, and its write, which refreshes `invalidates`. `submit(action)` is the
 * form's onSubmit; `saved` is true after the last submit saved, until the next submit.
 */
export function useSavingForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  options: { idPrefix: string; defaultValues: DefaultValues<z.input<S>> },
  invalidates: string[],
) {
  const f = useApiForm(schema, options);
  const save = useApiMutation(invalidates);
  return {
    ...f,
    save,
    saved: save.isSuccess,
    submit:
      (action: (values: z.output<S>) => Promise<unknown>): FormEventHandler<HTMLFormElement> =>
      (e) => {
        save.reset();
        return f.onSubmit(action)(e);
      },
  };
}

/**
 * The frame every saving form shares: an optional heading, the notice after a save, the
 * error summary, the fields (disabled while saving, in a boxed fieldset when there is a legend)
 * and the submit button, which says "Sparar …" while the write runs.
 */
export function SavingForm({
  form,
  onSubmit,
  submitLabel,
  busyLabel,
  savedNotice,
  heading,
  legend,
  secondary,
  label,
  labelledBy,
  children,
}: {
  form: { idPrefix: string; errors: FieldErrors; submits: number; saving: boolean; saved?: boolean };
  onSubmit: FormEventHandler<HTMLFormElement>;
  submitLabel: string;
  /** What the button says while saving (default "Sparar …"). */
  busyLabel?: string;
  savedNotice?: string;
  heading?: ReactNode;
  legend?: ReactNode;
  secondary?: boolean;
  label?: string;
  labelledBy?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form onSubmit={onSubmit} noValidate aria-label={label} aria-labelledby={labelledBy}>
      {heading}
      {form.saved && savedNotice && <Notice>{savedNotice}</Notice>}
      <ErrorSummary errors={form.errors} idPrefix={form.idPrefix} focusKey={form.submits} />
      <fieldset disabled={form.saving} className={legend ? 'fieldset' : 'plain-fieldset'}>
        {legend && <legend>{legend}</legend>}
        {children}
        <button type="submit" className={secondary ? 'button button--secondary' : 'button'}>
          {form.saving ? (busyLabel ?? t('common.saving')) : submitLabel}
        </button>
      </fieldset>
    </form>
  );
}

/** A form's file input as react-hook-form reads it: the chosen files, if any. */
export const ZChosenFile = z.custom<FileList | null | undefined>().optional();

/** An optional text field left blank is sent as null (the schema trims it to ''). */
export const orNull = (s: string | null | undefined) => s || null;

/** A date input left blank is "not given": null for the schema's nullable date. */
export const blankAsNull = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? null : v), schema);

/** The server's messages about `from` fields (e.g. `attachmentIds.0`) put on the form's `to` field. */
export function renamingFields(err: unknown, names: Record<string, string>): unknown {
  if (!(err instanceof ApiError) || !err.body.fields?.length) return err;
  const rename = (field: string) => Object.entries(names).find(([from]) => field === from || field.startsWith(`${from}.`))?.[1] ?? field;
  return new ApiError(err.status, { ...err.body, fields: err.body.fields.map((f) => ({ ...f, field: rename(f.field) })) });
}

/**
 * The attachment upload a form makes before its own write: `idsOf(files)` uploads the chosen file
 * (if any) and gives its attachment ids; a refusal lands on the form's `file` field.
 */
export function useAttachmentUpload() {
  const upload = useApiMutation<TAttachment>([]);
  return {
    uploading: upload.isPending,
    idsOf: async (files: FileList | null | undefined): Promise<string[]> => {
      const file = files?.[0];
      if (!file) return [];
      try {
        return [(await upload.mutateAsync({ method: 'POST', path: '/api/attachments', form: { file } })).id];
      } catch (err) {
        if (!(err instanceof ApiError)) throw err;
        const fields = err.body.fields?.length ? err.body.fields.map((f) => ({ ...f, field: 'file' })) : [{ field: 'file', message: err.body.message }];
        throw new ApiError(err.status, { ...err.body, fields });
      }
    },
  };
}
