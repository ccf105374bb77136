import { checkFields, type CheckOptions } from '../../domain/personal-data/guard.js';
import { unprocessable } from '../../http/errors.js';

/**
 * Refuses free text holding personal data (personnummer, phone, e-mail, street address) with
 * 422 `personal_data`, naming each field. Call before anything is written.
 */
export function refusePersonalData(fields: Record<string, string | null | undefined>, options: CheckOptions & { message?: string } = {}): void {
  const problems = checkFields(fields, options);
  if (!problems.length) return;
  throw unprocessable(
    'personal_data',
    options.message ?? 'Texten innehåller personuppgifter. Ta bort dem och skicka igen – ingen får gå att identifiera.',
    problems.map((p) => ({ field: p.field, message: p.message })),
  );
}
