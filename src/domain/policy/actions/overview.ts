import { readBy, type Rule } from '../rules.js';

/**
 * The start page's board overview: one row per board the reader's grant reaches, each cell read
 * through its own capability's scope (plans, follow-up report, training, situation counts). For the
 * coordinators, the board members and the auditor; a contributor's start page is their to-do list.
 */
export const overviewRules = {
  'overview.boards': readBy('central_coordinator', 'local_coordinator', 'viewer', 'auditor'),
} satisfies Record<string, Rule>;
