import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import { useAsOf } from '../as-of';
import { useSession } from '../auth/session';
import { ErrorBox, Loading } from '../components/common';
import { fmt, useI18n } from '../i18n/i18n';
import { Link } from '../router';

interface FormDocument {
  css: string;
  body: string;
  name: string;
}

/** GET /export/… with the session's token; errors in the API's JSON shape become an ApiError. */
async function download(token: string | undefined, path: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch (err) {
    throw new ApiError([{ code: 'NETWORK', message: err instanceof Error ? err.message : String(err) }]);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string; field?: string };
    throw new ApiError([
      {
        code: body.code ?? 'INTERNAL_SERVER_ERROR',
        message: body.message ?? res.statusText,
        field: body.field,
      },
    ]);
  }
  return res;
}

/**
 * The 干部任免审批表 of one cadre, as the service renders it (the same HTML its PDF is printed from), shown in
 * the page so that the browser's print (A4, print CSS) prints the form and nothing else.
 */
export function AppointmentFormPage({ id }: { id: string }) {
  const { m } = useI18n();
  const { session } = useSession();
  const { asOf } = useAsOf();
  const [doc, setDoc] = useState<FormDocument | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const token = session?.token;
  const path = `/export/cadres/${encodeURIComponent(id)}/appointment-form`;

  const load = useCallback(() => {
    setError(null);
    download(token, `${path}.html?asOf=${encodeURIComponent(asOf)}`)
      .then((res) => res.text())
      .then((html) => {
        const parsed = new DOMParser().parseFromString(html, 'text/html');
        const form = parsed.querySelector('.af');
        setDoc({
          css: parsed.querySelector('style')?.textContent ?? '',
          body: form?.outerHTML ?? '',
          name: form?.querySelector('[data-field="name"]')?.textContent ?? '',
        });
      })
      .catch((err: unknown) =>
        setError(err instanceof ApiError ? err : new ApiError([{ code: 'NETWORK', message: String(err) }])),
      );
  }, [token, path, asOf]);
  useEffect(load, [load]);

  const pdf = async () => {
    setBusy(true);
    try {
      const blob = await (await download(token, `${path}.pdf?asOf=${encodeURIComponent(asOf)}`)).blob();
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `干部任免审批表-${doc?.name ?? id}.pdf`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError([{ code: 'NETWORK', message: String(err) }]));
    } finally {
      setBusy(false);
    }
  };

  if (error) return <ErrorBox error={error} onRetry={load} />;
  if (!doc) return <Loading />;
  return (
    <div className="appointment-form">
      <div className="form-toolbar">
        <h1 className="visually-hidden">{m.appointmentForm.title}</h1>
        <Link to={`/cadres/${id}`}>{m.appointmentForm.back}</Link>
        <button type="button" onClick={() => window.print()}>
          {m.appointmentForm.print}
        </button>
        <button type="button" onClick={() => void pdf()} disabled={busy} aria-busy={busy}>
          {m.appointmentForm.pdf}
        </button>
        <span className="muted small">{m.appointmentForm.hint}</span>
      </div>
      <style>{doc.css.replace(/html,body\{[^}]*\}/, '')}</style>
      <div
        className="form-sheet"
        role="document"
        aria-label={fmt(m.appointmentForm.frame, { name: doc.name })}
        dangerouslySetInnerHTML={{ __html: doc.body }}
      />
    </div>
  );
}
