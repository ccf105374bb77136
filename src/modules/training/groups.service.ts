import type { Database } from '../../db/database.js';
import type { ServiceActor } from '../../domain/policy/index.js';
import { notFound, unprocessable, type FieldError } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import { presentGroup } from './presenters.js';
import * as repo from './repo.js';
import type { TPriorityGroupRequest, TUpdatePriorityGroupRequest } from './schema.js';

/** Priority groups per year (whole boards and units): list, add, change, remove. */

export async function listGroups(opts: { db: Database; actor: ServiceActor; year?: number }) {
  return (await repo.listGroups(opts.db, opts.actor.municipalityId, opts.year)).map(presentGroup);
}

/** Every named board and unit is the municipality's, and the group names at least one: else 422 naming the field. */
async function checkMembers(db: Database, municipalityId: string, boardIds: string[], unitIds: string[]) {
  const fields: FieldError[] = [];
  if (boardIds.length) {
    const found = await repo.boardIdsIn(db, municipalityId, boardIds);
    if (found.length !== new Set(boardIds).size) fields.push({ field: 'boardIds', message: 'En vald nämnd finns inte.' });
  }
  if (unitIds.length) {
    const found = await repo.unitIdsIn(db, municipalityId, unitIds);
    if (found.length !== new Set(unitIds).size) fields.push({ field: 'unitIds', message: 'En vald enhet finns inte.' });
  }
  if (!boardIds.length && !unitIds.length) fields.push({ field: 'unitIds', message: 'Välj minst en nämnd eller enhet som ingår i gruppen.' });
  if (fields.length) throw unprocessable('invalid_members', 'Gruppens nämnder och enheter behöver rättas.', fields);
}

export async function createGroup(opts: { db: Database; actor: ServiceActor; input: TPriorityGroupRequest }) {
  return opts.db.transaction().execute(async (trx) => {
    const boardIds = [...new Set(opts.input.boardIds)];
    const unitIds = [...new Set(opts.input.unitIds)];
    await checkMembers(trx, opts.actor.municipalityId, boardIds, unitIds);
    const g = await repo.insertGroup(trx, { municipality_id: opts.actor.municipalityId, year: opts.input.year, name: opts.input.name });
    await repo.replaceGroupMembers(trx, g.id, boardIds, unitIds);
    await recordAudit(trx, opts.actor, {
      action: 'training.groups.create',
      entity: 'training_priority_group',
      entityId: g.id,
      summary: { year: g.year, name: g.name, boards: boardIds.length, units: unitIds.length },
    });
    return presentGroup({ ...g, boardIds, unitIds });
  });
}

export async function updateGroup(opts: { db: Database; actor: ServiceActor; groupId: string; input: TUpdatePriorityGroupRequest }) {
  return opts.db.transaction().execute(async (trx) => {
    const before = await repo.findGroup(trx, opts.groupId);
    if (!before || before.municipality_id !== opts.actor.municipalityId) throw notFound('Gruppen');
    const current = (await repo.listGroups(trx, opts.actor.municipalityId)).find((g) => g.id === before.id)!;
    const boardIds = opts.input.boardIds ? [...new Set(opts.input.boardIds)] : current.boardIds;
    const unitIds = opts.input.unitIds ? [...new Set(opts.input.unitIds)] : current.unitIds;
    if (opts.input.boardIds || opts.input.unitIds) {
      await checkMembers(trx, opts.actor.municipalityId, boardIds, unitIds);
      await repo.replaceGroupMembers(trx, before.id, boardIds, unitIds);
    }
    await repo.updateGroup(trx, before.id, { year: opts.input.year, name: opts.input.name });
    const after = (await repo.findGroup(trx, before.id))!;
    await recordAudit(trx, opts.actor, {
      action: 'training.groups.update',
      entity: 'training_priority_group',
      entityId: before.id,
      summary: {
        from: { year: before.year, name: before.name, boards: current.boardIds.length, units: current.unitIds.length },
        to: { year: after.year, name: after.name, boards: boardIds.length, units: unitIds.length },
      },
    });
    return presentGroup({ ...after, boardIds, unitIds });
  });
}

export async function deleteGroup(opts: { db: Database; actor: ServiceActor; groupId: string }) {
  await opts.db.transaction().execute(async (trx) => {
    const g = await repo.findGroup(trx, opts.groupId);
    if (!g || g.municipality_id !== opts.actor.municipalityId) throw notFound('Gruppen');
    await repo.deleteGroup(trx, g.id);
    await recordAudit(trx, opts.actor, {
      action: 'training.groups.delete',
      entity: 'training_priority_group',
      entityId: g.id,
      summary: { year: g.year, name: g.name },
    });
  });
}
