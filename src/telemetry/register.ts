import type { Tracing } from './tracing';

/**
 * Imported first by main.ts: starts tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set, before `http`, `pg` and
 * the app are loaded (loadConfig validates the same variable again at boot). The SDK is required only then,
 * so a service without tracing does not load it.
 */
function start(): Tracing | undefined {
  const endpoint = process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when tracing is configured
  const { startTracing } = require('./tracing') as typeof import('./tracing');
  return startTracing({ endpoint, serviceName: process.env.OTEL_SERVICE_NAME || undefined });
}

export const tracing = start();
