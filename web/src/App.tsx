import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useSession } from './auth/session';
import { Loading } from './components/feedback';
import { Layout } from './components/Layout';
import { LoginPage } from './pages/auth/LoginPage';
import { StartPage } from './pages/start/StartPage';
import { OrganisationPage } from './pages/orgs/OrganisationPage';
import { BoardPage } from './pages/orgs/BoardPage';
import { UsersPage } from './pages/users/UsersPage';
import { NewUserPage } from './pages/users/NewUserPage';
import { UserPage } from './pages/users/UserPage';
import { AuditPage } from './pages/audit/AuditPage';
import { AccountPage } from './pages/account/AccountPage';
import { HelpPage } from './pages/help/HelpPage';
import { NotFoundPage } from './pages/NotFoundPage';

function RequireSession() {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!me) return <Navigate to="/logga-in" replace state={{ from: location.pathname }} />;
  return <Layout />;
}

export function App() {
  return (
    <Routes>
      <Route path="/logga-in" element={<LoginPage />} />
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
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
