import { searchWords } from './search-text';

describe('searchWords', () => {
  it('lower-cases, removes accents and keeps letters and digits only', () => {
    expect(searchWords('Coördinator & Café-medewerker, 2e lijn!')).toEqual([
      'coordinator',
      'cafe',
      'medewerker',
      '2e',
      'lijn',
    ]);
  });

  it('cuts a long word at 40 characters, never inside a letter outside the BMP', () => {
    const [word] = searchWords(`${'a'.repeat(39)}𐌰𐌱`);
    expect([...word]).toHaveLength(40);
    expect(word.endsWith('𐌰')).toBe(true);
    // no lone surrogate: JSON and PostgreSQL refuse half a letter
    expect(word).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
