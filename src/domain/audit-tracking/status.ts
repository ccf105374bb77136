/**
 * Audit tracking (revision, PRODUCT.md §7): the status of each board's reply to an audit
 * recommendation and of the measures it promises, exactly as API.md defines them. Pure: the
 * clock is passed in as `today` (YYYY-MM-DD, Swedish time).
 *
 * Reply status
 * - `awaiting_reply`: the board has not replied yet (measures may already be drafted);
 * - `replied`: a reply whose measures are all still planned, or that has none (cancelled
 *   measures do not count either way);
 * - `in_progress`: some measure ongoing or done, not all;
 * - `done`: every measure done or cancelled (at least one measure).
 *
 * Overdue: no reply after the report's reply date, or a measure not done (nor cancelled) after
 * its own due date. A measure waiting for another body (e.g. the city board's guidance) is shown
 * as waiting, never as late, until that body's linked measure is done or the wait is lifted.
 */
import type { FollowUpStatus } from '../followup/status.js';

export const MEASURE_STATUSES = ['planned', 'ongoing', 'done', 'cancelled'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

export const REPLY_STATUSES = ['awaiting_reply', 'replied', 'in_progress', 'done'] as const;
export type ReplyStatus = (typeof REPLY_STATUSES)[number];

/** The follow-up audit's assessment of how a board has addressed a recommendation. */
export const ASSESSMENT_RESULTS = ['addressed', 'partly', 'not_addressed'] as const;
export type AssessmentResult = (typeof ASSESSMENT_RESULTS)[number];

export const MEASURE_STATUS_LABELS_SV: Readonly<Record<MeasureStatus, string>> = {
  planned: 'Planerad',
  ongoing: 'Pågår',
  done: 'Genomförd',
  cancelled: 'Avbruten',
};
export const REPLY_STATUS_LABELS_SV: Readonly<Record<ReplyStatus, string>> = {
  awaiting_reply: 'Inväntar svar',
  replied: 'Besvarad',
  in_progress: 'Åtgärder pågår',
  done: 'Klar',
};
export const ASSESSMENT_LABELS_SV: Readonly<Record<AssessmentResult, string>> = {
  addressed: 'Åtgärdad',
  partly: 'Delvis åtgärdad',
  not_addressed: 'Inte åtgärdad',
};

export const isClosed = (s: MeasureStatus) => s === 'done' || s === 'cancelled';

/** A linked plan activity's follow-up status as a measure status (delayed work is still ongoing). */
export function measureStatusFromActivity(s: FollowUpStatus): MeasureStatus {
  switch (s) {
    case 'not_started':
      return 'planned';
    case 'ongoing':
    case 'delayed':
      return 'ongoing';
    case 'done':
      return 'done';
    case 'cancelled':
      return 'cancelled';
  }
}

export interface StatusEvent<S> {
  status: S;
  /** When it was recorded (ISO timestamp); events are compared by it. */
  at: string;
}

/**
 * A measure's current status: the newer of its own latest status update and its linked
 * activity's latest follow-up (so a tertial report on the activity moves the measure, and a
 * later update of the measure itself overrides it). Neither: planned.
 */
export function effectiveMeasureStatus(
  own: StatusEvent<MeasureStatus> | null,
  activity: StatusEvent<FollowUpStatus> | null,
): { status: MeasureStatus; source: 'measure' | 'activity' | 'none' } {
  if (activity && (!own || Date.parse(activity.at) > Date.parse(own.at))) return { status: measureStatusFromActivity(activity.status), source: 'activity' };
  if (own) return { status: own.status, source: 'measure' };
  return { status: 'planned', source: 'none' };
}

export interface MeasureFacts {
  status: MeasureStatus;
  dueOn: string;
  /** The other body the measure waits for (free text), or null. */
  waitingFor: string | null;
  /** The status of that body's own measure, when the wait is linked to one. */
  waitingForStatus?: MeasureStatus | null;
}

/** Waiting for another body: not closed, and the body's linked measure (if any) not closed either. */
export function isWaiting(m: MeasureFacts): boolean {
  if (!m.waitingFor || isClosed(m.status)) return false;
  return !(m.waitingForStatus && isClosed(m.waitingForStatus));
}

/** Late: not done or cancelled, not waiting, and today is after its due date. */
export function isMeasureOverdue(m: MeasureFacts, today: string): boolean {
  return !isClosed(m.status) && !isWaiting(m) && today > m.dueOn;
}

export function replyStatus(reply: { replied: boolean; measures: readonly MeasureStatus[] }): ReplyStatus {
  if (!reply.replied) return 'awaiting_reply';
  const live = reply.measures.filter((s) => s !== 'cancelled');
  if (reply.measures.length > 0 && live.every((s) => s === 'done')) return 'done';
  if (live.every((s) => s === 'planned')) return 'replied';
  return 'in_progress';
}

export function isReplyOverdue(reply: { replied: boolean; replyDue: string; measures: readonly MeasureFacts[] }, today: string): boolean {
  if (!reply.replied && today > reply.replyDue) return true;
  return reply.measures.some((m) => isMeasureOverdue(m, today));
}

/** The tertial a day falls in, as follow-up names periods: jan–apr T1, may–aug T2, sep–dec VB. */
export function tertialOf(isoDay: string): string {
  const month = Number(isoDay.slice(5, 7));
  return `${isoDay.slice(0, 4)}-${month <= 4 ? 'T1' : month <= 8 ? 'T2' : 'VB'}`;
}

export interface ReplyTally {
  replies: number;
  awaiting_reply: number;
  replied: number;
  in_progress: number;
  done: number;
  overdue: number;
  measures: number;
  measuresOverdue: number;
  measuresWaiting: number;
}

/** Counts for start pages and reports. */
export function tallyReplies(replies: readonly { status: ReplyStatus; overdue: boolean; measures: readonly { overdue: boolean; waiting: boolean }[] }[]): ReplyTally {
  const t: ReplyTally = { replies: 0, awaiting_reply: 0, replied: 0, in_progress: 0, done: 0, overdue: 0, measures: 0, measuresOverdue: 0, measuresWaiting: 0 };
  for (const r of replies) {
    t.replies++;
    t[r.status]++;
    if (r.overdue) t.overdue++;
    t.measures += r.measures.length;
    t.measuresOverdue += r.measures.filter((m) => m.overdue).length;
    t.measuresWaiting += r.measures.filter((m) => m.waiting).length;
  }
  return t;
}
