/**
 * A user's own notifications and e-mail choices, and the central coordinator's view of what was
 * sent. Every query is limited to the actor's own rows (or, for deliveries, the actor's
 * municipality); the policy (src/domain/policy/actions/notifications.ts) decides who gets here.
 */
import { sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { emailModeOf, EMAIL_MODES, isNotificationKind, KIND_INFO, NOTIFICATION_KINDS, type EmailMode } from '../../domain/notifications/kinds.js';
import type { Actor } from '../../domain/policy/index.js';
import { conflict, notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import { preferencesOf, unreadCount } from './notify.js';
import type { TDeliveries, TPreferencesRequest } from './schema.js';

const LIST_LIMIT = 100;
const kindLabel = (kind: string) => (isNotificationKind(kind) ? KIND_INFO[kind].label : kind === 'digest_daily' ? 'Daglig sammanfattning' : kind === 'digest_weekly' ? 'Veckosammanfattning' : kind);

export async function listNotifications(opts: { db: Database; actor: Actor }) {
  const rows = await opts.db
    .selectFrom('notification as n')
    .leftJoin('board as b', 'b.id', 'n.board_id')
    .select(['n.id', 'n.kind', 'n.title', 'n.body', 'n.link', 'b.name as board_name', 'n.created_at', 'n.read_at'])
    .where('n.user_id', '=', opts.actor.userId)
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id')
    .limit(LIST_LIMIT)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      kindLabel: kindLabel(r.kind),
      title: r.title,
      body: r.body,
      link: r.link,
      boardName: r.board_name,
      createdAt: new Date(r.created_at).toISOString(),
      readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
    })),
    unread: await unreadCount(opts.db, opts.actor.userId),
  };
}

export const unread = async (opts: { db: Database; actor: Actor }) => ({ unread: await unreadCount(opts.db, opts.actor.userId) });

/** Marks one of the actor's notifications read; another user's is "not found", never touched. */
export async function markRead(opts: { db: Database; actor: Actor; id: string }) {
  return opts.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('notification').select(['id', 'read_at']).where('id', '=', opts.id).where('user_id', '=', opts.actor.userId).executeTakeFirst();
    if (!row) throw notFound('Aviseringen');
    if (!row.read_at) {
      await trx.updateTable('notification').set({ read_at: sql`now()` }).where('id', '=', row.id).execute();
      await recordAudit(trx, opts.actor, { action: 'notifications.read', entity: 'notification', entityId: row.id, summary: {} });
    }
    return { unread: await unreadCount(trx, opts.actor.userId) };
  });
}

export async function markAllRead(opts: { db: Database; actor: Actor }) {
  return opts.db.transaction().execute(async (trx) => {
    const r = await trx.updateTable('notification').set({ read_at: sql`now()` }).where('user_id', '=', opts.actor.userId).where('read_at', 'is', null).executeTakeFirst();
    const count = Number(r.numUpdatedRows);
    if (count) await recordAudit(trx, opts.actor, { action: 'notifications.read_all', entity: 'notification', summary: { count } });
    return { unread: 0 };
  });
}

export async function getPreferences(opts: { db: Database; actor: Actor; emailEnabled: boolean }) {
  const own = (await preferencesOf(opts.db, [opts.actor.userId])).get(opts.actor.userId);
  return {
    emailEnabled: opts.emailEnabled,
    address: opts.actor.email,
    kinds: NOTIFICATION_KINDS.map((kind) => ({ kind, label: KIND_INFO[kind].label, description: KIND_INFO[kind].description, email: emailModeOf(kind, own) })),
  };
}

/** Saves the actor's e-mail choices for the kinds given (the others keep theirs); audited with what changed. */
export async function savePreferences(opts: { db: Database; actor: Actor; emailEnabled: boolean; input: TPreferencesRequest }) {
  await opts.db.transaction().execute(async (trx) => {
    const before = (await preferencesOf(trx, [opts.actor.userId])).get(opts.actor.userId);
    const changed: Record<string, { from: EmailMode; to: EmailMode }> = {};
    for (const [kind, email] of Object.entries(opts.input.kinds) as [keyof typeof KIND_INFO, EmailMode][]) {
      if (!EMAIL_MODES.includes(email)) continue;
      const from = emailModeOf(kind, before);
      await trx
        .insertInto('notification_preference')
        .values({ user_id: opts.actor.userId, kind, email })
        .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ email, updated_at: sql`now()` }))
        .execute();
      if (from !== email) changed[kind] = { from, to: email };
    }
    if (Object.keys(changed).length) await recordAudit(trx, opts.actor, { action: 'notifications.preferences.update', entity: 'notification_preference', entityId: opts.actor.userId, summary: { changed } });
  });
  return getPreferences(opts);
}

/** What was sent, per Swedish day and kind, for the last 60 days; and every e-mail that failed or may not have arrived. */
export async function deliveries(opts: { db: Database; actor: Actor }): Promise<TDeliveries> {
  const m = opts.actor.municipalityId;
  const sent = await opts.db
    .selectFrom('email_outbox')
    .select([sql<string>`to_char(sent_at at time zone 'Europe/Stockholm', 'YYYY-MM-DD')`.as('day'), 'kind', sql<number>`count(distinct user_id)::int`.as('recipients')])
    .where('municipality_id', '=', m)
    .where('status', '=', 'sent')
    .where('sent_at', '>', sql<Date>`now() - interval '60 days'`)
    .groupBy([sql`1`, 'kind'])
    .orderBy(sql`1`, 'desc')
    .orderBy('kind')
    .execute();
  const failed = await opts.db
    .selectFrom('email_outbox')
    .select(['id', 'created_at', 'kind', 'recipient', 'attempts', 'last_error', 'status'])
    .where('municipality_id', '=', m)
    .where('status', 'in', ['failed', 'uncertain'])
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
  return {
    sent: sent.map((s) => ({ day: s.day, kind: s.kind, kindLabel: kindLabel(s.kind), recipients: s.recipients })),
    failed: failed.map((f) => ({
      id: f.id,
      at: new Date(f.created_at).toISOString(),
      kind: f.kind,
      kindLabel: kindLabel(f.kind),
      recipient: f.recipient,
      attempts: f.attempts,
      error: f.last_error,
      status: f.status as 'failed' | 'uncertain',
    })),
  };
}

/**
 * Sends a failed e-mail again: back to 'pending', so the next reminder scan puts it on the queue
 * (within VARNA_JOBS_INTERVAL_SECONDS). Only 'failed': an 'uncertain' e-mail may have arrived, and
 * Värna never sends one twice on its own accord.
 */
export async function retryDelivery(opts: { db: Database; actor: Actor; id: string }): Promise<{ id: string; status: 'pending' }> {
  return opts.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('email_outbox')
      .select(['id', 'status', 'kind'])
      .where('id', '=', opts.id)
      .where('municipality_id', '=', opts.actor.municipalityId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('Utskicket');
    if (row.status !== 'failed') {
      throw conflict(
        row.status === 'uncertain'
          ? 'Utskicket kan redan ha kommit fram (osäkert) och skickas därför inte om automatiskt. Kontakta mottagaren.'
          : 'Bara misslyckade utskick kan skickas igen.',
      );
    }
    await trx.updateTable('email_outbox').set({ status: 'pending' }).where('id', '=', row.id).execute();
    await recordAudit(trx, opts.actor, { action: 'notifications.retry', entity: 'email_outbox', entityId: row.id, summary: { kind: row.kind } });
    return { id: row.id, status: 'pending' as const };
  });
}
