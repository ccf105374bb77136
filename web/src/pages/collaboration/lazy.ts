import { lazyPage } from '../../components/lazy-page';

// The collaboration pages load with their own code (components/lazy-page.tsx): their forms bring zod and the schemas.
export const CollaborationPage = lazyPage(() => import('./CollaborationPage'), 'CollaborationPage');
export const PartnersPage = lazyPage(() => import('./PartnersPage'), 'PartnersPage');
export const PartnerFormPage = lazyPage(() => import('./PartnerFormPage'), 'PartnerFormPage');
export const ForumPage = lazyPage(() => import('./ForumPage'), 'ForumPage');
export const ForumFormPage = lazyPage(() => import('./ForumFormPage'), 'ForumFormPage');
export const AgreementsPage = lazyPage(() => import('./AgreementsPage'), 'AgreementsPage');
export const AgreementFormPage = lazyPage(() => import('./AgreementFormPage'), 'AgreementFormPage');
export const StrategyPage = lazyPage(() => import('./StrategyPage'), 'StrategyPage');
