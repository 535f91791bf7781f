import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useSession } from '../auth/session';
import { fmt, useI18n } from '../i18n/i18n';

export function Loading() {
  const { m } = useI18n();
  return (
    <p className="muted" role="status">
      {m.app.loading}
    </p>
  );
}

/** An API error in words, with what the person can do about it. */
export function ErrorBox({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { m } = useI18n();
  const { signOut } = useSession();
  const p = error.problems[0];
  const known = m.errors as Record<string, string>;
  const text = fmt(known[error.code] ?? m.errors.other, { message: p?.message ?? error.message });
  return (
    <div className="error" role="alert" data-code={error.code}>
      <p>{text}</p>
      {p?.requestId && <p className="muted small">{fmt(m.errors.requestId, { id: p.requestId })}</p>}
      {error.code === 'UNAUTHENTICATED' ? (
        <button type="button" onClick={signOut}>
          {m.signIn.title}
        </button>
      ) : (
        onRetry && (
          <button type="button" onClick={onRetry}>
            {m.app.retry}
          </button>
        )
      )}
    </div>
  );
}

export function Section({
  id,
  title,
  children,
  actions,
}: {
  id: string;
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <div className="card-head">
        <h2 id={`${id}-h`}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

/** A text, number, date or select input with its label and the error next to it. */
export function Field({
  id,
  label,
  error,
  children,
  hint,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** aria attributes that tie an input to its error. */
export function describedBy(id: string, error?: string, hint?: string) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': ids || undefined };
}

/** Previous / next page over keyset cursors: the cursors of earlier pages are kept to go back. */
export function Pager({
  page,
  hasNext,
  onPrev,
  onNext,
}: {
  page: number;
  hasNext: boolean;
  onPrev(): void;
  onNext(): void;
}) {
  const { m } = useI18n();
  return (
    <nav className="pager" aria-label={fmt(m.paging.page, { n: page })}>
      <button type="button" onClick={onPrev} disabled={page <= 1}>
        {m.paging.prev}
      </button>
      <span aria-current="page">{fmt(m.paging.page, { n: page })}</span>
      <button type="button" onClick={onNext} disabled={!hasNext}>
        {m.paging.next}
      </button>
    </nav>
  );
}

/** The Pager under a connection, driven by the page state of usePages. */
export function ConnectionPager({
  pages,
  pageInfo,
}: {
  pages: { page: number; prev(): void; next(endCursor: string | null | undefined): void };
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}) {
  return (
    <Pager
      page={pages.page}
      hasNext={pageInfo.hasNextPage}
      onPrev={pages.prev}
      onNext={() => pages.next(pageInfo.endCursor)}
    />
  );
}
