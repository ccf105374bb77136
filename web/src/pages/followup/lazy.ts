import { lazyPage } from '../../components/lazy-page';

// The follow-up pages load with their own code (components/lazy-page.tsx): the report, analysis and period forms bring zod and the schemas.
export const FollowUpPage = lazyPage(() => import('./FollowUpPage'), 'FollowUpPage');
export const MyActivitiesPage = lazyPage(() => import('./MyActivitiesPage'), 'MyActivitiesPage');
export const ReportFormPage = lazyPage(() => import('./ReportFormPage'), 'ReportFormPage');
export const BoardFollowUpPage = lazyPage(() => import('./BoardFollowUpPage'), 'BoardFollowUpPage');
export const AnalysisPage = lazyPage(() => import('./AnalysisPage'), 'AnalysisPage');
export const PeriodsPage = lazyPage(() => import('./PeriodsPage'), 'PeriodsPage');
export const ContextPage = lazyPage(() => import('./ContextPage'), 'ContextPage');
