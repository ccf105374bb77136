import { lazyPage } from '../../components/lazy-page';

// The audit-tracking pages load with their own code (components/lazy-page.tsx): their forms bring zod and the schemas.
export const AuditReportsPage = lazyPage(() => import('./AuditReportsPage'), 'AuditReportsPage');
export const NewAuditReportPage = lazyPage(() => import('./NewAuditReportPage'), 'NewAuditReportPage');
export const AuditReportPage = lazyPage(() => import('./AuditReportPage'), 'AuditReportPage');
export const ReplyPage = lazyPage(() => import('./ReplyPage'), 'ReplyPage');
