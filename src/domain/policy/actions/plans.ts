import { anyOf, readBy, wholeMunicipality, type Rule } from '../rules.js';

/** Roles that read action plans, on the boards their grants reach (admins see no plan content). */
const READERS = readBy('central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor');
/** Roles that write plans, on the boards their grants reach: the local coordinator, the central coordinator. */
const WRITERS = anyOf('central_coordinator', 'local_coordinator');
/** Governing documents and plan instructions are the municipality's; a municipality-wide central coordinator issues them. */
const ISSUER = wholeMunicipality(anyOf('central_coordinator'));

export const planRules = {
  // Governing documents and plan instructions are public within the municipality.
  'guidelines.list': 'authenticated',
  'guidelines.create': ISSUER,
  'guidelines.update': ISSUER,
  'guideline_elements.create': ISSUER,
  'guideline_elements.update': ISSUER,
  'plan_instructions.list': 'authenticated',
  'plan_instructions.read': 'authenticated',
  'plan_instructions.create': ISSUER,
  'plan_instructions.update': ISSUER,
  'plan_instructions.publish': ISSUER,

  'plans.list': READERS,
  'plans.read': READERS,
  // The overview and the coverage matrix list the boards the reader reaches.
  'plans.overview': READERS,
  'plans.check': READERS,
  'plans.compare': READERS,
  'plans.versions': READERS,
  'plans.export': READERS,
  'plans.create': WRITERS,
  'plans.update': WRITERS,
  'plans.sections.update': WRITERS,
  'plans.activities.create': WRITERS,
  'plans.activities.update': WRITERS,
  'plans.activities.delete': WRITERS,
  'plans.activities.restore': WRITERS,
  'plans.activities.reorder': WRITERS,
  'plans.activities.import': WRITERS,
  'plans.copy': WRITERS,
  // Which moves each role may make is decided per move by src/domain/plans/workflow.ts.
  'plans.transition': WRITERS,
  'plans.review': anyOf('central_coordinator'),
  // The board's handling of its plan is recorded by its local coordinator (as the board's
  // secretary would) and read by everyone who reads the board's plans, its members included.
  'plans.decisions.create': anyOf('local_coordinator'),
  'plans.decisions.list': READERS,
  'plans.revise': WRITERS,
} satisfies Record<string, Rule>;
