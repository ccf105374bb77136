/**
 * Audit reports and replies refer to attachments (the report itself as a PDF, a board's protocol
 * extract). Whoever may read the report — or, for a reply's files, that board's reply — may read
 * the file.
 */
import { inScope, reachesAny } from '../../domain/policy/index.js';
import { registerAttachmentOwner } from '../attachments/owners.js';
import { readScope } from './access.js';
import * as repo from './repo.js';

registerAttachmentOwner({
  kind: 'audit_report',
  async canRead(db, actor, reportId) {
    const report = await repo.findReport(db, reportId);
    if (!report || report.municipality_id !== actor.municipalityId) return false;
    const scope = readScope(actor);
    if (scope === 'all') return true;
    if (!reachesAny(scope)) return false;
    return (await repo.listReports(db, actor.municipalityId, scope)).some((r) => r.id === report.id);
  },
});

registerAttachmentOwner({
  kind: 'audit_reply',
  async canRead(db, actor, replyId) {
    const reply = await repo.findReplyById(db, replyId);
    if (!reply) return false;
    const rec = await repo.findRecommendation(db, reply.recommendation_id);
    return !!rec && rec.municipality_id === actor.municipalityId && inScope(readScope(actor), reply.board_id);
  },
});
