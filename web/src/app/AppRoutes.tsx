import { lazy, type ReactNode, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { SignInPage } from '../features/accounts/SignInPage.tsx';
import { OrgsPage } from '../features/organizations/OrgsPage.tsx';
import { useMe } from '../features/accounts/session.tsx';
import { AppLayout } from './AppLayout.tsx';
import { RequireSession } from './RequireSession.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { PageSpinner } from './PageSpinner.tsx';

// The tree page is the landing page and ships in the first bundle; the rest loads when opened.
const ImportExportPage = lazy(() => import('../features/organizations/import/ImportExportPage.tsx').then((m) => ({ default: m.ImportExportPage })));
const UsersPage = lazy(() => import('../features/accounts/UsersPage.tsx').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('../features/audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
const MyElectionsPage = lazy(() => import('../features/elections/MyElectionsPage.tsx').then((m) => ({ default: m.MyElectionsPage })));
const ElectionPage = lazy(() => import('../features/elections/ElectionPage.tsx').then((m) => ({ default: m.ElectionPage })));
const EntryPage = lazy(() => import('../features/elections/EntryPage.tsx').then((m) => ({ default: m.EntryPage })));
const ReconcilePage = lazy(() => import('../features/elections/ReconcilePage.tsx').then((m) => ({ default: m.ReconcilePage })));
const ResultsPage = lazy(() => import('../features/elections/ResultsPage.tsx').then((m) => ({ default: m.ResultsPage })));
const ProjectorPage = lazy(() => import('../features/elections/ProjectorPage.tsx').then((m) => ({ default: m.ProjectorPage })));
const CampaignsPage = lazy(() => import('../features/campaigns/CampaignsPage.tsx').then((m) => ({ default: m.CampaignsPage })));
const CampaignDashboardPage = lazy(() => import('../features/campaigns/CampaignDashboardPage.tsx').then((m) => ({ default: m.CampaignDashboardPage })));
const CongressesPage = lazy(() => import('../features/campaigns/CongressesPage.tsx').then((m) => ({ default: m.CongressesPage })));
const CongressPage = lazy(() => import('../features/campaigns/CongressPage.tsx').then((m) => ({ default: m.CongressPage })));
const ChangePasswordPage = lazy(() => import('../features/accounts/ChangePasswordPage.tsx').then((m) => ({ default: m.ChangePasswordPage })));

function ScopeRootRedirect() {
  const me = useMe();
  return <Navigate to={`/orgs/${me.scopeOrg.id}`} replace />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      {/* The hall's screen: full screen, no menus. */}
      <Route
        path="/elections/:id/projector"
        element={
          <RequireSession>
            <Lazy page={<ProjectorPage />} />
          </RequireSession>
        }
      />
      <Route
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        <Route index element={<ScopeRootRedirect />} />
        <Route path="orgs" element={<ScopeRootRedirect />} />
        <Route path="orgs/:id" element={<OrgsPage />} />
        <Route path="import" element={<Lazy page={<ImportExportPage />} />} />
        <Route path="users" element={<Lazy page={<UsersPage />} />} />
        <Route path="audit" element={<Lazy page={<AuditPage />} />} />
        <Route path="elections/mine" element={<Lazy page={<MyElectionsPage />} />} />
        <Route path="elections/:id" element={<Lazy page={<ElectionPage />} />} />
        <Route path="elections/:id/entry" element={<Lazy page={<EntryPage />} />} />
        <Route path="elections/:id/reconcile" element={<Lazy page={<ReconcilePage />} />} />
        <Route path="elections/:id/results" element={<Lazy page={<ResultsPage />} />} />
        <Route path="campaigns" element={<Lazy page={<CampaignsPage />} />} />
        <Route path="campaigns/:id" element={<Lazy page={<CampaignDashboardPage />} />} />
        <Route path="campaigns/:id/congresses" element={<Lazy page={<CongressesPage />} />} />
        <Route path="congresses/:id" element={<Lazy page={<CongressPage />} />} />
        <Route path="password" element={<Lazy page={<ChangePasswordPage />} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

function Lazy({ page }: { page: ReactNode }) {
  return <Suspense fallback={<PageSpinner />}>{page}</Suspense>;
}
