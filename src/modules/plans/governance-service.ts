import type { Database } from '../../db/database.js';
import { canEverywhere } from '../../domain/policy/index.js';
import { conflict, notFound, unprocessable } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import type { ServiceActor } from '../../domain/policy/index.js';
import { DEFAULT_REQUIRED_ACTIVITY_FIELDS, DEFAULT_REVIEW_CRITERIA, DEFAULT_SECTIONS } from './defaults.js';
import { presentElement, presentInstruction, iso } from './presenters.js';
import * as repo from './repo-governance.js';
import type {
  TCreateGuidelineDocumentRequest,
  TCreateGuidelineElementRequest,
  TCreateInstructionRequest,
  TEffectiveInstruction,
  TGuidelineDocument,
  TUpdateGuidelineDocumentRequest,
  TUpdateGuidelineElementRequest,
  TUpdateInstructionRequest,
} from './schema.js';

/** Governing documents (riktlinjer, strategi) and plan instructions (anvisningar) per year. */

// ---------------------------------------------------------------- governing documents

export async function listGuidelines(opts: { db: Database; actor: ServiceActor }): Promise<TGuidelineDocument[]> {
  const docs = await repo.listGuidelineDocuments(opts.db, opts.actor.municipalityId);
  const elements = await repo.listGuidelineElements(opts.db, docs.map((d) => d.id));
  return docs.map((d) => ({
    id: d.id,
    title: d.title,
    shortTitle: d.short_title,
    adoptedOn: d.adopted_on,
    description: d.description,
    elements: elements.filter((e) => e.document_id === d.id).map(presentElement),
  }));
}

async function documentOf(db: Database, actor: ServiceActor, id: string) {
  const doc = await repo.findGuidelineDocument(db, id);
  if (!doc || doc.municipality_id !== actor.municipalityId) throw notFound('Styrdokumentet');
  return doc;
}

async function presentDocument(db: Database, actor: ServiceActor, id: string) {
  return (await listGuidelines({ db, actor })).find((d) => d.id === id)!;
}

export async function createGuidelineDocument(opts: { db: Database; actor: ServiceActor; input: TCreateGuidelineDocumentRequest }) {
  return opts.db.transaction().execute(async (trx) => {
    const existing = await repo.listGuidelineDocuments(trx, opts.actor.municipalityId);
    if (existing.some((d) => d.title.toLowerCase() === opts.input.title.toLowerCase())) {
      throw conflict(`Det finns redan ett styrdokument som heter ${opts.input.title}.`, 'duplicate');
    }
    const doc = await repo.insertGuidelineDocument(trx, {
      municipality_id: opts.actor.municipalityId,
      title: opts.input.title,
      short_title: opts.input.shortTitle ?? null,
      adopted_on: opts.input.adoptedOn ?? null,
      description: opts.input.description ?? null,
      position: existing.length,
    });
    await recordAudit(trx, opts.actor, { action: 'guidelines.create', entity: 'guideline_document', entityId: doc.id, summary: { title: doc.title } });
    return presentDocument(trx, opts.actor, doc.id);
  });
}

export async function updateGuidelineDocument(opts: { db: Database; actor: ServiceActor; documentId: string; input: TUpdateGuidelineDocumentRequest }) {
  return opts.db.transaction().execute(async (trx) => {
    const before = await documentOf(trx, opts.actor, opts.documentId);
    const doc = await repo.updateGuidelineDocument(trx, before.id, {
      title: opts.input.title,
      short_title: opts.input.shortTitle,
      adopted_on: opts.input.adoptedOn,
      description: opts.input.description,
    });
    await recordAudit(trx, opts.actor, {
      action: 'guidelines.update',
      entity: 'guideline_document',
      entityId: doc.id,
      summary: { fields: Object.keys(opts.input).filter((k) => opts.input[k as keyof typeof opts.input] !== undefined), title: doc.title },
    });
    return presentDocument(trx, opts.actor, doc.id);
  });
}

