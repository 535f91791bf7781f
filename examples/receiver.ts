import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/** Deliveries signed longer ago (or further ahead) than this are refused: a replayed delivery (重放) fails. */
export const TOLERANCE_SECONDS = 300;

/**
 * Checks `X-Cadre-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>` (签名校验):
 * the time is within the tolerance of `now`, and a v1 signature matches the raw body, compared in constant time.
 * Verify the raw bytes before parsing the JSON.
 */
export function verifySignature(
  secret: string,
  rawBody: string,
  header: string | undefined,
  now = Math.floor(Date.now() / 1000),
  toleranceSeconds = TOLERANCE_SECONDS,
): boolean {
  if (!header) return false;
  const pairs = header.split(',').map((part) => {
    const at = part.indexOf('=');
    return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
  });
  const t = Number(pairs.find(([key]) => key === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(now - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest();
  return pairs
    .filter(([key, value]) => key === 'v1' && /^[0-9a-f]{64}$/.test(value))
    .some(([, value]) => timingSafeEqual(Buffer.from(value, 'hex'), expected));
}

/** A delivery's body: `data` depends on the event (sync.finished: runId, source, kind, mode, status, counts …). */
export interface Delivery {
  id: string;
  event: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

export interface Receiver {
  /** The URL to subscribe (http://127.0.0.1:<port>/webhook). */
  url: string;
  /** The subscription's secret, known once createWebhookSubscription answers; until then every request is 401. */
  setSecret(secret: string): void;
  /** The first verified delivery that `accept` takes; rejects after `timeoutMs`. */
  waitFor(accept: (delivery: Delivery) => boolean, timeoutMs: number): Promise<Delivery>;
  /** Requests refused (bad or old signature, unknown path), for the log. */
  refused: number;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * A small local webhook receiver (接收端): answers 204 to a delivery whose signature verifies, 401 otherwise.
 * The service retries anything but 2xx, and delivers at least once: drop repeats by the delivery id.
 */
export async function startReceiver(port = 0, host = '127.0.0.1'): Promise<Receiver> {
  let secret: string | undefined;
  const seen = new Set<string>();
  const delivered: Delivery[] = [];
  const waiters: { accept: (d: Delivery) => boolean; resolve: (d: Delivery) => void }[] = [];

  const receiver: Receiver = {
    url: '',
    refused: 0,
    setSecret: (s) => (secret = s),
    waitFor(accept, timeoutMs) {
      const found = delivered.find(accept);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching delivery in ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          accept,
          resolve: (d) => {
            clearTimeout(timer);
            resolve(d);
          },
        });
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  const server: Server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const signature = req.headers['x-cadre-signature'];
      const ok =
        req.method === 'POST' &&
        req.url === '/webhook' &&
        secret !== undefined &&
        verifySignature(secret, raw, typeof signature === 'string' ? signature : undefined);
      if (!ok) {
        receiver.refused += 1;
        res.statusCode = 401;
        res.end();
        return;
      }
      const delivery = JSON.parse(raw) as Delivery;
      res.statusCode = 204;
      res.end();
      if (seen.has(delivery.id)) return;
      seen.add(delivery.id);
      delivered.push(delivery);
      for (const waiter of waiters.filter((w) => w.accept(delivery))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(delivery);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  receiver.url = `http://${host}:${(server.address() as AddressInfo).port}/webhook`;
  return receiver;
}
