import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as service from './service.js';

const ZEntry = z.object({
  seq: z.number(),
  at: z.string(),
  actorEmail: z.string().nullable(),
  /** The actor's name and the board's, for the log's sentences. */
  actorName: z.string().nullable(),
  boardName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  boardId: z.string().nullable(),
  summary: z.record(z.string(), z.unknown()),
  /** True when parts of the summary are not shown to this reader (categories of concern reports). */
  redacted: z.boolean(),
});

const ZVerdict = z.object({
  ok: z.boolean(),
  checked: z.number(),
  /** The first entry that is missing, altered or unlinked. */
  brokenAt: z.number().optional(),
  reason: z.enum(['prev_hash_mismatch', 'hash_mismatch', 'gap', 'anchor_mismatch', 'truncated', 'anchor_missing', 'anchor_unreadable']).optional(),
  /** The highest entry checked against the anchor file; null when no anchor is configured. */
  anchoredTo: z.number().nullable().optional(),
  anchorLine: z.number().optional(),
});

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/audit', {
    config: { action: 'audit.list' },
    schema: {
      tags: ['audit'],
      summary: 'Audit log entries the user may see, newest first',
      querystring: z.strictObject({
        before: z.coerce.number().int().positive().optional(),
        limit: z.coerce.number().int().min(1).max(200).optional(),
      }),
      response: { 200: z.array(ZEntry) },
    },
    handler: (req) => service.listAudit({ db: app.db, actor: req.actor!, beforeSeq: req.query.before, limit: req.query.limit }),
  });

  app.get('/api/audit/verify', {
    config: { action: 'audit.verify' },
    schema: {
      tags: ['audit'],
      summary: 'Recompute the hash chain, check the sequence and the anchored head, and report the first broken entry',
      response: { 200: ZVerdict },
    },
    handler: () => service.verifyAudit({ db: app.db, anchor: app.config.auditAnchor }),
  });
};
