/** Follow-up status of an activity in a period (PRODUCT.md §3). Pure. */
import { FINAL_STATUSES, type FinalStatus } from '../plans/model.js';

export const FOLLOW_UP_STATUSES = FINAL_STATUSES;
export type FollowUpStatus = FinalStatus;

/** A status cell of a report: a reported status, or no report yet for the period. */
export const STATUS_KEYS = [...FOLLOW_UP_STATUSES, 'not_reported'] as const;
export type StatusKey = (typeof STATUS_KEYS)[number];

export const STATUS_LABELS_SV: Readonly<Record<StatusKey, string>> = {
  not_started: 'Inte påbörjad',
  ongoing: 'Pågår',
  done: 'Genomförd',
  delayed: 'Försenad',
  cancelled: 'Avbruten',
  not_reported: 'Inte rapporterad',
};
export const STATUS_LABELS_EN: Readonly<Record<StatusKey, string>> = {
  not_started: 'Not started',
  ongoing: 'Ongoing',
  done: 'Done',
  delayed: 'Delayed',
  cancelled: 'Cancelled',
  not_reported: 'Not reported',
};

export const isFollowUpStatus = (s: string): s is FollowUpStatus => (FOLLOW_UP_STATUSES as readonly string[]).includes(s);

/** Statuses that need a comment saying why (the audit asked for analysis, not just ticks). */
export const STATUSES_NEEDING_COMMENT: readonly FollowUpStatus[] = ['delayed', 'cancelled'];

export function commentProblem(status: FollowUpStatus, comment: string | null | undefined): string | null {
  if (STATUSES_NEEDING_COMMENT.includes(status) && !(comment ?? '').trim()) {
    return status === 'delayed'
      ? 'Skriv en kommentar om varför insatsen är försenad och vad som görs.'
      : 'Skriv en kommentar om varför insatsen avbröts.';
  }
  return null;
}
