/**
 * Forums and networks (the local crime prevention council, SSPF, the city's networks): cadence,
 * member organisations, and the meetings held — date, whether violent extremism was on the
 * agenda, short notes (personal-data guarded) and minutes as attachments.
 */
import type { Database } from '../../db/database.js';
import { CADENCE_LABELS_SV, type Cadence, type PartnerType } from '../../domain/collaboration/model.js';
import { currentYearInSweden, dayOrToday } from '../../domain/calendar.js';
import { actorUserId, inScope, scopeOf, type Actor, type ServiceActor } from '../../domain/policy/index.js';
import { forbidden, notFound, unprocessable } from '../../http/errors.js';
import { attachmentsOf, setAttachments } from '../attachments/service.js';
import { recordAudit } from '../audit/service.js';
import { getBoard } from '../orgs/service.js';
import { confirmationSummary, guardFreeText } from '../situation/guard.js';
import { checkPartners, refuseProblems, requireRecord, writesRecord } from './access.js';
import * as repo from './repo.js';
import type { ForumRow } from './repo.js';
import type { TCreateForumRequest, TCreateMeetingRequest, TForum, TForumDetail, TMeeting, TUpdateForumRequest } from './schema.js';

export const MEETING_ATTACHMENTS = 'forum_meeting';

type Members = Awaited<ReturnType<typeof repo.forumMembers>>;
type Stats = Awaited<ReturnType<typeof repo.meetingStats>>;

function present(actor: ServiceActor, row: ForumRow, members: Members, stats: Stats): TForum {
  const s = stats.get(row.id);
  return {
    id: row.id,
    name: row.name,
    boardId: row.board_id,
    boardName: row.board_name,
    cadence: row.cadence as Cadence | null,
    cadenceLabel: row.cadence ? CADENCE_LABELS_SV[row.cadence as Cadence] : null,
    description: row.description,
    partners: members.filter((m) => m.owner_id === row.id).map((m) => ({ id: m.id, name: m.name, type: m.type as PartnerType })),
    meetingsThisYear: s?.meetings ?? 0,
    vbeMeetingsThisYear: s?.vbe ?? 0,
    lastMeetingOn: s?.last ?? null,
    canEdit: writesRecord(actor, 'forums.meetings.create', row.board_id),
  };
}

export async function listForums(opts: { db: Database; actor: ServiceActor; boardId?: string }): Promise<TForum[]> {
  const scope = scopeOf(opts.actor, 'forums.list');
  if (opts.boardId && !inScope(scope, opts.boardId)) throw forbidden();
  const rows = await repo.listForums(opts.db, opts.actor.municipalityId, { scope, boardId: opts.boardId });
  const ids = rows.map((r) => r.id);
  const [members, stats] = await Promise.all([repo.forumMembers(opts.db, ids), repo.meetingStats(opts.db, ids, currentYearInSweden())]);
  return rows.map((r) => present(opts.actor, r, members, stats));
}

function presentMeeting(m: Awaited<ReturnType<typeof repo.meetingsOf>>[number], attachments: Map<string, TMeeting['attachments']>): TMeeting {
  return {
    id: m.id,
    forumId: m.forum_id,
    heldOn: String(m.held_on),
    vbeOnAgenda: m.vbe_on_agenda,
    notes: m.notes,
    attachments: attachments.get(m.id) ?? [],
    createdAt: new Date(m.created_at).toISOString(),
  };
}

export async function getForum(opts: { db: Database; actor: ServiceActor; id: string }): Promise<TForumDetail> {
  const row = requireRecord(opts.actor, await repo.findForum(opts.db, opts.id), 'Forumet', 'forums.read');
  const [members, stats, meetings] = await Promise.all([
    repo.forumMembers(opts.db, [row.id]),
    repo.meetingStats(opts.db, [row.id], currentYearInSweden()),
    repo.meetingsOf(opts.db, row.id),
  ]);
  const attachments = await attachmentsOf(
    opts.db,
    MEETING_ATTACHMENTS,
    meetings.map((m) => m.id),
  );
  return { ...present(opts.actor, row, members, stats), meetings: meetings.map((m) => presentMeeting(m, attachments)) };
}

export async function createForum(opts: { db: Database; actor: ServiceActor; input: TCreateForumRequest }): Promise<TForumDetail> {
  const i = opts.input;
  const boardId = i.boardId ?? null;
  if (boardId) await getBoard({ db: opts.db, municipalityId: opts.actor.municipalityId, boardId });
  if (!writesRecord(opts.actor, 'forums.create', boardId)) {
    if (boardId) throw forbidden();
    throw unprocessable('board_required', 'Välj vilken nämnds forum det är. Stadens gemensamma nätverk läggs upp av den centrala samordnaren.', [
      { field: 'boardId', message: 'Välj nämnd.' },
    ]);
  }
  const partnerIds = [...new Set(i.partnerIds ?? [])];
  const id = await opts.db.transaction().execute(async (trx) => {
    refuseProblems(await checkPartners(trx, opts.actor, partnerIds, boardId), 'En medlemsorganisation kunde inte väljas. Rätta och försök igen.');
    const row = await repo.insertForum(trx, {
      municipality_id: opts.actor.municipalityId,
      board_id: boardId,
      name: i.name,
      cadence: i.cadence ?? null,
      description: i.description || null,
      created_by: actorUserId(opts.actor),
    });
    await repo.setForumMembers(trx, row.id, partnerIds);
    await recordAudit(trx, opts.actor, {
      action: 'forums.create',
      entity: 'forum',
      entityId: row.id,
      boardId,
      summary: { name: i.name, cadence: i.cadence ?? null, partnerIds },
    });
    return row.id;
  });
  return getForum({ db: opts.db, actor: opts.actor, id });
}

