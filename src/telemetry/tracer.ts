import { trace, type Tracer } from '@opentelemetry/api';

export const TRACER_NAME = 'cadre-pathways';

let started = false;

/** Called by startTracing (tracing.ts) once a tracer provider is registered. */
export function markTracingStarted(): void {
  started = true;
}

/**
 * The tracer the service's own spans use, once tracing has started; undefined (nothing to do) before. Only the
 * light @opentelemetry/api here: the SDK (tracing.ts) is loaded only when tracing is configured.
 */
export function activeTracer(): Tracer | undefined {
  return started ? trace.getTracer(TRACER_NAME) : undefined;
}
