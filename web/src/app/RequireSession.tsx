import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { type SignInLocationState, useSession } from '../features/accounts/session.tsx';
import { PageSpinner } from './PageSpinner.tsx';

/** Pages behind a session; a user who must change a given password is kept on that page. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) return <PageSpinner />;
  if (!me) {
    const state: SignInLocationState = { from: location.pathname + location.search };
    return <Navigate to="/sign-in" replace state={state} />;
  }
  if (me.mustChangePassword && location.pathname !== '/password') return <Navigate to="/password" replace />;
  return children;
}
