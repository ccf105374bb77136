import type { Database } from '../../db/database.js';
import { actorUserId, canOn, type ServiceActor } from '../../domain/policy/index.js';
import { conflict, forbidden, unprocessable } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import * as orgs from '../orgs/repo.js';
import { planDetail } from './detail.service.js';
import { effectiveInstruction } from './governance-service.js';
import * as repo from './repo.js';
import type { TCreatePlanRequest, TUpdatePlanRequest } from './schema.js';
import { uniqueViolation } from './text.js';
import { planForEdit } from './workflow.service.js';

/** Starting a board's plan for a year and editing the plan's own fields. */

export async function createPlan(opts: { db: Database; actor: ServiceActor; input: TCreatePlanRequest }) {
  try {
    return await opts.db.transaction().execute(async (trx) => {
      const board = await orgs.findBoard(trx, opts.input.boardId);
      if (!board || board.municipality_id !== opts.actor.municipalityId) {
        throw unprocessable('unknown_board', 'Nämnden finns inte.', [{ field: 'boardId', message: 'Välj en nämnd som finns.' }]);
      }
      if (!canOn(opts.actor, 'plans.create', board.id)) throw forbidden();
      if (await repo.findPlanByBoardYear(trx, board.id, opts.input.year)) {
        throw conflict(`${board.name} har redan en plan för ${opts.input.year}.`, 'duplicate');
      }
      const { id } = await repo.insertPlan(trx, { board_id: board.id, year: opts.input.year, created_by: actorUserId(opts.actor) });
      const instruction = await effectiveInstruction(trx, opts.actor.municipalityId, opts.input.year);
      await repo.insertSections(
        trx,
        instruction.sections.map((s, i) => ({ plan_id: id, key: s.key, title: s.title, body_html: '', dated_on: null, position: i, updated_by: null })),
      );
      await recordAudit(trx, opts.actor, { action: 'plans.create', entity: 'plan', entityId: id, boardId: board.id, summary: { year: opts.input.year } });
      return planDetail(trx, opts.actor, (await repo.findPlan(trx, id))!);
    });
  } catch (e) {
    if (uniqueViolation(e)) throw conflict(`Nämnden har redan en plan för ${opts.input.year}.`, 'duplicate');
    throw e;
  }
}

export async function updatePlan(opts: { db: Database; actor: ServiceActor; planId: string; input: TUpdatePlanRequest }) {
  return opts.db.transaction().execute(async (trx) => {
    const plan = await planForEdit(trx, opts.actor, opts.planId);
    if (opts.input.measureAreaGaps) {
      const gaps = Object.fromEntries(Object.entries(opts.input.measureAreaGaps).filter(([, v]) => typeof v === 'string' && v.trim() !== '')) as Record<
        string,
        string
      >;
      await repo.updatePlan(trx, plan.id, { measure_area_gaps: gaps });
      await recordAudit(trx, opts.actor, {
        action: 'plans.update',
        entity: 'plan',
        entityId: plan.id,
        boardId: plan.board_id,
        summary: { year: plan.year, measureAreaGapsExplained: Object.keys(gaps) },
      });
    }
    return planDetail(trx, opts.actor, (await repo.findPlan(trx, plan.id))!);
  });
}
