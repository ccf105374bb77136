import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '../../db/database.js';
import { can, inScope, scopeOf, type Actor } from '../../domain/policy/index.js';
import { todayInSweden } from '../../domain/situation/categories.js';
import {
  aggregateSurvey,
  checkAnswers,
  DEFAULT_LINK_DAYS,
  linkState,
  RECIPIENT_GROUPS,
  responseRate,
  type Answers,
  type RecipientGroup,
  type SurveyQuestion,
} from '../../domain/situation/survey.js';
import { suppressCount, suppressionLegendSv, type Cell } from '../../domain/suppression.js';
import { AppError, conflict, forbidden, notFound, unprocessable } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import * as orgs from '../orgs/repo.js';
import { boardInMunicipality, isInsideBoard, suppressionThreshold } from './access.js';
import { confirmationSummary, guardFreeText, refusePersonalData } from './guard.js';
import { iso } from './presenters.js';
import type { TCreateSurveyRequest, TIssuedLink, TSurvey, TSurveyResults, TSurveySummary, TUpdateSurveyRequest } from './schema.js';
import * as repo from './surveys.repo.js';

type QuestionInput = TCreateSurveyRequest['questions'][number];
type SurveyRow = NonNullable<Awaited<ReturnType<typeof repo.findSurvey>>>;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');
export const surveyPath = (token: string) => `/enkat/${token}`;
const daysFromNow = (days: number) => new Date(Date.now() + days * 24 * 60 * 60 * 1000);

const parseQuestions = (q: unknown): SurveyQuestion[] => (typeof q === 'string' ? JSON.parse(q) : q) as SurveyQuestion[];
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

