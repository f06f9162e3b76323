import { labelsOf } from './taxonomy-import';

describe('searchable labels of a concept', () => {
  it('lists preferred labels first, Dutch and English, then the alternatives, normalised', () => {
    const rows = labelsOf('occupation', {
      uri: 'u',
      labelNl: 'Caissière',
      labelEn: 'cashier',
      altLabelsNl: ['kassamedewerker'],
      altLabelsEn: ['checkout operator'],
    });
    expect(rows.map((r) => [r.label, r.normalized, r.language, r.preferred])).toEqual([
      ['Caissière', 'caissiere', 'nl', true],
      ['cashier', 'cashier', 'en', true],
      ['kassamedewerker', 'kassamedewerker', 'nl', false],
      ['checkout operator', 'checkout operator', 'en', false],
    ]);
  });

  it('leaves out repeats within a language, and skills without a Dutch label', () => {
    const rows = labelsOf('skill', {
      uri: 'u',
      labelNl: null,
      labelEn: 'operate forklift',
      altLabelsNl: [],
      altLabelsEn: ['Operate  Forklift', 'drive forklift'],
    });
    expect(rows.map((r) => r.label)).toEqual(['operate forklift', 'drive forklift']);
    expect(rows.every((r) => r.conceptType === 'skill' && r.language === 'en')).toBe(true);
  });

  it('keeps the same word in both languages', () => {
    const rows = labelsOf('skill', {
      uri: 'u',
      labelNl: 'Haskell',
      labelEn: 'Haskell',
      altLabelsNl: [],
      altLabelsEn: [],
    });
    expect(rows.map((r) => r.language)).toEqual(['nl', 'en']);
  });
});
