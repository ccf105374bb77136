/**
 * The collaboration section of the board and city reports: per board, the grant and premises
 * vetting of the year (applications, approved, rejected, refused for a failed democracy
 * criterion), and its forums and meetings, partners by type, police agreements and civil-society
 * strategy, within what the reader may read.
 */
import type { Database } from '../../db/database.js';
import { inScope, reachesAny, scopeOf, type ServiceActor } from '../../domain/policy/index.js';
import { todayInSweden } from '../../domain/calendar.js';
import { collaborationFigures } from '../collaboration/figures.js';
import { grantFigures } from '../grants/figures.js';
import type { TCollaborationSection } from './collaboration.schema.js';

export async function collaborationSection(opts: { db: Database; actor: ServiceActor; boardId: string | null; year: number }): Promise<TCollaborationSection> {
  const grants = scopeOf(opts.actor, 'grant_applications.read');
  if (!reachesAny(grants) || (opts.boardId && !inScope(grants, opts.boardId))) return { available: false, rows: [], cityForums: [] };
  const boardIds = opts.boardId ? [opts.boardId] : grants;
  const forums = scopeOf(opts.actor, 'forums.list');
  const collaborationBoards = opts.boardId ? (inScope(forums, opts.boardId) ? [opts.boardId] : []) : forums;
  const [figures, collaboration] = await Promise.all([
    grantFigures(opts.db, { municipalityId: opts.actor.municipalityId, boardIds, year: opts.year }),
    collaborationFigures(opts.db, { municipalityId: opts.actor.municipalityId, boardIds: collaborationBoards, year: opts.year, today: todayInSweden() }),
  ]);
  const collaborationOf = new Map(collaboration.boards.map((b) => [b.boardId, b]));
  return {
    available: true,
    rows: figures.map((f) => {
      const c = collaborationOf.get(f.boardId);
      return {
        boardId: f.boardId,
        boardName: f.boardName,
        grants: { applications: f.applications, approved: f.approved, rejected: f.rejected, refusedForFailedCriterion: f.refusedForFailedCriterion },
        collaboration: c ? { forums: c.forums, partnersByType: c.partnersByType, agreements: c.agreements, strategyGoals: c.strategyGoals } : null,
      };
    }),
    cityForums: opts.boardId ? [] : collaboration.cityForums,
  };
}