async function getSurveyFor(db: Database, actor: Actor, id: string, action: 'surveys.read' | 'surveys.update' | 'surveys.delete' | 'surveys.send' | 'surveys.close' | 'surveys.results') {
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

/**
 * Makes one link per recipient. The tokens are returned here and only here (the database keeps
 * their hashes), so the coordinator copies or mails them out now.
 */
export async function sendSurvey(opts: {
  db: Database;
  actor: Actor;
  id: string;
  input: { recipients: { label: string; group: RecipientGroup; unitId?: string | null }[]; expiresInDays?: number };
}): Promise<{ links: TIssuedLink[] }> {
  return opts.db.transaction().execute(async (trx) => {
    const s = await getSurveyFor(trx, opts.actor, opts.id, 'surveys.send');
    if (s.status === 'closed') throw conflict('Enkäten är stängd. Öppna en ny enkät för att skicka fler länkar.', 'closed');
    refusePersonalData(Object.fromEntries(opts.input.recipients.map((r, i) => [`recipients.${i}.label`, r.label])), {
      subject: 'mottagarlistan',
      message: 'Ange mottagare som verksamheter eller grupper, utan personuppgifter.',
    });
    const unitIds = [...new Set(opts.input.recipients.map((r) => r.unitId).filter((u): u is string => !!u))];
    for (const unitId of unitIds) {
      const unit = await orgs.findUnit(trx, unitId);
      if (!unit || unit.board_id !== s.board_id) {
        const i = opts.input.recipients.findIndex((r) => r.unitId === unitId);
        throw unprocessable('unknown_unit', 'En enhet hör inte till nämnden.', [{ field: `recipients.${i}.unitId`, message: 'Välj en enhet i nämnden.' }]);
      }
    }
    const days = opts.input.expiresInDays ?? DEFAULT_LINK_DAYS;
    const tokens = opts.input.recipients.map(() => newToken());
    const rows = await repo.insertRecipients(
      trx,
      opts.input.recipients.map((r, i) => ({
        survey_id: s.id,
        label: r.label,
        recipient_group: r.group,
        unit_id: r.unitId ?? null,
        token_hash: hashToken(tokens[i]),
        expires_at: daysFromNow(days),
      })),
    );
    await repo.setStatus(trx, s.id, 'sent');
    await recordAudit(trx, opts.actor, {
      action: 'surveys.send',
      entity: 'survey',
      entityId: s.id,
      boardId: s.board_id,
      summary: { links: rows.length, expiresInDays: days, groups: RECIPIENT_GROUPS.filter((g) => opts.input.recipients.some((r) => r.group === g)) },
    });
    return {
      links: rows.map((r) => {
        const token = tokens[rows.indexOf(r)];
        return {
          id: r.id,
          label: r.label,
          group: r.recipient_group as RecipientGroup,
          unitId: r.unit_id,
          expiresAt: iso(r.expires_at)!,
          state: 'open' as const,
          token,
          path: surveyPath(token),
        };
      }),
    };
  });
}

/** A new link for an unanswered recipient (lost or expired); the old one stops working. */
export async function renewLink(opts: { db: Database; actor: Actor; id: string; recipientId: string; expiresInDays?: number }): Promise<TIssuedLink> {
  return opts.db.transaction().execute(async (trx) => {
    const s = await getSurveyFor(trx, opts.actor, opts.id, 'surveys.send');
    const r = await repo.findRecipient(trx, opts.recipientId);
    if (!r || r.survey_id !== s.id) throw notFound('Mottagaren');
    if (s.status === 'closed') throw conflict('Enkäten är stängd.', 'closed');
    if (r.answered_at) throw conflict('Mottagaren har redan svarat.', 'already_answered');
    const token = newToken();
    const row = await repo.renewRecipient(trx, r.id, hashToken(token), daysFromNow(opts.expiresInDays ?? DEFAULT_LINK_DAYS));
    await recordAudit(trx, opts.actor, { action: 'surveys.renew_link', entity: 'survey', entityId: s.id, boardId: s.board_id, summary: { recipientId: r.id } });
    return {
      id: row.id,
      label: row.label,
      group: row.recipient_group as RecipientGroup,
      unitId: row.unit_id,
      expiresAt: iso(row.expires_at)!,
      state: 'open',
      token,
      path: surveyPath(token),
    };
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

// ---- The public answer page ------------------------------------------------------------------

const linkGone = (state: 'answered' | 'expired' | 'closed') =>
  state === 'answered'
    ? conflict('Enkäten är redan besvarad via den här länken. Tack för ditt svar!', 'already_answered')
    : state === 'expired'
      ? conflict('Länken har gått ut. Kontakta den som skickade enkäten om du vill få en ny länk.', 'expired')
      : conflict('Enkäten är stängd och tar inte emot fler svar.', 'closed');

async function openLink(db: Database, token: string) {
  const link = await repo.findByToken(db, hashToken(token));
  if (!link) throw new AppError(404, 'not_found', 'Länken finns inte. Kontrollera att du har fått med hela länken.');
  const state = linkState({ answeredAt: link.answered_at, expiresAt: link.expires_at }, link.status as 'sent');
  if (state !== 'open') throw linkGone(state);
  return link;
}

export async function getPublicSurvey(opts: { db: Database; token: string }) {
  const link = await openLink(opts.db, opts.token);
  return {
    title: link.title,
    intro: link.intro,
    boardName: link.board_name,
    municipalityName: link.municipality_name,
    questions: parseQuestions(link.questions),
    expiresAt: iso(link.expires_at)!,
  };
}

/**
 * Stores one anonymous response and uses up the link, in one transaction. The response keeps the
 * recipient's group and the day, not the recipient.
 */
export async function answerPublicSurvey(opts: {
  db: Database;
  token: string;
  answers: { questionId: string; value: boolean | number | number[] | string | null }[];
  confirmNoPersonalData?: boolean;
}) {
  const link = await openLink(opts.db, opts.token);
  const checked = checkAnswers(parseQuestions(link.questions), opts.answers);
  if (checked.problems.length) throw unprocessable('invalid_answers', 'Några svar behöver rättas.', checked.problems);
  if (checked.personalData.length) {
    throw unprocessable('personal_data', 'Ett svar innehåller personuppgifter. Ta bort dem och skicka igen – ingen får gå att identifiera.', checked.personalData);
  }
  // Possible names in the answers are held back until the respondent confirms.
  const guarded = await guardFreeText(checked.texts, { subject: 'svaret', confirmNoPersonalData: opts.confirmNoPersonalData });
  await opts.db.transaction().execute(async (trx) => {
    if (!(await repo.claimLink(trx, link.recipient_id))) {
      const now = await repo.findByToken(trx, hashToken(opts.token));
      const state = now ? linkState({ answeredAt: now.answered_at, expiresAt: now.expires_at }, now.status as 'sent') : 'closed';
      throw linkGone(state === 'open' ? 'answered' : state);
    }
    await repo.insertResponse(trx, { survey_id: link.survey_id, recipient_group: link.recipient_group, answers: JSON.stringify(checked.answers), submitted_on: todayInSweden() });
    await recordAudit(trx, { system: 'public-survey', municipalityId: link.municipality_id }, {
      action: 'public_surveys.answer',
      entity: 'survey',
      entityId: link.survey_id,
      boardId: link.board_id,
      summary: { group: link.recipient_group, ...confirmationSummary(guarded) },
    });
  });
  return { received: true as const };
}
