import { labelledValues } from './enum-values';

describe('labelledValues', () => {
  it('reads "English (中文)" from the label dictionary, then the note', () => {
    expect(
      labelledValues(['TEMPORARY_ASSIGNMENT', 'REGULAR'], 'postingKind', { REGULAR: 'the own post.' }),
    ).toEqual({
      TEMPORARY_ASSIGNMENT: { description: 'Temporary assignment (挂职)' },
      REGULAR: { description: 'Regular (任职): the own post.' },
    });
  });

  it('does not repeat a Chinese term the English label already holds', () => {
    expect(labelledValues(['ADMONISHMENT'], 'sanctionKind')).toEqual({
      ADMONISHMENT: { description: 'Admonishment (诫勉)' },
    });
  });

  it('falls back to the note, and leaves a value with neither for the schema linter to report', () => {
    expect(labelledValues(['NEW_KIND', 'NEWER_KIND'], 'postingKind', { NEW_KIND: 'A new kind.' })).toEqual({
      NEW_KIND: { description: 'A new kind.' },
    });
  });
});
