/** The library's documents (PRODUCT.md §8): categories, audiences, who sees which. Pure. */
import type { RoleGrant } from '../policy/roles.js';

export const LIBRARY_CATEGORIES = ['legal_memo', 'guide', 'routine', 'lecture', 'template'] as const;
export type LibraryCategory = (typeof LIBRARY_CATEGORIES)[number];

export const LIBRARY_AUDIENCES = ['staff', 'coordinators'] as const;
export type LibraryAudience = (typeof LIBRARY_AUDIENCES)[number];

export const CATEGORY_LABELS_SV: Readonly<Record<LibraryCategory, string>> = {
  legal_memo: 'Juridisk promemoria',
  guide: 'Vägledning',
  routine: 'Rutin',
  lecture: 'Föreläsningsmaterial',
  template: 'Mall',
};

export const AUDIENCE_LABELS_SV: Readonly<Record<LibraryAudience, string>> = {
  staff: 'All personal',
  coordinators: 'Samordnare',
};

/** The audiences whose documents a user with these grants sees: coordinators (local or central, any board) see both. */
export function audiencesOf(roles: readonly RoleGrant[]): LibraryAudience[] {
  return roles.some((g) => g.role === 'central_coordinator' || g.role === 'local_coordinator') ? ['staff', 'coordinators'] : ['staff'];
}
