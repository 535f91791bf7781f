import { unstorableReason, unstorableText } from './text';

describe('unstorableText', () => {
  it('finds NUL and unpaired surrogates, and passes paired surrogates and every other character', () => {
    expect(unstorableReason('name', 'a\u0000b')).toBe('name holds U+0000 (NUL), which cannot be stored.');
    for (const bad of ['\ud800', '\udfff', 'a\udc00b', '\udfff\ud800', '😀'.slice(0, 1)]) {
      expect(unstorableReason('name', bad)).toMatch(/unpaired UTF-16 surrogate/);
    }
    for (const good of ['', ' ', '😀', '𠜎𠜱', '\u202e', '\ufeff', '\ufffd', 'e\u0301', '\u0001', "'; --"]) {
      expect(unstorableReason('name', good)).toBeNull();
    }
  });

  it('names the path of each problem, keys included, and leaves skipped subtrees alone', () => {
    const value = {
      a: 'ok',
      records: [{ name: '\u0000' }],
      input: { list: ['x', '\ud800'], ['k\u0000']: 1 },
    };
    expect(unstorableText(value).map((p) => p.field)).toEqual([
      'records.0.name',
      'input.list.1',
      'input.k\\u0000',
    ]);
    expect(unstorableText(value, { skip: (path) => path === 'records', limit: 1 })).toEqual([
      {
        field: 'input.list.1',
        message:
          'input.list.1 holds an unpaired UTF-16 surrogate (not valid Unicode), which cannot be stored.',
      },
    ]);
    expect(unstorableText('\u0000', { path: 'id' })).toEqual([
      { field: 'id', message: 'id holds U+0000 (NUL), which cannot be stored.' },
    ]);
  });
});
