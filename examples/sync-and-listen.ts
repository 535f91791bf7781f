import { createClient, Request } from './client';
import { CreateSyncSubscription, RejectedRows, SyncUnits } from './operations';
import type { RejectedRowsQuery, SyncUnitsMutation } from './generated/graphql';
import { Delivery, startReceiver } from './receiver';

export interface Options {
  /** The service, e.g. http://localhost:3000. */
  url: string;
  /** An HR_SYNC token whose `source` claim is `source`. */
  token: string;
  /** The HR system's name (数据来源). */
  source: string;
  /** The receiver's port (0: any free one) and host; the service must reach it. */
  receiverPort?: number;
  receiverHost?: string;
  /** How long to wait for the webhook. */
  timeoutMs?: number;
  log?: (line: string) => void;
}

type RejectedRow = RejectedRowsQuery['syncRun']['results']['edges'][number]['node'];

export interface Outcome {
  subscriptionId: string;
  run: SyncUnitsMutation['syncUnits'];
  rejected: RejectedRow[];
  /** The verified sync.finished delivery for this run. */
  webhook: Delivery;
}

/** Every rejected row of a run, page by page (a run may have thousands). */
export async function readRejectedRows(request: Request, runId: string): Promise<RejectedRow[]> {
  const rows: RejectedRow[] = [];
  let after: string | null | undefined;
  do {
    const { results } = (await request(RejectedRows, { id: runId, after })).syncRun;
    rows.push(...results.edges.map((edge) => edge.node));
    after = results.pageInfo.hasNextPage ? results.pageInfo.endCursor : undefined;
  } while (after);
  return rows;
}

/**
 * The whole integration in one pass (同步并接收通知): start a receiver, subscribe it to this source's
 * sync.finished, send a batch of units with one bad row, read the run's rejected rows, and wait for the signed
 * webhook that reports the run.
 */
export async function main(options: Options): Promise<Outcome> {
  const log = options.log ?? ((line: string) => console.log(line));
  const request = createClient(options.url, options.token);
  const receiver = await startReceiver(options.receiverPort ?? 0, options.receiverHost);
  try {
    const { secret, subscription } = (
      await request(CreateSyncSubscription, {
        input: {
          syncSource: options.source,
          url: receiver.url,
          events: ['SYNC_FINISHED'],
          description: 'examples/sync-and-listen.ts',
        },
      })
    ).createWebhookSubscription;
    receiver.setSecret(secret);
    log(`subscribed ${receiver.url} (subscription ${subscription.id})`);

    const run = (
      await request(SyncUnits, {
        input: {
          source: options.source,
          records: [
            { code: 'EX-COUNTY', name: '示例县', level: 'COUNTY', kind: 'GOVERNMENT' },
            {
              code: 'EX-TOWN',
              name: '示例镇',
              level: 'TOWNSHIP',
              kind: 'GOVERNMENT',
              parentCode: 'EX-COUNTY',
            },
            // The bad row: no such level. It is rejected with its reason; the others are written.
            {
              code: 'EX-BAD',
              name: '错误层级',
              level: 'GALAXY',
              kind: 'GOVERNMENT',
              parentCode: 'EX-COUNTY',
            },
          ],
        },
      })
    ).syncUnits;
    log(`sync run ${run.id}: ${run.status}, ${JSON.stringify(run.counts)}`);

    const rejected = await readRejectedRows(request, run.id);
    for (const row of rejected)
      for (const e of row.errors)
        log(`rejected #${row.index} ${row.externalId ?? '-'}: ${e.field} ${e.code} ${e.message}`);

    const webhook = await receiver.waitFor(
      (d) => d.event === 'sync.finished' && d.data.runId === run.id,
      options.timeoutMs ?? 60_000,
    );
    log(`webhook ${webhook.event} (delivery ${webhook.id}) verified: ${JSON.stringify(webhook.data)}`);
    return { subscriptionId: subscription.id, run, rejected, webhook };
  } finally {
    await receiver.close();
  }
}

if (require.main === module) {
  const env = (name: string, fallback?: string): string => {
    const value = process.env[name] ?? fallback;
    if (value === undefined) throw new Error(`set ${name}`);
    return value;
  };
  main({
    url: env('CADRE_URL', 'http://localhost:3000'),
    token: env('CADRE_TOKEN'),
    source: env('CADRE_SOURCE', 'hr-main'),
    receiverPort: Number(env('RECEIVER_PORT', '0')),
    receiverHost: env('RECEIVER_HOST', '127.0.0.1'),
  }).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
