import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, request } from '../api/client';
import { RootUnitsQuery, SyncRunsQuery, WhoAmICadreQuery, WhoAmIUnitQuery } from '../api/operations';
import { decodeClaims, useSession, type Session } from '../auth/session';
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
      void attempt(decodeURIComponent(match[1]));
    }
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void attempt(token);
  };
  return (
    <div className="signin card">
      <h1>{m.signIn.title}</h1>
      <p className="muted">{m.signIn.intro}</p>
      <form onSubmit={submit} noValidate>
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
