import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken } from '../api/client';
import type { Action, TMe } from '../api/types';
import i18n from '../i18n';

interface SessionValue {
  me: TMe | null;
  loading: boolean;
  logIn(email: string, password: string): Promise<void>;
  logOut(): Promise<void>;
  refresh(): Promise<void>;
  /**
   * May the user do `action` (on `boardId`, or on some board when none is given)? From GET
   * /api/me's `can`, computed by the server's one board-scope rule: menus and buttons use this.
   */
  can(action: Action, boardId?: string): boolean;
  /** May the user do `action` on every board (city-wide views, municipality-level settings)? */
  canEverywhere(action: Action): boolean;
  /** The boards where the user may do `action`: 'all' or their ids (empty: none). */
  scopeOf(action: Action): 'all' | string[];
}

/** The scope GET /api/me gives for `action`: 'all', board ids, or none. */
export function scopeIn(me: TMe | null, action: Action): 'all' | string[] {
  const s = me?.can[action];
  return s === 'all' ? 'all' : s || [];
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
    can: (action, boardId) => {
      const s = scopeIn(me, action);
      return s === 'all' || (boardId === undefined ? s.length > 0 : s.includes(boardId));
    },
    canEverywhere: (action) => scopeIn(me, action) === 'all',
    scopeOf: (action) => scopeIn(me, action),
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}
