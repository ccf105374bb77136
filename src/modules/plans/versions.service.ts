import type { Database } from '../../db/database.js';
import { diffPlans } from '../../domain/plans/diff.js';
import type { PlanSection } from '../../domain/plans/model.js';
import type { PlanState } from '../../domain/plans/workflow.js';
import type { ServiceActor } from '../../domain/policy/index.js';
import { notFound } from '../../http/errors.js';
import { planForRead } from './access.js';
import { snapshotOf } from './detail.service.js';
import { iso } from './presenters.js';
import * as workflowRepo from './repo-workflow.js';
import type { TCompareResult, TPlanSnapshot } from './schema.js';

/** Versions kept at each move, and comparing two plans or versions. */

export async function listVersions(opts: { db: Database; actor: ServiceActor; planId: string }) {
  const plan = await planForRead(opts.db, opts.actor, opts.planId);
  return (await workflowRepo.listVersions(opts.db, plan.id)).map((v) => ({ number: v.number, status: v.status as PlanState, createdAt: iso(v.created_at) }));
}

export async function getVersion(opts: { db: Database; actor: ServiceActor; planId: string; number: number }) {
  const plan = await planForRead(opts.db, opts.actor, opts.planId);
  const v = await workflowRepo.findVersion(opts.db, plan.id, opts.number);
  if (!v) throw notFound('Versionen');
  return { planId: plan.id, number: v.number, status: v.status as PlanState, createdAt: iso(v.created_at), snapshot: v.snapshot as TPlanSnapshot };
}

async function resolveRef(db: Database, actor: ServiceActor, ref: string) {
  const [planId, version] = ref.split(':');
  const plan = await planForRead(db, actor, planId.toLowerCase());
  if (version === undefined) return { ref, plan, version: null, snapshot: await snapshotOf(db, plan) };
  const v = await workflowRepo.findVersion(db, plan.id, Number(version));
  if (!v) throw notFound('Versionen');
  return { ref, plan, version: v.number, snapshot: v.snapshot as TPlanSnapshot };
}

const toSection = (s: TPlanSnapshot['sections'][number]): PlanSection => ({ key: s.key, title: s.title, bodyHtmlOrText: s.bodyHtml });

/** What was added, changed and removed between two plans (years) or two versions of one. */
export async function comparePlans(opts: { db: Database; actor: ServiceActor; from: string; to: string }): Promise<TCompareResult> {
  const a = await resolveRef(opts.db, opts.actor, opts.from);
  const b = await resolveRef(opts.db, opts.actor, opts.to);
  const diff = diffPlans(
    { activities: a.snapshot.activities, sections: a.snapshot.sections.map(toSection) },
    { activities: b.snapshot.activities, sections: b.snapshot.sections.map(toSection) },
  );
  const side = (x: typeof a) => ({ ref: x.ref, planId: x.plan.id, boardName: x.plan.board_name, year: x.plan.year, version: x.version, status: x.snapshot.status });
  return {
    from: side(a),
    to: side(b),
    added: diff.added,
    removed: diff.removed,
    changed: diff.changed.map((c) => ({ before: c.before, after: c.after, fields: c.fields })),
    unchanged: diff.unchanged,
    sections: {
      added: diff.sections.added.map((s) => ({ key: s.key, title: s.title, after: s.bodyHtmlOrText })),
      removed: diff.sections.removed.map((s) => ({ key: s.key, title: s.title, before: s.bodyHtmlOrText })),
      changed: diff.sections.changed,
      unchanged: diff.sections.unchanged.map((s) => ({ key: s.key, title: s.title })),
    },
  };
}
