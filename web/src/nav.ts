import type { Action } from './api/types';

/**
 * The main menu. Each capability adds its entry here with the action its page needs; an entry is
 * shown when the server says the user may do that action on some board (GET /api/me `can`).
 */
export interface NavItem {
  path: string;
  labelKey: string;
  action?: Action;
  /** 'user': in the user menu beside the user's name (account, log, help), not on the menu bar. */
  place?: 'user';
}

export const NAV: NavItem[] = [
  { path: '/', labelKey: 'nav.start' },
  { path: '/planer', labelKey: 'nav.plans', action: 'plans.list' },
  { path: '/lagesbild', labelKey: 'nav.situation', action: 'situation.read' },
  { path: '/rapportera-oro', labelKey: 'nav.concern', action: 'concerns.create' },
  { path: '/utbildning', labelKey: 'nav.training', action: 'training.coverage.read' },
  { path: '/uppfoljning', labelKey: 'nav.followup', action: 'followup.board' },
  { path: '/rapporter', labelKey: 'nav.reports', action: 'reports.board' },
  { path: '/samverkan', labelKey: 'collab.nav', action: 'forums.list' },
  { path: '/revision', labelKey: 'auditTracking.nav', action: 'audit_reports.list' },
  { path: '/stod-och-kunskap', labelKey: 'hub.nav' },
  { path: '/admin/anvandare', labelKey: 'nav.users', action: 'users.list' },
  { path: '/organisation', labelKey: 'nav.organisation', place: 'user' },
  { path: '/logg', labelKey: 'nav.audit', place: 'user' },
  { path: '/konto', labelKey: 'nav.account', place: 'user' },
  { path: '/aviseringar', labelKey: 'notifications.nav', place: 'user' },
  { path: '/hjalp', labelKey: 'nav.help', place: 'user' },
];

/** The entries the user may use, given the session's `can`. */
export function navFor(can: (action: Action) => boolean): NavItem[] {
  return NAV.filter((n) => !n.action || can(n.action));
}
