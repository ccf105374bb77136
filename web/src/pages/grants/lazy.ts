import { lazyPage } from '../../components/lazy-page';

// The grant pages load with their own code (components/lazy-page.tsx): their forms bring zod and the schemas.
export const GrantsPage = lazyPage(() => import('./GrantsPage'), 'GrantsPage');
export const GrantPage = lazyPage(() => import('./GrantPage'), 'GrantPage');
export const CriteriaPage = lazyPage(() => import('./CriteriaPage'), 'CriteriaPage');
