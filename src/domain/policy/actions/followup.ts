import { anyOf, type Rule } from '../rules.js';

/** Roles that read follow-up; the service narrows them to their boards (a city-board viewer reads the city). */
const READERS = ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'] as const;

export const followupRules = {
  // Period dates are not sensitive; the central coordinator opens, closes and reopens them.
  'followup.periods.list': 'authenticated',
  'followup.periods.manage': anyOf('central_coordinator'),
  // The responsible contributor, or the board's local coordinator for anyone in the board
  // (src/domain/followup/permissions.ts decides per activity).
  'followup.report': anyOf('contributor', 'local_coordinator'),
  'followup.mine': anyOf('contributor', 'local_coordinator'),
  'followup.history': anyOf(...READERS),
  'followup.board': anyOf(...READERS),
  'followup.reporters.assign': anyOf('local_coordinator'),
  'followup.analysis.write': anyOf('local_coordinator'),
  'followup.context.list': anyOf(...READERS),
  'followup.context.import': anyOf('central_coordinator', 'local_coordinator'),
  'followup.context.link': anyOf('local_coordinator'),
} satisfies Record<string, Rule>;
