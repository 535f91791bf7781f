import { createPublicKey, KeyObject, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';

/**
 * JWT_SECRET when set. In development without one, a secret is generated once into the data folder
 * (git-ignored) so that `npm run token` and the service agree. Production without one refuses to start.
 */
export function resolveJwtSecret(config: AppConfig): string {
  if (config.JWT_SECRET) return config.JWT_SECRET;
  if (config.isProduction) {
    throw new Error('JWT_SECRET is required when NODE_ENV=production (at least 32 characters).');
  }
  const file = join(config.dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * JWT_PUBLIC_KEY, when set: the PEM public key (or the path of a PEM file) of an identity provider whose RS256
 * tokens are accepted besides our own HS256 ones. A key that does not parse stops start-up.
 */
export function resolveJwtPublicKey(config: AppConfig): string | undefined {
  const given = config.JWT_PUBLIC_KEY?.trim();
  if (!given) return undefined;
  const pem = given.startsWith('-----BEGIN') ? given.replace(/\\n/g, '\n') : readFileSync(given, 'utf8');
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (err) {
    throw new Error(
      `JWT_PUBLIC_KEY is not a PEM public key: ${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new Error(
      `JWT_PUBLIC_KEY must be an RSA key for RS256, got ${key.asymmetricKeyType ?? 'unknown'}.`,
    );
  }
  return key.export({ type: 'spki', format: 'pem' }).toString();
}
