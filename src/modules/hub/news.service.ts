/** News from the central coordinator to the coordinators (the quarterly newsletter), shown on their start pages. */
import type { Database } from '../../db/database.js';
import { dayOrToday } from '../../domain/calendar.js';
import { actorUserId, type ServiceActor } from '../../domain/policy/index.js';
import { notFound } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import * as repo from './repo.js';
import type { TNews, TNewsRequest } from './schema.js';

const present = (r: Awaited<ReturnType<typeof repo.findNews>> & {}): TNews => ({
  id: r.id,
  title: r.title,
  body: r.body,
  publishedOn: String(r.published_on),
  createdAt: new Date(r.created_at).toISOString(),
});

/** Published news, newest first; an item dated ahead shows from that day. */
export async function listNews(opts: { db: Database; actor: ServiceActor; today?: string }): Promise<TNews[]> {
  return (await repo.listNews(opts.db, opts.actor.municipalityId, dayOrToday(opts.today))).map(present);
}

export async function createNews(opts: { db: Database; actor: ServiceActor; input: TNewsRequest; today?: string }): Promise<TNews> {
  const i = opts.input;
  return opts.db.transaction().execute(async (trx) => {
    const row = await repo.insertNews(trx, { municipality_id: opts.actor.municipalityId, title: i.title, body: i.body, published_on: i.publishedOn ?? dayOrToday(opts.today), created_by: actorUserId(opts.actor) });
    await recordAudit(trx, opts.actor, { action: 'news.create', entity: 'news_item', entityId: row.id, summary: { title: i.title, publishedOn: String(row.published_on) } });
    return present(row);
  });
}

export async function deleteNews(opts: { db: Database; actor: ServiceActor; id: string }): Promise<void> {
  await opts.db.transaction().execute(async (trx) => {
    const row = await repo.findNews(trx, opts.id);
    if (!row || row.municipality_id !== opts.actor.municipalityId) throw notFound('Nyheten');
    await repo.deleteNews(trx, row.id);
    await recordAudit(trx, opts.actor, { action: 'news.delete', entity: 'news_item', entityId: row.id, summary: { title: row.title, publishedOn: String(row.published_on) } });
  });
}