export async function createGuidelineElement(opts: { db: Database; actor: ServiceActor; documentId: string; input: TCreateGuidelineElementRequest }) {
  return opts.db.transaction().execute(async (trx) => {
    const doc = await documentOf(trx, opts.actor, opts.documentId);
    const element = await repo.insertGuidelineElement(trx, {
      document_id: doc.id,
      kind: opts.input.kind,
      key: opts.input.key ?? null,
      label: opts.input.label,
      position: await repo.nextElementPosition(trx, doc.id),
    });
    await recordAudit(trx, opts.actor, {
      action: 'guideline_elements.create',
      entity: 'guideline_element',
      entityId: element.id,
      summary: { documentId: doc.id, kind: element.kind },
    });
    return presentElement(element);
  });
}

export async function updateGuidelineElement(opts: { db: Database; actor: ServiceActor; elementId: string; input: TUpdateGuidelineElementRequest }) {
  return opts.db.transaction().execute(async (trx) => {
    const before = await repo.findGuidelineElement(trx, opts.elementId);
    if (!before || before.municipality_id !== opts.actor.municipalityId) throw notFound('Delen av styrdokumentet');
    const element = await repo.updateGuidelineElement(trx, before.id, opts.input);
    await recordAudit(trx, opts.actor, {
      action: 'guideline_elements.update',
      entity: 'guideline_element',
      entityId: element.id,
      summary: {
        documentId: element.document_id,
        ...(opts.input.archived !== undefined && { archived: { from: before.archived, to: element.archived } }),
        ...(opts.input.position !== undefined && { position: { from: before.position, to: element.position } }),
        ...(opts.input.label !== undefined && { labelChanged: before.label !== element.label }),
      },
    });
    return presentElement(element);
  });
}

// ---------------------------------------------------------------- plan instructions

export async function listInstructions(opts: { db: Database; actor: ServiceActor }) {
  const rows = await repo.listInstructions(opts.db, opts.actor.municipalityId);
  // Drafts are the work in progress of those who issue instructions; others see published ones.
  const central = canEverywhere(opts.actor, 'plan_instructions.update');
  return rows.filter((r) => central || r.status === 'published').map(presentInstruction);
}

async function instructionOf(db: Database, actor: ServiceActor, id: string) {
  const row = await repo.findInstruction(db, id);
  const central = canEverywhere(actor, 'plan_instructions.update');
  if (!row || row.municipality_id !== actor.municipalityId || (!central && row.status !== 'published')) throw notFound('Anvisningarna');
  return row;
}

export async function getInstruction(opts: { db: Database; actor: ServiceActor; id: string }) {
  return presentInstruction(await instructionOf(opts.db, opts.actor, opts.id));
}

function checkSectionKeys(sections: { key: string }[] | undefined) {
  if (!sections) return;
  const seen = new Set<string>();
  const dupes = sections.filter((s) => (seen.has(s.key) ? true : (seen.add(s.key), false)));
  if (dupes.length) {
    throw unprocessable('duplicate_section', 'Två avsnitt har samma nyckel.', dupes.map((d) => ({ field: 'sections', message: `Nyckeln ${d.key} används två gånger.` })));
  }
}

/** Criteria keep their id once given, so a review's answers stay tied to the criterion. */
function withCriterionIds(criteria: { id?: string; text: string }[]) {
  const used = new Set(criteria.map((c) => c.id).filter(Boolean) as string[]);
  let n = 1;
  return criteria.map((c) => {
    if (c.id) return { id: c.id, text: c.text };
    while (used.has(`k${n}`)) n++;
    used.add(`k${n}`);
    return { id: `k${n}`, text: c.text };
  });
}

