import { checkFields, type CheckOptions } from '../../domain/personal-data/guard.js';
import { AppError, unprocessable } from '../../http/errors.js';

/**
 * The server's personal-data guard for free text about events or people (API.md, "Safe
 * deployment"). Call it before anything is written, from every path that takes such text:
 * concern reports and their notes, situation notes, the annual picture, survey answers,
 * follow-up comments and analyses, and later capabilities' notes.
 *
 * 1. Personal data (personnummer, phone, e-mail, street address, also disguised) is refused:
 *    422 `personal_data`, one field error per field. No confirmation lifts this.
 * 2. Text that looks like a person's name is held back: 422 `personal_data_possible`, one field
 *    error per field with the `words` found. The same request with `confirmNoPersonalData: true`
 *    passes, and the fields it confirmed are returned for the audit entry of that write
 *    (`confirmationSummary`): the confirmation is logged, never the text.
 */

export interface GuardOptions extends CheckOptions {
  /** The top-level message of a `personal_data` refusal. */
  message?: string;
  /** The writer's confirmation that no person can be identified in the text. */
  confirmNoPersonalData?: boolean;
}

export interface GuardResult {
  /** Fields held back for possible names that the writer confirmed (empty when none). */
  confirmedFields: string[];
}

const DEFAULT_MESSAGE = 'Texten innehåller personuppgifter. Ta bort dem och skicka igen – ingen får gå att identifiera.';
const POSSIBLE_MESSAGE =
  'Texten ser ut att innehålla namn på personer. Ta bort namnen, eller bekräfta att ingen person kan identifieras i texten och skicka igen.';

/**
 * Refuses free text holding personal data (personnummer, phone, e-mail, street address) with
 * 422 `personal_data`, naming each field. Synchronous and names-blind: for texts that are not
 * about people (survey recipients' labels) or before the full check.
 */
export function refusePersonalData(fields: Record<string, string | null | undefined>, options: GuardOptions = {}): void {
  const problems = checkFields(fields, options);
  if (!problems.length) return;
  throw unprocessable(
    'personal_data',
    options.message ?? DEFAULT_MESSAGE,
    problems.map((p) => ({ field: p.field, message: p.message })),
  );
}

/** The name check's module: loaded on first use, since its name data takes a moment to load. */
const names = () => import('../../domain/personal-data/names.js');

/** The full guard: personal data refused, possible names held back unless confirmed. */
export async function guardFreeText(fields: Record<string, string | null | undefined>, options: GuardOptions = {}): Promise<GuardResult> {
  refusePersonalData(fields, options);
  const problems = (await names()).checkNames(fields, options);
  if (!problems.length) return { confirmedFields: [] };
  if (options.confirmNoPersonalData) return { confirmedFields: problems.map((p) => p.field) };
  throw new AppError(
    422,
    'personal_data_possible',
    POSSIBLE_MESSAGE,
    problems.map((p) => ({ field: p.field, message: p.message, words: p.words })),
  );
}

/** What goes into the write's audit summary: which fields were confirmed, never their text. */
export function confirmationSummary(result: GuardResult): { confirmedNoPersonalData?: string[] } {
  return result.confirmedFields.length ? { confirmedNoPersonalData: result.confirmedFields } : {};
}
