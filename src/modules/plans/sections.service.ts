import type { Database } from '../../db/database.js';
import { todayInSweden } from '../../domain/calendar.js';
import { checkFields } from '../../domain/personal-data/guard.js';
import { plainText } from '../../domain/plans/model.js';
import { actorUserId, type ServiceActor } from '../../domain/policy/index.js';
import { notFound, unprocessable } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import { SITUATION_SECTION_KEY } from './defaults.js';
import { mergedSections } from './detail.service.js';
import { effectiveInstruction } from './governance-service.js';
import * as repo from './repo.js';
import type { TSection, TUpdateSectionRequest } from './schema.js';
import { planForEdit } from './workflow.service.js';

/** Writing a plan's sections (the situation picture through the personal-data guard). */

export async function updateSection(opts: { db: Database; actor: ServiceActor; planId: string; key: string; input: TUpdateSectionRequest }): Promise<TSection> {
  return opts.db.transaction().execute(async (trx) => {
    const plan = await planForEdit(trx, opts.actor, opts.planId);
    const instruction = await effectiveInstruction(trx, plan.municipality_id, plan.year);
    const own = await repo.listSections(trx, [plan.id]);
    const required = instruction.sections.findIndex((s) => s.key === opts.key);
    const existing = own.find((s) => s.key === opts.key);
    if (required < 0 && !existing) throw notFound('Avsnittet');
    // The HTML sanitiser (and its CSS parser) is loaded with the first section written, not at start.
    const { sanitizeSectionHtml, textToHtml } = await import('./html.js');
    const body = sanitizeSectionHtml(textToHtml(opts.input.bodyHtml));
    // The situation picture describes events and places: like every such text it may not point
    // at a person (personnummer, phone, e-mail, street address).
    if (opts.key === SITUATION_SECTION_KEY) {
      const problems = checkFields({ bodyHtml: plainText(body) }, { subject: 'lägesbilden' });
      if (problems.length) {
        throw unprocessable(
          'personal_data',
          'Lägesbilden innehåller personuppgifter. Ta bort dem och spara igen.',
          problems.map((p) => ({ field: p.field, message: p.message })),
        );
      }
    }
    // A section's date says when its content was last brought up to date (the check reads the
    // situation picture's); it follows the text unless the author sets it.
    const datedOn =
      opts.input.datedOn !== undefined ? opts.input.datedOn : existing && existing.body_html === body ? existing.dated_on : body ? todayInSweden() : null;
    await repo.upsertSection(trx, {
      plan_id: plan.id,
      key: opts.key,
      title: required >= 0 ? instruction.sections[required].title : existing!.title,
      body_html: body,
      dated_on: datedOn,
      position: required >= 0 ? required : existing!.position,
      updated_by: actorUserId(opts.actor),
    });
    await repo.touchPlan(trx, plan.id);
    await recordAudit(trx, opts.actor, {
      action: 'plans.sections.update',
      entity: 'plan',
      entityId: plan.id,
      boardId: plan.board_id,
      summary: { year: plan.year, section: opts.key, empty: body === '' },
    });
    const fresh = (await repo.findPlan(trx, plan.id))!;
    return (await mergedSections(trx, fresh, instruction)).find((s) => s.key === opts.key)!;
  });
}
