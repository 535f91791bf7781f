import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/app-config';
import { resolveJwtPublicKey, resolveJwtSecret } from './jwt-secret';

describe('resolveJwtSecret', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'jwt-secret-'));
    file = join(dir, 'jwt-secret');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const dev = () => loadConfig({ DATA_DIR: dir });

  it('generates a development secret once, then reads it back', () => {
    const secret = resolveJwtSecret(dev());
    expect(Buffer.byteLength(secret)).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, 'utf8')).toBe(secret);
    expect(resolveJwtSecret(dev())).toBe(secret);
  });

  it.each([
    ['empty', '', /jwt-secret is empty \(at least 32 are needed\)/],
    ['only white space', ' \n\t\n', /jwt-secret is empty/],
    ['short', `${'s'.repeat(25)}\n`, /jwt-secret is only 25 bytes \(at least 32/],
  ])(
    'refuses a development secret file that is %s, naming it and how to fix it',
    (_name, content, message) => {
      writeFileSync(file, content);
      expect(() => resolveJwtSecret(dev())).toThrow(message);
      expect(() => resolveJwtSecret(dev())).toThrow(`${file} is`);
      expect(() => resolveJwtSecret(dev())).toThrow(/Delete the file to have a new secret generated/);
    },
  );

  it('prefers JWT_SECRET, and requires it in production', () => {
    writeFileSync(file, '');
    expect(resolveJwtSecret(loadConfig({ DATA_DIR: dir, JWT_SECRET: 's'.repeat(32) }))).toBe('s'.repeat(32));
    const production = {
      NODE_ENV: 'production',
      JWT_AUDIENCE: 'a',
      JWT_ISSUER: 'i',
      DATABASE_URL: 'postgres://app@h/db',
      DATA_DIR: dir,
    };
    expect(() => resolveJwtSecret(loadConfig(production))).toThrow(
      /JWT_SECRET is required when NODE_ENV=production/,
    );
  });
});

describe('resolveJwtPublicKey', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({
    type: 'spki',
    format: 'pem',
  });

  it('is undefined when JWT_PUBLIC_KEY is unset', () => {
    expect(resolveJwtPublicKey(loadConfig({}))).toBeUndefined();
  });

  it('accepts an RSA PEM, also with escaped newlines as in a one-line env file', () => {
    const pem = rsa.toString();
    expect(resolveJwtPublicKey(loadConfig({ JWT_PUBLIC_KEY: pem }))).toBe(pem);
    expect(resolveJwtPublicKey(loadConfig({ JWT_PUBLIC_KEY: pem.replace(/\n/g, '\\n') }))).toBe(pem);
  });

  it('stops start-up on a key that is not an RSA public key', () => {
    expect(() =>
      resolveJwtPublicKey(loadConfig({ JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\nnope\n' })),
    ).toThrow(/JWT_PUBLIC_KEY is not a PEM public key/);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({
      type: 'spki',
      format: 'pem',
    });
    expect(() => resolveJwtPublicKey(loadConfig({ JWT_PUBLIC_KEY: ec.toString() }))).toThrow(
      /must be an RSA key/,
    );
  });
});
