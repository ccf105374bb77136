import { anyOf, readBy, wholeMunicipality, type Rule } from '../rules.js';

/**
 * Collaboration with the police and civil society (PRODUCT.md §6, issue #15). The partner
 * register, forums with their meetings, police agreements and the civil-society strategy belong
 * to boards: the board's local coordinator and the central coordinator keep them; the auditor
 * and the board's viewers read (a viewer of the city board reads every board's). Records of the
 * whole city (a partner of no board, the city's own networks, the central police agreement) are
 * checked against a grant that reaches every board in the service (`canEverywhere`).
 */
const READERS = ['central_coordinator', 'local_coordinator', 'viewer', 'auditor'] as const;
const WRITERS = ['central_coordinator', 'local_coordinator'] as const;

export const collaborationRules = {
  'partners.list': readBy(...READERS),
  'partners.create': anyOf(...WRITERS),
  'partners.update': anyOf(...WRITERS),
  'forums.list': readBy(...READERS),
  'forums.read': readBy(...READERS),
  'forums.create': anyOf(...WRITERS),
  'forums.update': anyOf(...WRITERS),
  'forums.meetings.create': anyOf(...WRITERS),
  'forums.meetings.delete': anyOf(...WRITERS),
  'agreements.list': readBy(...READERS),
  'agreements.create': anyOf(...WRITERS),
  'agreements.update': anyOf(...WRITERS),
  'strategies.read': readBy(...READERS),
  'strategies.update': anyOf(...WRITERS),
} satisfies Record<string, Rule>;
