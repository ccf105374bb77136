import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action, Role } from '../../src/domain/policy/index.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { testDatabaseKinds } from '../helpers/databases.js';

/**
 * Who may do what, written out by hand, independently of src/domain/policy. A route whose action
 * is missing here fails the suite, so no route ships without a decision on its rights.
 */
const ALL: Role[] = ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor', 'admin'];
const EXPECTED: Record<Action, 'public' | Role[]> = {
  'health.read': 'public',
  'docs.read': 'public',
  'session.create': 'public',
  'session.oidc': 'public',
  'session.read': ALL,
  'session.delete': ALL,
  'me.update': ALL,
  'boards.list': ALL,
  'boards.create': ['admin'],
  'boards.update': ['admin'],
  'units.list': ALL,
  'units.create': ['admin'],
  'units.update': ['admin'],
  'users.list': ['admin'],
  'users.create': ['admin'],
  'users.update': ['admin'],
  'users.reset_password': ['admin'],
  'audit.list': ALL,
  'audit.verify': ['admin', 'auditor'],
  // Plan export (the plan's readers, not admin) and activity import (the plan's writers).
  'plans.export': ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'],
  'plans.activities.import': ['central_coordinator', 'local_coordinator'],
  // Plans: governing documents and instructions are readable by all, issued by the central
  // coordinator; plans are read by every role but admin (scoped to boards in the service) and
  // written by the coordinators (workflow moves decided per move by the domain).
  'guidelines.list': ALL,
  'guidelines.create': ['central_coordinator'],
  'guidelines.update': ['central_coordinator'],
  'guideline_elements.create': ['central_coordinator'],
  'guideline_elements.update': ['central_coordinator'],
  'plan_instructions.list': ALL,
  'plan_instructions.read': ALL,
  'plan_instructions.create': ['central_coordinator'],
  'plan_instructions.update': ['central_coordinator'],
  'plan_instructions.publish': ['central_coordinator'],
  'plans.list': ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'],
  'plans.read': ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'],
  'plans.overview': ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'],
  'plans.check': ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'],
  'plans.compare': ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'],
  'plans.versions': ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'],
  'plans.create': ['central_coordinator', 'local_coordinator'],
  'plans.update': ['central_coordinator', 'local_coordinator'],
  'plans.sections.update': ['central_coordinator', 'local_coordinator'],
  'plans.activities.create': ['central_coordinator', 'local_coordinator'],
  'plans.activities.update': ['central_coordinator', 'local_coordinator'],
  'plans.activities.delete': ['central_coordinator', 'local_coordinator'],
  'plans.activities.restore': ['central_coordinator', 'local_coordinator'],
  'plans.activities.reorder': ['central_coordinator', 'local_coordinator'],
  'plans.copy': ['central_coordinator', 'local_coordinator'],
  'plans.transition': ['central_coordinator', 'local_coordinator'],
  'plans.review': ['central_coordinator'],
  'plans.decisions.create': ['local_coordinator'],
  'plans.decisions.list': ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'],
  'plans.revise': ['central_coordinator', 'local_coordinator'],
  // Situation picture: any staff role on a board files; coordinators read texts; counts for the auditor too.
  'concerns.create': ['central_coordinator', 'local_coordinator', 'contributor', 'viewer'],
  'concerns.list': ['central_coordinator', 'local_coordinator'],
  'concerns.inbox': ['central_coordinator', 'local_coordinator'],
  'concerns.read': ['central_coordinator', 'local_coordinator'],
  'concerns.classify': ['central_coordinator', 'local_coordinator'],
  'concerns.note': ['central_coordinator', 'local_coordinator'],
  'concerns.close': ['central_coordinator', 'local_coordinator'],
  'situation.read': ['central_coordinator', 'local_coordinator', 'viewer', 'auditor'],
  'situation.city': ['central_coordinator', 'viewer', 'auditor'],
  'situation_notes.list': ['central_coordinator', 'local_coordinator', 'auditor'],
  'situation_notes.create': ['central_coordinator', 'local_coordinator'],
  'situation_notes.delete': ['central_coordinator', 'local_coordinator'],
  'situation_pictures.list': ['central_coordinator', 'local_coordinator', 'viewer', 'auditor'],
  'situation_pictures.read': ['central_coordinator', 'local_coordinator', 'viewer', 'auditor'],
  'situation_pictures.compile': ['central_coordinator', 'local_coordinator'],
  'situation_pictures.save': ['central_coordinator', 'local_coordinator'],
  'situation_pictures.publish': ['central_coordinator', 'local_coordinator'],
  'surveys.list': ['central_coordinator', 'local_coordinator', 'auditor'],
  'surveys.read': ['central_coordinator', 'local_coordinator', 'auditor'],
  'surveys.create': ['central_coordinator', 'local_coordinator'],
  'surveys.update': ['central_coordinator', 'local_coordinator'],
  'surveys.delete': ['central_coordinator', 'local_coordinator'],
  'surveys.send': ['central_coordinator', 'local_coordinator'],
  'surveys.close': ['central_coordinator', 'local_coordinator'],
  'surveys.results': ['central_coordinator', 'local_coordinator', 'auditor'],
  'public_surveys.read': 'public',
  'public_surveys.answer': 'public',
  'training.courses.list': ALL,
  'training.courses.create': ['central_coordinator'],
  'training.courses.update': ['central_coordinator'],
  'training.courses.delete': ['central_coordinator'],
  'training.targets.list': ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'],
  'training.targets.set': ['central_coordinator'],
  'training.targets.delete': ['central_coordinator'],
  'training.groups.list': ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'],
  'training.groups.create': ['central_coordinator'],
  'training.groups.update': ['central_coordinator'],
  'training.groups.delete': ['central_coordinator'],
  'training.headcounts.list': ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'],
  'training.headcounts.import': ['central_coordinator', 'local_coordinator'],
  'training.participants.import': ['central_coordinator', 'local_coordinator'],
  'training.coverage.read': ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'],
  'training.coverage.export': ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'],
  'followup.periods.list': ALL,
  'followup.periods.manage': ['central_coordinator'],
  'followup.report': ['contributor', 'local_coordinator'],
  'followup.mine': ['contributor', 'local_coordinator'],
  'followup.history': ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'],
  'followup.board': ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'],
  'followup.reporters.assign': ['local_coordinator'],
  'followup.analysis.write': ['local_coordinator'],
  'followup.context.list': ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'],
  'followup.context.import': ['central_coordinator', 'local_coordinator'],
  'followup.context.link': ['local_coordinator'],
  'reports.city': ['central_coordinator', 'viewer', 'auditor'],
  'reports.board': ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'],
  'reports.summary.write': ['central_coordinator'],
  // The start page's board overview: coordinators, board members, the auditor (scoped to their boards).
  'overview.boards': ['central_coordinator', 'local_coordinator', 'viewer', 'auditor'],
  // Attachments: uploaded by the roles whose records take them; read through the records (any session).
  'attachments.create': ['central_coordinator', 'local_coordinator', 'contributor', 'auditor'],
  'attachments.read': ALL,
  // Audit tracking: read by the boards' coordinators, viewers and auditors; the auditor registers,
  // the addressed board's local coordinator replies and follows up measures.
  'audit_reports.list': ['central_coordinator', 'local_coordinator', 'viewer', 'auditor'],
  'audit_reports.read': ['central_coordinator', 'local_coordinator', 'viewer', 'auditor'],
  'audit_reports.summary': ['central_coordinator', 'local_coordinator', 'viewer', 'auditor'],
  'audit_reports.create': ['auditor'],
  'audit_reports.update': ['auditor'],
  'audit_recommendations.create': ['auditor'],
  'audit_assessments.create': ['auditor'],
  'audit_replies.write': ['local_coordinator'],
  'audit_replies.export': ['central_coordinator', 'local_coordinator', 'viewer', 'auditor'],
  'audit_measures.create': ['local_coordinator'],
  'audit_measures.update': ['local_coordinator'],
  // Grant vetting: the board's coordinators register, vet, pay out and follow up; viewers and the
  // auditor read; the criteria are the municipality's, set by the central coordinator.
  'grant_criteria.list': ['central_coordinator', 'local_coordinator', 'viewer', 'auditor'],
  'grant_criteria.update': ['central_coordinator'],
  'grant_applications.list': ['central_coordinator', 'local_coordinator', 'viewer', 'auditor'],
  'grant_applications.read': ['central_coordinator', 'local_coordinator', 'viewer', 'auditor'],
  'grant_applications.create': ['central_coordinator', 'local_coordinator'],
  'grant_applications.vet': ['central_coordinator', 'local_coordinator'],
  'grant_applications.payout': ['central_coordinator', 'local_coordinator'],
  'grant_applications.follow_up': ['central_coordinator', 'local_coordinator'],
  // Public information, helpline and knowledge hub: the public pages without login; the board's
  // coordinators edit its public text and keep the helpline log; counts are read like the
  // situation picture; the library and the directory are for everyone logged in; the central
  // coordinator publishes documents and news for the whole city.
  'public_boards.list': 'public',
  'public_boards.read': 'public',
  'public_plans.pdf': 'public',
  'public_info.update': ['central_coordinator', 'local_coordinator'],
  'helpline.create': ['central_coordinator', 'local_coordinator'],
  'helpline.list': ['central_coordinator', 'local_coordinator'],
  'helpline.delete': ['central_coordinator', 'local_coordinator'],
  'helpline.summary': ['central_coordinator', 'local_coordinator', 'viewer', 'auditor'],
  'library.list': ALL,
  'library.read': ALL,
  'library.create': ['central_coordinator'],
  'library.versions.create': ['central_coordinator'],
  'directory.read': ALL,
  'approved_plans.list': ALL,
  'news.list': ['central_coordinator', 'local_coordinator'],
  'news.create': ['central_coordinator'],
  'news.delete': ['central_coordinator'],
  // Collaboration: partners, forums and their meetings, police agreements and the civil-society
  // strategy are kept by the board's coordinators and read by its viewers and the auditor.
  'partners.list': ['central_coordinator', 'local_coordinator', 'viewer', 'auditor'],
  'partners.create': ['central_coordinator', 'local_coordinator'],
  'partners.update': ['central_coordinator', 'local_coordinator'],
  'forums.list': ['central_coordinator', 'local_coordinator', 'viewer', 'auditor'],
  'forums.read': ['central_coordinator', 'local_coordinator', 'viewer', 'auditor'],
  'forums.create': ['central_coordinator', 'local_coordinator'],
  'forums.update': ['central_coordinator', 'local_coordinator'],
  'forums.meetings.create': ['central_coordinator', 'local_coordinator'],
  'forums.meetings.delete': ['central_coordinator', 'local_coordinator'],
  'agreements.list': ['central_coordinator', 'local_coordinator', 'viewer', 'auditor'],
  'agreements.create': ['central_coordinator', 'local_coordinator'],
  'agreements.update': ['central_coordinator', 'local_coordinator'],
  'strategies.read': ['central_coordinator', 'local_coordinator', 'viewer', 'auditor'],
  'strategies.update': ['central_coordinator', 'local_coordinator'],
  // Notifications: everyone has their own; what was sent is the central coordinator's.
  'notifications.own': ALL,
  'notifications.deliveries': ['central_coordinator'],
  'notifications.retry': ['central_coordinator'],
};

