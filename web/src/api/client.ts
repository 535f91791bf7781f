import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';

export interface ApiProblem {
  message: string;
  /** The service's extensions.code (BAD_USER_INPUT, FORBIDDEN, …), or NETWORK. */
  code: string;
  /** The input field at fault, e.g. "classHours" (the service may prefix it with "input."). */
  field?: string;
  requestId?: string;
}

export class ApiError extends Error {
  constructor(readonly problems: ApiProblem[]) {
    super(problems.map((p) => p.message).join('; '));
    this.name = 'ApiError';
  }

  get code(): string {
    return this.problems[0]?.code ?? 'INTERNAL_SERVER_ERROR';
  }

  /** Messages by form field (the last part of the field path). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const p of this.problems) {
      if (!p.field) continue;
      const name =
        p.field
          .split('.')
          .filter((s) => !/^\d+$/.test(s))
          .pop() ?? p.field;
      out[name] ??= p.message;
    }
    return out;
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string; requestId?: string } }[];
}

type Doc<R, V> = DocumentTypeDecoration<R, V> & { toString(): string };

/**
 * The page's language (set on <html lang> by the language switch), sent as Accept-Language so the service's
 * messages (errors, reasons) come in the language the page shows, not the browser's.
 */
const pageLocale = (): string => document.documentElement.lang || 'zh-CN';

/** One POST to /graphql with the bearer token; GraphQL errors become an ApiError. */
export async function request<R, V>(token: string | null, doc: Doc<R, V>, variables?: V): Promise<R> {
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'accept-language': pageLocale(),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query: doc.toString(), variables: variables ?? {} }),
    });
  } catch (err) {
    throw new ApiError([{ code: 'NETWORK', message: err instanceof Error ? err.message : String(err) }]);
  }
  let body: GraphQLResponse<R>;
  try {
    body = (await res.json()) as GraphQLResponse<R>;
  } catch {
    const code = res.status === 429 ? 'TOO_MANY_REQUESTS' : 'NETWORK';
    throw new ApiError([{ code, message: `HTTP ${res.status}` }]);
  }
  if (body.errors?.length) {
    throw new ApiError(
      body.errors.map((e) => ({
        message: e.message,
        code: e.extensions?.code ?? 'INTERNAL_SERVER_ERROR',
        field: e.extensions?.field,
        requestId: e.extensions?.requestId,
      })),
    );
  }
  if (!body.data) throw new ApiError([{ code: 'NETWORK', message: `HTTP ${res.status}` }]);
  return body.data;
}

/** Downloads an export route (CSV or XLSX; same token, same jurisdiction) as a file. */
export async function downloadFile(token: string | null, path: string, filename: string): Promise<void> {
  const res = await fetch(path, {
    headers: { 'accept-language': pageLocale(), ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  if (!res.ok) {
    let problem: ApiProblem = {
      code: res.status === 401 ? 'UNAUTHENTICATED' : res.status === 403 ? 'FORBIDDEN' : 'NETWORK',
      message: `HTTP ${res.status}`,
    };
    try {
      const body = (await res.json()) as { code?: string; message?: string; requestId?: string };
      problem = {
        code: body.code ?? problem.code,
        message: body.message ?? problem.message,
        requestId: body.requestId,
      };
    } catch {
      // not JSON
    }
    throw new ApiError([problem]);
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
