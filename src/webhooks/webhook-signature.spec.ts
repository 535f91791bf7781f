import { signWebhook, verifyWebhookSignature } from './webhook-signature';

describe('webhook signatures', () => {
  const secret = 'a'.repeat(40);
  const body = JSON.stringify({ event: 'sync.finished', data: { runId: 'r1' } });
  const t = 1_764_900_000;

  it('verifies its own signature within the replay window, at both of its edges', () => {
    const header = signWebhook(secret, body, t);
    expect(header).toMatch(/^t=1764900000,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, body, header, t)).toBe(true);
    expect(verifyWebhookSignature(secret, body, header, t + 300)).toBe(true);
    expect(verifyWebhookSignature(secret, body, header, t - 300)).toBe(true);
  });

  it('refuses a replay past the window, another body, another secret, and no or a malformed header', () => {
    const header = signWebhook(secret, body, t);
    expect(verifyWebhookSignature(secret, body, header, t + 301)).toBe(false);
    expect(verifyWebhookSignature(secret, `${body} `, header, t)).toBe(false);
    expect(verifyWebhookSignature('b'.repeat(40), body, header, t)).toBe(false);
    expect(verifyWebhookSignature(secret, body, undefined, t)).toBe(false);
    expect(verifyWebhookSignature(secret, body, 't=abc,v1=00', t)).toBe(false);
    expect(verifyWebhookSignature(secret, body, `t=${t},v1=${'0'.repeat(64)}`, t)).toBe(false);
  });

  it('a signature made for another time does not verify under this one (the timestamp is signed)', () => {
    const header = signWebhook(secret, body, t).replace(`t=${t}`, `t=${t + 10}`);
    expect(verifyWebhookSignature(secret, body, header, t + 10)).toBe(false);
  });
});