/** One demo account per role (board-scoped roles on Enskede-Årsta-Vantör or Kommunstyrelsen). */
const ACCOUNT: Record<Role, string> = {
  admin: 'admin@stockholm.example',
  central_coordinator: 'central@stockholm.example',
  local_coordinator: 'eav@stockholm.example',
  contributor: 'enhetschef@stockholm.example',
  viewer: 'politiker@stockholm.example',
  auditor: 'revisor@stockholm.example',
};

/**
 * Actions only a grant for the whole municipality may do: they have no board of their own, or show
 * the whole city at once. A role granted for one board is refused them (403), whatever the role.
 */
const MUNICIPALITY_LEVEL = new Set<string>([
  'boards.create',
  'users.list',
  'users.create',
  'users.update',
  'users.reset_password',
  'audit.verify',
  'guidelines.create',
  'guidelines.update',
  'guideline_elements.create',
  'guideline_elements.update',
  'plan_instructions.create',
  'plan_instructions.update',
  'plan_instructions.publish',
  'followup.periods.manage',
  'training.courses.create',
  'training.courses.update',
  'training.courses.delete',
  'training.targets.set',
  'training.targets.delete',
  'training.groups.create',
  'training.groups.update',
  'training.groups.delete',
  'reports.city',
  'reports.summary.write',
  'situation.city',
  'audit_reports.create',
  'audit_reports.update',
  'audit_recommendations.create',
  'grant_criteria.update',
  'library.create',
  'library.versions.create',
  'news.create',
  'news.delete',
  'notifications.deliveries',
  'notifications.retry',
]);
/** The only viewer action that is not a read: a viewer of the city board files reports on its own board only. */
const VIEWER_WRITES = new Set<string>(['concerns.create']);

