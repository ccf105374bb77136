import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken } from '../api/client';
import type { Role, TMe } from '../api/types';
import i18n from '../i18n';

interface SessionValue {
  me: TMe | null;
  loading: boolean;
  logIn(email: string, password: string): Promise<void>;
  logOut(): Promise<void>;
  refresh(): Promise<void>;
  hasRole(...roles: Role[]): boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<TMe | null>(null);
  const [loading, setLoading] = useState(true);

  const accept = useCallback((m: TMe | null) => {
    setMe(m);
    setCsrfToken(m?.csrfToken ?? null);
    if (m && m.user.language !== i18n.language) void i18n.changeLanguage(m.user.language);
  }, []);

  const refresh = useCallback(async () => {
    try {
      accept(await api<TMe>('GET', '/api/me'));
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) throw e;
      accept(null);
    } finally {
      setLoading(false);
    }
  }, [accept]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value: SessionValue = {
    me,
    loading,
    refresh,
    logIn: async (email, password) => accept(await api<TMe>('POST', '/api/session', { email, password })),
    logOut: async () => {
      await api('DELETE', '/api/session').catch(() => undefined);
      accept(null);
    },
    hasRole: (...roles) => !!me?.user.roles.some((r) => roles.includes(r.role)),
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}
