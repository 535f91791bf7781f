import { assertPublicUrl, isPrivateAddress } from './webhook-url';

describe('webhook receivers must be public', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['8.8.8.8', false],
    ['::1', true],
    ['fd00::1', true],
    ['fe80::1', true],
    ['::ffff:127.0.0.1', true],
    ['2001:db8::1', false],
  ])('%s private: %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });

  it('refuses a URL whose host is a private address, naming the field', async () => {
    await expect(assertPublicUrl('http://127.0.0.1:8080/hook')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'url',
    });
    await expect(assertPublicUrl('http://[::1]/hook')).rejects.toBeDefined();
    await expect(assertPublicUrl('https://8.8.8.8/hook')).resolves.toBeUndefined();
  });
});