/**
 * Board-scoped grants, each granted for Enskede-Årsta-Vantör ("own"; the city board for the
 * viewer of Kommunstyrelsen), run against their own board and against Skärholmen ("other").
 */
type ScopedGrant = { role: Role; on: 'own' | 'city' };
const SCOPED: Record<string, ScopedGrant[]> = {
  'central coordinator of one board': [{ role: 'central_coordinator', on: 'own' }],
  'local coordinator of one board': [{ role: 'local_coordinator', on: 'own' }],
  'contributor of one board': [{ role: 'contributor', on: 'own' }],
  'viewer of one board': [{ role: 'viewer', on: 'own' }],
  'auditor of one board': [{ role: 'auditor', on: 'own' }],
  'admin of one board': [{ role: 'admin', on: 'own' }],
  'local coordinator of one board and viewer of the city board': [
    { role: 'local_coordinator', on: 'own' },
    { role: 'viewer', on: 'city' },
  ],
};

/** Routes whose address names a board's resource (a plan, a board, a unit, a board id): the ones a scope decides. */
const targetsBoard = (url: string) => /^\/api\/(plans|boards|units)\/:id\b/.test(url) || url.includes(':boardId');

/**
 * May `grants` do `action`, on the board the route names (`side`), by the rule written out in
 * docs/architecture.md: only grants whose role the action names count; a grant for one board
 * reaches that board; a viewer of the city board reaches every board for reads; actions of the
 * whole municipality need a municipality-wide grant.
 */
