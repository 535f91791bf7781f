import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../auth/session';
import { ApiError, request } from './client';

export interface ApiState<R> {
  data?: R;
  error?: ApiError;
  loading: boolean;
  reload(): void;
}

type Doc<R, V> = DocumentTypeDecoration<R, V> & { toString(): string };

/** Runs a query with the session's token whenever its variables change; `null` variables skip it. */
export function useApi<R, V>(doc: Doc<R, V>, variables: V | null): ApiState<R> {
  const { session } = useSession();
  const token = session?.token ?? null;
  const key = variables === null ? null : JSON.stringify(variables);
  const [state, setState] = useState<{ data?: R; error?: ApiError; loading: boolean }>({
    loading: key !== null,
  });
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    if (key === null) return;
    let live = true;
    setState((s) => ({ data: s.data, loading: true }));
    request(token, doc, JSON.parse(key) as V).then(
      (data) => live && setState({ data, loading: false }),
      (err: unknown) =>
        live &&
        setState({
          loading: false,
          error: err instanceof ApiError ? err : new ApiError([{ code: 'NETWORK', message: String(err) }]),
        }),
    );
    return () => {
      live = false;
    };
  }, [doc, key, token, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { ...state, reload };
}

/** A mutation (or an on-demand query) with the session's token. */
export function useRequest() {
  const { session } = useSession();
  const token = session?.token ?? null;
  return useCallback(<R, V>(doc: Doc<R, V>, variables: V) => request(token, doc, variables), [token]);
}
