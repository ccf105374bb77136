/**
 * The municipality's democracy criteria for grant and premises vetting: read by everyone who reads
 * applications, set by the central coordinator for the whole municipality. Criteria are never
 * deleted (decided applications keep their results under the key): one left out of a new list is
 * kept as no longer in use.
 */
import type { Database } from '../../db/database.js';
import { DEFAULT_CRITERIA } from '../../domain/grants/vetting.js';
import { canEverywhere, type ServiceActor } from '../../domain/policy/index.js';
import { forbidden, unprocessable } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import * as repo from './repo.js';
import type { TGrantCriterion, TUpdateCriteriaRequest } from './schema.js';

/** Gives a new municipality Stockholm's four criteria (the migration did the same for existing ones). */
export async function addDefaultCriteria(db: Database, municipalityId: string): Promise<void> {
  for (const [position, c] of DEFAULT_CRITERIA.entries()) {
    await repo.upsertCriterion(db, { municipality_id: municipalityId, key: c.key, label: c.label, description: c.description, active: c.active, required: c.required, position });
  }
}

export async function listCriteria(opts: { db: Database; actor: ServiceActor }): Promise<TGrantCriterion[]> {
  return repo.listCriteria(opts.db, opts.actor.municipalityId);
}

/**
 * Sets the checklist: the criteria in the order given (new keys added, existing ones changed);
 * criteria left out stay, no longer in use. At least one criterion must be in use.
 */
export async function updateCriteria(opts: { db: Database; actor: ServiceActor; input: TUpdateCriteriaRequest }): Promise<TGrantCriterion[]> {
  if (!canEverywhere(opts.actor, 'grant_criteria.update')) throw forbidden();
  const given = opts.input.criteria;
  const dup = given.findIndex((c, i) => given.findIndex((d) => d.key === c.key) !== i);
  if (dup >= 0) throw unprocessable('duplicate_criterion', `Kriteriet ${given[dup].key} finns två gånger i listan.`, [{ field: `criteria.${dup}.key`, message: 'Varje nyckel får bara finnas en gång.' }]);
  if (!given.some((c) => c.active !== false)) {
    throw unprocessable('no_active_criterion', 'Minst ett kriterium måste användas vid prövningen.', [{ field: 'criteria', message: 'Markera minst ett kriterium som använt.' }]);
  }
  const municipalityId = opts.actor.municipalityId;
  return opts.db.transaction().execute(async (trx) => {
    const before = await repo.listCriteria(trx, municipalityId);
    for (const [position, c] of given.entries()) {
      await repo.upsertCriterion(trx, {
        municipality_id: municipalityId,
        key: c.key,
        label: c.label,
        description: c.description ?? '',
        active: c.active ?? true,
        required: c.required ?? false,
        position,
      });
    }
    const left = before.filter((b) => !given.some((c) => c.key === b.key));
    for (const [i, b] of left.entries()) {
      await repo.upsertCriterion(trx, { ...b, municipality_id: municipalityId, active: false, required: false, position: given.length + i });
    }
    const after = await repo.listCriteria(trx, municipalityId);
    await recordAudit(trx, opts.actor, {
      action: 'grant_criteria.update',
      entity: 'grant_criteria',
      entityId: null,
      summary: { active: after.filter((c) => c.active).map((c) => c.key), required: after.filter((c) => c.required).map((c) => c.key), retired: left.map((c) => c.key) },
    });
    return after;
  });
}
