import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, request } from '../api/client';
import { RootUnitsQuery, SyncRunsQuery, WhoAmICadreQuery, WhoAmIUnitQuery } from '../api/operations';
import { decodeClaims, markSignedInVia, useSession, type Role, type Session } from '../auth/session';
import { describedBy, ErrorBox, Field } from '../components/common';
import { fmt, useI18n } from '../i18n/i18n';
import { navigate } from '../router';

/** Asks the API who the token belongs to, so the page can say it (and so a bad token fails here). */
async function identify(token: string): Promise<Session> {
  const claims = decodeClaims(token);
  if (!claims) throw new Error('malformed');
  let displayName = claims.sub;
  if (claims.role === 'CADRE') displayName = (await request(token, WhoAmICadreQuery, {})).me.name;
  else if (claims.role === 'ORG_DEPT' && claims.unitId)
    displayName = (await request(token, WhoAmIUnitQuery, { id: claims.unitId })).unit.name;
  else if (claims.role === 'ADMIN') await request(token, RootUnitsQuery, {});
  else if (claims.role === 'HR_SYNC') {
    await request(token, SyncRunsQuery, { first: 1 });
    displayName = claims.source ?? claims.sub;
  }
  return { token, claims, displayName };
}

/** Paste a token (or arrive with #access_token=… from an identity provider). */
export function SignIn() {
  const { m, locale } = useI18n();
  const { signIn } = useSession();
  const [token, setToken] = useState('');
  const [error, setError] = useState('');
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function attempt(raw: string) {
    setError('');
    setApiError(null);
    const value = raw.trim().replace(/^Bearer\s+/i, '');
    const claims = decodeClaims(value);
    if (!claims) return setError(m.signIn.malformed);
    if (claims.exp && claims.exp * 1000 < Date.now())
      return setError(fmt(m.signIn.expired, { at: new Date(claims.exp * 1000).toLocaleString(locale) }));
    setBusy(true);
    try {
      const session = await identify(value);
      signIn(session);
      navigate('/');
    } catch (err) {
      if (err instanceof ApiError && err.code === 'UNAUTHENTICATED')
        setError(fmt(m.signIn.rejected, { message: err.message }));
      else if (err instanceof ApiError) setApiError(err);
      else setError(m.signIn.malformed);
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    const match = /access_token=([^&]+)/.exec(window.location.hash);
    if (match) {
      history.replaceState(null, '', window.location.pathname);
      markSignedInVia('oidc');
      void attempt(decodeURIComponent(match[1]));
    }
  }, []);

  const methods = useSignInMethods();
  // Pasting stays where it is today outside production, and wherever there is no single sign-on.
  const paste = !methods || methods.devSignIn || !methods.oidc;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    markSignedInVia('paste');
    void attempt(token);
  };
  return (
    <div className="signin card">
      <h1>{m.signIn.title}</h1>
      {methods?.oidc && (
        <section className="signin-oidc">
          <p className="muted">{m.signIn.oidcIntro}</p>
          <button type="button" className="primary" onClick={() => window.location.assign('/auth/login')}>
            {m.signIn.oidc}
          </button>
        </section>
      )}
      {methods?.devSignIn && (
        <DevSignIn
          busy={busy}
          onToken={(value) => {
            markSignedInVia('dev');
            void attempt(value);
          }}
        />
      )}
      {paste && <h2>{m.signIn.pasteTitle}</h2>}
      {paste && <p className="muted">{m.signIn.intro}</p>}
      <form onSubmit={submit} noValidate hidden={!paste}>
        <Field id="token" label={m.signIn.token} error={error}>
          <textarea
            id="token"
            rows={5}
            value={token}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => setToken(e.target.value)}
            {...describedBy('token', error)}
          />
        </Field>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy || !token.trim()}>
            {busy ? m.signIn.checking : m.signIn.submit}
          </button>
        </div>
      </form>
      {apiError && <ErrorBox error={apiError} />}
    </div>
  );
}

interface SignInMethods {
  oidc: boolean;
  devSignIn: boolean;
}

/** Which sign-ins the service offers (GET /auth/methods); null until known, or when it cannot say. */
function useSignInMethods(): SignInMethods | null {
  const [methods, setMethods] = useState<SignInMethods | null>(null);
  useEffect(() => {
    let live = true;
    fetch('/auth/methods')
      .then((res) => (res.ok ? (res.json() as Promise<SignInMethods>) : null))
      .then((value) => live && setMethods(value))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return methods;
}

interface DevIdentity {
  role: Role;
  key?: string;
  name?: string;
}

const DEV_FIELD: Partial<Record<Role, 'unit' | 'cadre' | 'source'>> = {
  ORG_DEPT: 'unit',
  CADRE: 'cadre',
  HR_SYNC: 'source',
};
const DEV_ROLES: Role[] = ['ADMIN', 'ORG_DEPT', 'CADRE', 'HR_SYNC'];

/** Development only: pick a demo identity; the service signs the same local token `npm run token` prints. */
function DevSignIn({ busy, onToken }: { busy: boolean; onToken(token: string): void }) {
  const { m } = useI18n();
  const [identities, setIdentities] = useState<DevIdentity[] | null>(null);
  const [picked, setPicked] = useState(0);
  const [error, setError] = useState('');
  useEffect(() => {
    fetch('/auth/dev-identities')
      .then((res) => (res.ok ? (res.json() as Promise<{ identities: DevIdentity[] }>) : null))
      .then((body) => setIdentities(body?.identities ?? []))
      .catch(() => setIdentities([]));
  }, []);

  const label = (i: DevIdentity): string =>
    i.role === 'ADMIN'
      ? m.signIn.devAdmin
      : i.role === 'HR_SYNC'
        ? fmt(m.signIn.devSource, { source: i.key ?? '' })
        : `${i.name ?? ''}（${i.key ?? ''}）`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const identity = identities?.[picked];
    if (!identity) return;
    setError('');
    const field = DEV_FIELD[identity.role];
    try {
      const res = await fetch('/auth/dev-sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role: identity.role, ...(field ? { [field]: identity.key } : {}) }),
      });
      const body = (await res.json()) as { token?: string; code?: string };
      if (res.ok && body.token) return onToken(body.token);
      // the service's sentences are English: say it in the reader's words, keeping only the code
      setError(
        body.code === 'BAD_USER_INPUT'
          ? m.signIn.devUnknown
          : fmt(m.signIn.devFailed, { message: body.code ?? String(res.status) }),
      );
    } catch {
      setError(fmt(m.signIn.devFailed, { message: 'NETWORK' }));
    }
  }

  if (!identities) return <p className="muted">{m.signIn.devLoading}</p>;
  return (
    <section className="signin-dev">
      <h2>{m.signIn.devTitle}</h2>
      <p className="muted">{m.signIn.devIntro}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field id="dev-identity" label={m.signIn.devIdentity} error={error}>
          <select
            id="dev-identity"
            value={picked}
            onChange={(e) => setPicked(Number(e.target.value))}
            {...describedBy('dev-identity', error)}
          >
            {DEV_ROLES.map((role) => (
              <optgroup key={role} label={m.roles[role]}>
                {identities.map((i, n) =>
                  i.role === role ? (
                    <option key={n} value={n}>
                      {label(i)}
                    </option>
                  ) : null,
                )}
              </optgroup>
            ))}
          </select>
        </Field>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy || identities.length === 0}>
            {busy ? m.signIn.checking : m.signIn.devUse}
          </button>
        </div>
      </form>
    </section>
  );
}
