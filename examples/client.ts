import type { TypedDocumentString } from './generated/graphql';

/** One GraphQL error as the service sends it: `extensions.code`, and for bad input the `field` and `reason`. */
export interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string; field?: string; reason?: string; [key: string]: unknown };
}

export class GraphQLRequestError extends Error {
  constructor(readonly errors: GraphQLErrorBody[]) {
    super(errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; '));
  }
}

/** Sends a typed document; its variables and result are typed by the generated code. */
export type Request = <TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
) => Promise<TResult>;

/** A fetch-based client for `POST <url>/graphql` with a bearer token (an HR_SYNC token for this example). */
export function createClient(baseUrl: string, token: string): Request {
  const endpoint = new URL('/graphql', baseUrl).toString();
  return async function request<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    variables: TVariables,
  ): Promise<TResult> {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
    const text = await response.text();
    let body: { data?: unknown; errors?: GraphQLErrorBody[] };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new Error(`HTTP ${response.status} from ${endpoint}: ${text.slice(0, 200)}`);
    }
    if (body.errors?.length) throw new GraphQLRequestError(body.errors);
    if (!response.ok || body.data == null) throw new Error(`HTTP ${response.status} from ${endpoint}`);
    return body.data as TResult;
  };
}
