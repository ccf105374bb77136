import { anyOf, readBy, wholeMunicipality, type Rule } from '../rules.js';

/**
 * Audit tracking (revision, PRODUCT.md §7). An audit report and its replies are public records of
 * the boards: the auditor and the central coordinator read every board's, a board's local
 * coordinator and viewers read their board's (a viewer of the city board reads the city's).
 * - The auditor (revisionskontoret, municipality-wide) registers reports and recommendations;
 *   an assessment is made per addressed board.
 * - Only the addressed board's local coordinator replies and adds and follows up measures.
 */
const READERS = ['central_coordinator', 'local_coordinator', 'viewer', 'auditor'] as const;

export const auditTrackingRules = {
  'audit_reports.list': readBy(...READERS),
  'audit_reports.read': readBy(...READERS),
  'audit_reports.summary': readBy(...READERS),
  'audit_reports.create': wholeMunicipality(anyOf('auditor')),
  'audit_reports.update': wholeMunicipality(anyOf('auditor')),
  'audit_recommendations.create': wholeMunicipality(anyOf('auditor')),
  'audit_assessments.create': anyOf('auditor'),
  'audit_replies.write': anyOf('local_coordinator'),
  'audit_replies.export': readBy(...READERS),
  'audit_measures.create': anyOf('local_coordinator'),
  'audit_measures.update': anyOf('local_coordinator'),
} satisfies Record<string, Rule>;
