import { lazyPage } from '../../components/lazy-page';

// The report pages load with their own code (components/lazy-page.tsx).
export const ReportsPage = lazyPage(() => import('./ReportsPage'), 'ReportsPage');
export const BoardReportPage = lazyPage(() => import('./ReportsPage'), 'BoardReportPage');
