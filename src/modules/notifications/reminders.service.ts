/**
 * The reminder scan (issue #17): reads what is due today across the municipality and turns it into
 * notifications, once per user and reminder (the dedupe key), then the digests that are due. Run
 * by the job queue on a schedule and by `npm run varna -- reminders run`; running it twice, or in
 * two processes at once, creates nothing twice.
 */
import type { Database } from '../../db/database.js';
import { addDays, todayInSweden } from '../../domain/calendar.js';
import { PERIOD_LAST_DAY } from '../../domain/followup/deadlines.js';
import { PERIOD_LABELS_SV, type PeriodKind } from '../../domain/followup/periods.js';
import { deadlineStage, followUpStage, LATE_REMINDER_DAYS, REMIND_BEFORE_DAYS, whenInWords, type DeadlineStage } from '../../domain/notifications/schedule.js';
import { listSv } from '../../domain/swedish-list.js';
import { recordAudit } from '../audit/service.js';
import { periodsOfYears } from '../followup/periods.service.js';
import { createDigests, markUncertain } from './digest.service.js';
import type { MailSettings } from './mail.js';
import { notifyAll, type NewNotification } from './notify.js';
import * as repo from './reminders.repo.js';

export interface ReminderRun {
  notifications: number;
  /** E-mails put in the outbox by this run (immediate ones and digests), for the sender. */
  emails: string[];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const listed = (titles: string[], max = 8) => listSv(titles.length > max ? [...titles.slice(0, max), `${titles.length - max} till`] : titles);

/** One period's part of a follow-up reminder: which period, its stage today, and the words for its deadline. */
interface DuePart {
  period: string;
  label: string;
  key: string;
  when: string;
}

/**
 * Follow-up: one reminder per named reporter covering every period that calls for one today
 * (src/domain/notifications/schedule.ts followUpStage), listing their unreported activities; and one
 * per board to its coordinators with the board's list. The key holds each period's stage and
 * deadline, so a new stage or a moved deadline reminds again, and nothing else does.
 */
async function followUpReminders(db: Database, m: string, to: repo.Recipients, today: string): Promise<NewNotification[]> {
  const year = Number(today.slice(0, 4));
  type Row = Awaited<ReturnType<typeof repo.unreportedActivities>>[number];
  const parts: { part: DuePart; rows: Row[] }[] = [];
  for (const period of (await periodsOfYears(db, m, [year - 1, year], today)).filter((p) => p.state === 'open')) {
    const kind = period.kind as PeriodKind;
    const stage = followUpStage({ opensOn: period.opensOn, termEnds: `${period.year}-${PERIOD_LAST_DAY[kind]}`, deadline: period.deadline }, today);
    if (!stage) continue;
    const rows = await repo.unreportedActivities(db, m, period.year, period.kind);
    if (!rows.length) continue;
    const label = `${PERIOD_LABELS_SV[kind]} ${period.year}`;
    const when = stage === 'late' ? `sista dagen ${period.deadline} ${whenInWords(period.deadline, today)}` : `sista dagen är ${period.deadline} (${whenInWords(period.deadline, today)})`;
    parts.push({ part: { period: period.period, label, key: `${period.period}:${stage}:${period.deadline}`, when }, rows });
  }
  const out: NewNotification[] = [];
  const link = (ps: DuePart[], base: string) => (ps.length === 1 ? `${base}?period=${ps[0].period}` : base);
  const heading = (ps: DuePart[]) => (ps.length === 1 ? ps[0].label : 'Uppföljning');

  const byReporter = new Map<string, { part: DuePart; rows: Row[] }[]>();
  for (const { part, rows } of parts) {
    const users = new Set(rows.map((r) => r.user_id).filter((u): u is string => !!u));
    for (const u of users) byReporter.set(u, [...(byReporter.get(u) ?? []), { part, rows: rows.filter((r) => r.user_id === u) }]);
  }
  for (const [userId, mine] of byReporter) {
    const total = new Set(mine.flatMap((x) => x.rows.map((r) => `${x.part.period}|${r.id}`))).size;
    out.push({
      userId,
      municipalityId: m,
      kind: 'followup_due',
      key: `followup_due:${mine.map((x) => x.part.key).join('|')}`,
      title: `${heading(mine.map((x) => x.part))}: ${plural(total, 'insats', 'insatser')} att rapportera`,
      body: mine.map((x) => `${x.part.label}, ${x.part.when}: ${listed(x.rows.map((r) => `${r.title} (${r.board_name})`))}.`).join(' '),
      link: link(mine.map((x) => x.part), '/uppfoljning/mina'),
      boardId: mine[0].rows[0].board_id,
    });
  }

  const byBoard = new Map<string, { part: DuePart; rows: Row[] }[]>();
  for (const { part, rows } of parts) {
    for (const boardId of new Set(rows.map((r) => r.board_id))) {
      const unique = [...new Map(rows.filter((r) => r.board_id === boardId).map((r) => [r.id, r])).values()];
      byBoard.set(boardId, [...(byBoard.get(boardId) ?? []), { part, rows: unique }]);
    }
  }
  for (const [boardId, theirs] of byBoard) {
    const boardName = theirs[0].rows[0].board_name;
    const total = theirs.reduce((n, x) => n + x.rows.length, 0);
    for (const userId of to.coordinatorsOf(boardId)) {
      out.push({
        userId,
        municipalityId: m,
        kind: 'followup_board',
        key: `followup_board:${boardId}:${theirs.map((x) => x.part.key).join('|')}`,
        title: `${boardName}: ${plural(total, 'rapport saknas', 'rapporter saknas')} (${theirs.map((x) => x.part.label).join(', ')})`,
        body: theirs.map((x) => `${x.part.label}, ${x.part.when}. Utan rapport: ${listed(x.rows.map((r) => r.title))}.`).join(' '),
        link: link(theirs.map((x) => x.part), `/uppfoljning/namnd/${boardId}`),
        boardId,
      });
    }
  }
  return out;
}

/** A date long past is history in the overviews, not a reminder: the one "late" reminder comes within two weeks of it. */
const stillReminded = (date: string, today: string) => date >= addDays(today, -LATE_REMINDER_DAYS);

const PLAN_NOT_SUBMITTED = new Set([null, 'draft', 'board_decided', 'returned']);

/** The plan deadline of the year's instructions, to local coordinators whose plan is not submitted; plans to review, to the central coordinator. */
async function planReminders(db: Database, m: string, to: repo.Recipients, today: string): Promise<NewNotification[]> {
  const out: NewNotification[] = [];
  for (const ins of await repo.publishedInstructions(db, m)) {
    const stage = deadlineStage(ins.deadline, today, REMIND_BEFORE_DAYS.plan);
    // Before the last two weeks nothing is due; a deadline long past is history, not a reminder.
    if (stage === 'opened' || !stillReminded(ins.deadline, today)) continue;
    for (const b of await repo.boardsWithPlan(db, m, ins.year)) {
      if (!PLAN_NOT_SUBMITTED.has(b.status)) continue;
      for (const userId of to.coordinatorsOf(b.id)) {
        out.push({
          userId,
          municipalityId: m,
          kind: 'plan_deadline',
          key: `plan_deadline:${ins.year}:${b.id}:${stage}:${ins.deadline}`,
          title: `${b.name}: handlingsplanen för ${ins.year} är inte inlämnad`,
          body: `Sista dagen för planen enligt årets anvisningar ${stage === 'late' ? whenInWords(ins.deadline, today) : `är ${ins.deadline} (${whenInWords(ins.deadline, today)})`}.`,
          link: b.plan_id ? `/planer/${b.plan_id}` : '/planer',
          boardId: b.id,
        });
      }
    }
  }
    for (const p of await repo.plansAwaitingReview(db, m)) {
    for (const userId of to.central) {
      out.push({
        userId,
        municipalityId: m,
        kind: 'plan_review',
        key: `plan_review:${p.transition_id ?? p.id}`,
        title: `${p.board_name}: planen för ${p.year} väntar på granskning`,
        body: `${p.board_name} har lämnat in sin handlingsplan för ${p.year}. Granska den mot årets anvisningar.`,
        link: `/planer/${p.id}/granskning`,
        boardId: p.board_id,
      });
    }
  }
  return out;
}

/** Audit replies and measures due within two weeks or overdue, to the board's coordinators. */
async function auditReminders(db: Database, m: string, to: repo.Recipients, today: string): Promise<NewNotification[]> {
  const until = addDays(today, REMIND_BEFORE_DAYS.audit);
  const out: NewNotification[] = [];
  for (const r of (await repo.missingAuditReplies(db, m, until)).filter((x) => stillReminded(x.reply_due, today))) {
    const stage: DeadlineStage = deadlineStage(r.reply_due, today, REMIND_BEFORE_DAYS.audit);
    for (const userId of to.coordinatorsOf(r.board_id)) {
      out.push({
        userId,
        municipalityId: m,
        kind: 'audit_due',
        key: `audit_reply:${r.report_id}:${r.board_id}:${stage}:${r.reply_due}`,
        title: `${r.board_name}: svar till revisionen ${stage === 'late' ? 'är försenat' : 'ska lämnas'}`,
        body: `${r.title}: ${plural(r.missing, 'rekommendation', 'rekommendationer')} utan svar. Sista dagen ${stage === 'late' ? whenInWords(r.reply_due, today) : `är ${r.reply_due} (${whenInWords(r.reply_due, today)})`}.`,
        link: `/revision/${r.report_id}/svar/${r.board_id}`,
        boardId: r.board_id,
      });
    }
  }
  for (const a of (await repo.openAuditMeasures(db, m, until)).filter((x) => stillReminded(x.due_on, today))) {
    const stage = deadlineStage(a.due_on, today, REMIND_BEFORE_DAYS.audit);
    for (const userId of to.coordinatorsOf(a.board_id)) {
      out.push({
        userId,
        municipalityId: m,
        kind: 'audit_due',
        key: `audit_measure:${a.id}:${stage}:${a.due_on}`,
        title: `${a.board_name}: åtgärden "${a.title}" ${stage === 'late' ? 'är försenad' : 'ska vara klar snart'}`,
        body: `Åtgärd efter ${a.report_title}. Sista dagen ${stage === 'late' ? whenInWords(a.due_on, today) : `är ${a.due_on} (${whenInWords(a.due_on, today)})`}.`,
        link: `/revision/${a.report_id}`,
        boardId: a.board_id,
      });
    }
  }
  return out;
}

/** Agreements due for review within 60 days: the board's coordinators, or the central coordinator for the city's own. */
async function agreementReminders(db: Database, m: string, to: repo.Recipients, today: string): Promise<NewNotification[]> {
  const out: NewNotification[] = [];
  for (const a of (await repo.agreementsDue(db, m, addDays(today, REMIND_BEFORE_DAYS.agreement))).filter((x) => stillReminded(x.review_on, today))) {
    const stage = deadlineStage(a.review_on, today, REMIND_BEFORE_DAYS.agreement);
    for (const userId of a.board_id ? to.coordinatorsOf(a.board_id) : to.central) {
      out.push({
        userId,
        municipalityId: m,
        kind: 'agreement_review',
        key: `agreement_review:${a.id}:${stage}:${a.review_on}`,
        title: `Överenskommelsen "${a.title}" ska revideras`,
        body: `${a.board_name ?? 'Stadens'} överenskommelse ska revideras senast ${a.review_on} (${whenInWords(a.review_on, today)}).`,
        link: `/samverkan/overenskommelser/${a.id}`,
        boardId: a.board_id,
      });
    }
  }
  return out;
}

/** Surveys whose first unanswered link expires within three days, to the board's coordinators. */
async function surveyReminders(db: Database, m: string, to: repo.Recipients, today: string, now: Date): Promise<NewNotification[]> {
  const out: NewNotification[] = [];
  for (const s of await repo.surveysExpiring(db, m, new Date(now.getTime() + 3 * 86_400_000))) {
    const users = new Set(to.coordinatorsOf(s.board_id));
    if (s.created_by) users.add(s.created_by);
    for (const userId of users) {
      out.push({
        userId,
        municipalityId: m,
        kind: 'survey_expiring',
        key: `survey_expiring:${s.id}:${s.expires_on}`,
        title: `Enkäten "${s.title}" går ut ${whenInWords(s.expires_on, today)}`,
        body: `${s.board_name}: ${plural(s.unanswered, 'länk är obesvarad', 'länkar är obesvarade')}. Påminn mottagarna eller stäng enkäten.`,
        link: `/lagesbild/enkater/${s.id}`,
        boardId: s.board_id,
      });
    }
  }
  return out;
}

/** New concern reports: the count only, never what they say, to the board's coordinators. */
async function concernReminders(db: Database, m: string, to: repo.Recipients): Promise<NewNotification[]> {
  const out: NewNotification[] = [];
  for (const c of await repo.newConcernCounts(db, m)) {
    for (const userId of to.coordinatorsOf(c.board_id)) {
      out.push({
        userId,
        municipalityId: m,
        kind: 'concern_new',
        key: `concern_new:${c.board_id}:${c.newest}`,
        title: `${c.board_name}: ${plural(c.n, 'orosrapport väntar', 'orosrapporter väntar')} på bedömning`,
        body: c.n === 1 ? '1 ny orosrapport är inte klassificerad än. Läs den i Värna.' : `${c.n} nya orosrapporter är inte klassificerade än. Läs dem i Värna.`,
        link: `/lagesbild/rapporter?namnd=${c.board_id}`,
        boardId: c.board_id,
      });
    }
  }
  return out;
}

/** News from the last week, to every coordinator. */
async function newsReminders(db: Database, m: string, to: repo.Recipients, today: string): Promise<NewNotification[]> {
  const news = await repo.recentNews(db, m, addDays(today, -7));
  if (!news.length) return [];
  const boards = await db.selectFrom('board').select('id').where('municipality_id', '=', m).execute();
  const users = new Set(to.central);
  for (const b of boards) for (const id of to.coordinatorsOf(b.id)) users.add(id);
  return news.flatMap((n) =>
    [...users].map((userId) => ({
      userId,
      municipalityId: m,
      kind: 'news',
      key: `news:${n.id}`,
      title: `Nyhet: ${n.title}`,
      body: n.body.length > 280 ? `${n.body.slice(0, 277)}…` : n.body,
      link: '/nyheter',
    })),
  );
}

/** Every reminder due at `now` for one municipality. */
export async function dueReminders(db: Database, municipalityId: string, now: Date): Promise<NewNotification[]> {
  const today = todayInSweden(now);
  const to = await repo.recipients(db, municipalityId);
  const parts = await Promise.all([
    followUpReminders(db, municipalityId, to, today),
    planReminders(db, municipalityId, to, today),
    auditReminders(db, municipalityId, to, today),
    agreementReminders(db, municipalityId, to, today),
    surveyReminders(db, municipalityId, to, today, now),
    concernReminders(db, municipalityId, to),
    newsReminders(db, municipalityId, to, today),
  ]);
  return parts.flat();
}

/**
 * One scan: the reminders due now for every municipality, then the digests due now, then rows a
 * crashed sender left 'sending'. Audited per municipality when it created anything.
 */
export async function runReminders(opts: { db: Database; mail?: MailSettings; now?: Date }): Promise<ReminderRun> {
  const now = opts.now ?? new Date();
  let notifications = 0;
  const emails: string[] = [];
  for (const m of await repo.municipalities(opts.db)) {
    const result = await notifyAll(opts.db, await dueReminders(opts.db, m.id, now), opts.mail);
    const digests = opts.mail ? await createDigests(opts.db, m.id, now, opts.mail) : [];
    notifications += result.created;
    emails.push(...result.emails, ...digests);
    if (result.created || digests.length) {
      await recordAudit(opts.db, { system: 'reminders', municipalityId: m.id }, {
        action: 'notifications.remind',
        entity: 'notification',
        summary: { notifications: result.created, emails: result.emails.length, digests: digests.length },
      });
    }
  }
  await markUncertain(opts.db);
  return { notifications, emails };
}
