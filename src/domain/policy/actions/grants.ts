import { anyOf, readBy, wholeMunicipality, type Rule } from '../rules.js';

/**
 * Grant and premises vetting (föreningsbidrag, PRODUCT.md §6, issue #15). An application belongs
 * to the board that funds or lends: the board's local coordinator and the central coordinator
 * register, vet and decide, record the payout and the follow-up; the auditor and the board's
 * viewers read (a viewer of the city board reads every board's). The criteria checklist is the
 * municipality's: read by everyone who reads applications, set by the central coordinator for the
 * whole municipality.
 */
const READERS = ['central_coordinator', 'local_coordinator', 'viewer', 'auditor'] as const;
const WRITERS = ['central_coordinator', 'local_coordinator'] as const;

export const grantRules = {
  'grant_criteria.list': readBy(...READERS),
  'grant_criteria.update': wholeMunicipality(anyOf('central_coordinator')),
  'grant_applications.list': readBy(...READERS),
  'grant_applications.read': readBy(...READERS),
  'grant_applications.create': anyOf(...WRITERS),
  'grant_applications.vet': anyOf(...WRITERS),
  'grant_applications.payout': anyOf(...WRITERS),
  'grant_applications.follow_up': anyOf(...WRITERS),
} satisfies Record<string, Rule>;
