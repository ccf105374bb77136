import { Route } from 'react-router';
import { AuditReportPage, AuditReportsPage, NewAuditReportPage, ReplyPage } from './lazy';

/** Audit tracking pages behind the login, placed inside App's RequireSession route. */
export const auditTrackingRoutes = (
  <>
    <Route path="revision" element={<AuditReportsPage />} />
    <Route path="revision/ny" element={<NewAuditReportPage />} />
    <Route path="revision/:id" element={<AuditReportPage />} />
    <Route path="revision/:id/svar/:boardId" element={<ReplyPage />} />
  </>
);
