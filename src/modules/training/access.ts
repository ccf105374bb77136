import { scopeOf, type BoardScope, type ServiceActor } from '../../domain/policy/index.js';
import type { ImportScope } from '../../domain/training/analyse.js';

/**
 * Boards whose coverage the actor may read, by the one board-scope rule (src/domain/policy/scope.ts):
 * municipality-wide grants and viewers of the city board (Kommunstyrelsen) see the whole
 * municipality; every other grant its own board.
 */
export function readScope(actor: ServiceActor): BoardScope {
  return scopeOf(actor, 'training.coverage.read');
}

/** Boards the actor may import rows for: the boards the importer's grants reach (every board for a municipality-wide coordinator). */
export function importScope(actor: ServiceActor): ImportScope {
  return scopeOf(actor, 'training.participants.import');
}
