import { anyOf, readBy, wholeMunicipality, type Rule } from '../rules.js';

/**
 * Public information, the helpline log and the knowledge hub (PRODUCT.md §8, issue #16).
 * - A board's public "where to turn" page and its approved plans are read without login
 *   (rate-limited per client); the board's local coordinator and the central coordinator edit it.
 * - The helpline log is kept by the coordinators. Counts are read like the situation picture:
 *   exact inside the owning board, small counts suppressed outside it. The plain list and deletes
 *   are for the owning board's coordinators only (checked in the service).
 * - The library, the directory of coordinators: any logged-in user (the library hides the
 *   coordinators' documents from other staff in the service); documents and news to coordinators
 *   are published by the central coordinator for the whole city.
 */
const COORDINATORS = ['central_coordinator', 'local_coordinator'] as const;
const CENTRAL_ONLY = 'Biblioteket och nyheterna sköts av den centrala samordnaren för hela kommunen.';

export const hubRules = {
  'public_boards.list': 'public',
  'public_boards.read': 'public',
  'public_plans.pdf': 'public',
  'public_info.update': anyOf(...COORDINATORS),

  'helpline.create': anyOf(...COORDINATORS),
  'helpline.list': anyOf(...COORDINATORS),
  'helpline.delete': anyOf(...COORDINATORS),
  'helpline.summary': readBy('central_coordinator', 'local_coordinator', 'viewer', 'auditor'),

  'library.list': 'authenticated',
  'library.read': 'authenticated',
  'library.create': wholeMunicipality(anyOf('central_coordinator'), CENTRAL_ONLY),
  'library.versions.create': wholeMunicipality(anyOf('central_coordinator'), CENTRAL_ONLY),

  'directory.read': 'authenticated',
  // Decided plans are public documents: all staff read every board's, to learn from each other.
  'approved_plans.list': 'authenticated',

  'news.list': anyOf(...COORDINATORS),
  'news.create': wholeMunicipality(anyOf('central_coordinator'), CENTRAL_ONLY),
  'news.delete': wholeMunicipality(anyOf('central_coordinator'), CENTRAL_ONLY),
} satisfies Record<string, Rule>;
