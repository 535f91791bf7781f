import globalTeardown from '../global-teardown';
import type { PgBouncer } from './pgbouncer';

export default async function poolerGlobalTeardown(): Promise<void> {
  await ((globalThis as Record<string, unknown>).__CP_PGBOUNCER__ as PgBouncer | undefined)?.stop();
  await globalTeardown();
}
