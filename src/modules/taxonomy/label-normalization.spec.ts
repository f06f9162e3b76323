import { cleanLabel, escapeLike, escapeRegex, normalizeLabel } from './label-normalization';

describe('label normalisation', () => {
  it('lower-cases, strips accents and collapses white space', () => {
    expect(normalizeLabel('  Caissière   Supermarkt ')).toBe('caissiere supermarkt');
    expect(normalizeLabel('HÉFTRUCKCHAUFFÉÜR')).toBe('heftruckchauffeur');
    expect(normalizeLabel('coördinator\tzorg\nen welzijn')).toBe('coordinator zorg en welzijn');
  });

  it('gives the same form for composed and decomposed accents', () => {
    const composed = 'ca\u00efssi\u00e8re';
    const decomposed = 'cai\u0308ssie\u0300re';
    expect(normalizeLabel(composed)).toBe(normalizeLabel(decomposed));
    expect(normalizeLabel(decomposed)).toBe('caissiere');
  });

  it('keeps punctuation that is part of a label', () => {
    expect(normalizeLabel('ICT-beveiliging (basis)')).toBe('ict-beveiliging (basis)');
  });

  it('cleans labels for display without changing case or accents', () => {
    expect(cleanLabel(' Caissière \u0007 hoofd ')).toBe('Caissière hoofd');
  });

  it('escapes LIKE wildcards and the escape character', () => {
    expect(escapeLike('50%_korting\\x')).toBe('50\\%\\_korting\\\\x');
    expect(escapeLike('kassa')).toBe('kassa');
  });

  it('escapes regular-expression characters but not letters, digits or accents', () => {
    expect(escapeRegex('c++ (basis).*')).toBe('c\\+\\+\\ \\(basis\\)\\.\\*');
    expect(escapeRegex('ø3é')).toBe('ø3é');
  });
});
