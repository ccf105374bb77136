import { lazyPage } from '../components/lazy-page';

// Pages of their own that the login page never needs: their code loads when they are opened.
export const StartPage = lazyPage(() => import('./start/StartPage'), 'StartPage');
export const AuditPage = lazyPage(() => import('./audit/AuditPage'), 'AuditPage');
export const AccountPage = lazyPage(() => import('./account/AccountPage'), 'AccountPage');
export const HelpPage = lazyPage(() => import('./help/HelpPage'), 'HelpPage');
export const PlansImportPage = lazyPage(() => import('./plans-import/PlansImportPage'), 'PlansImportPage');
