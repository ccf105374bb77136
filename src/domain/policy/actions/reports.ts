import { anyOf, type Rule } from '../rules.js';

export const reportRules = {
  // The city report is for kommunstyrelsen: the central coordinator, the auditors and viewers of
  // the city board (the service refuses viewers of other boards).
  'reports.city': anyOf('central_coordinator', 'viewer', 'auditor'),
  // A board's report: that board's roles and the city-level readers (narrowed in the service).
  'reports.board': anyOf('central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'),
} satisfies Record<string, Rule>;
