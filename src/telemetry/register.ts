import { startTracing, type Tracing } from './tracing';

/**
 * Imported first by main.ts: starts tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set, before `http`, `pg` and
 * the app are loaded (loadConfig validates the same variable again at boot).
 */
export const tracing: Tracing | undefined = process.env.OTEL_EXPORTER_OTLP_ENDPOINT
  ? startTracing({
      endpoint: process.env.OTEL_EXPORTER_OTLP_ENDPOINT,
      serviceName: process.env.OTEL_SERVICE_NAME || undefined,
    })
  : undefined;
