import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/database.js';
import { todayInSweden } from '../../domain/calendar.js';
import { can, inScope, scopeOf, type Actor } from '../../domain/policy/index.js';
import { aggregateSurvey, linkState, RECIPIENT_GROUPS, responseRate, type Answers, type RecipientGroup, type SurveyQuestion } from '../../domain/situation/survey.js';
import { suppressCount, suppressionLegendSv, type Cell } from '../../domain/suppression.js';
import { conflict, forbidden, notFound, unprocessable } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import { boardInMunicipality, isInsideBoard, suppressionThreshold } from './access.js';
import { iso } from './presenters.js';
import type { TCreateSurveyRequest, TSurvey, TSurveyResults, TSurveySummary, TUpdateSurveyRequest } from './schema.js';
import * as repo from './surveys.repo.js';

/**
 * A board's surveys as the coordinator works on them: list, read, write the questions while a
 * draft, close, and the aggregated results. Links are sent in surveys-links.service.ts; the
 * public answer page is surveys-public.service.ts.
 */

type QuestionInput = TCreateSurveyRequest['questions'][number];
export type SurveyRow = NonNullable<Awaited<ReturnType<typeof repo.findSurvey>>>;
export type SurveyAction = 'surveys.read' | 'surveys.update' | 'surveys.delete' | 'surveys.send' | 'surveys.close' | 'surveys.results';

export const parseQuestions = (q: unknown): SurveyQuestion[] => (typeof q === 'string' ? JSON.parse(q) : q) as SurveyQuestion[];
const parseAnswers = (a: unknown): Answers => (typeof a === 'string' ? JSON.parse(a) : a) as Answers;

/** Questions as stored: ids given, options only on choice questions (at least two there). */
function toQuestions(input: QuestionInput[]): SurveyQuestion[] {
  const fields = input.flatMap((q, i) =>
    q.kind === 'choice' && q.options.length < 2 ? [{ field: `questions.${i}.options`, message: 'Ett flervalsalternativ behöver minst två alternativ.' }] : [],
  );
  if (fields.length) throw unprocessable('invalid_question', 'En fråga är inte komplett.', fields);
  return input.map((q) => ({
    id: randomUUID(),
    kind: q.kind,
    text: q.text,
    options: q.kind === 'choice' ? q.options : [],
    multiple: q.kind === 'choice' ? q.multiple : false,
    required: q.required,
  }));
}

/** The survey, when it is the actor's municipality's (else 404) and the actor may do `action` on its board (else 403). */
export async function getSurveyFor(db: Database, actor: Actor, id: string, action: SurveyAction) {
  const s = await repo.findSurvey(db, id);
  if (!s || s.municipality_id !== actor.municipalityId) throw notFound('Enkäten');
  if (!can(actor, action, { boardId: s.board_id })) throw forbidden();
  return s;
}

function summary(s: { id: string; board_id: string; board_name: string; year: number; title: string; status: string; created_at: Date | string; sent_at: Date | string | null }, sent: number, answered: number, suppress: boolean, threshold: number): TSurveySummary {
  const shown: Cell = suppress ? suppressCount(answered, threshold) : answered;
  return {
    id: s.id,
    boardId: s.board_id,
    boardName: s.board_name,
    year: s.year,
    title: s.title,
    status: s.status as TSurveySummary['status'],
    sent,
    answered: shown,
    responseRate: responseRate(shown, sent),
    createdAt: iso(s.created_at)!,
    sentAt: iso(s.sent_at),
  };
}

export async function listSurveys(opts: { db: Database; actor: Actor; boardId?: string; year?: number }) {
  const scope = scopeOf(opts.actor, 'surveys.list');
  if (opts.boardId) {
    await boardInMunicipality(opts.db, opts.actor, opts.boardId);
    if (!inScope(scope, opts.boardId)) throw forbidden();
  }
  const threshold = await suppressionThreshold(opts.db, opts.actor.municipalityId);
  const rows = await repo.listSurveys(opts.db, { municipalityId: opts.actor.municipalityId, boards: scope, boardId: opts.boardId, year: opts.year });
  return rows.map((s) => summary(s, Number(s.sent ?? 0), Number(s.answered ?? 0), !isInsideBoard(opts.actor, s.board_id), threshold));
}

async function present(db: Database, actor: Actor, s: SurveyRow): Promise<TSurvey> {
  const recipients = await repo.recipients(db, s.id);
  const answered = recipients.filter((r) => r.answered_at).length;
  const threshold = await suppressionThreshold(db, actor.municipalityId);
  const manages = can(actor, 'surveys.send', { boardId: s.board_id });
  return {
    ...summary(s, recipients.length, answered, !isInsideBoard(actor, s.board_id), threshold),
    intro: s.intro,
    questions: parseQuestions(s.questions),
    recipients: manages
      ? recipients.map((r) => ({
          id: r.id,
          label: r.label,
          group: r.recipient_group as RecipientGroup,
          unitId: r.unit_id,
          expiresAt: iso(r.expires_at)!,
          state: linkState({ answeredAt: r.answered_at, expiresAt: r.expires_at }, s.status as 'sent'),
        }))
      : [],
  };
}