export async function updateForum(opts: { db: Database; actor: ServiceActor; id: string; input: TUpdateForumRequest }): Promise<TForumDetail> {
  const i = opts.input;
  await opts.db.transaction().execute(async (trx) => {
    const forum = requireRecord(opts.actor, await repo.findForum(trx, opts.id), 'Forumet', 'forums.read', 'forums.update');
    if (i.partnerIds) refuseProblems(await checkPartners(trx, opts.actor, i.partnerIds, forum.board_id), 'En medlemsorganisation kunde inte väljas. Rätta och försök igen.');
    await repo.updateForum(trx, forum.id, {
      name: i.name,
      cadence: i.cadence,
      description: i.description === undefined ? undefined : i.description || null,
    });
    if (i.partnerIds) await repo.setForumMembers(trx, forum.id, [...new Set(i.partnerIds)]);
    await recordAudit(trx, opts.actor, {
      action: 'forums.update',
      entity: 'forum',
      entityId: forum.id,
      boardId: forum.board_id,
      summary: { fields: Object.keys(i).filter((k) => i[k as keyof typeof i] !== undefined) },
    });
  });
  return getForum({ db: opts.db, actor: opts.actor, id: opts.id });
}

/** Records a meeting held (not one planned: the date cannot lie ahead), its notes guarded, its minutes attached. */
export async function createMeeting(opts: { db: Database; actor: ServiceActor; forumId: string; input: TCreateMeetingRequest; today?: string }): Promise<TMeeting> {
  const i = opts.input;
  const forum = requireRecord(opts.actor, await repo.findForum(opts.db, opts.forumId), 'Forumet', 'forums.read', 'forums.meetings.create');
  if (i.heldOn > dayOrToday(opts.today)) {
    throw unprocessable('invalid_dates', 'Mötesdagen kan inte ligga i framtiden. Registrera mötet när det har hållits.', [
      { field: 'heldOn', message: 'Mötesdagen kan inte ligga i framtiden.' },
    ]);
  }
  const guarded = await guardFreeText({ notes: i.notes }, { subject: 'anteckningarna', confirmNoPersonalData: i.confirmNoPersonalData });
  const id = await opts.db.transaction().execute(async (trx) => {
    const row = await repo.insertMeeting(trx, {
      forum_id: forum.id,
      held_on: i.heldOn,
      vbe_on_agenda: i.vbeOnAgenda,
      notes: i.notes || null,
      created_by: actorUserId(opts.actor),
    });
    const actor = opts.actor;
    // Minutes are files a person uploaded: only a signed-in user attaches them (not the demo seed).
    if (i.attachmentIds?.length) {
      if (!('userId' in actor)) throw forbidden();
      await setAttachments({ trx, actor, owner: { kind: MEETING_ATTACHMENTS, id: row.id }, ids: i.attachmentIds });
    }
    await recordAudit(trx, opts.actor, {
      action: 'forums.meetings.create',
      entity: 'forum_meeting',
      entityId: row.id,
      boardId: forum.board_id,
      summary: { forumId: forum.id, heldOn: i.heldOn, vbeOnAgenda: i.vbeOnAgenda, attachments: i.attachmentIds?.length ?? 0, ...confirmationSummary(guarded) },
    });
    return row.id;
  });
  const detail = await getForum({ db: opts.db, actor: opts.actor, id: forum.id });
  return detail.meetings.find((m) => m.id === id)!;
}

/** Removes a meeting registered by mistake; the audit log keeps that it existed. */
export async function deleteMeeting(opts: { db: Database; actor: ServiceActor; forumId: string; meetingId: string }): Promise<void> {
  await opts.db.transaction().execute(async (trx) => {
    const forum = requireRecord(opts.actor, await repo.findForum(trx, opts.forumId), 'Forumet', 'forums.read', 'forums.meetings.delete');
    const meeting = await repo.findMeeting(trx, opts.meetingId);
    if (!meeting || meeting.forum_id !== forum.id) throw notFound('Mötet');
    await repo.deleteMeeting(trx, meeting.id);
    await recordAudit(trx, opts.actor, {
      action: 'forums.meetings.delete',
      entity: 'forum_meeting',
      entityId: meeting.id,
      boardId: forum.board_id,
      summary: { forumId: forum.id, heldOn: String(meeting.held_on), vbeOnAgenda: meeting.vbe_on_agenda },
    });
  });
}