export async function createInstruction(opts: { db: Database; actor: ServiceActor; input: TCreateInstructionRequest }) {
  checkSectionKeys(opts.input.sections);
  return opts.db.transaction().execute(async (trx) => {
    if (await repo.findInstructionByYear(trx, opts.actor.municipalityId, opts.input.year)) {
      throw conflict(`Det finns redan anvisningar för ${opts.input.year}.`, 'duplicate');
    }
    // A new year starts from the latest instructions, or the city's default structure.
    const latest = (await repo.listInstructions(trx, opts.actor.municipalityId))[0];
    const row = await repo.insertInstruction(trx, {
      municipality_id: opts.actor.municipalityId,
      year: opts.input.year,
      deadline: opts.input.deadline ?? null,
      guidance: opts.input.guidance ?? latest?.guidance ?? null,
      sections: opts.input.sections ?? latest?.sections ?? DEFAULT_SECTIONS,
      required_activity_fields: opts.input.requiredActivityFields ?? latest?.required_activity_fields ?? DEFAULT_REQUIRED_ACTIVITY_FIELDS,
      required_partner_types: opts.input.requiredPartnerTypes ?? latest?.required_partner_types ?? [],
      review_criteria: opts.input.reviewCriteria ? withCriterionIds(opts.input.reviewCriteria) : (latest?.review_criteria ?? DEFAULT_REVIEW_CRITERIA),
    });
    await recordAudit(trx, opts.actor, { action: 'plan_instructions.create', entity: 'plan_instruction', entityId: row.id, summary: { year: row.year } });
    return presentInstruction(row);
  });
}

export async function updateInstruction(opts: { db: Database; actor: ServiceActor; id: string; input: TUpdateInstructionRequest }) {
  checkSectionKeys(opts.input.sections);
  return opts.db.transaction().execute(async (trx) => {
    const before = await instructionOf(trx, opts.actor, opts.id);
    const row = await repo.updateInstruction(trx, before.id, {
      deadline: opts.input.deadline,
      guidance: opts.input.guidance,
      sections: opts.input.sections,
      required_activity_fields: opts.input.requiredActivityFields,
      required_partner_types: opts.input.requiredPartnerTypes,
      review_criteria: opts.input.reviewCriteria ? withCriterionIds(opts.input.reviewCriteria) : undefined,
    });
    await recordAudit(trx, opts.actor, {
      action: 'plan_instructions.update',
      entity: 'plan_instruction',
      entityId: row.id,
      summary: { year: row.year, fields: Object.keys(opts.input).filter((k) => opts.input[k as keyof typeof opts.input] !== undefined) },
    });
    return presentInstruction(row);
  });
}

export async function publishInstruction(opts: { db: Database; actor: ServiceActor; id: string }) {
  return opts.db.transaction().execute(async (trx) => {
    const before = await instructionOf(trx, opts.actor, opts.id);
    if (before.status === 'published') throw conflict(`Anvisningarna för ${before.year} är redan publicerade.`, 'already_published');
    const row = await repo.updateInstruction(trx, before.id, { status: 'published', published_at: new Date() });
    await recordAudit(trx, opts.actor, { action: 'plan_instructions.publish', entity: 'plan_instruction', entityId: row.id, summary: { year: row.year } });
    return presentInstruction(row);
  });
}

/**
 * The instructions a plan of `year` follows: the year's published instructions; else the latest
 * published ones before it; else the latest published at all; else the city's default structure.
 */
export async function effectiveInstruction(db: Database, municipalityId: string, year: number): Promise<TEffectiveInstruction> {
  const published = await repo.listPublishedInstructions(db, municipalityId);
  const row = published.find((p) => p.year === year) ?? published.find((p) => p.year < year) ?? published[0];
  if (!row) {
    return {
      id: null,
      year,
      status: 'published',
      deadline: null,
      guidance: null,
      sections: DEFAULT_SECTIONS,
      requiredActivityFields: DEFAULT_REQUIRED_ACTIVITY_FIELDS,
      requiredPartnerTypes: [],
      reviewCriteria: DEFAULT_REVIEW_CRITERIA,
      publishedAt: null,
      updatedAt: iso(new Date(0)),
      fallback: true,
    };
  }
  // Another year's deadline does not apply to this year's plan.
  const fallback = row.year !== year;
  return { ...presentInstruction(row), deadline: fallback ? null : row.deadline, fallback };
}

export async function getEffectiveInstruction(opts: { db: Database; actor: ServiceActor; year: number }) {
  return effectiveInstruction(opts.db, opts.actor.municipalityId, opts.year);
}
