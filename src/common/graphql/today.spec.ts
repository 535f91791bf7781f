import { loadConfig } from '../../config/app-config';
import { today } from './date.scalar';

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
});
