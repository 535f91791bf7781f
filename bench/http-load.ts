import autocannon from 'autocannon';
import { summarize, LoadStats } from './stats';

export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown>;
  token: string;
}

/** A GraphQL response with an `errors` array counts as an error, whatever its HTTP status. */
const GRAPHQL_ERRORS = /"errors"\s*:\s*\[/;

/**
 * Drives the service with autocannon at `connections` concurrent connections for `seconds`, cycling through
 * the requests. Latency is taken per response (autocannon's own histogram has no p95); a response that is not a
 * 200 or carries GraphQL errors is timed too, and counted as an error.
 */
export async function httpLoad(
  url: string,
  requests: GraphQLRequest[],
  seconds: number,
  connections: number,
): Promise<LoadStats & { firstError?: string }> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const failed = (status: number, body: string): boolean => status !== 200 || GRAPHQL_ERRORS.test(body);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        timeout: 120,
        requests: requests.map((r) => ({
          method: 'POST' as const,
          path: new URL(url).pathname,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${r.token}` },
          body: JSON.stringify({ query: r.query, variables: r.variables ?? {} }),
          onResponse: (status: number, body: string) => {
            if (failed(status, body)) {
              errors++;
              firstError ??= `${status} ${body.slice(0, 500)}`;
            }
          },
        })),
      },
      (err: unknown, res: autocannon.Result) =>
        err ? reject(err instanceof Error ? err : new Error(JSON.stringify(err))) : resolve(res),
    );
    instance.on('response', (_client, _statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
  const transport = result.errors + result.timeouts;
  return {
    ...summarize(latencies, errors + transport, result.duration, latencies.length + transport),
    ...(firstError ? { firstError } : {}),
  };
}
