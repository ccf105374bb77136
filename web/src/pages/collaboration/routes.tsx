import { Route } from 'react-router';
import { AgreementFormPage, AgreementsPage, CollaborationPage, ForumFormPage, ForumPage, PartnerFormPage, PartnersPage, StrategyPage } from './lazy';

/** Collaboration pages behind the login, placed inside App's RequireSession route. */
export const collaborationRoutes = (
  <>
    <Route path="samverkan" element={<CollaborationPage />} />
    <Route path="samverkan/parter" element={<PartnersPage />} />
    <Route path="samverkan/parter/ny" element={<PartnerFormPage />} />
    <Route path="samverkan/parter/:id" element={<PartnerFormPage />} />
    <Route path="samverkan/forum/ny" element={<ForumFormPage />} />
    <Route path="samverkan/forum/:id" element={<ForumPage />} />
    <Route path="samverkan/forum/:id/andra" element={<ForumFormPage />} />
    <Route path="samverkan/overenskommelser" element={<AgreementsPage />} />
    <Route path="samverkan/overenskommelser/ny" element={<AgreementFormPage />} />
    <Route path="samverkan/overenskommelser/:id" element={<AgreementFormPage />} />
    <Route path="samverkan/strategi/:boardId" element={<StrategyPage />} />
  </>
);
