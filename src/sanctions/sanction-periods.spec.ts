import { SANCTION_KINDS } from './sanction.entity';
import { influenceEndsOn, SANCTION_PERIODS } from './sanction-periods';

describe('sanction influence periods (policy data)', () => {
  it('gives every kind the period of DOMAIN.md, with its source', () => {
    expect(Object.fromEntries(SANCTION_KINDS.map((k) => [k, SANCTION_PERIODS[k].months]))).toEqual({
      WARNING: 6,
      DEMERIT: 12,
      MAJOR_DEMERIT: 18,
      DEMOTION: 24,
      REMOVAL: 24,
      PARTY_WARNING: 12,
      PARTY_SERIOUS_WARNING: 18,
      PARTY_POST_REMOVAL: 24,
      PARTY_PROBATION: 24,
      ADMONISHMENT: 6,
      TRANSFER_OUT: 12,
      DISMISSAL_FROM_POST: 12,
      DEMOTION_IN_POST: 24,
    });
    for (const k of SANCTION_KINDS) expect(SANCTION_PERIODS[k].source).toMatch(/\(\d{4}\)/);
  });

  it.each([
    ['DEMERIT', '2026-03-16', '2027-03-15'],
    ['WARNING', '2026-01-01', '2026-06-30'],
    // Month-end clamp, as PostgreSQL adds months: free from 29 February, so the 28th is the last day.
    ['WARNING', '2023-08-31', '2024-02-28'],
    ['WARNING', '2023-08-29', '2024-02-28'],
    ['DEMERIT', '2024-02-29', '2025-02-27'],
    ['DEMOTION', '2024-02-29', '2026-02-27'],
  ] as const)('%s effective %s: the last day under it is %s', (kind, effective, last) => {
    expect(influenceEndsOn(kind, effective)).toBe(last);
  });
});
