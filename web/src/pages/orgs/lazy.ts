import { lazyPage } from '../../components/lazy-page';

// The organisation pages load with their own code (components/lazy-page.tsx).
export const OrganisationPage = lazyPage(() => import('./OrganisationPage'), 'OrganisationPage');
export const BoardPage = lazyPage(() => import('./BoardPage'), 'BoardPage');
