import { canOn, scopeOf, type Action, type ServiceActor } from '../../domain/policy/index.js';
import { parsePeriod, type PeriodId } from '../../domain/followup/periods.js';
import { badRequest } from '../../http/errors.js';
import { guardFreeText } from '../situation/guard.js';

/** The follow-up capability's shared rules: who reads which boards, who coordinates one, a period from the address, the free-text guard. */

/** The board's local coordinator (whose grant reaches the board): the one role of every coordinator-only follow-up action. */
export function isLocalCoordinatorOf(actor: ServiceActor, boardId: string): boolean {
  return canOn(actor, 'followup.analysis.write', boardId);
}

export function parsed(period: string): PeriodId {
  const p = parsePeriod(period);
  if (!p) throw badRequest('Ogiltig period.', [{ field: 'period', message: 'Ange perioden som ÅÅÅÅ-T1, ÅÅÅÅ-T2 eller ÅÅÅÅ-VB, till exempel 2026-T1.' }]);
  return p;
}

/**
 * Free text is checked for personal data before anything is written (PRODUCT.md, rights and
 * privacy): refused with 422 `personal_data`; a possible name is held back with 422
 * `personal_data_possible` until the writer confirms (`confirmNoPersonalData`).
 */
export function guardText(fields: Record<string, string | null | undefined>, subject: string, confirmNoPersonalData?: boolean) {
  return guardFreeText(fields, {
    subject,
    confirmNoPersonalData,
    message: 'Texten innehåller personuppgifter. Ta bort dem och skicka igen – uppföljningen får inte gå att koppla till en person.',
  });
}

/** Boards whose follow-up the actor may see with `action`, by the one board-scope rule (a viewer of the city board sees the city). */
export const readable = (actor: ServiceActor, action: Action = 'followup.history') => scopeOf(actor, action);
