import { anyOf, readBy, wholeMunicipality, type Rule } from '../rules.js';

/**
 * The situation picture. Role rules say who may try; the services then narrow to boards:
 * - Filing a concern report: anyone with a role that reaches the board, except admin and auditor.
 * - Report texts: only the board's local coordinators and the central coordinator; every read
 *   is audited. The auditor sees counts only, the admin nothing.
 * - Counts outside the board that owns them are suppressed below the municipality's threshold.
 * Reads (`readBy`) are the only actions a city-board viewer does city-wide; police notes and
 * surveys are not a viewer's, so a viewer grant never widens them.
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
  'situation.read': readBy('local_coordinator', 'central_coordinator', 'viewer', 'auditor'),
  'situation.city': wholeMunicipality(
    readBy('central_coordinator', 'viewer', 'auditor'),
    'Stadens lägesbild är för kommunstyrelsen: central samordnare och revisorer för hela kommunen och kommunstyrelsens ledamöter.',
  ),

  // Police input and other sources as dated notes.
  'situation_notes.list': readBy('local_coordinator', 'central_coordinator', 'auditor'),
  'situation_notes.create': anyOf('local_coordinator', 'central_coordinator'),
  'situation_notes.delete': anyOf('local_coordinator', 'central_coordinator'),

  // The annual picture: viewers read published ones only.
  'situation_pictures.list': readBy('local_coordinator', 'central_coordinator', 'viewer', 'auditor'),
  'situation_pictures.read': readBy('local_coordinator', 'central_coordinator', 'viewer', 'auditor'),
  'situation_pictures.compile': anyOf('local_coordinator', 'central_coordinator'),
  'situation_pictures.save': anyOf('local_coordinator', 'central_coordinator'),
  'situation_pictures.publish': anyOf('local_coordinator', 'central_coordinator'),

  'surveys.list': readBy('local_coordinator', 'central_coordinator', 'auditor'),
  'surveys.read': readBy('local_coordinator', 'central_coordinator', 'auditor'),
  'surveys.create': anyOf('local_coordinator', 'central_coordinator'),
  'surveys.update': anyOf('local_coordinator', 'central_coordinator'),
  'surveys.delete': anyOf('local_coordinator', 'central_coordinator'),
  'surveys.send': anyOf('local_coordinator', 'central_coordinator'),
  'surveys.close': anyOf('local_coordinator', 'central_coordinator'),
  'surveys.results': readBy('local_coordinator', 'central_coordinator', 'auditor'),

  // The answer page behind a survey link: no login, rate-limited per client.
  'public_surveys.read': 'public',
  'public_surveys.answer': 'public',
} satisfies Record<string, Rule>;
