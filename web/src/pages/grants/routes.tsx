import { Route } from 'react-router';
import { CriteriaPage, GrantPage, GrantsPage } from './lazy';

/** Grant and premises vetting pages behind the login, placed inside App's RequireSession route. */
export const grantRoutes = (
  <>
    <Route path="samverkan/bidrag" element={<GrantsPage />} />
    <Route path="samverkan/bidrag/kriterier" element={<CriteriaPage />} />
    <Route path="samverkan/bidrag/:id" element={<GrantPage />} />
  </>
);
