import { anyOf, readBy, wholeMunicipality, type Rule } from '../rules.js';

/** Roles that read follow-up, on the boards their grants reach (a city-board viewer reads the city). */
const READERS = ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'] as const;

export const followupRules = {
  // Period dates are not sensitive; the central coordinator opens, closes and reopens them.
  'followup.periods.list': 'authenticated',
  'followup.periods.manage': wholeMunicipality(anyOf('central_coordinator')),
  // The responsible contributor, or the board's local coordinator for anyone in the board
  // (src/domain/followup/permissions.ts decides per activity).
  'followup.report': anyOf('contributor', 'local_coordinator'),
  'followup.mine': anyOf('contributor', 'local_coordinator'),
  'followup.history': readBy(...READERS),
  'followup.board': readBy(...READERS),
  'followup.reporters.assign': anyOf('local_coordinator'),
  'followup.analysis.write': anyOf('local_coordinator'),
  'followup.context.list': readBy(...READERS),
  'followup.context.import': anyOf('central_coordinator', 'local_coordinator'),
  'followup.context.link': anyOf('local_coordinator'),
} satisfies Record<string, Rule>;
