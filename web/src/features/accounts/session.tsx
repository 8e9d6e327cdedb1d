import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { onAuthLost, setCsrfToken } from '../../lib/api.ts';
import { type Me, meQuery, meQueryKey, signOut } from './accounts.api.ts';

type SessionValue = {
  me: Me | null | undefined;
  loading: boolean;
  /** Why the last session ended: the user signed out, or the server no longer knew it. */
  lostReason: AuthLostReason | null;
  /** Stores the user the login answered with; every other cached answer belonged to someone else. */
  signedIn: (me: Me) => void;
  signOut: () => Promise<void>;
};

const SessionContext = createContext<SessionValue | null>(null);

type AuthLostReason = 'SESSION_EXPIRED' | 'NOT_AUTHENTICATED' | 'SIGNED_OUT';
export type SignInLocationState = { signedOut?: boolean; from?: string };

export function SessionProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { data: me, isPending } = useQuery(meQuery);

  useEffect(() => setCsrfToken(me?.csrfToken ?? null), [me]);

  // Any request that finds the session gone clears the user; RequireSession then sends them to
  // sign-in, which tells why ("Phiên làm việc đã hết hạn") from `lostReason`.
  const [lostReason, setLostReason] = useState<AuthLostReason | null>(null);
  useEffect(() => {
    onAuthLost((code) => {
      setCsrfToken(null);
      // A request answered 401 just after signing out is not an expiry.
      setLostReason((prev) => (prev === 'SIGNED_OUT' ? prev : code));
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
      qc.setQueryData(meQueryKey, null);
    });
    return () => onAuthLost(null);
  }, [qc]);

  const signedIn = useCallback(
    (user: Me) => {
      setLostReason(null);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
      setCsrfToken(user.csrfToken);
      qc.setQueryData(meQueryKey, user);
    },
    [qc],
  );

  const doSignOut = useCallback(async () => {
    // Remembered here, not only in the navigation state: RequireSession may redirect first.
    setLostReason('SIGNED_OUT');
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

  const value = useMemo(() => ({ me, loading: isPending, lostReason, signedIn, signOut: doSignOut }), [me, isPending, lostReason, signedIn, doSignOut]);
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
