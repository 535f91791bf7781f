import { generateKeyPairSync } from 'node:crypto';
import { loadConfig } from '../config/app-config';
import { resolveJwtPublicKey } from './jwt-secret';

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
