import { anyOf, type Rule } from '../rules.js';

/**
 * The situation picture. Role rules say who may try; the services then narrow to boards:
 * - Filing a concern report: anyone with a role on the board except admin and auditor (the
 *   central coordinator for any board).
 * - Report texts: only the board's local coordinators and the central coordinator; every read
 *   is audited. The auditor sees counts only, the admin nothing.
 * - Counts outside the board that owns them are suppressed below the municipality's threshold.
 */
export const situationRules = {
  'concerns.create': anyOf('contributor', 'local_coordinator', 'viewer', 'central_coordinator'),
  'concerns.list': anyOf('local_coordinator', 'central_coordinator'),
  'concerns.inbox': anyOf('local_coordinator', 'central_coordinator'),
  'concerns.read': anyOf('local_coordinator', 'central_coordinator'),
  'concerns.classify': anyOf('local_coordinator', 'central_coordinator'),
  'concerns.note': anyOf('local_coordinator', 'central_coordinator'),
  'concerns.close': anyOf('local_coordinator', 'central_coordinator'),

  // Counts per board (suppressed outside the board), and the city-wide picture.
  'situation.read': anyOf('local_coordinator', 'central_coordinator', 'viewer', 'auditor'),
  'situation.city': anyOf('central_coordinator', 'viewer', 'auditor'),

  // Police input and other sources as dated notes.
  'situation_notes.list': anyOf('local_coordinator', 'central_coordinator', 'auditor'),
  'situation_notes.create': anyOf('local_coordinator', 'central_coordinator'),
  'situation_notes.delete': anyOf('local_coordinator', 'central_coordinator'),

  // The annual picture: viewers read published ones only.
  'situation_pictures.list': anyOf('local_coordinator', 'central_coordinator', 'viewer', 'auditor'),
  'situation_pictures.read': anyOf('local_coordinator', 'central_coordinator', 'viewer', 'auditor'),
  'situation_pictures.compile': anyOf('local_coordinator', 'central_coordinator'),
  'situation_pictures.save': anyOf('local_coordinator', 'central_coordinator'),
  'situation_pictures.publish': anyOf('local_coordinator', 'central_coordinator'),

  'surveys.list': anyOf('local_coordinator', 'central_coordinator', 'auditor'),
  'surveys.read': anyOf('local_coordinator', 'central_coordinator', 'auditor'),
  'surveys.create': anyOf('local_coordinator', 'central_coordinator'),
  'surveys.update': anyOf('local_coordinator', 'central_coordinator'),
  'surveys.delete': anyOf('local_coordinator', 'central_coordinator'),
  'surveys.send': anyOf('local_coordinator', 'central_coordinator'),
  'surveys.close': anyOf('local_coordinator', 'central_coordinator'),
  'surveys.results': anyOf('local_coordinator', 'central_coordinator', 'auditor'),

  // The answer page behind a survey link: no login, rate-limited per client.
  'public_surveys.read': 'public',
  'public_surveys.answer': 'public',
} satisfies Record<string, Rule>;
