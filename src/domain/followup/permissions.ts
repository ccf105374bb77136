/**
 * Who may report follow-up on an activity (PRODUCT.md §3): the activity's responsible contributor
 * of that board, or the board's local coordinator for any activity of the board. Viewers, auditors,
 * central coordinators and everyone on another board are refused. Pure.
 */
import type { Actor, ServiceActor } from '../policy/index.js';

/** Who acts, as the rule needs them: the server's one actor type (a user with an id, or the system acting in a role). */
export type ReportingActor = Pick<ServiceActor, 'roles'> & Partial<Pick<Actor, 'userId'>>;

export interface ReportTarget {
  boardId: string;
  /** Users the local coordinator has named as reporters of the activity. */
  reporterUserIds: readonly string[];
  /** The responsible unit and every unit above it (a head of department answers for their units). */
  responsibleUnitChain: readonly string[];
}

export type ReportRight = 'coordinator' | 'responsible' | null;

function holds(actor: ReportingActor, role: 'local_coordinator' | 'contributor', boardId: string): boolean {
  return actor.roles.some((g) => g.role === role && (g.boardId === null || g.boardId === boardId));
}

/** Why `actor` (whose unit is `actorUnitId`) may report on the activity, or null when they may not. */
export function reportRight(actor: ReportingActor, actorUnitId: string | null, target: ReportTarget): ReportRight {
  if (holds(actor, 'local_coordinator', target.boardId)) return 'coordinator';
  if (!holds(actor, 'contributor', target.boardId)) return null;
  if (actor.userId && target.reporterUserIds.includes(actor.userId)) return 'responsible';
  if (actorUnitId && target.responsibleUnitChain.includes(actorUnitId)) return 'responsible';
  return null;
}
