import { PostingsSync } from './kinds/postings.sync';
import { validateBatch } from './record-validation';

const posting = (externalId: string, over: Record<string, unknown> = {}) => ({
  externalId,
  cadreExternalId: 'P-1',
  unitCode: 'U-1',
  title: '乡长',
  level: 'TOWNSHIP_CHIEF',
  startDate: '2015-09-01',
  ...over,
});

describe('validateBatch', () => {
  it('rejects bad shapes, bad dates and every copy of a duplicated key, and keeps the rest', () => {
    const { valid, rejected } = validateBatch(new PostingsSync(), [
      posting('A'),
      posting('B', { startDate: '2015-02-29' }),
      posting('C', { endDate: '2015-08-31' }),
      posting('D', { title: ' ' }),
      posting('E'),
      posting('E', { title: 'other' }),
      posting('F', { kind: 'HOLIDAY' }),
    ]);
    expect(valid.map((v) => v.record.externalId)).toEqual(['A']);
    const codes = Object.fromEntries(
      [...rejected].map(([i, errors]) => [i, errors.map((e) => `${e.field}:${e.code}`)]),
    );
    expect(codes).toEqual({
      1: ['startDate:INVALID'],
      2: ['endDate:INVALID'],
      3: ['title:INVALID'],
      4: ['externalId:DUPLICATE_IN_BATCH'],
      5: ['externalId:DUPLICATE_IN_BATCH'],
      6: ['kind:INVALID'],
    });
  });

  it('rejects text that cannot be stored in any field, naming it, and keeps an unstorable key out of duplicates', () => {
    const { valid, rejected } = validateBatch(new PostingsSync(), [
      posting('A', { title: 'x\u0000' }),
      posting('B', { unitCode: '\udc00U-1' }),
      posting('C\u0000'),
      posting('C\u0000'),
      posting('D', { title: '\u202eوزير e\u0301 😀' }),
      posting('E', { extra: { nested: ['\ud83d'] } }),
    ]);
    expect(valid.map((v) => v.record.externalId)).toEqual(['D']);
    const codes = Object.fromEntries(
      [...rejected].map(([i, errors]) => [i, errors.map((e) => `${e.field}:${e.code}`)]),
    );
    expect(codes).toEqual({
      0: ['title:INVALID'],
      1: ['unitCode:INVALID'],
      2: ['externalId:INVALID'],
      3: ['externalId:INVALID'],
      5: ['extra.nested.0:INVALID'],
    });
  });
});
