import { improvementPercent, inferBetterWhen } from './impact';

describe('improvementPercent', () => {
  it('measures a fall as the gain when lower is better (e-bikes in motor lanes, 38.5 → 4.7 %)', () => {
    expect(improvementPercent(38.5, 4.7, 'LOWER')).toBe(87.8);
  });

  it('measures a rise as the gain when higher is better (visitors 180k → 410k)', () => {
    expect(improvementPercent(180000, 410000, 'HIGHER')).toBe(127.8);
  });

  it('is negative when the change went the wrong way', () => {
    expect(improvementPercent(40, 50, 'LOWER')).toBe(-25);
    expect(improvementPercent(50, 40, 'HIGHER')).toBe(-20);
  });

  it('is 0 for no change, never -0', () => {
    expect(Object.is(improvementPercent(10, 10, 'LOWER'), 0)).toBe(true);
  });

  it('uses the size of a negative baseline, so a rise from -10 to 5 is +150 % when higher is better', () => {
    expect(improvementPercent(-10, 5, 'HIGHER')).toBe(150);
  });

  it('has no percentage from a baseline of 0', () => {
    expect(improvementPercent(0, 5, 'HIGHER')).toBeNull();
  });
});

describe('inferBetterWhen', () => {
  it('takes a rise or no change as HIGHER and a fall as LOWER', () => {
    expect(inferBetterWhen(1, 2)).toBe('HIGHER');
    expect(inferBetterWhen(2, 2)).toBe('HIGHER');
    expect(inferBetterWhen(38.5, 4.7)).toBe('LOWER');
  });
});
