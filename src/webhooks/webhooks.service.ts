import { errorText } from '../i18n/errors';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { Caller, Role } from '../auth/caller';
import { TransactionRunner } from '../audit/transaction-runner';
import { DomainError } from '../common/errors/domain-error';
import { ConnectionShape, decodeCursor, toConnection } from '../common/graphql/pagination';
import { SqlParams } from '../common/sql/sql-params';
import { AppConfig } from '../config/app-config';
import { assertPublicUrl } from './webhook-url';
import {
  CreateWebhookSubscriptionInput,
  UpdateWebhookSubscriptionInput,
  WebhookDeliveriesArgs,
  WebhookDelivery,
  WebhookSubscription,
  WebhookSubscriptionWithSecret,
} from './webhook.model';

interface SubscriptionRow {
  id: string;
  unit_id: string | null;
  sync_source: string | null;
  url: string;
  events: string[];
  active: boolean;
  description: string | null;
  created_by: string;
  created_at: Date;
}

const COLUMNS = 'id, unit_id, sync_source, url, events, active, description, created_by, created_at';

const toSubscription = (r: SubscriptionRow): WebhookSubscription =>
  Object.assign(new WebhookSubscription(), {
    id: r.id,
    unitId: r.unit_id,
    syncSource: r.sync_source,
    url: r.url,
    events: r.events,
    active: r.active,
    description: r.description,
    createdBy: r.created_by,
    createdAt: r.created_at,
  });

/** 32 random bytes as hex: the subscription's signing key. */
const newSecret = (): string => randomBytes(32).toString('hex');

