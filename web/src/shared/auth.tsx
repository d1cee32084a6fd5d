import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Navigate, useLocation } from 'react-router-dom';
import { Button, Result, Spin } from 'antd';
import { api, ApiError, onUnauthorized, setCsrfToken } from './api.ts';
import type { Permission, Role, ScopeType } from './enums.ts';
import { useI18n } from './i18n.ts';

export type Grant = { role: Role; scopeType: ScopeType; scopeId: string; scopeName: string };
export type Me = {
  id: string;
  username: string;
  displayName: string;
  kind: 'staff' | 'professional';
  personId: string | null;
  mustChangePassword: boolean;
  grants: Grant[];
  permissions: string[];
};
type Session = { csrfToken: string; me: Me };

export const ME_QUERY_KEY = ['auth', 'me'] as const;

// Drops every cached answer except the session itself, whose query the AuthProvider observes:
// removing that one would leave the observer on a detached query that never sees the new user.
const isNotSession = (query: { queryKey: readonly unknown[] }) => query.queryKey[0] !== ME_QUERY_KEY[0];

async function fetchSession(): Promise<Me | null> {
  try {
    const session = await api.get<Session>('/api/auth/me');
    setCsrfToken(session.csrfToken);
    return session.me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

type AuthValue = {
  me: Me | null;
  status: 'loading' | 'error' | 'ready';
  permissions: ReadonlySet<string>;
  can: (permission: Permission) => boolean;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  refresh: () => Promise<void>;
};

const AuthContext = createContext<AuthValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const meQuery = useQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchSession, retry: false, staleTime: Infinity });

  // Any 401 (an expired or revoked session) drops the user back to the login page.
  useEffect(
    () =>
      onUnauthorized(() => {
        setCsrfToken(null);
        queryClient.setQueryData(ME_QUERY_KEY, null);
      }),
    [queryClient],
  );

  const login = useCallback(
    async (username: string, password: string) => {
      const session = await api.post<Session>('/api/auth/login', { username, password });
      setCsrfToken(session.csrfToken);
      // Nothing cached for a previous user may leak into this session.
      queryClient.removeQueries({ predicate: isNotSession });
      queryClient.setQueryData(ME_QUERY_KEY, session.me);
      return session.me;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await api.post<undefined>('/api/auth/logout');
    } finally {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: isNotSession });
      queryClient.setQueryData(ME_QUERY_KEY, null);
    }
  }, [queryClient]);

  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY }), [queryClient]);

  const me = meQuery.data ?? null;
  const value = useMemo<AuthValue>(() => {
    const permissions: ReadonlySet<string> = new Set(me?.permissions ?? []);
    const status = meQuery.isPending ? 'loading' : meQuery.isError && !me ? 'error' : 'ready';
    return { me, status, permissions, can: (p) => permissions.has(p), login, logout, refresh };
  }, [me, meQuery.isPending, meQuery.isError, login, logout, refresh]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside AuthProvider');
  return value;
}

export function FullPageSpin() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', alignItems: 'center', minHeight: '60vh' }}>
      <Spin size="large" />
    </div>
  );
}

/** Guards the signed-in part of the app: waits for GET /api/auth/me, then either renders or sends to /login. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, status, refresh } = useAuth();
  const { t } = useI18n();
  const location = useLocation();
  if (status === 'loading') return <FullPageSpin />;
  if (status === 'error') {
    return (
      <Result
        status="warning"
        title={t('auth.sessionCheckFailed')}
        extra={<Button onClick={() => void refresh()}>{t('common.retry')}</Button>}
      />
    );
  }
  if (!me) return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return children;
}
