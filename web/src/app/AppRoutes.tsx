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
const AllocationPage = lazy(() => import('../features/delegates/AllocationPage.tsx').then((m) => ({ default: m.AllocationPage })));
const CongressDelegatesPage = lazy(() => import('../features/delegates/CongressDelegatesPage.tsx').then((m) => ({ default: m.CongressDelegatesPage })));
const HealthDeclarationPage = lazy(() => import('../features/delegates/HealthDeclarationPage.tsx').then((m) => ({ default: m.HealthDeclarationPage })));
const ProgressImportPage = lazy(() => import('../features/campaigns/ProgressImportPage.tsx').then((m) => ({ default: m.ProgressImportPage })));
const CampaignSettingsPage = lazy(() => import('../features/campaigns/CampaignSettingsPage.tsx').then((m) => ({ default: m.CampaignSettingsPage })));
const DirectorsPage = lazy(() => import('../features/campaigns/DirectorsPage.tsx').then((m) => ({ default: m.DirectorsPage })));
const DirectorCalendarPage = lazy(() => import('../features/campaigns/DirectorsPage.tsx').then((m) => ({ default: m.DirectorCalendarPage })));
const ReportsPage = lazy(() => import('../features/reports/ReportsPage.tsx').then((m) => ({ default: m.ReportsPage })));
const RegisterPage = lazy(() => import('../features/reports/RegisterPage.tsx').then((m) => ({ default: m.RegisterPage })));
const ResolutionsPage = lazy(() => import('../features/reports/ResolutionsPage.tsx').then((m) => ({ default: m.ResolutionsPage })));
const SummaryReportPage = lazy(() => import('../features/reports/SummaryReportPage.tsx').then((m) => ({ default: m.SummaryReportPage })));
const PeoplePage = lazy(() => import('../features/personnel/PeoplePage.tsx').then((m) => ({ default: m.PeoplePage })));
const PersonPage = lazy(() => import('../features/personnel/PersonPage.tsx').then((m) => ({ default: m.PersonPage })));
const CongressPersonnelPage = lazy(() => import('../features/personnel/CongressPersonnelPage.tsx').then((m) => ({ default: m.CongressPersonnelPage })));
const DocumentsHubPage = lazy(() => import('../features/documents/DocumentsHubPage.tsx').then((m) => ({ default: m.DocumentsHubPage })));
const CongressDocumentsPage = lazy(() => import('../features/documents/CongressDocumentsPage.tsx').then((m) => ({ default: m.CongressDocumentsPage })));
const DocumentPage = lazy(() => import('../features/documents/DocumentPage.tsx').then((m) => ({ default: m.DocumentPage })));
const ConsultationAdminPage = lazy(() => import('../features/documents/ConsultationAdminPage.tsx').then((m) => ({ default: m.ConsultationAdminPage })));
const CommentPage = lazy(() => import('../features/documents/CommentPage.tsx').then((m) => ({ default: m.CommentPage })));
const SynthesisPage = lazy(() => import('../features/documents/SynthesisPage.tsx').then((m) => ({ default: m.SynthesisPage })));
const PublicCommentPage = lazy(() => import('../features/documents/PublicCommentPage.tsx').then((m) => ({ default: m.PublicCommentPage })));
const ChangePasswordPage = lazy(() => import('../features/accounts/ChangePasswordPage.tsx').then((m) => ({ default: m.ChangePasswordPage })));

function ScopeRootRedirect() {
  const me = useMe();
  return <Navigate to={`/orgs/${me.scopeOrg.id}`} replace />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      {/* The public comment form: no sign-in, no menus. */}
      <Route path="/gop-y/:token" element={<Lazy page={<PublicCommentPage />} />} />
      {/* A delegate's daily health declaration: a personal link, no account. */}
      <Route path="/khai-bao-y-te/:token" element={<Lazy page={<HealthDeclarationPage />} />} />
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
        <Route path="campaigns/:id/summary-report" element={<Lazy page={<SummaryReportPage />} />} />
        <Route path="reports" element={<Lazy page={<ReportsPage />} />} />
        <Route path="reports/resolutions" element={<Lazy page={<ResolutionsPage />} />} />
        <Route path="reports/:register" element={<Lazy page={<RegisterPage />} />} />
        <Route path="campaigns/:id/progress-import" element={<Lazy page={<ProgressImportPage />} />} />
        <Route path="campaigns/:id/settings" element={<Lazy page={<CampaignSettingsPage />} />} />
        <Route path="campaigns/:id/directors" element={<Lazy page={<DirectorsPage />} />} />
        <Route path="campaigns/:id/directors/:directorId" element={<Lazy page={<DirectorCalendarPage />} />} />
        <Route path="congresses/:id" element={<Lazy page={<CongressPage />} />} />
        <Route path="congresses/:id/personnel" element={<Lazy page={<CongressPersonnelPage />} />} />
        <Route path="personnel" element={<Lazy page={<PeoplePage />} />} />
        <Route path="personnel/people/:id" element={<Lazy page={<PersonPage />} />} />
        <Route path="congresses/:id/allocation" element={<Lazy page={<AllocationPage />} />} />
        <Route path="congresses/:id/delegates" element={<Lazy page={<CongressDelegatesPage />} />} />
        <Route path="documents" element={<Lazy page={<DocumentsHubPage />} />} />
        <Route path="documents/:id" element={<Lazy page={<DocumentPage />} />} />
        <Route path="congresses/:id/documents" element={<Lazy page={<CongressDocumentsPage />} />} />
        <Route path="consultations/:id" element={<Lazy page={<ConsultationAdminPage />} />} />
        <Route path="consultations/:id/comment" element={<Lazy page={<CommentPage />} />} />
        <Route path="consultations/:id/synthesis" element={<Lazy page={<SynthesisPage />} />} />
        <Route path="password" element={<Lazy page={<ChangePasswordPage />} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

function Lazy({ page }: { page: ReactNode }) {
  return <Suspense fallback={<PageSpinner />}>{page}</Suspense>;
}
