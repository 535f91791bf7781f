import { RequestDeadline } from './request-deadline';

describe('RequestDeadline', () => {
  it('expiring with nothing committed: TIMEOUT is true, and no COMMIT may start afterwards', async () => {
    const d = new RequestDeadline(60_000);
    expect(await d.expire()).toBe(true);
    expect(d.signal.aborted).toBe(true);
    expect(d.enterCommit()).toBe(false);
    expect(() => d.assertOpen()).toThrow(expect.objectContaining({ code: 'TIMEOUT' }));
  });

  it('a COMMIT under way when the time runs out: waits for it, and it committed, so not TIMEOUT', async () => {
    const d = new RequestDeadline(60_000);
    expect(d.enterCommit()).toBe(true);
    let answered: boolean | undefined;
    const expiring = d.expire().then((v) => (answered = v));
    await Promise.resolve();
    expect(answered).toBeUndefined(); // still waiting for the COMMIT's outcome
    d.leaveCommit('committed');
    await expiring;
    expect(answered).toBe(false);
  });

  it('a COMMIT under way that failed on the server: TIMEOUT is still true', async () => {
    const d = new RequestDeadline(60_000);
    d.enterCommit();
    const expiring = d.expire();
    d.leaveCommit('rolled-back');
    expect(await expiring).toBe(true);
  });

  it('a COMMIT whose outcome is unknown (connection lost) or an earlier commit: not TIMEOUT', async () => {
    const lost = new RequestDeadline(60_000);
    lost.enterCommit();
    const expiring = lost.expire();
    lost.leaveCommit('unknown');
    expect(await expiring).toBe(false);

    const earlier = new RequestDeadline(60_000);
    earlier.enterCommit();
    earlier.leaveCommit('committed');
    expect(await earlier.expire()).toBe(false);
  });
});
