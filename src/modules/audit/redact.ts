import { can, type Actor } from '../../domain/policy/index.js';
import { isInsideBoard } from '../situation/access.js';

/**
 * What a reader of the audit log sees of entries about people's concerns.
 *
 * Counts of concern reports and survey answers are shown exactly only inside the board that owns
 * them; everyone else gets them suppressed ("<5"). An audit entry per report with its type,
 * environment and date would undo that: counting entries gives the exact small counts per
 * category. So for a reader who does not see those counts exactly, such entries keep only what is
 * not a category of the report: who, when, which action on which report, and the keys listed
 * below. Anything else in the summary, including keys added later, is left out.
 *
 * A reader's own entries stay whole. Who sees the others whole: for concern reports, whoever is inside the board
 * (situation/access.isInsideBoard) or may list the board's reports, since the list shows each
 * report's type and environment anyway; for survey answers, whoever is inside the board, as the
 * survey results are suppressed for everyone else.
 *
 * Residual, stated in docs/situation.md: the entries themselves still show that a report was
 * filed or read at a board at a time; an auditor needs that to audit who read what.
 */

interface Redaction {
  applies(e: { action: string; entity: string }): boolean;
  seesExactly(reader: Actor, boardId: string): boolean;
  /** Summary keys that say nothing about the report's or answer's categories. */
  keep: readonly string[];
}

const REDACTIONS: readonly Redaction[] = [
  {
    applies: (e) => e.entity === 'concern_report',
    seesExactly: (reader, boardId) => isInsideBoard(reader, boardId) || can(reader, 'concerns.list', { boardId }),
    // The writer's confirmation that no person can be identified (field names only) is for the auditor to see.
    keep: ['noteId', 'withComment', 'confirmedNoPersonalData'],
  },
  {
    applies: (e) => e.action === 'public_surveys.answer',
    seesExactly: (reader, boardId) => isInsideBoard(reader, boardId),
    keep: [],
  },
];

export interface EntryView {
  actorId: string | null;
  action: string;
  entity: string;
  boardId: string | null;
  summary: Record<string, unknown>;
}

/** The entry's summary as `reader` may see it, and whether anything was left out. */
export function redactForReader(reader: Actor, e: EntryView): { summary: Record<string, unknown>; redacted: boolean } {
  const rule = REDACTIONS.find((r) => r.applies(e));
  // Own entries stay whole: the reader filed or read that report and knows what the entry says.
  const whole = !rule || e.actorId === reader.userId || (e.boardId !== null && rule.seesExactly(reader, e.boardId));
  if (whole) return { summary: e.summary, redacted: false };
  const summary = Object.fromEntries(Object.entries(e.summary).filter(([k]) => rule.keep.includes(k)));
  return { summary, redacted: Object.keys(summary).length !== Object.keys(e.summary).length };
}
