import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { today } from '../common/graphql/date.scalar';
import { AppConfig } from '../config/app-config';
import { FlagEventsService } from './flag-events.service';
import { bossDb, DEAD_QUEUE, DELIVERY_QUEUE, FLAG_QUEUE, QUEUE_SCHEMA } from './queue';
import { assertPublicUrl } from './webhook-url';
import { signWebhook, SIGNATURE_HEADER } from './webhook-signature';

interface DeliveryRow {
  id: string;
  status: string;
  url: string;
  active: boolean;
  secret: string;
  event: string;
  payload: Record<string, unknown>;
  occurred_at: Date;
}

/** Deliveries handed to the queue per relay pass. */
const RELAY_BATCH = 500;

/**
 * Sends the deliveries: a relay moves PENDING deliveries (written with their events, in the writing transaction)
 * into pg-boss's queue in one transaction, and a worker POSTs each, signed; pg-boss retries a failed one with
 * exponential backoff and, when every retry failed, moves it to the dead-letter queue, whose worker marks it DEAD.
 * Each attempt is written to the delivery (attempts, last status and error). The daily flag job is scheduled
 * here too (pg-boss cron, in the service's time zone). Off with WEBHOOKS_WORKER=false (an API-only instance).
 */
@Injectable()
export class WebhookQueueService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('Webhooks');
  private boss?: PgBoss;
  private relayTimer?: NodeJS.Timeout;
  private relaying?: Promise<number>;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: AppConfig,
    private readonly flags: FlagEventsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.WEBHOOKS_WORKER) return;
    const boss = new PgBoss({ db: bossDb(this.ds), schema: QUEUE_SCHEMA, migrate: false, schedule: true });
    boss.on('error', (err: Error) => this.log.error(`queue: ${err.message}`));
    await boss.start();
    const polling = { pollingIntervalSeconds: this.config.WEBHOOK_POLL_SECONDS };
    await boss.work<{ deliveryId: string }>(DELIVERY_QUEUE, { ...polling, batchSize: 1 }, async ([job]) =>
      this.deliver(job.data.deliveryId),
    );
    await boss.work<{ deliveryId: string }>(DEAD_QUEUE, polling, async (jobs) => {
      for (const job of jobs) await this.markDead(job.data.deliveryId);
    });
    await boss.work<{ day?: string }>(FLAG_QUEUE, polling, async ([job]) => {
      const r = await this.flags.run(job.data?.day ?? today());
      this.log.log(`flag events for ${r.day}: ${r.started} started, ${r.ended} ended`);
    });
    // A missed run (the service was down at that time) is caught up when it starts.
    if (this.config.WEBHOOK_FLAG_CRON === 'off') await boss.unschedule(FLAG_QUEUE);
    else await boss.schedule(FLAG_QUEUE, this.config.WEBHOOK_FLAG_CRON, {}, { tz: this.config.TZ });
    this.boss = boss;
    this.relayTimer = setInterval(() => void this.relay(), this.config.WEBHOOK_POLL_SECONDS * 1000);
    this.relayTimer.unref();
  }

  /** Stops taking work, lets running deliveries finish (bounded), before the database connections close. */
  async onModuleDestroy(): Promise<void> {
    const boss = this.boss;
    this.boss = undefined;
    if (this.relayTimer) clearInterval(this.relayTimer);
    await this.relaying;
    await boss?.stop({ graceful: true, wait: true, close: false, timeout: 5000 }).catch((err: Error) => {
      this.log.warn(`queue stop: ${err.message}`);
    });
  }

  /** One relay pass: PENDING deliveries become QUEUED and jobs, in one transaction; how many. */
  relay(): Promise<number> {
    if (this.relaying) return this.relaying;
    const boss = this.boss;
    if (!boss) return Promise.resolve(0);
    this.relaying = this.ds
      .transaction(async (em) => {
        const rows = await em.query<[{ id: string }[], number]>(
          `UPDATE webhook_delivery SET status = 'QUEUED'
            WHERE id IN (SELECT id FROM webhook_delivery WHERE status = 'PENDING'
                          ORDER BY id LIMIT ${RELAY_BATCH} FOR UPDATE SKIP LOCKED)
           RETURNING id::text`,
        );
        const ids = rows[0].map((r) => r.id);
        if (ids.length) {
          await boss.insert(
            ids.map((id) => ({
              name: DELIVERY_QUEUE,
              data: { deliveryId: id },
              retryLimit: this.config.WEBHOOK_RETRY_LIMIT,
              retryDelay: this.config.WEBHOOK_RETRY_DELAY_SECONDS,
              retryBackoff: true,
            })),
            { db: bossDb(em.queryRunner!) },
          );
        }
        return ids.length;
      })
      .catch((err: Error) => {
        this.log.error(`relay: ${err.message}`);
        return 0;
      })
      .finally(() => (this.relaying = undefined));
    return this.relaying;
  }

  /** One attempt; throws (so pg-boss retries) unless the receiver answered 2xx or there is nothing to send. */
  async deliver(deliveryId: string): Promise<void> {
    const [row] = await this.ds.query<DeliveryRow[]>(
      `SELECT d.id::text, d.status, s.url, s.active, k.secret, e.event, e.payload, e.occurred_at
         FROM webhook_delivery d
         JOIN webhook_subscription s ON s.id = d.subscription_id
         JOIN webhook_secret k ON k.subscription_id = s.id
         JOIN webhook_event e ON e.id = d.event_id
        WHERE d.id = $1`,
      [deliveryId],
    );
    if (!row || row.status === 'DELIVERED' || row.status === 'DEAD') return;
    if (!row.active) return this.markDead(deliveryId, 'The subscription was switched off.');
    const body = JSON.stringify({
      id: row.id,
      event: row.event,
      occurredAt: row.occurred_at,
      data: row.payload,
    });
    let status: number | null = null;
    let error: string | null = null;
    try {
      // Checked again at send time: a name may resolve elsewhere now than when the subscription was made.
      if (!this.config.WEBHOOK_ALLOW_PRIVATE_URLS) await assertPublicUrl(row.url);
      const res = await fetch(row.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.WEBHOOK_TIMEOUT_MS),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'cadre-pathways-webhooks',
          'x-cadre-event': row.event,
          'x-cadre-delivery': row.id,
          [SIGNATURE_HEADER]: signWebhook(row.secret, body, Math.floor(Date.now() / 1000)),
        },
        body,
      });
      status = res.status;
      await res.body?.cancel();
      if (status < 200 || status > 299) error = `The receiver answered HTTP ${status}.`;
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    await this.ds.query(
      `UPDATE webhook_delivery
          SET attempts = attempts + 1, last_status = $2::int, last_error = $3::text, last_attempt_at = now(),
              status = CASE WHEN $3::text IS NULL THEN 'DELIVERED' ELSE status END,
              delivered_at = CASE WHEN $3::text IS NULL THEN now() END
        WHERE id = $1::bigint AND status = 'QUEUED'`,
      [deliveryId, status, error?.slice(0, 1000) ?? null],
    );
    if (error) throw new Error(error);
  }

  private async markDead(deliveryId: string, reason?: string): Promise<void> {
    await this.ds.query(
      `UPDATE webhook_delivery SET status = 'DEAD', last_error = coalesce($2::text, last_error)
        WHERE id = $1::bigint AND status IN ('PENDING', 'QUEUED')`,
      [deliveryId, reason ?? null],
    );
  }
}
