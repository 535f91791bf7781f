import { Client } from 'pg';
import { testServer } from '../../../test/test-database';
import { loadConfig } from '../../config/app-config';
import { today, todaySql } from './date.scalar';

describe('today (the default asOf)', () => {
  // 2026-12-04 23:30 UTC is 07:30 on 5 December in Beijing
  const lateEveningUtc = new Date('2026-12-04T23:30:00Z');

  afterEach(() => loadConfig({}));

  it('is the date in Asia/Shanghai by default, not UTC', () => {
    loadConfig({});
    expect(today(lateEveningUtc)).toBe('2026-12-05');
  });

  it('follows TZ', () => {
    loadConfig({ TZ: 'UTC' });
    expect(today(lateEveningUtc)).toBe('2026-12-04');
    loadConfig({ TZ: 'America/New_York' });
    expect(today(lateEveningUtc)).toBe('2026-12-04');
    loadConfig({ TZ: 'Asia/Urumqi' });
    expect(today(new Date('2026-12-04T19:00:00Z'))).toBe('2026-12-05');
  });

  it('is the same date in SQL (jurisdiction by current postings), whatever the session time zone', async () => {
    const client = new Client({ connectionString: testServer().serverUrl });
    await client.connect();
    try {
      await client.query(`SET TimeZone = 'UTC'`);
      // 25 hours apart: the two zones never share a date
      const dates: string[] = [];
      for (const TZ of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
        loadConfig({ TZ });
        const [row] = (await client.query(`SELECT to_char(${todaySql()}, 'YYYY-MM-DD') AS d`)).rows;
        expect(row.d).toBe(today());
        dates.push(row.d);
      }
      expect(dates[0]).not.toBe(dates[1]);
    } finally {
      await client.end();
    }
  });
});
