import { payloadHash } from './payload-hash';

describe('payloadHash', () => {
  it('ignores key order and absent fields, not values or record order', () => {
    const a = payloadHash({ records: [{ x: 1, y: 'a' }, { x: 2 }], mode: 'UPSERT' });
    expect(
      payloadHash({
        mode: 'UPSERT',
        records: [
          { y: 'a', x: 1 },
          { x: 2, z: undefined },
        ],
      }),
    ).toBe(a);
    expect(payloadHash({ mode: 'UPSERT', records: [{ x: 2 }, { x: 1, y: 'a' }] })).not.toBe(a);
    expect(payloadHash({ mode: 'UPSERT', records: [{ x: 1, y: 'b' }, { x: 2 }] })).not.toBe(a);
    expect(
      payloadHash({
        mode: 'UPSERT',
        records: [
          { x: 1, y: 'a' },
          { x: 2, z: null },
        ],
      }),
    ).not.toBe(a);
  });
});
