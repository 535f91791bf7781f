import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Role } from '../../src/auth/caller';
import { FlagEventsService } from '../../src/webhooks/flag-events.service';
import { verifyWebhookSignature } from '../../src/webhooks/webhook-signature';
import { createTestApp, ok, TestApp } from '../app-factory';
import { makeCadre, makePosting, makeUnit, tableFingerprint } from '../factories';

/** A local receiver: records each request and answers with the status its path asks for (/fail → 500). */
class Receiver {
  readonly received: { path: string; headers: IncomingHttpHeaders; body: string }[] = [];
  private server?: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        this.received.push({ path: req.url ?? '', headers: req.headers, body });
        const flaky = req.url === '/flaky' && this.on('/flaky').length <= 2;
        res.statusCode = req.url?.startsWith('/fail') || flaky ? 500 : 204;
        res.end();
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((r) => this.server?.close(() => r()) ?? r());
  }

  on(path: string) {
    return this.received.filter((r) => r.path === path);
  }
}

/** Polls `probe` until it returns a value (the queue works in the background); fails after `ms`. */
async function eventually<T>(probe: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 250));
  }
}

const CREATE = `mutation($input: CreateWebhookSubscriptionInput!) {
  createWebhookSubscription(input: $input) { secret subscription { id unitId syncSource url events active } } }`;
const DELIVERIES = `query($id: ID!, $status: WebhookDeliveryStatus) {
  webhookDeliveries(subscriptionId: $id, status: $status) {
    totalCount edges { node { id event status attempts lastStatus lastError deliveredAt payload } } } }`;
const RECORD = `mutation($input: RecordAchievementInput!) { recordAchievement(input: $input) { id } }`;

