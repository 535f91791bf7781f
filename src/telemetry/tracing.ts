import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { markTracingStarted, TRACER_NAME } from './tracer';

export interface TracingOptions {
  /** The collector's base URL (OTEL_EXPORTER_OTLP_ENDPOINT); /v1/traces is added. */
  endpoint?: string;
  /** Instead of a collector, this exporter, span by span (tests: the in-memory exporter). */
  exporter?: SpanExporter;
  serviceName?: string;
}

export interface Tracing {
  /** Sends what is still buffered and stops. */
  shutdown(): Promise<void>;
}

/**
 * OpenTelemetry tracing: one trace per HTTP request (the server span, @opentelemetry/instrumentation-http),
 * a span per GraphQL operation (ours, around its execution: jit-executor.ts) and a span per SQL statement
 * (@opentelemetry/instrumentation-pg; only inside a request, so pool housekeeping makes no traces). The
 * instrumentations patch `http` and `pg` as they are loaded, so this must run before the app's modules are:
 * main.ts imports ./register first. Health probes are not traced. Statements are recorded as text with
 * placeholders, never with their values.
 *
 * Not @opentelemetry/sdk-node: it brings every exporter and detector; these few packages are what is used.
 * Not @opentelemetry/instrumentation-graphql either: graphql-jit runs our queries without graphql-js's
 * `execute`, which is what that instrumentation wraps.
 */
export function startTracing(options: TracingOptions): Tracing {
  const exporter =
    options.exporter ?? new OTLPTraceExporter({ url: `${options.endpoint?.replace(/\/+$/, '')}/v1/traces` });
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName ?? TRACER_NAME }),
    spanProcessors: [options.exporter ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)],
  });
  provider.register();
  markTracingStarted();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => req.url?.startsWith('/health/') ?? false,
        // the OTLP exporter's own requests would trace themselves
        ignoreOutgoingRequestHook: () => true,
      }),
      new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
    ],
  });
  return { shutdown: () => provider.shutdown() };
}