export async function getSurvey(opts: { db: Database; actor: Actor; id: string }) {
  return present(opts.db, opts.actor, await getSurveyFor(opts.db, opts.actor, opts.id, 'surveys.read'));
}

export async function createSurvey(opts: { db: Database; actor: Actor; input: TCreateSurveyRequest }) {
  const board = await boardInMunicipality(opts.db, opts.actor, opts.input.boardId);
  if (!can(opts.actor, 'surveys.create', { boardId: board.id })) throw forbidden();
  const questions = toQuestions(opts.input.questions);
  return opts.db.transaction().execute(async (trx) => {
    const { id } = await repo.insertSurvey(trx, {
      board_id: board.id,
      year: opts.input.year ?? Number(todayInSweden().slice(0, 4)),
      title: opts.input.title,
      intro: opts.input.intro || null,
      questions: JSON.stringify(questions),
      created_by: opts.actor.userId,
    });
    await recordAudit(trx, opts.actor, { action: 'surveys.create', entity: 'survey', entityId: id, boardId: board.id, summary: { title: opts.input.title, questions: questions.length } });
    return present(trx, opts.actor, (await repo.findSurvey(trx, id))!);
  });
}

function requireDraft(s: { status: string }) {
  if (s.status !== 'draft') throw conflict('Enkäten är redan skickad. Frågorna kan inte ändras efter att länkar har gått ut.', 'not_draft');
}

export async function updateSurvey(opts: { db: Database; actor: Actor; id: string; input: TUpdateSurveyRequest }) {
  const questions = opts.input.questions ? toQuestions(opts.input.questions) : undefined;
  return opts.db.transaction().execute(async (trx) => {
    const s = await getSurveyFor(trx, opts.actor, opts.id, 'surveys.update');
    requireDraft(s);
    await repo.updateSurvey(trx, s.id, {
      title: opts.input.title,
      intro: opts.input.intro === undefined ? undefined : opts.input.intro || null,
      questions: questions ? JSON.stringify(questions) : undefined,
    });
    await recordAudit(trx, opts.actor, {
      action: 'surveys.update',
      entity: 'survey',
      entityId: s.id,
      boardId: s.board_id,
      summary: { title: opts.input.title !== undefined ? { from: s.title, to: opts.input.title } : undefined, questions: questions?.length },
    });
    return present(trx, opts.actor, (await repo.findSurvey(trx, s.id))!);
  });
}

export async function deleteSurvey(opts: { db: Database; actor: Actor; id: string }) {
  await opts.db.transaction().execute(async (trx) => {
    const s = await getSurveyFor(trx, opts.actor, opts.id, 'surveys.delete');
    requireDraft(s);
    await repo.deleteSurvey(trx, s.id);
    await recordAudit(trx, opts.actor, { action: 'surveys.delete', entity: 'survey', entityId: s.id, boardId: s.board_id, summary: { title: s.title } });
  });
}

export async function closeSurvey(opts: { db: Database; actor: Actor; id: string }) {
  return opts.db.transaction().execute(async (trx) => {
    const s = await getSurveyFor(trx, opts.actor, opts.id, 'surveys.close');
    if (s.status !== 'sent') throw conflict(s.status === 'closed' ? 'Enkäten är redan stängd.' : 'Enkäten är inte skickad ännu.', 'wrong_state');
    await repo.setStatus(trx, s.id, 'closed');
    await recordAudit(trx, opts.actor, { action: 'surveys.close', entity: 'survey', entityId: s.id, boardId: s.board_id, summary: {} });
    return present(trx, opts.actor, (await repo.findSurvey(trx, s.id))!);
  });
}

/** Aggregated answers; outside the board small counts are suppressed and free text is left out. */
export async function surveyResults(opts: { db: Database; actor: Actor; id: string }): Promise<TSurveyResults> {
  const s = await getSurveyFor(opts.db, opts.actor, opts.id, 'surveys.results');
  return resultsOf(opts.db, opts.actor, s);
}

export async function resultsOf(db: Database, actor: Actor, s: SurveyRow): Promise<TSurveyResults> {
  const threshold = await suppressionThreshold(db, actor.municipalityId);
  const suppress = !isInsideBoard(actor, s.board_id);
  const recipients = await repo.recipients(db, s.id);
  const rows = (await repo.responses(db, s.id)).map((r) => ({ group: r.recipient_group as RecipientGroup, answers: parseAnswers(r.answers) }));
  const agg = aggregateSurvey(parseQuestions(s.questions), rows, { suppress, threshold });
  const sentPerGroup = (g: RecipientGroup) => recipients.filter((r) => r.recipient_group === g).length;
  const groups = RECIPIENT_GROUPS.filter((g) => sentPerGroup(g) > 0 || agg.byGroup.some((b) => b.group === g));
  return {
    surveyId: s.id,
    title: s.title,
    boardName: s.board_name,
    year: s.year,
    suppressed: suppress,
    threshold,
    legend: suppressionLegendSv(threshold),
    sent: recipients.length,
    responses: agg.responses,
    responseRate: responseRate(agg.responses, recipients.length),
    byGroup: groups.map((g) => ({ group: g, sent: sentPerGroup(g), count: agg.byGroup.find((b) => b.group === g)?.count ?? 0 })),
    questions: agg.questions,
  };
}
