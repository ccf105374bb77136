import { anyOf, type Rule } from '../rules.js';

/** Roles that read action plans; the service narrows them to boards (admins see no plan content). */
const READERS = ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'] as const;
/** Roles that write plans: the board's local coordinator, or the central coordinator for any board. */
const WRITERS = ['central_coordinator', 'local_coordinator'] as const;

export const planRules = {
  // Governing documents and plan instructions are public within the municipality; the central
  // coordinator (stadsledningskontoret) issues them.
  'guidelines.list': 'authenticated',
  'guidelines.create': anyOf('central_coordinator'),
  'guidelines.update': anyOf('central_coordinator'),
  'guideline_elements.create': anyOf('central_coordinator'),
  'guideline_elements.update': anyOf('central_coordinator'),
  'plan_instructions.list': 'authenticated',
  'plan_instructions.read': 'authenticated',
  'plan_instructions.create': anyOf('central_coordinator'),
  'plan_instructions.update': anyOf('central_coordinator'),
  'plan_instructions.publish': anyOf('central_coordinator'),

  'plans.list': anyOf(...READERS),
  'plans.read': anyOf(...READERS),
  'plans.overview': anyOf(...READERS),
  'plans.check': anyOf(...READERS),
  'plans.compare': anyOf(...READERS),
  'plans.versions': anyOf(...READERS),
  'plans.export': anyOf(...READERS),
  'plans.create': anyOf(...WRITERS),
  'plans.update': anyOf(...WRITERS),
  'plans.sections.update': anyOf(...WRITERS),
  'plans.activities.create': anyOf(...WRITERS),
  'plans.activities.update': anyOf(...WRITERS),
  'plans.activities.delete': anyOf(...WRITERS),
  'plans.activities.restore': anyOf(...WRITERS),
  'plans.activities.reorder': anyOf(...WRITERS),
  'plans.activities.import': anyOf(...WRITERS),
  'plans.copy': anyOf(...WRITERS),
  // Which moves each role may make is decided per move by src/domain/plans/workflow.ts.
  'plans.transition': anyOf(...WRITERS),
  'plans.review': anyOf('central_coordinator'),
} satisfies Record<string, Rule>;
