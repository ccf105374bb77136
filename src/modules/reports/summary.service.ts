/** The central coordinator's own summary of the city report, one text per year (migration 0013). */
import type { Database } from '../../db/database.js';
import { actorUserId, canEverywhere, type Actor } from '../../domain/policy/index.js';
import { AppError } from '../../http/errors.js';
import { recordAudit } from '../audit/service.js';
import { guardText } from '../followup/access.js';
import { confirmationSummary } from '../situation/guard.js';
import type { TReport, TSaveSummaryRequest } from './schema.js';

export async function readSummary(db: Database, municipalityId: string, year: number): Promise<TReport['summary']> {
  const row = await db.selectFrom('report_summary').select(['text', 'updated_at', 'updated_by_name']).where('municipality_id', '=', municipalityId).where('year', '=', year).executeTakeFirst();
  return row ? { text: row.text, updatedAt: new Date(row.updated_at as unknown as string).toISOString(), updatedByName: row.updated_by_name } : null;
}

/** Saves (or, with an empty text, removes) the year's summary; audited with its length, not its text. */
export async function saveSummary(opts: { db: Database; actor: Actor; year: number; input: TSaveSummaryRequest }): Promise<TReport['summary']> {
  if (!canEverywhere(opts.actor, 'reports.summary.write')) throw new AppError(403, 'forbidden', 'Sammanfattningen skrivs av den centrala samordnaren för hela kommunen.');
  const text = opts.input.text.trim();
  const guarded = await guardText({ text }, 'sammanfattningen', opts.input.confirmNoPersonalData);
  return opts.db.transaction().execute(async (trx) => {
    const key = { municipality_id: opts.actor.municipalityId, year: opts.year };
    if (text === '') {
      await trx.deleteFrom('report_summary').where('municipality_id', '=', key.municipality_id).where('year', '=', key.year).execute();
    } else {
      await trx
        .insertInto('report_summary')
        .values({ ...key, text, updated_by: actorUserId(opts.actor), updated_by_name: opts.actor.name })
        .onConflict((c) => c.columns(['municipality_id', 'year']).doUpdateSet({ text, updated_by: actorUserId(opts.actor), updated_by_name: opts.actor.name, updated_at: new Date().toISOString() }))
        .execute();
    }
    await recordAudit(trx, opts.actor, {
      action: text === '' ? 'reports.summary.delete' : 'reports.summary.save',
      entity: 'report_summary',
      entityId: null,
      summary: { year: opts.year, characters: text.length, ...confirmationSummary(guarded) },
    });
    return readSummary(trx, opts.actor.municipalityId, opts.year);
  });
}
