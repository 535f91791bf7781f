import { errorText } from '../i18n/errors';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { DomainError } from '../common/errors/domain-error';

/** Loopback, private, link-local, carrier-grade NAT and unspecified addresses (IPv4 and IPv6). */
export function isPrivateAddress(address: string): boolean {
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(v4) === 4) {
    const [a, b] = v4.split('.').map(Number);
    return (
      a === 10 ||
      a === 127 ||
      a === 0 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  const v6 = address.toLowerCase();
  return v6 === '::1' || v6 === '::' || v6.startsWith('fc') || v6.startsWith('fd') || v6.startsWith('fe80');
}

/**
 * A receiver must be on the public network: a subscription cannot make the service call into its own network
 * (server-side request forgery). WEBHOOK_ALLOW_PRIVATE_URLS=true lifts this for an intranet deployment.
 */
export async function assertPublicUrl(url: string): Promise<void> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    throw DomainError.badInput('url', errorText('webhook.hostUnresolved', { host }));
  }
  if (addresses.some(isPrivateAddress)) {
    throw DomainError.badInput('url', errorText('webhook.privateHost', { host }));
  }
}
