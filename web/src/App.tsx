import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useSession } from './auth/session';
import { useTextsLoaded } from './i18n/use-texts';
import { Loading } from './components/feedback';
import { Layout } from './components/Layout';
import { LoginPage } from './pages/auth/LoginPage';
import { AccountPage, AuditPage, HelpPage, PlansImportPage, StartPage } from './pages/lazy';
import { BoardPage, OrganisationPage } from './pages/orgs/lazy';
import { NewUserPage, UserPage, UsersPage } from './pages/users/lazy';
import {
  ActivityFormPage,
  ComparePage,
  DecisionFormPage,
  GuidelinesPage,
  InstructionsPage,
  PlanPage,
  PlansPage,
  ReviewPage,
  SectionPage,
} from './pages/plans/lazy';
import { situationRoutes, publicSurveyRoute } from './pages/situation/routes';
import { auditTrackingRoutes } from './pages/audit-tracking/routes';
import { collaborationRoutes } from './pages/collaboration/routes';
import { grantRoutes } from './pages/grants/routes';
import { hubRoutes, publicHubRoutes } from './pages/hub/routes';
import { notificationRoutes } from './pages/notifications/routes';
import { TrainingBoardPage, TrainingCoursesPage, TrainingImportPage, TrainingPage } from './pages/training/lazy';
import { AnalysisPage, BoardFollowUpPage, ContextPage, FollowUpPage, MyActivitiesPage, PeriodsPage, ReportFormPage } from './pages/followup/lazy';
import { BoardReportPage, ReportsPage } from './pages/reports/lazy';
import { NotFoundPage } from './pages/NotFoundPage';

function RequireSession() {
  const { me, loading } = useSession();
  const location = useLocation();
  // The layout's menu names every capability: it waits for their texts, as the pages do.
  const texts = useTextsLoaded();
  if (loading || (me && !texts)) return <Loading />;
  if (!me) return <Navigate to="/logga-in" replace state={{ from: location.pathname }} />;
  return <Layout />;
}

export function App() {
  return (
    <Routes>
      <Route path="/logga-in" element={<LoginPage />} />
      {publicSurveyRoute}
      {publicHubRoutes}
      <Route element={<RequireSession />}>
        <Route index element={<StartPage />} />
        <Route path="organisation" element={<OrganisationPage />} />
        <Route path="organisation/:id" element={<BoardPage />} />
        <Route path="admin/anvandare" element={<UsersPage />} />
        <Route path="admin/anvandare/ny" element={<NewUserPage />} />
        <Route path="admin/anvandare/:id" element={<UserPage />} />
        <Route path="logg" element={<AuditPage />} />
        <Route path="konto" element={<AccountPage />} />
        <Route path="hjalp" element={<HelpPage />} />
        {situationRoutes}
        {auditTrackingRoutes}
        {collaborationRoutes}
        {grantRoutes}
        {hubRoutes}
        {notificationRoutes}
        <Route path="planer" element={<PlansPage />} />
        <Route path="planer/anvisningar" element={<InstructionsPage />} />
        <Route path="planer/styrdokument" element={<GuidelinesPage />} />
        <Route path="planer/jamfor" element={<ComparePage />} />
        <Route path="planer/:id" element={<PlanPage />} />
        <Route path="planer/:id/insatser/ny" element={<ActivityFormPage />} />
        <Route path="planer/:id/insatser/:activityId" element={<ActivityFormPage />} />
        <Route path="planer/:id/avsnitt/:key" element={<SectionPage />} />
        <Route path="planer/:id/granskning" element={<ReviewPage />} />
        <Route path="planer/:id/beslut" element={<DecisionFormPage />} />
        <Route path="planer/:id/importera" element={<PlansImportPage />} />
        <Route path="utbildning" element={<TrainingPage />} />
        <Route path="utbildning/namnd/:id" element={<TrainingBoardPage />} />
        <Route path="utbildning/importera" element={<TrainingImportPage />} />
        <Route path="utbildning/kurser" element={<TrainingCoursesPage />} />
        <Route path="uppfoljning" element={<FollowUpPage />} />
        <Route path="uppfoljning/mina" element={<MyActivitiesPage />} />
        <Route path="uppfoljning/insatser/:id" element={<ReportFormPage />} />
        <Route path="uppfoljning/namnd/:boardId" element={<BoardFollowUpPage />} />
        <Route path="uppfoljning/namnd/:boardId/analys" element={<AnalysisPage />} />
        <Route path="uppfoljning/perioder" element={<PeriodsPage />} />
        <Route path="uppfoljning/kontext" element={<ContextPage />} />
        <Route path="rapporter" element={<ReportsPage />} />
        <Route path="rapporter/namnd/:boardId" element={<BoardReportPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
