import type { DefaultValues, FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import { useSavingForm } from '../../components/saving-form';

export { blankAsNull, orNull, renamingFields, SavingForm as TrackingForm, useAttachmentUpload, ZChosenFile } from '../../components/saving-form';

/** What every audit-tracking write changes: the reports (list, one report, the start-page summary) and the reports' audit section. */
export const AUDIT_READS = ['/api/audit-reports', '/api/reports'];

/** An audit-tracking form (components/saving-form.tsx) whose write refreshes the audit reads unless told otherwise. */
export const useTrackingForm = <S extends z.ZodType<FieldValues, FieldValues>>(schema: S, options: { idPrefix: string; defaultValues: DefaultValues<z.input<S>> }, invalidates: string[] = AUDIT_READS) =>
  useSavingForm(schema, options, invalidates);
