/**
 * The collaboration section of the board and city reports: per board, the grant and premises
 * vetting of the year (applications, approved, rejected, refused for a failed democracy
 * criterion), within what the reader may read.
 */
import type { Database } from '../../db/database.js';
import { inScope, reachesAny, scopeOf, type ServiceActor } from '../../domain/policy/index.js';
import { grantFigures } from '../grants/figures.js';
import type { TCollaborationSection } from './collaboration.schema.js';

export async function collaborationSection(opts: { db: Database; actor: ServiceActor; boardId: string | null; year: number }): Promise<TCollaborationSection> {
  const grants = scopeOf(opts.actor, 'grant_applications.read');
  if (!reachesAny(grants) || (opts.boardId && !inScope(grants, opts.boardId))) return { available: false, rows: [] };
  const figures = await grantFigures(opts.db, { municipalityId: opts.actor.municipalityId, boardIds: opts.boardId ? [opts.boardId] : grants, year: opts.year });
  return {
    available: true,
    rows: figures.map((f) => ({
      boardId: f.boardId,
      boardName: f.boardName,
      grants: { applications: f.applications, approved: f.approved, rejected: f.rejected, refusedForFailedCriterion: f.refusedForFailedCriterion },
    })),
  };
}
