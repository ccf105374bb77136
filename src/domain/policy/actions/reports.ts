import { anyOf, readBy, wholeMunicipality, type Rule } from '../rules.js';

export const reportRules = {
  // The city report is for kommunstyrelsen: a central coordinator or auditor for the whole
  // municipality, and the city board's viewers. Anyone granted for other boards only is refused.
  'reports.city': wholeMunicipality(
    readBy('central_coordinator', 'viewer', 'auditor'),
    'Den samlade rapporten är för kommunstyrelsen: central samordnare och revisorer för hela kommunen och kommunstyrelsens ledamöter.',
  ),
  // The city report's summary is written by the central coordinator for the whole municipality.
  'reports.summary.write': wholeMunicipality(anyOf('central_coordinator')),
  // A board's report: the roles that reach that board.
  'reports.board': readBy('central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'),
} satisfies Record<string, Rule>;
