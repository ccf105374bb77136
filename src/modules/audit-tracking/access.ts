/**
 * Who reads and writes what in audit tracking, from the one board-scope rule of
 * src/domain/policy (docs/architecture.md, "Authorization"). Replies are public records of the
 * boards, so reading follows the board: the auditor and the central coordinator (municipality
 * wide) read every board's replies, a local coordinator or viewer their board's, a viewer of the
 * city board the city's.
 */
import { canEverywhere, canOn, scopeOf, type BoardScope, type Grants } from '../../domain/policy/index.js';

/** Boards whose replies the actor reads. */
export const readScope = (actor: Grants): BoardScope => scopeOf(actor, 'audit_reports.read');

export const mayRegisterReports = (actor: Grants) => canEverywhere(actor, 'audit_reports.create');
export const mayAddRecommendations = (actor: Grants) => canEverywhere(actor, 'audit_recommendations.create');
export const mayReply = (actor: Grants, boardId: string) => canOn(actor, 'audit_replies.write', boardId);
export const mayAddMeasures = (actor: Grants, boardId: string) => canOn(actor, 'audit_measures.create', boardId);
export const mayUpdateMeasures = (actor: Grants, boardId: string) => canOn(actor, 'audit_measures.update', boardId);
export const mayAssess = (actor: Grants, boardId: string) => canOn(actor, 'audit_assessments.create', boardId);
