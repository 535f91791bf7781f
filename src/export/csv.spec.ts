import { csvField, csvRow } from './csv';

describe('csv', () => {
  it('quotes only when needed and doubles quotes', () => {
    expect(csvRow(['木雪娇', 0.62, null, 'a,b', 'say "hi"', 'two\nlines'])).toBe(
      '木雪娇,0.62,,"a,b","say ""hi""","two\nlines"\r\n',
    );
  });

  it('keeps spreadsheet formulas from running', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-3')).toBe(`'-3`);
    expect(csvField(-3)).toBe('-3');
  });
});
