import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router-dom';
import { onAuthLost, setCsrfToken } from '../../lib/api.ts';
import { type Me, meQuery, meQueryKey, signOut } from './accounts.api.ts';

type SessionValue = {
  me: Me | null | undefined;
  loading: boolean;
  /** Stores the user the login answered with; every other cached answer belonged to someone else. */
  signedIn: (me: Me) => void;
  signOut: () => Promise<void>;
};

const SessionContext = createContext<SessionValue | null>(null);

export type SignInLocationState = { expired?: boolean; signedOut?: boolean; from?: string };

export function SessionProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const { data: me, isPending } = useQuery(meQuery);

  useEffect(() => setCsrfToken(me?.csrfToken ?? null), [me]);

  // Any request that finds the session gone sends the user back to sign-in, with the reason.
  useEffect(() => {
    onAuthLost((code) => {
      setCsrfToken(null);
      // Navigate before clearing the user, so the sign-in page gets the reason and not a bare redirect.
      if (location.pathname !== '/sign-in') {
        const state: SignInLocationState = { expired: code === 'SESSION_EXPIRED', from: location.pathname + location.search };
        navigate('/sign-in', { replace: true, state });
      }
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
      qc.setQueryData(meQueryKey, null);
    });
    return () => onAuthLost(null);
  }, [qc, navigate, location.pathname, location.search]);

  const signedIn = useCallback(
    (user: Me) => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
      setCsrfToken(user.csrfToken);
      qc.setQueryData(meQueryKey, user);
    },
    [qc],
  );

  const doSignOut = useCallback(async () => {
    try {
      await signOut();
    } finally {
      qc.clear();
      qc.setQueryData(meQueryKey, null);
      setCsrfToken(null);
      const state: SignInLocationState = { signedOut: true };
      navigate('/sign-in', { replace: true, state });
    }
  }, [qc, navigate]);

  const value = useMemo(() => ({ me, loading: isPending, signedIn, signOut: doSignOut }), [me, isPending, signedIn, doSignOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** The signed-in user; only for pages behind RequireSession. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a session');
  return me;
}
