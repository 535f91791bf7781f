/**
 * The service with tracing into OpenTelemetry's in-memory exporter, for tracing.e2e-spec.ts. Tracing starts
 * before the app's modules load (as main.ts does through telemetry/register.ts), so `http` and `pg` are
 * patched as in production. Prints `READY <port>`; on a `spans` line on stdin prints `SPANS <json>`.
 * Argument: the database URL. Also serves GET /probe, which logs through Nest's Logger inside the request.
 */
import 'reflect-metadata';
// first: the instrumentations must be in place before the modules below load
import { exporter } from './in-memory-tracing';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { Logger as PinoLogger } from 'nestjs-pino';
import { createInterface } from 'node:readline';
import { AppModule } from '../../../src/app.module';
import { createHttpAdapter } from '../../../src/common/http/http-adapter';
import { loadConfig } from '../../../src/config/app-config';

function describeSpan(s: ReadableSpan) {
  return {
    name: s.name,
    kind: s.kind,
    traceId: s.spanContext().traceId,
    spanId: s.spanContext().spanId,
    parentSpanId: s.parentSpanContext?.spanId,
    attributes: s.attributes,
    scope: s.instrumentationScope.name,
  };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create(
    AppModule.forRoot({ config, databaseUrl: process.argv[2] }),
    createHttpAdapter(config),
    { bufferLogs: true },
  );
  app.useLogger(app.get(PinoLogger));
  const probe = new Logger('Probe');
  app
    .getHttpAdapter()
    .getInstance()
    .get('/probe', async () => {
      await new Promise((r) => setTimeout(r, 5));
      probe.warn('inside the request');
      return { ok: true };
    });
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  process.stdout.write(`READY ${new URL(url).port}\n`);
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line === 'spans') {
      process.stdout.write(`SPANS ${JSON.stringify(exporter.getFinishedSpans().map(describeSpan))}\n`);
    } else if (line === 'exit') {
      void app.close().then(() => process.exit(0));
    }
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
