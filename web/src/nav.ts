import type { Role } from './api/types';

/** The main menu. Each capability adds its entry here; `roles` hides it from others (the server still decides). */
export interface NavItem {
  path: string;
  labelKey: string;
  roles?: Role[];
}

export const NAV: NavItem[] = [
  { path: '/', labelKey: 'nav.start' },
  { path: '/organisation', labelKey: 'nav.organisation' },
  { path: '/planer', labelKey: 'nav.plans', roles: ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'] },
  { path: '/lagesbild', labelKey: 'nav.situation', roles: ['central_coordinator', 'local_coordinator', 'viewer', 'auditor'] },
  { path: '/rapportera-oro', labelKey: 'nav.concern', roles: ['central_coordinator', 'local_coordinator', 'contributor', 'viewer'] },
  { path: '/utbildning', labelKey: 'nav.training', roles: ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'] },
  { path: '/uppfoljning', labelKey: 'nav.followup', roles: ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'] },
  { path: '/rapporter', labelKey: 'nav.reports', roles: ['central_coordinator', 'local_coordinator', 'contributor', 'viewer', 'auditor'] },
  { path: '/admin/anvandare', labelKey: 'nav.users', roles: ['admin'] },
  { path: '/logg', labelKey: 'nav.audit' },
  { path: '/konto', labelKey: 'nav.account' },
  { path: '/hjalp', labelKey: 'nav.help' },
];
