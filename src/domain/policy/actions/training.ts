import { anyOf, readBy, wholeMunicipality, type Rule } from '../rules.js';

/**
 * Training coverage (PRODUCT.md §5). Coverage is read by everyone who works with a board's plan,
 * on the boards their grants reach (the whole city for municipality-wide grants and for viewers
 * of the city board). Imports: each importer's rows for the boards their grant reaches. The
 * catalogue, targets and priority groups are the municipality's: a municipality-wide central
 * coordinator's. The admin manages accounts, not content.
 */
const READERS = readBy('central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor');
const IMPORTERS = anyOf('central_coordinator', 'local_coordinator');
const CENTRAL = wholeMunicipality(anyOf('central_coordinator'));

export const trainingRules = {
  // Course names are not sensitive: every user may list them (import forms, reports).
  'training.courses.list': 'authenticated',
  'training.courses.create': CENTRAL,
  'training.courses.update': CENTRAL,
  'training.courses.delete': CENTRAL,
  'training.targets.list': READERS,
  'training.targets.set': CENTRAL,
  'training.targets.delete': CENTRAL,
  'training.groups.list': READERS,
  'training.groups.create': CENTRAL,
  'training.groups.update': CENTRAL,
  'training.groups.delete': CENTRAL,
  'training.headcounts.list': READERS,
  'training.headcounts.import': IMPORTERS,
  'training.participants.import': IMPORTERS,
  'training.coverage.read': READERS,
  'training.coverage.export': READERS,
} satisfies Record<string, Rule>;