/**
 * Webhook subscriptions and their delivery log. A department manages the subscriptions of units in its
 * jurisdiction, an HR system those of its own source, ADMIN all; each sees only those.
 */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly tx: TransactionRunner,
    private readonly config: AppConfig,
  ) {}

  async list(caller: Caller): Promise<WebhookSubscription[]> {
    const p = new SqlParams();
    const where =
      caller.role === Role.ADMIN
        ? 'true'
        : caller.role === Role.HR_SYNC
          ? `sync_source = ${p.add(caller.source ?? '', 'text')}`
          : `unit_id IN (SELECT u.id FROM unit u
                          WHERE u.path <@ (SELECT r.path FROM unit r WHERE r.id = ${p.add(
                            await this.access.jurisdictionRoot(caller),
                            'uuid',
                          )}))`;
    const rows: SubscriptionRow[] = await this.ds.query(
      `SELECT ${COLUMNS} FROM webhook_subscription WHERE ${where} ORDER BY created_at, id`,
      p.values,
    );
    return rows.map(toSubscription);
  }

  async create(
    caller: Caller,
    input: CreateWebhookSubscriptionInput,
  ): Promise<WebhookSubscriptionWithSecret> {
    if (!input.unitId === !input.syncSource) {
      throw DomainError.badInput('unitId', errorText('webhook.oneTarget'));
    }
    await this.assertUrl(input.url);
    return this.tx.run(caller, async (em) => {
      await this.assertOwner(caller, em, input.unitId ?? null, input.syncSource ?? null);
      const [row] = await em.query<SubscriptionRow[]>(
        `INSERT INTO webhook_subscription (unit_id, sync_source, url, events, description, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
        [
          input.unitId ?? null,
          input.syncSource ?? null,
          input.url,
          [...new Set(input.events)],
          input.description ?? null,
          caller.sub,
        ],
      );
      const secret = newSecret();
      await em.query(`INSERT INTO webhook_secret (subscription_id, secret) VALUES ($1, $2)`, [
        row.id,
        secret,
      ]);
      return { subscription: toSubscription(row), secret };
    });
  }

  async update(caller: Caller, input: UpdateWebhookSubscriptionInput): Promise<WebhookSubscription> {
    if (input.url !== undefined) await this.assertUrl(input.url);
    return this.tx.run(caller, async (em) => {
      await this.owned(caller, em, input.id);
      const p = new SqlParams();
      const sets: string[] = [];
      if (input.url !== undefined) sets.push(`url = ${p.add(input.url, 'text')}`);
      if (input.events !== undefined) sets.push(`events = ${p.add([...new Set(input.events)], 'text[]')}`);
      if (input.active !== undefined && input.active !== null)
        sets.push(`active = ${p.add(input.active, 'boolean')}`);
      if (input.description !== undefined) sets.push(`description = ${p.add(input.description, 'text')}`);
      const id = p.add(input.id, 'uuid');
      const [rows] = await em.query<[SubscriptionRow[], number]>(
        `UPDATE webhook_subscription SET ${sets.length ? sets.join(', ') : 'id = id'} WHERE id = ${id} RETURNING ${COLUMNS}`,
        p.values,
      );
      if (input.active === false) {
        // Switched off: what was not delivered is given up, not sent later.
        await em.query(
          `UPDATE webhook_delivery SET status = 'DEAD', last_error = 'The subscription was switched off.'
            WHERE subscription_id = $1 AND status IN ('PENDING', 'QUEUED')`,
          [input.id],
        );
      }
      return toSubscription(rows[0]);
    });
  }

  async rotateSecret(caller: Caller, id: string): Promise<WebhookSubscriptionWithSecret> {
    return this.tx.run(caller, async (em) => {
      const row = await this.owned(caller, em, id);
      const secret = newSecret();
      await em.query(`UPDATE webhook_secret SET secret = $2 WHERE subscription_id = $1`, [id, secret]);
      // The rotation is in the audit log (the secret itself is not): a touch of the audited row.
      await em.query(`UPDATE webhook_subscription SET description = description WHERE id = $1`, [id]);
      return { subscription: toSubscription(row), secret };
    });
  }

  async remove(caller: Caller, id: string): Promise<boolean> {
    return this.tx.run(caller, async (em) => {
      await this.owned(caller, em, id);
      await em.query(`DELETE FROM webhook_subscription WHERE id = $1`, [id]);
      return true;
    });
  }

  async deliveries(caller: Caller, args: WebhookDeliveriesArgs): Promise<ConnectionShape<WebhookDelivery>> {
    await this.owned(caller, this.ds.manager, args.subscriptionId);
    const first = args.first ?? 20;
    const after = decodeCursor(args.after, 1);
    const p = new SqlParams();
    const where = [`d.subscription_id = ${p.add(args.subscriptionId, 'uuid')}`];
    if (args.status) where.push(`d.status = ${p.add(args.status, 'text')}`);
    const [{ total }] = await this.ds.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM webhook_delivery d WHERE ${where.join(' AND ')}`,
      [...p.values],
    );
    if (after) where.push(`d.id < ${p.add(after[0], 'bigint')}`);
    const rows = await this.ds.query<Record<string, never>[]>(
      `SELECT d.id::text, d.subscription_id, e.event, e.payload, e.occurred_at, d.status, d.attempts, d.last_status,
              d.last_error, d.last_attempt_at, d.delivered_at
         FROM webhook_delivery d JOIN webhook_event e ON e.id = d.event_id
        WHERE ${where.join(' AND ')} ORDER BY d.id DESC LIMIT ${p.add(first + 1, 'int')}`,
      p.values,
    );
    return toConnection(
      rows,
      first,
      total,
      (r) => [r.id],
      (r): WebhookDelivery =>
        Object.assign(new WebhookDelivery(), {
          id: r.id,
          subscriptionId: r.subscription_id,
          event: r.event,
          payload: r.payload,
          occurredAt: r.occurred_at,
          status: r.status,
          attempts: r.attempts,
          lastStatus: r.last_status,
          lastError: r.last_error,
          lastAttemptAt: r.last_attempt_at,
          deliveredAt: r.delivered_at,
        }),
      after,
    );
  }

  /** The subscription, when the caller may manage it (FORBIDDEN when it is another's). */
  private async owned(caller: Caller, em: EntityManager, id: string): Promise<SubscriptionRow> {
    const [row] = await em.query<SubscriptionRow[] | []>(
      `SELECT ${COLUMNS} FROM webhook_subscription WHERE id = $1`,
      [id],
    );
    if (!row) throw DomainError.notFound('WebhookSubscription', id);
    await this.assertOwner(caller, em, row.unit_id, row.sync_source);
    return row;
  }

  private async assertOwner(
    caller: Caller,
    em: EntityManager,
    unitId: string | null,
    source: string | null,
  ): Promise<void> {
    if (unitId) {
      const [unit] = await em.query<unknown[]>(`SELECT 1 FROM unit WHERE id = $1`, [unitId]);
      if (!unit) throw DomainError.notFound('Unit', unitId, 'unitId');
      if (caller.role === Role.HR_SYNC) throw DomainError.forbidden(errorText('access.subscribeOwnSource'));
      await this.access.assertUnitInJurisdiction(caller, unitId, em);
      return;
    }
    if (caller.role === Role.ADMIN) return;
    if (caller.role !== Role.HR_SYNC || caller.source !== source) {
      throw DomainError.forbidden(errorText('access.ownSourceOnly', { source: caller.source ?? '-' }));
    }
  }

  private async assertUrl(url: string): Promise<void> {
    if (!this.config.WEBHOOK_ALLOW_PRIVATE_URLS) await assertPublicUrl(url);
  }
}
