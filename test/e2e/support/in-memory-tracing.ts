import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { startTracing } from '../../../src/telemetry/tracing';

/** Imported first by traced-service.ts: tracing starts before `http`, `pg` and the app load. */
export const exporter = new InMemorySpanExporter();
startTracing({ exporter, serviceName: 'cadre-pathways-test' });
