import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks (issue 20): departments and HR systems subscribe to events; each event is written to an outbox in the
 * same transaction as the change that causes it, fanned out to the matching subscriptions as deliveries, and
 * delivered by a job queue on PostgreSQL (pg-boss, installed in its own schema by src/webhooks/queue-install.ts
 * right after the migrations) with retries, a dead-letter state and a delivery log.
 *
 * - webhook_subscription: a department's (unit_id: events in its subtree) or an HR source's (sync_source: its own
 *   runs); the events it wants. webhook_secret: the shared secret its deliveries are signed with (HMAC-SHA256),
 *   kept out of the audited row.
 * - webhook_event: the outbox. sync.finished from sync_run, pool.decision.recorded from talent_pool_decision,
 *   achievement.claimed from achievement (triggers below); flag.started and flag.ended from the flag job, which
 *   compares the flags holding on a day with those it saw last (webhook_flag_state), so a flag that starts on a
 *   date with no write that day is reported as well as one a write caused.
 * - webhook_delivery: one per event and matching subscription, with its state and attempts; the log departments read.
 */
const EVENTS = [
  'flag.started',
  'flag.ended',
  'sync.finished',
  'pool.decision.recorded',
  'achievement.claimed',
];
const EVENT_LIST = `ARRAY[${EVENTS.map((e) => `'${e}'`).join(', ')}]::text[]`;