function scopedAllowed(grants: ScopedGrant[], action: string, url: string, side: 'own' | 'other'): boolean {
  const expected = EXPECTED[action as Action];
  if (expected === 'public' || expected === ALL) return true;
  return grants.some((g) => {
    if (!expected.includes(g.role)) return false;
    const readsCity = g.role === 'viewer' && g.on === 'city' && !VIEWER_WRITES.has(action);
    if (MUNICIPALITY_LEVEL.has(action)) return readsCity;
    if (!targetsBoard(url)) return true;
    return readsCity || (g.on === 'own' && side === 'own');
  });
}

describe.each(await testDatabaseKinds())('[POLICY] role matrix on %s', (kind) => {
  let t: TestApp;
  let params: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp(kind);
    const board = await t.boardId('Enskede-Årsta-Vantör');
    const unit = await t.database.db.selectFrom('unit').select('id').where('board_id', '=', board).limit(1).executeTakeFirstOrThrow();
    const user = await t.database.db.selectFrom('app_user').select('id').where('email', '=', 'skarholmen@stockholm.example').executeTakeFirstOrThrow();
    params = { '/api/boards/': board, '/api/units/': unit.id, '/api/users/': user.id };
    // Plans: the demo's EÅV 2018 plan, the published 2026 instructions, a governing document and one of its elements.
    const plan = await t.database.db.selectFrom('plan').select('id').where('board_id', '=', board).where('year', '=', 2018).executeTakeFirstOrThrow();
    const instruction = await t.database.db.selectFrom('plan_instruction').select('id').where('year', '=', 2026).executeTakeFirstOrThrow();
    const element = await t.database.db.selectFrom('guideline_element').select(['id', 'document_id']).limit(1).executeTakeFirstOrThrow();
    Object.assign(params, {
      '/api/plans/': plan.id,
      '/api/plan-instructions/': instruction.id,
      '/api/guidelines/': element.document_id,
      '/api/guideline-elements/': element.id,
    });
    // Training: the demo's basic course (it has completions, so DELETE answers 409), a year without a target, EÅV.
    const course = await t.database.db.selectFrom('training_course').select('id').where('kind', '=', 'web_basic').executeTakeFirstOrThrow();
    Object.assign(params, { ':courseId': course.id, ':year': '2099', ':boardId': board });
  });
  afterAll(() => t.close());

  /** The same kinds of resources on Skärholmen: its board, a unit, its 2026 plan. */
  let other: Record<string, string>;
  const scopedLogin: Record<string, () => Promise<Client>> = {};
  beforeAll(async () => {
    const db = t.database.db;
    const board = await t.boardId('Skärholmen');
    const city = await t.boardId('Kommunstyrelsen');
    const own = params[':boardId'];
    const unit = await db.selectFrom('unit').select('id').where('board_id', '=', board).limit(1).executeTakeFirstOrThrow();
    const plan = await db.selectFrom('plan').select('id').where('board_id', '=', board).where('year', '=', 2026).executeTakeFirstOrThrow();
    other = { ...params, '/api/boards/': board, '/api/units/': unit.id, '/api/plans/': plan.id, ':boardId': board };
    const admin = await t.login(ACCOUNT.admin);
    let n = 0;
    for (const [name, grants] of Object.entries(SCOPED)) {
      const email = `scoped${++n}@stockholm.example`;
      const roles = grants.map((g) => ({ role: g.role, boardId: g.on === 'own' ? own : city }));
      const res = await admin.post('/api/users', { email, name: `Prov ${n}`, password: 'ett-langt-losenord-for-prov', roles });
      expect(res.statusCode, res.body).toBe(201);
      scopedLogin[name] = () => t.login(email, 'ett-langt-losenord-for-prov');
    }
  });

  const url = (pattern: string) =>
    pattern
      .replace(/\*$/, 'index.html')
      .replace(/^(\/api\/[a-z-]+\/):id/, (_, prefix: string) => prefix + (params[prefix] ?? '00000000-0000-4000-8000-000000000000'))
      .replace(/:(courseId|year|boardId|groupId)\b/g, (name: string) => params[name] ?? '00000000-0000-4000-8000-000000000000');

  it('has an expectation for the action of every registered route', () => {
    const missing = t.app.routeActions.filter((r) => !(r.action in EXPECTED)).map((r) => `${r.method} ${r.url} (${r.action})`);
    expect(missing).toEqual([]);
    expect(t.app.routeActions.length).toBeGreaterThan(15);
  });

  // One test per role keeps each within its time limit on a loaded machine and names the role that fails.
  it.each([...ALL, 'anonymous' as const])('gives %s exactly its rights on every route', async (role) => {
    const outcomes: string[] = [];
    // One session for the role (a login is an Argon2 verification); logging out ends it, so it logs in again.
    let c: Client | null = null;
    for (const route of t.app.routeActions) {
      const expected = EXPECTED[route.action];
      const path = url(route.url);
      const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
      if (role === 'anonymous') {
        const res = await t.anonymous.request(route.method as 'GET', path, body);
        const ok = expected === 'public' ? res.statusCode !== 401 && res.statusCode !== 403 : res.statusCode === 401;
        if (!ok) outcomes.push(`anonymous ${route.method} ${route.url}: ${res.statusCode}`);
        continue;
      }
      c ??= await t.login(ACCOUNT[role]);
      const res = await c.request(route.method as 'GET', path, body);
      if (route.action === 'session.delete') c = null;
      const allowed = expected === 'public' || expected.includes(role);
      const ok = allowed ? res.statusCode !== 401 && res.statusCode !== 403 : res.statusCode === 403;
      if (!ok) outcomes.push(`${role} ${route.method} ${route.url}: ${res.statusCode} (expected ${allowed ? 'allowed' : 'denied'})`);
    }
    expect(outcomes).toEqual([]);
  }, 240_000);

  // One test per scoped grant, one session each: every route on its own board, and every route that
  // names a board's resource on Skärholmen too. Allowed: not 401/403. Refused on the own board: 403.
  // Refused on another board: 403, 404 (the record does not exist for them), or 400/415 (an empty
  // JSON body is refused before anything is looked up); never a success.
  it.each(Object.keys(SCOPED))('keeps the %s on its board on every route', async (name) => {
    const outcomes: string[] = [];
    let c: Client | null = null;
    const urlOn = (pattern: string, p: Record<string, string>) =>
      pattern
        .replace(/\*$/, 'index.html')
        .replace(/^(\/api\/[a-z-]+\/):id/, (_, prefix: string) => prefix + (p[prefix] ?? '00000000-0000-4000-8000-000000000000'))
        .replace(/:(courseId|year|boardId|groupId)\b/g, (key: string) => p[key] ?? '00000000-0000-4000-8000-000000000000');
    for (const side of ['own', 'other'] as const) {
      for (const route of t.app.routeActions) {
        if (!(route.action in EXPECTED) || EXPECTED[route.action] === 'public') continue;
        if (side === 'other' && !targetsBoard(route.url)) continue;
        c ??= await scopedLogin[name]();
        const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
        const res = await c.request(route.method as 'GET', urlOn(route.url, side === 'own' ? params : other), body);
        if (route.action === 'session.delete') c = null;
        const allowed = scopedAllowed(SCOPED[name], route.action, route.url, side);
        const s = res.statusCode;
        const ok = allowed ? s !== 401 && s !== 403 : side === 'own' ? s === 403 : [400, 403, 404, 415].includes(s);
        if (!ok) outcomes.push(`${side} board: ${route.method} ${route.url}: ${s} (expected ${allowed ? 'allowed' : 'refused'})`);
      }
    }
    expect(outcomes).toEqual([]);
  }, 240_000);
});
