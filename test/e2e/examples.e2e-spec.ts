import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Role } from '../../src/auth/caller';
import { signWebhook } from '../../src/webhooks/webhook-signature';
import { main } from '../../examples/sync-and-listen';
import { startReceiver, verifySignature } from '../../examples/receiver';
import { createTestApp, TestApp } from '../app-factory';

const ROOT = join(__dirname, '..', '..');

describe('examples/: the typed client, a sync with a bad row, a verified webhook', () => {
  it('examples/generated is what npm run codegen:examples makes from schema.gql (not stale)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'examples-codegen-'));
    try {
      await promisify(execFile)(
        process.execPath,
        [join(ROOT, 'node_modules/@graphql-codegen/cli/cjs/bin.js'), '--config', 'examples/codegen.ts'],
        { cwd: ROOT, env: { ...process.env, EXAMPLES_CODEGEN_OUT: `${out}/` } },
      );
      const read = (dir: string) =>
        Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
      // On failure: run `npm run codegen:examples` and commit examples/generated.
      expect(read(join(ROOT, 'examples/generated'))).toEqual(read(out));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  describe('against the running app', () => {
    let t: TestApp;
    let url: string;

    beforeAll(async () => {
      t = await createTestApp({
        WEBHOOKS_WORKER: 'true',
        WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
        WEBHOOK_POLL_SECONDS: '0.5',
        WEBHOOK_FLAG_CRON: 'off',
      });
      await t.app.listen(0, '127.0.0.1');
      url = await t.app.getUrl();
    });
    afterAll(async () => {
      await t.close();
    });

    it('main syncs units with one bad row, reads the rejected row and receives the signed sync.finished', async () => {
      const token = t.token({ role: Role.HR_SYNC, source: 'hr-example', sub: 'hr-example-sync' });
      const lines: string[] = [];
      const outcome = await main({ url, token, source: 'hr-example', log: (l) => lines.push(l) });

      expect(outcome.run).toMatchObject({
        status: 'COMPLETED',
        counts: { received: 3, created: 2, rejected: 1 },
      });
      expect(outcome.rejected).toEqual([
        {
          index: 2,
          externalId: 'EX-BAD',
          outcome: 'REJECTED',
          errors: [expect.objectContaining({ field: 'level', code: 'INVALID' })],
        },
      ]);
      expect(outcome.webhook).toMatchObject({
        event: 'sync.finished',
        data: { runId: outcome.run.id, source: 'hr-example', status: 'COMPLETED' },
      });
      expect(lines.some((l) => l.startsWith('rejected #2 EX-BAD: level INVALID'))).toBe(true);
      // What the service logged about the delivery: accepted by the example receiver (204) on the first attempt.
      const [delivery] = await t.asOwner<{ status: string; last_status: number }>(
        'SELECT status, last_status FROM webhook_delivery WHERE id = $1',
        [outcome.webhook.id],
      );
      expect(delivery).toEqual({ status: 'DELIVERED', last_status: 204 });
    });

    it("the example's verification agrees with the service's signing, and refuses replays and forgeries", async () => {
      const secret = 'a'.repeat(64);
      const body = '{"id":"1","event":"sync.finished","occurredAt":"2026-12-05T00:00:00Z","data":{}}';
      const now = 1_764_900_000;
      expect(verifySignature(secret, body, signWebhook(secret, body, now), now)).toBe(true);
      expect(verifySignature(secret, body, signWebhook(secret, body, now - 301), now)).toBe(false);
      expect(verifySignature(secret, body, signWebhook(secret, body, now + 301), now)).toBe(false);
      expect(verifySignature(secret, `${body} `, signWebhook(secret, body, now), now)).toBe(false);
      expect(verifySignature('b'.repeat(64), body, signWebhook(secret, body, now), now)).toBe(false);
      expect(verifySignature(secret, body, undefined, now)).toBe(false);
      expect(verifySignature(secret, body, `t=${now},v1=zz`, now)).toBe(false);

      // Over HTTP: the receiver answers 204 to a fresh signature only; an old one (a replay) is 401 and ignored.
      const receiver = await startReceiver();
      try {
        receiver.setSecret(secret);
        const post = (signature: string) =>
          fetch(receiver.url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-cadre-signature': signature },
            body,
          });
        const fresh = Math.floor(Date.now() / 1000);
        expect((await post(signWebhook(secret, body, fresh - 600))).status).toBe(401);
        expect((await post(signWebhook('b'.repeat(64), body, fresh))).status).toBe(401);
        expect(receiver.refused).toBe(2);
        expect((await post(signWebhook(secret, body, fresh))).status).toBe(204);
        await expect(receiver.waitFor((d) => d.id === '1', 1000)).resolves.toMatchObject({
          event: 'sync.finished',
        });
      } finally {
        await receiver.close();
      }
    });
  });
});