export class CreateWebhooks1764237910000 implements MigrationInterface {
  name = 'CreateWebhooks1764237910000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_subscription (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid CONSTRAINT webhook_subscription_unit_fkey REFERENCES unit(id) ON DELETE CASCADE,
        sync_source varchar(64),
        url varchar(2000) NOT NULL CONSTRAINT webhook_subscription_url_check CHECK (url ~ '^https?://[^\\s/]+'),
        events text[] NOT NULL CONSTRAINT webhook_subscription_events_check
          CHECK (cardinality(events) > 0 AND events <@ ${EVENT_LIST}),
        active boolean NOT NULL DEFAULT true,
        description varchar(500),
        created_by varchar(200) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT webhook_subscription_owner_check CHECK ((unit_id IS NULL) <> (sync_source IS NULL))
      )`);
    // The signing secret apart from the audited row, so the audit log never holds it.
    await q.query(`
      CREATE TABLE webhook_secret (
        subscription_id uuid PRIMARY KEY
          CONSTRAINT webhook_secret_subscription_fkey REFERENCES webhook_subscription(id) ON DELETE CASCADE,
        secret varchar(200) NOT NULL CONSTRAINT webhook_secret_secret_check CHECK (length(secret) >= 32)
      )`);
    await q.query(
      `CREATE INDEX webhook_subscription_unit_idx ON webhook_subscription (unit_id) WHERE active`,
    );
    await q.query(
      `CREATE INDEX webhook_subscription_source_idx ON webhook_subscription (sync_source) WHERE active`,
    );
    await q.query(`
      CREATE TABLE webhook_event (
        id bigserial PRIMARY KEY,
        event text NOT NULL CONSTRAINT webhook_event_event_check CHECK (event = ANY(${EVENT_LIST})),
        unit_id uuid CONSTRAINT webhook_event_unit_fkey REFERENCES unit(id) ON DELETE SET NULL,
        sync_source varchar(64),
        payload jsonb NOT NULL CONSTRAINT webhook_event_payload_check CHECK (jsonb_typeof(payload) = 'object'),
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE webhook_delivery (
        id bigserial PRIMARY KEY,
        event_id bigint NOT NULL CONSTRAINT webhook_delivery_event_fkey REFERENCES webhook_event(id) ON DELETE CASCADE,
        subscription_id uuid NOT NULL
          CONSTRAINT webhook_delivery_subscription_fkey REFERENCES webhook_subscription(id) ON DELETE CASCADE,
        status varchar(16) NOT NULL DEFAULT 'PENDING' CONSTRAINT webhook_delivery_status_check
          CHECK (status IN ('PENDING', 'QUEUED', 'DELIVERED', 'DEAD')),
        attempts int NOT NULL DEFAULT 0 CONSTRAINT webhook_delivery_attempts_check CHECK (attempts >= 0),
        last_status int,
        last_error varchar(1000),
        last_attempt_at timestamptz,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT webhook_delivery_event_subscription_key UNIQUE (event_id, subscription_id),
        CONSTRAINT webhook_delivery_delivered_check CHECK ((status = 'DELIVERED') = (delivered_at IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX webhook_delivery_pending_idx ON webhook_delivery (id) WHERE status = 'PENDING'`,
    );
    await q.query(
      `CREATE INDEX webhook_delivery_subscription_idx ON webhook_delivery (subscription_id, id DESC)`,
    );
    await q.query(`
      CREATE TABLE webhook_flag_state (
        cadre_id uuid NOT NULL CONSTRAINT webhook_flag_state_cadre_fkey REFERENCES cadre(id) ON DELETE CASCADE,
        rule_id text NOT NULL,
        code text NOT NULL,
        domain text NOT NULL DEFAULT '',
        CONSTRAINT webhook_flag_state_pkey PRIMARY KEY (cadre_id, rule_id, code, domain)
      )`);
    await q.query(`
      CREATE TABLE webhook_flag_run (
        singleton boolean PRIMARY KEY DEFAULT true CONSTRAINT webhook_flag_run_singleton_check CHECK (singleton),
        last_day date NOT NULL,
        ran_at timestamptz NOT NULL DEFAULT now()
      )`);

    // Fan-out, in the transaction that writes the event: one delivery per active subscription that wants it and
    // whose owner may see it (a department: the event's unit in its subtree; an HR source: its own runs).
    await q.query(`
      CREATE FUNCTION webhook_fan_out() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO webhook_delivery (event_id, subscription_id)
        SELECT e.id, s.id
          FROM new_rows e
          JOIN webhook_subscription s ON s.active AND e.event = ANY(s.events)
         WHERE (s.sync_source IS NOT NULL AND s.sync_source = e.sync_source)
            OR (s.unit_id IS NOT NULL AND e.unit_id IS NOT NULL
                AND (SELECT u.path FROM unit u WHERE u.id = e.unit_id)
                    <@ (SELECT r.path FROM unit r WHERE r.id = s.unit_id));
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER webhook_event_fan_out_trg AFTER INSERT ON webhook_event
                   REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION webhook_fan_out()`);

    // A cadre's unit for an event: the regular posting current at the time, else the latest one.
    await q.query(`
      CREATE FUNCTION webhook_cadre_unit(cadre uuid, on_date date) RETURNS uuid LANGUAGE sql STABLE AS $$
        SELECT p.unit_id FROM posting p
         WHERE p.cadre_id = cadre AND p.kind = 'REGULAR' AND p.start_date <= on_date
         ORDER BY (p.end_date IS NULL OR p.end_date >= on_date) DESC, p.start_date DESC LIMIT 1
      $$`);

    await q.query(`
      CREATE FUNCTION webhook_sync_finished() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO webhook_event (event, sync_source, payload)
        SELECT 'sync.finished', r.source,
               jsonb_build_object('runId', r.id, 'source', r.source, 'kind', r.kind, 'mode', r.mode,
                                  'status', r.status, 'counts', r.counts, 'asOf', r.as_of,
                                  'finishedAt', r.finished_at)
          FROM new_rows r
         WHERE NOT r.dry_run;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER webhook_sync_finished_trg AFTER INSERT ON sync_run
                   REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION webhook_sync_finished()`);

    await q.query(`
      CREATE FUNCTION webhook_pool_decision() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO webhook_event (event, unit_id, payload)
        SELECT 'pool.decision.recorded', p.unit_id,
               jsonb_build_object('decisionId', d.id, 'poolId', d.pool_id, 'cadreId', d.cadre_id,
                                  'decision', d.decision, 'effectiveDate', d.effective_date,
                                  'postingId', d.posting_id)
          FROM new_rows d JOIN talent_pool p ON p.id = d.pool_id;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER webhook_pool_decision_trg AFTER INSERT ON talent_pool_decision
                   REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION webhook_pool_decision()`);

    await q.query(`
      CREATE FUNCTION webhook_achievement_claimed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO webhook_event (event, unit_id, payload)
        SELECT 'achievement.claimed', webhook_cadre_unit(a.cadre_id, current_date),
               jsonb_build_object('achievementId', a.id, 'cadreId', a.cadre_id)
          FROM new_rows a
         WHERE a.verification_status = 'CLAIMED';
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER webhook_achievement_claimed_trg AFTER INSERT ON achievement
                   REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION webhook_achievement_claimed()`);

    // Subscriptions are audited like every record (the secret lives in webhook_secret, not audited).
    await q.query(`CREATE TRIGGER webhook_subscription_audit_ins_trg AFTER INSERT ON webhook_subscription
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_changes()`);
    await q.query(`CREATE TRIGGER webhook_subscription_audit_upd_trg AFTER UPDATE ON webhook_subscription
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_changes()`);
    await q.query(`CREATE TRIGGER webhook_subscription_audit_del_trg AFTER DELETE ON webhook_subscription
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_changes()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS webhook_achievement_claimed_trg ON achievement`);
    await q.query(`DROP TRIGGER IF EXISTS webhook_pool_decision_trg ON talent_pool_decision`);
    await q.query(`DROP TRIGGER IF EXISTS webhook_sync_finished_trg ON sync_run`);
    await q.query(`DROP FUNCTION IF EXISTS webhook_achievement_claimed()`);
    await q.query(`DROP FUNCTION IF EXISTS webhook_pool_decision()`);
    await q.query(`DROP FUNCTION IF EXISTS webhook_sync_finished()`);
    await q.query(`DROP FUNCTION IF EXISTS webhook_cadre_unit(uuid, date)`);
    await q.query(`DROP TABLE IF EXISTS webhook_flag_run`);
    await q.query(`DROP TABLE IF EXISTS webhook_flag_state`);
    await q.query(`DROP TABLE IF EXISTS webhook_delivery`);
    await q.query(`DROP TABLE IF EXISTS webhook_event`);
    await q.query(`DROP FUNCTION IF EXISTS webhook_fan_out()`);
    await q.query(`DROP TABLE IF EXISTS webhook_secret`);
    await q.query(`DROP TABLE IF EXISTS webhook_subscription`);
  }
}
