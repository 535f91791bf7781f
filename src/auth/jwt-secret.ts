import { createPublicKey, KeyObject, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '../config/app-config';

/** An HMAC key shorter than its hash (or empty: then anyone can sign with '') is refused. */
export const MIN_SECRET_BYTES = 32;

/**
 * JWT_SECRET when set (loadConfig has checked its length). In development without one, a secret is generated
 * once into the data folder (git-ignored) so that `npm run token` and the service agree; a file emptied or cut
 * short since stops start-up rather than sign with a weak key. Production without JWT_SECRET refuses to start.
 */
export function resolveJwtSecret(config: AppConfig): string {
  if (config.JWT_SECRET) return config.JWT_SECRET;
  if (config.isProduction) {
    throw new Error(`JWT_SECRET is required when NODE_ENV=production (at least ${MIN_SECRET_BYTES} bytes).`);
  }
  const file = join(config.dataDir, 'jwt-secret');
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim();
    const bytes = Buffer.byteLength(secret);
    if (bytes < MIN_SECRET_BYTES) {
      throw new Error(
        `The development JWT secret file ${file} is ${bytes === 0 ? 'empty' : `only ${bytes} bytes`} ` +
          `(at least ${MIN_SECRET_BYTES} are needed). Delete the file to have a new secret generated at the next ` +
          `start (tokens signed with the old one stop working), or set JWT_SECRET.`,
      );
    }
    return secret;
  }
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
