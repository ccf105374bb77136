/**
 * Small factories for API tests: each builds one thing a test needs through the real HTTP API of
 * a TestApp and returns its ids, so a test sets up its own world instead of leaning on what an
 * earlier test left behind (and can run alone with `-t`). They fail loudly, naming the request,
 * when the API refuses: a broken factory is a broken precondition, not a test result.
 */
import type { LightMyRequestResponse } from 'fastify';
import type { Client, TestApp } from './app.js';
import { uploader } from './upload.js';
import { tinyPdf } from '../../src/domain/attachments/test-files.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The response's JSON when the status is the expected one; else an error naming the request. */
export function expectStatus(res: LightMyRequestResponse, status: number, what: string): Json {
  if (res.statusCode !== status) throw new Error(`factory: ${what} answered ${res.statusCode}, not ${status}: ${res.body}`);
  return res.body ? res.json() : {};
}

type CountedTable = Parameters<TestApp['database']['db']['selectFrom']>[0] & string;

/** Rows in one table: the "nothing written" checks compare these before and after a refused request. */
export async function rowCount(t: TestApp, table: CountedTable): Promise<number> {
  const row = await t.database.db
    .selectFrom(table as 'audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ---------------------------------------------------------------------------------------------
// Organisation and people

let boardSerial = 0;

export interface BoardWithPeople {
  boardId: string;
  name: string;
  /** E-mail of each person made, by the key given. */
  emails: Record<string, string>;
  /** A logged-in client for each person made, by the key given. */
  clients: Record<string, Client>;
}

/**
 * A new district board with its own people (`{ lc: 'local_coordinator', member: 'viewer' }`), made
 * by the demo admin; each person gets the demo password and is logged in.
 */
export async function boardWithPeople(t: TestApp, opts: { name?: string; people: Record<string, string> }): Promise<BoardWithPeople> {
  const admin = await t.login('admin@stockholm.example');
  const serial = ++boardSerial;
  const name = opts.name ?? `Provnämnd ${t.kind} ${serial}`;
  const boardId = expectStatus(await admin.post('/api/boards', { name, kind: 'district_board' }), 201, `create board ${name}`).id as string;
  const emails: Record<string, string> = {};
  const clients: Record<string, Client> = {};
  for (const [key, role] of Object.entries(opts.people)) {
    const email = `${key}-${serial}-${t.kind}@prov.stockholm.example`;
    expectStatus(
      await admin.post('/api/users', { email, name: `Prov ${key}`, password: 'varna-demo-losenord', roles: [{ role, boardId }] }),
      201,
      `create user ${email}`,
    );
    emails[key] = email;
    clients[key] = await t.login(email);
  }
  return { boardId, name, emails, clients };
}

// ---------------------------------------------------------------------------------------------
// Action plans

/**
 * Years a factory may give a plan when the test names none. Plans of 2019–2024 follow the demo's
 * 2018 instructions and plans of 2025–2030 its 2025 or 2026 ones whatever other tests publish;
 * from 2040 on they follow the latest published instructions (a test may publish some for 2031).
 * Years the tests in test/api name for their own plans (2019, 2027, 2030) come last.
 */
const FREE_PLAN_YEARS = [2028, 2029, 2020, 2021, 2022, 2023, 2024, 2025, ...Array.from({ length: 61 }, (_, i) => 2040 + i), 2027, 2030, 2019];

export interface PlanRef {
  id: string;
  year: number;
  boardId: string;
  /** The activities the factory added, in order. */
  activityIds: string[];
}

/**
 * A draft action plan of `boardId`, made by `as` (the board's local coordinator or the central
 * coordinator), with `activities` added in order. Without `year`, the first year the board has no
 * plan for among years that no test names for itself.
 */
export async function draftPlan(t: TestApp, opts: { as: Client; boardId: string; year?: number; activities?: object[] }): Promise<PlanRef> {
  let year = opts.year;
  if (year === undefined) {
    const taken = new Set((expectStatus(await opts.as.get(`/api/plans?boardId=${opts.boardId}`), 200, 'list plans') as unknown as { year: number }[]).map((p) => p.year));
    year = FREE_PLAN_YEARS.find((y) => !taken.has(y));
    if (year === undefined) throw new Error(`factory: board ${opts.boardId} has no free plan year left`);
  }
  const plan = expectStatus(await opts.as.post('/api/plans', { boardId: opts.boardId, year }), 201, `create plan ${year}`);
  const activityIds: string[] = [];
  for (const a of opts.activities ?? []) {
    activityIds.push(expectStatus(await opts.as.post(`/api/plans/${plan.id}/activities`, a), 201, 'add activity').id);
  }
  return { id: plan.id, year, boardId: opts.boardId, activityIds };
}

export type PlanStatus = 'draft' | 'board_decided' | 'submitted' | 'in_review' | 'returned' | 'approved';

/** One transition of a plan; throws unless the API accepts it. */
export async function movePlan(c: Client, planId: string, body: { to: PlanStatus } & Record<string, unknown>): Promise<Json> {
  return expectStatus(await c.post(`/api/plans/${planId}/transitions`, body), 200, `move plan to ${body.to}`);
}

/**
 * A plan brought to `status` the ordinary way: decided by the board (`decided` gives the date and
 * paragraph), submitted by the board's coordinator `as`, taken into review, returned (with
 * `returnComment`) or approved by `central`.
 */
export async function planAt(
  t: TestApp,
  opts: {
    as: Client;
    central: Client;
    boardId: string;
    status: PlanStatus;
    year?: number;
    activities?: object[];
    decided?: { decidedOn: string; paragraph: string; comment?: string };
    returnComment?: string;
  },
): Promise<PlanRef> {
  const plan = await draftPlan(t, opts);
  const path: PlanStatus[] = ['board_decided', 'submitted', 'in_review', opts.status === 'returned' ? 'returned' : 'approved'];
  const steps = opts.status === 'draft' ? [] : path.slice(0, opts.status === 'returned' || opts.status === 'approved' ? 4 : path.indexOf(opts.status) + 1);
  for (const to of steps) {
    if (to === 'board_decided') await movePlan(opts.as, plan.id, { to, ...(opts.decided ?? { decidedOn: '2026-04-20', paragraph: '§ 12' }) });
    else if (to === 'submitted') await movePlan(opts.as, plan.id, { to });
    else if (to === 'returned') await movePlan(opts.central, plan.id, { to, comment: opts.returnComment ?? 'Komplettera planen.' });
    else await movePlan(opts.central, plan.id, { to });
  }
  return plan;
}

// ---------------------------------------------------------------------------------------------
// Audit reports

export interface AuditReportRef {
  id: string;
  /** The recommendations' ids, in the order given. */
  recommendationIds: string[];
  attachmentId: string | null;
}

/**
 * An audit report registered by the auditor `as`, with `recommendations` addressed to boards.
 * `withPdf` attaches a small PDF uploaded by `asEmail` (the report itself, as the auditors do).
 */
export async function auditReport(
  t: TestApp,
  opts: {
    as: Client;
    report?: Partial<{ title: string; number: string; issuedOn: string; replyDue: string; scope: string }>;
    recommendations?: { text?: string; boardIds: string[] }[];
    withPdf?: { asEmail: string; name?: string };
  },
): Promise<AuditReportRef> {
  let attachmentId: string | null = null;
  if (opts.withPdf) {
    const up = await uploader(t, opts.withPdf.asEmail);
    attachmentId = expectStatus(await up.upload('/api/attachments', tinyPdf('Revisionsrapport'), opts.withPdf.name ?? 'rapport.pdf'), 201, 'upload report PDF').id;
  }
  const body = {
    title: 'Stadens arbete mot våldsbejakande extremism',
    issuedOn: '2019-11-19',
    replyDue: '2099-02-28',
    ...opts.report,
    ...(attachmentId ? { attachmentIds: [attachmentId] } : {}),
  };
  const id = expectStatus(await opts.as.post('/api/audit-reports', body), 201, 'register audit report').id as string;
  const recommendationIds: string[] = [];
  for (const r of opts.recommendations ?? []) {
    const rec = await opts.as.post(`/api/audit-reports/${id}/recommendations`, { text: r.text ?? 'Säkerställ att medarbetarna genomför utbildningen.', boardIds: r.boardIds });
    recommendationIds.push(expectStatus(rec, 201, 'add recommendation').id);
  }
  return { id, recommendationIds, attachmentId };
}

/** A measure in `boardId`'s reply to a recommendation, added by the board's coordinator `as`. */
export async function auditMeasure(c: Client, recommendationId: string, boardId: string, body: { title: string; dueOn: string } & Record<string, unknown>): Promise<Json> {
  return expectStatus(await c.post(`/api/recommendations/${recommendationId}/replies/${boardId}/measures`, body), 201, 'add measure');
}

// ---------------------------------------------------------------------------------------------
// Situation: surveys and concern reports

export interface SurveyRef {
  id: string;
  questionIds: string[];
  /** The single-use links, in the order of `recipients` (empty for a draft). */
  links: { id: string; token: string; path: string }[];
}

/**
 * A survey of `boardId` built by its coordinator `as`; with `recipients` it is sent and the links
 * (shown once) are returned, without it stays a draft.
 */
export async function survey(
  t: TestApp,
  opts: { as: Client; boardId: string; questions: object[]; title?: string; intro?: string; recipients?: { label: string; group: string }[] },
): Promise<SurveyRef> {
  const s = expectStatus(
    await opts.as.post('/api/surveys', { boardId: opts.boardId, title: opts.title ?? 'Lägesbildsenkät', ...(opts.intro ? { intro: opts.intro } : {}), questions: opts.questions }),
    201,
    'create survey',
  );
  const questionIds = s.questions.map((q: { id: string }) => q.id) as string[];
  let links: SurveyRef['links'] = [];
  if (opts.recipients) links = expectStatus(await opts.as.post(`/api/surveys/${s.id}/recipients`, { recipients: opts.recipients }), 201, 'send survey').links;
  return { id: s.id, questionIds, links };
}

/** One answer through the public page (no login); throws unless it is stored. */
export async function answerSurvey(t: TestApp, token: string, answers: { questionId: string; value: unknown }[]): Promise<void> {
  expectStatus(await t.anonymous.post(`/api/public/surveys/${token}`, { answers }), 201, 'answer survey');
}

/** A de-identified concern report filed by `as` for `boardId` (yesterday, graffiti, white power unless given); its id. */
export async function concernReport(opts: { as: Client; boardId: string } & Record<string, unknown>): Promise<string> {
  const { as, ...fields } = opts;
  const body = {
    occurredOn: new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10),
    type: 'graffiti',
    environment: 'white_power',
    description: 'Klistermärken med vit makt-budskap vid busshållplats i Rågsved',
    ...fields,
  };
  return expectStatus(await as.post('/api/concerns', body), 201, 'file concern report').id;
}
