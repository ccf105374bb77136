import { lazyPage } from '../../components/lazy-page';

// The user administration pages load with their own code (components/lazy-page.tsx).
export const UsersPage = lazyPage(() => import('./UsersPage'), 'UsersPage');
export const NewUserPage = lazyPage(() => import('./NewUserPage'), 'NewUserPage');
export const UserPage = lazyPage(() => import('./UserPage'), 'UserPage');
