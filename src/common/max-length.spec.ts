import { validateSync } from 'class-validator';
import { charCount, MaxLength } from './max-length';

class Named {
  @MaxLength(5)
  name!: string;
}

function errorsFor(name: unknown): string[] {
  const input = Object.assign(new Named(), { name });
  return validateSync(input).flatMap((e) => Object.values(e.constraints ?? {}));
}

describe('MaxLength (characters as PostgreSQL counts them)', () => {
  it('counts variation selectors, which class-validator skips', () => {
    expect(charCount('ab\uFE0Fc\uFE0E')).toBe(5);
    expect(errorsFor('ab\uFE0Fc\uFE0E')).toEqual([]);
    expect(errorsFor('abc\uFE0F\uFE0F\uFE0F')).toEqual([
      'name must be shorter than or equal to 5 characters',
    ]);
  });

  it('counts a character outside the BMP once, as one code point', () => {
    expect(errorsFor('😀😀😀😀😀')).toEqual([]);
    expect(errorsFor('😀😀😀😀😀😀')).toHaveLength(1);
  });

  it('refuses what is not text', () => {
    expect(errorsFor(12345)).toHaveLength(1);
  });
});
