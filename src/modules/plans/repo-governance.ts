import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { definedOnly, isEmpty } from '../../db/patch.js';

/** Kysely queries for governing documents, their elements and plan instructions. No rules here. */

const json = (v: unknown) => JSON.stringify(v);

// ---------------------------------------------------------------- governing documents

export async function listGuidelineDocuments(db: Database, municipalityId: string) {
  return db
    .selectFrom('guideline_document')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .orderBy('position')
    .orderBy('created_at')
    .execute();
}

export async function listGuidelineElements(db: Database, documentIds: string[]) {
  if (documentIds.length === 0) return [];
  return db.selectFrom('guideline_element').selectAll().where('document_id', 'in', documentIds).orderBy('position').orderBy('created_at').execute();
}

export async function findGuidelineDocument(db: Database, id: string) {
  return db.selectFrom('guideline_document').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findGuidelineElement(db: Database, id: string) {
  return db
    .selectFrom('guideline_element')
    .innerJoin('guideline_document', 'guideline_document.id', 'guideline_element.document_id')
    .selectAll('guideline_element')
    .select('guideline_document.municipality_id')
    .where('guideline_element.id', '=', id)
    .executeTakeFirst();
}

/** The ids among `ids` that are elements of the municipality's documents. */
export async function existingElementIds(db: Database, municipalityId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('guideline_element')
    .innerJoin('guideline_document', 'guideline_document.id', 'guideline_element.document_id')
    .select('guideline_element.id')
    .where('guideline_document.municipality_id', '=', municipalityId)
    .where('guideline_element.id', 'in', ids)
    .execute();
  return rows.map((r) => r.id);
}

export async function insertGuidelineDocument(
  db: Database,
  d: { municipality_id: string; title: string; short_title?: string | null; adopted_on?: string | null; description?: string | null; position?: number },
) {
  return db.insertInto('guideline_document').values(d).returningAll().executeTakeFirstOrThrow();
}

export async function updateGuidelineDocument(
  db: Database,
  id: string,
  patch: { title?: string; short_title?: string | null; adopted_on?: string | null; description?: string | null },
) {
  const set = definedOnly(patch);
  return db
    .updateTable('guideline_document')
    .set({ ...set, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function nextElementPosition(db: Database, documentId: string) {
  const r = await db
    .selectFrom('guideline_element')
    .select((eb) => eb.fn.max<number | null>('position').as('max'))
    .where('document_id', '=', documentId)
    .executeTakeFirst();
  return (r?.max ?? -1) + 1;
}

export async function insertGuidelineElement(
  db: Database,
  e: { document_id: string; kind: string; key?: string | null; label: string; position: number },
) {
  return db
    .insertInto('guideline_element')
    .values({ ...e, kind: e.kind as 'measure_area' })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateGuidelineElement(db: Database, id: string, patch: { label?: string; position?: number; archived?: boolean }) {
  const set = definedOnly(patch);
  if (isEmpty(set)) return db.selectFrom('guideline_element').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return db.updateTable('guideline_element').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Non-archived elements of the municipality with their document's title, in reading order. */
export async function listActiveElements(db: Database, municipalityId: string) {
  return db
    .selectFrom('guideline_element')
    .innerJoin('guideline_document', 'guideline_document.id', 'guideline_element.document_id')
    .select([
      'guideline_element.id',
      'guideline_element.kind',
      'guideline_element.key',
      'guideline_element.label',
      'guideline_document.title as document_title',
      'guideline_document.short_title as document_short_title',
    ])
    .where('guideline_document.municipality_id', '=', municipalityId)
    .where('guideline_element.archived', '=', false)
    .orderBy('guideline_document.position')
    .orderBy('guideline_document.created_at')
    .orderBy('guideline_element.position')
    .execute();
}

// ---------------------------------------------------------------- plan instructions

export type InstructionRow = NonNullable<Awaited<ReturnType<typeof findInstruction>>>;

export async function listInstructions(db: Database, municipalityId: string) {
  return db.selectFrom('plan_instruction').selectAll().where('municipality_id', '=', municipalityId).orderBy('year', 'desc').execute();
}

export async function findInstruction(db: Database, id: string) {
  return db.selectFrom('plan_instruction').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findInstructionByYear(db: Database, municipalityId: string, year: number) {
  return db.selectFrom('plan_instruction').selectAll().where('municipality_id', '=', municipalityId).where('year', '=', year).executeTakeFirst();
}

export async function listPublishedInstructions(db: Database, municipalityId: string) {
  return db
    .selectFrom('plan_instruction')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('status', '=', 'published')
    .orderBy('year', 'desc')
    .execute();
}

export async function insertInstruction(
  db: Database,
  i: {
    municipality_id: string;
    year: number;
    deadline: string | null;
    guidance: string | null;
    sections: { key: string; title: string; guidance?: string | null }[];
    required_activity_fields: string[];
    required_partner_types?: string[];
    review_criteria: { id: string; text: string }[];
  },
) {
  return db
    .insertInto('plan_instruction')
    .values({
      ...i,
      sections: json(i.sections),
      required_activity_fields: json(i.required_activity_fields),
      required_partner_types: json(i.required_partner_types ?? []),
      review_criteria: json(i.review_criteria),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateInstruction(
  db: Database,
  id: string,
  patch: {
    deadline?: string | null;
    guidance?: string | null;
    sections?: unknown;
    required_activity_fields?: unknown;
    required_partner_types?: unknown;
    review_criteria?: unknown;
    status?: 'draft' | 'published';
    published_at?: Date;
  },
) {
  const set = definedOnly({
    deadline: patch.deadline,
    guidance: patch.guidance,
    status: patch.status,
    published_at: patch.published_at,
    sections: patch.sections === undefined ? undefined : json(patch.sections),
    required_activity_fields: patch.required_activity_fields === undefined ? undefined : json(patch.required_activity_fields),
    required_partner_types: patch.required_partner_types === undefined ? undefined : json(patch.required_partner_types),
    review_criteria: patch.review_criteria === undefined ? undefined : json(patch.review_criteria),
  });
  return db
    .updateTable('plan_instruction')
    .set({ ...set, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
