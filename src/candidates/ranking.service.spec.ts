import { encodeCursor } from '../common/graphql/pagination';
import { pageRequest } from './ranking.service';

describe('pageRequest', () => {
  const cursor = encodeCursor(['2026-11-27', '0.4500', '7f1c9d7e-0000-4000-8000-000000000001']);

  it('takes asOf from the cursor on later pages', () => {
    expect(pageRequest({ first: 5, after: cursor })).toEqual({
      asOf: '2026-11-27',
      first: 5,
      after: { score: '0.4500', cadreId: '7f1c9d7e-0000-4000-8000-000000000001' },
    });
    expect(pageRequest({ after: cursor }, '2026-11-27').asOf).toBe('2026-11-27');
  });

  it('refuses a cursor of another date or another kind', () => {
    expect(() => pageRequest({ after: cursor }, '2026-01-01')).toThrow(/as of 2026-11-27, not 2026-01-01/);
    expect(() => pageRequest({ after: encodeCursor(['x', 1, 2]) })).toThrow(/not one this service issued/);
    expect(() => pageRequest({ after: encodeCursor(['Name', 'id']) })).toThrow(/not one this service issued/);
  });

  it('defaults to 20 rows as of the given date', () => {
    expect(pageRequest({}, '2025-06-30')).toEqual({ asOf: '2025-06-30', first: 20 });
  });
});
