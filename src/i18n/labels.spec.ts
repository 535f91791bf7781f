import { SANCTION_KINDS } from '../sanctions/sanction.entity';
import { LABELS, pickLocale } from './labels';

describe('labels (the one dictionary of code names)', () => {
  it('English names every code Chinese names, and nothing else', () => {
    const keys = (l: object) =>
      Object.entries(l).flatMap(([k, v]) =>
        typeof v === 'string' ? [k] : Object.keys(v as object).map((c) => `${k}.${c}`),
      );
    expect(keys(LABELS.en).sort()).toEqual(keys(LABELS['zh-CN']).sort());
  });

  it('no Chinese name is empty or repeats the code', () => {
    for (const [group, dict] of Object.entries(LABELS['zh-CN'])) {
      if (typeof dict === 'string') continue;
      for (const [code, name] of Object.entries(dict)) {
        expect([group, code, name.trim()]).not.toEqual([group, code, '']);
        expect(name).not.toBe(code);
      }
    }
  });

  it('names every kind of sanction (the flag message reads the names)', () => {
    expect(Object.keys(LABELS['zh-CN'].sanctionKind).sort()).toEqual([...SANCTION_KINDS].sort());
  });

  it.each([
    [undefined, undefined, 'zh-CN'],
    ['en', 'zh-CN', 'en'],
    [undefined, 'en-US,en;q=0.9', 'en'],
    [undefined, 'fr-FR, en;q=0.5', 'en'],
    [undefined, 'zh-TW', 'zh-CN'],
    [undefined, 'de', 'zh-CN'],
  ])('pickLocale(%s, %s) is %s', (explicit, accept, want) => {
    expect(pickLocale(explicit, accept)).toBe(want);
  });
});