describe('webhooks: subscriptions, the outbox, signed deliveries with retries', () => {
  let t: TestApp;
  const receiver = new Receiver();
  let county: string;
  let township: string;
  let otherCounty: string;
  let cadreId: string;
  let deptToken: string;

  beforeAll(async () => {
    await receiver.start();
    t = await createTestApp({
      WEBHOOKS_WORKER: 'true',
      WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
      WEBHOOK_POLL_SECONDS: '0.5',
      WEBHOOK_RETRY_LIMIT: '2',
      WEBHOOK_RETRY_DELAY_SECONDS: '1',
      // The test runs the flag job itself, on chosen days.
      WEBHOOK_FLAG_CRON: 'off',
    });
    county = (await makeUnit(t.ds, { level: 'COUNTY', kind: 'GOVERNMENT' })).id;
    township = (await makeUnit(t.ds, { level: 'TOWNSHIP', kind: 'GOVERNMENT', parentId: county })).id;
    otherCounty = (await makeUnit(t.ds, { level: 'COUNTY', kind: 'GOVERNMENT' })).id;
    cadreId = (await makeCadre(t.ds)).id;
    await makePosting(t.ds, cadreId, township, { startDate: '2014-01-01' });
    deptToken = t.token({ role: Role.ORG_DEPT, unitId: county, sub: 'dept-county' });
  });
  afterAll(async () => {
    await t.close();
    await receiver.stop();
  });

  async function subscribe(input: Record<string, unknown>, token = deptToken) {
    return ok(
      await t.gql<{ createWebhookSubscription: { secret: string; subscription: { id: string } } }>(
        CREATE,
        { input },
        token,
      ),
    ).createWebhookSubscription;
  }

  it('a claimed achievement reaches the department, signed with its secret, and is logged as delivered', async () => {
    const { secret, subscription } = await subscribe({
      unitId: county,
      url: `${receiver.url}/dept`,
      events: ['ACHIEVEMENT_CLAIMED'],
    });
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const achievement = ok(
      await t.gql<{ recordAchievement: { id: string } }>(RECORD, {
        input: {
          cadreId,
          title: '直播带货推介文旅',
          achievedOn: '2024-05-01',
          domain: 'CULTURAL_TOURISM',
          recognitionLevel: 'COUNTY',
        },
      }),
    ).recordAchievement;

    const [req] = await eventually(async () =>
      receiver.on('/dept').length ? receiver.on('/dept') : undefined,
    );
    expect(req.headers['x-cadre-event']).toBe('achievement.claimed');
    expect(verifyWebhookSignature(secret, req.body, req.headers['x-cadre-signature'] as string)).toBe(true);
    // Signed with this subscription's secret only; and the body is what was signed, byte for byte.
    expect(verifyWebhookSignature('0'.repeat(64), req.body, req.headers['x-cadre-signature'] as string)).toBe(
      false,
    );
    const body = JSON.parse(req.body) as { id: string; event: string; data: Record<string, unknown> };
    expect(body).toMatchObject({
      event: 'achievement.claimed',
      data: { achievementId: achievement.id, cadreId },
    });
    expect(req.headers['x-cadre-delivery']).toBe(body.id);

    const log = await eventually(async () => {
      const d = ok(
        await t.gql<{ webhookDeliveries: { edges: { node: { status: string } }[] } }>(
          DELIVERIES,
          { id: subscription.id },
          deptToken,
        ),
      ).webhookDeliveries;
      return d.edges[0]?.node.status === 'DELIVERED' ? d : undefined;
    });
    expect(log.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        id: body.id,
        event: 'ACHIEVEMENT_CLAIMED',
        status: 'DELIVERED',
        attempts: 1,
        lastStatus: 204,
      }),
    ]);
  });

  it('a receiver that keeps failing is retried with backoff, then the delivery is DEAD with its last answer', async () => {
    const { subscription } = await subscribe({
      unitId: county,
      url: `${receiver.url}/fail`,
      events: ['POOL_DECISION_RECORDED', 'ACHIEVEMENT_CLAIMED'],
    });
    ok(
      await t.gql(RECORD, {
        input: {
          cadreId,
          title: '乡村振兴',
          achievedOn: '2024-06-01',
          domain: 'CULTURAL_TOURISM',
          recognitionLevel: 'UNIT',
        },
      }),
    );
    const dead = await eventually(async () => {
      const d = ok(
        await t.gql<{ webhookDeliveries: { edges: { node: { status: string; attempts: number } }[] } }>(
          DELIVERIES,
          { id: subscription.id, status: 'DEAD' },
          deptToken,
        ),
      ).webhookDeliveries;
      return d.edges.length ? d.edges[0].node : undefined;
    }, 120_000);
    // The first attempt and WEBHOOK_RETRY_LIMIT (2) retries.
    expect(dead).toMatchObject({ status: 'DEAD', attempts: 3, lastStatus: 500 });
    expect(receiver.on('/fail')).toHaveLength(3);
  });

  it('a receiver that fails twice, then answers, gets the event once more and it is DELIVERED, signed', async () => {
    const { secret, subscription } = await subscribe({
      unitId: county,
      url: `${receiver.url}/flaky`,
      events: ['ACHIEVEMENT_CLAIMED'],
    });
    ok(
      await t.gql(RECORD, {
        input: {
          cadreId,
          title: '非遗展演',
          achievedOn: '2024-07-01',
          domain: 'CULTURAL_TOURISM',
          recognitionLevel: 'UNIT',
        },
      }),
    );
    const delivered = await eventually(async () => {
      const d = ok(
        await t.gql<{ webhookDeliveries: { edges: { node: { status: string; attempts: number } }[] } }>(
          DELIVERIES,
          { id: subscription.id, status: 'DELIVERED' },
          deptToken,
        ),
      ).webhookDeliveries;
      return d.edges.length ? d.edges[0].node : undefined;
    }, 120_000);
    expect(delivered).toMatchObject({ status: 'DELIVERED', attempts: 3, lastStatus: 204 });
    const requests = receiver.on('/flaky');
    expect(requests).toHaveLength(3);
    // The same delivery each time (one id), the same event, and a valid signature on the one that was accepted.
    expect(new Set(requests.map((r) => r.headers['x-cadre-delivery'])).size).toBe(1);
    expect(
      verifyWebhookSignature(secret, requests[2].body, requests[2].headers['x-cadre-signature'] as string),
    ).toBe(true);
  });

  it('never sends a department an event of a cadre outside its jurisdiction', async () => {
    const { subscription } = await subscribe(
      { unitId: otherCounty, url: `${receiver.url}/elsewhere`, events: ['ACHIEVEMENT_CLAIMED'] },
      t.adminToken,
    );
    ok(
      await t.gql(RECORD, {
        input: {
          cadreId,
          title: '旅游节',
          achievedOn: '2024-08-01',
          domain: 'CULTURAL_TOURISM',
          recognitionLevel: 'UNIT',
        },
      }),
    );
    // The county's own subscriptions got it (written in the same transaction); the other county's has no delivery.
    const [{ mine, other }] = await t.asOwner<{ mine: number; other: number }>(
      `SELECT count(*) FILTER (WHERE s.unit_id = $1)::int AS mine, count(*) FILTER (WHERE s.id = $2)::int AS other
         FROM webhook_delivery d JOIN webhook_subscription s ON s.id = d.subscription_id
         JOIN webhook_event e ON e.id = d.event_id
        WHERE e.payload ->> 'cadreId' = $3 AND e.payload ->> 'achievementId' IS NOT NULL`,
      [county, subscription.id, cadreId],
    );
    expect(mine).toBeGreaterThan(0);
    expect(other).toBe(0);
    await new Promise((r) => setTimeout(r, 1500));
    expect(receiver.on('/elsewhere')).toHaveLength(0);
  });

  it("an HR system's subscription gets its own source's sync runs, not another's", async () => {
    const hr = t.token({ role: Role.HR_SYNC, source: 'hr-a', sub: 'hr-a' });
    const { secret } = await subscribe(
      { syncSource: 'hr-a', url: `${receiver.url}/hr-a`, events: ['SYNC_FINISHED'] },
      hr,
    );
    const SYNC = `mutation($input: SyncUnitsInput!) { syncUnits(input: $input) { id } }`;
    const run = ok(
      await t.gql<{ syncUnits: { id: string } }>(SYNC, { input: { source: 'hr-a', records: [] } }, hr),
    ).syncUnits;
    ok(await t.gql(SYNC, { input: { source: 'hr-b', records: [] } }));
    const [req] = await eventually(async () =>
      receiver.on('/hr-a').length ? receiver.on('/hr-a') : undefined,
    );
    expect(verifyWebhookSignature(secret, req.body, req.headers['x-cadre-signature'] as string)).toBe(true);
    expect(JSON.parse(req.body)).toMatchObject({
      event: 'sync.finished',
      data: { runId: run.id, source: 'hr-a', kind: 'UNITS', status: 'COMPLETED' },
    });
    // hr-b's run has no subscriber; hr-a's receiver got one request.
    await new Promise((r) => setTimeout(r, 1500));
    expect(receiver.on('/hr-a')).toHaveLength(1);
  });

  it('flag.started and flag.ended come from the flag job, once, for limits reached on a date with no write', async () => {
    const { secret } = await subscribe({
      unitId: county,
      url: `${receiver.url}/flags`,
      events: ['FLAG_STARTED', 'FLAG_ENDED'],
    });
    const job = t.app.get(FlagEventsService);
    // The first run records what holds and sends nothing (not every flag of the province at once).
    expect(await job.run('2023-12-31')).toMatchObject({ initialised: true });
    // 2014-01-01 + 10 years: the same-post limit is passed on 2024-01-01 (APPROACHING ends, EXCEEDED starts).
    const day = await job.run('2024-01-01');
    expect(day).toMatchObject({ initialised: false });
    expect(day.started).toBeGreaterThanOrEqual(1);
    // Run again for the same day, or for an earlier one: nothing more.
    expect(await job.run('2024-01-01')).toMatchObject({ started: 0, ended: 0 });
    expect(await job.run('2023-12-30')).toMatchObject({ started: 0, ended: 0 });

    const got = await eventually(async () => {
      const bodies = receiver
        .on('/flags')
        .map((r) => JSON.parse(r.body) as { event: string; data: Record<string, unknown> });
      const mine = bodies.filter(
        (b) => b.data.cadreId === cadreId && b.data.ruleId === 'POST_LIMIT_SAME_POST',
      );
      return mine.length >= 2 ? mine : undefined;
    });
    // Exactly one flag.started for the limit, on the day it is crossed.
    expect(got.filter((b) => b.event === 'flag.started')).toHaveLength(1);
    expect(got.map((b) => [b.event, b.data.code, b.data.on])).toEqual(
      expect.arrayContaining([
        ['flag.started', 'POSTING_LIMIT_EXCEEDED', '2024-01-01'],
        ['flag.ended', 'POSTING_LIMIT_APPROACHING', '2024-01-01'],
      ]),
    );
    for (const r of receiver.on('/flags')) {
      expect(verifyWebhookSignature(secret, r.body, r.headers['x-cadre-signature'] as string)).toBe(true);
    }
    // Only flags: promotion readiness is kept as spans too (PATHWAY), but it is not a flag.
    const rules = receiver
      .on('/flags')
      .map((r) => (JSON.parse(r.body) as { data: { ruleId: string } }).data.ruleId);
    expect(rules).not.toContain('PATHWAY');
  });

  it('refuses bad subscriptions with the field and a reason, and writes nothing', async () => {
    const before = await tableFingerprint(t.ds, 'webhook_subscription');
    const cases: [Record<string, unknown>, string, string][] = [
      [{ unitId: county, url: 'ftp://example.org/x', events: ['FLAG_STARTED'] }, 'BAD_USER_INPUT', 'url'],
      [{ unitId: county, url: 'https://example.org/x', events: [] }, 'BAD_USER_INPUT', 'events'],
      [
        { unitId: county, syncSource: 'hr-a', url: 'https://example.org/x', events: ['FLAG_STARTED'] },
        'BAD_USER_INPUT',
        'unitId',
      ],
      [{ unitId: otherCounty, url: 'https://example.org/x', events: ['FLAG_STARTED'] }, 'FORBIDDEN', ''],
      [{ syncSource: 'hr-a', url: 'https://example.org/x', events: ['SYNC_FINISHED'] }, 'FORBIDDEN', ''],
    ];
    for (const [input, code, field] of cases) {
      const res = await t.gql(CREATE, { input }, deptToken);
      expect(res.errors?.[0]?.extensions?.code).toBe(code);
      if (field) expect(JSON.stringify(res.errors)).toContain(field);
    }
    expect(await tableFingerprint(t.ds, 'webhook_subscription')).toEqual(before);
  });

  it("a department sees only its jurisdiction's subscriptions and logs; a cadre none", async () => {
    const admin = await subscribe(
      { unitId: otherCounty, url: 'https://example.org/other', events: ['FLAG_STARTED'] },
      t.adminToken,
    );
    const LIST = `{ webhookSubscriptions { id unitId } }`;
    const mine = ok(
      await t.gql<{ webhookSubscriptions: { unitId: string }[] }>(LIST, {}, deptToken),
    ).webhookSubscriptions;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((s) => s.unitId === county)).toBe(true);
    const other = await t.gql(DELIVERIES, { id: admin.subscription.id }, deptToken);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const cadre = await t.gql(LIST, {}, t.token({ role: Role.CADRE, cadreId }));
    expect(cadre.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('the outbox is written in the transaction of the change: a rejected write leaves no event', async () => {
    const before = await tableFingerprint(t.ds, 'webhook_event');
    const res = await t.gql(RECORD, {
      input: {
        cadreId,
        title: '',
        achievedOn: '2024-06-01',
        domain: 'NO_SUCH_DOMAIN',
        recognitionLevel: 'UNIT',
      },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await tableFingerprint(t.ds, 'webhook_event')).toEqual(before);
  });
});
