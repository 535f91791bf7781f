import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export type Role = 'ADMIN' | 'ORG_DEPT' | 'CADRE' | 'HR_SYNC';

export interface Claims {
  sub: string;
  role: Role;
  unitId?: string;
  cadreId?: string;
  source?: string;
  exp?: number;
}

export interface Session {
  token: string;
  claims: Claims;
  /** Who, in words: the cadre's name or the department's unit, read from the API at sign-in. */
  displayName: string;
}

const STORE_KEY = 'cp.session';
/** How the current session began: 'oidc' sessions also end the identity provider's session at sign-out. */
const VIA_KEY = 'cp.via';

/** Notes how the sign-in under way began (before the session exists). */
export function markSignedInVia(via: 'oidc' | 'dev' | 'paste'): void {
  sessionStorage.setItem(VIA_KEY, via);
}

/** Reads a JWT's claims without checking the signature: the service checks it on every request. */
export function decodeClaims(token: string): Claims | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return null;
  try {
    const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes)) as Partial<Claims>;
    if (typeof claims.sub !== 'string' || typeof claims.role !== 'string') return null;
    return claims as Claims;
  } catch {
    return null;
  }
}

function load(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORE_KEY);
    const s = raw ? (JSON.parse(raw) as Session) : null;
    if (s?.claims.exp && s.claims.exp * 1000 < Date.now()) return null;
    return s;
  } catch {
    return null;
  }
}

interface SessionContextValue {
  session: Session | null;
  signIn(session: Session): void;
  signOut(): void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(load);
  const signIn = useCallback((s: Session) => {
    sessionStorage.setItem(STORE_KEY, JSON.stringify(s));
    setSession(s);
  }, []);
  const signOut = useCallback(() => {
    const via = sessionStorage.getItem(VIA_KEY);
    sessionStorage.removeItem(STORE_KEY);
    sessionStorage.removeItem(VIA_KEY);
    setSession(null);
    // The service's token is forgotten here; the identity provider's own session ends at /auth/logout.
    if (via === 'oidc') window.location.assign('/auth/logout');
  }, []);
  const value = useMemo(() => ({ session, signIn, signOut }), [session, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
