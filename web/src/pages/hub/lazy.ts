import { lazyPage } from '../../components/lazy-page';

// Support and knowledge pages load with their own code (components/lazy-page.tsx); the public ones too, so the login page stays small.
export const HubPage = lazyPage(() => import('./HubPage'), 'HubPage');
export const HelplinePage = lazyPage(() => import('./HelplinePage'), 'HelplinePage');
export const LibraryPage = lazyPage(() => import('./LibraryPage'), 'LibraryPage');
export const LibraryItemPage = lazyPage(() => import('./LibraryItemPage'), 'LibraryItemPage');
export const DirectoryPage = lazyPage(() => import('./DirectoryPage'), 'DirectoryPage');
export const NewsPage = lazyPage(() => import('./NewsPage'), 'NewsPage');
export const PublicInfoPage = lazyPage(() => import('./PublicInfoPage'), 'PublicInfoPage');
export const PublicMunicipalityPage = lazyPage(() => import('./PublicMunicipalityPage'), 'PublicMunicipalityPage');
export const PublicBoardPage = lazyPage(() => import('./PublicBoardPage'), 'PublicBoardPage');
export const NewsPanel = lazyPage(() => import('./NewsPanel'), 'NewsPanel');
export const ApprovedPlansPage = lazyPage(() => import('./ApprovedPlansPage'), 'ApprovedPlansPage');
