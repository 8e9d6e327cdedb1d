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
const ChangePasswordPage = lazy(() => import('../features/accounts/ChangePasswordPage.tsx').then((m) => ({ default: m.ChangePasswordPage })));

function ScopeRootRedirect() {
  const me = useMe();
  return <Navigate to={`/orgs/${me.scopeOrg.id}`} replace />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
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
        <Route path="password" element={<Lazy page={<ChangePasswordPage />} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

function Lazy({ page }: { page: ReactNode }) {
  return <Suspense fallback={<PageSpinner />}>{page}</Suspense>;
}
