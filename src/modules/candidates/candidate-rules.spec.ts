import { birthYearProblem, duplicateKeys, profileRuleErrors } from './candidate-rules';

const JAN_2026 = new Date('2026-01-15T12:00:00Z');

describe('programme rules', () => {
  it('birth year: 45 or older this year, not older than 80', () => {
    expect(birthYearProblem(1981, JAN_2026)).toBeNull();
    expect(birthYearProblem(1946, JAN_2026)).toBeNull();
    expect(birthYearProblem(1982, JAN_2026)).toMatch(/1981 or earlier.*45 or older/);
    expect(birthYearProblem(1945, JAN_2026)).toMatch(/1946 or later/);
    expect(birthYearProblem(1970.5, JAN_2026)).toMatch(/whole year/);
    expect(birthYearProblem('1970', JAN_2026)).toMatch(/whole year/);
  });

  const valid = {
    hoursMin: 16,
    hoursMax: 24,
    maxCommuteKm: null,
    maxCommuteMinutes: 30,
    sectorsOfInterest: ['H', 'G'],
    sectorsRefused: ['I'],
  };

  it('accepts a consistent profile', () => {
    expect(profileRuleErrors(valid)).toEqual([]);
    expect(profileRuleErrors({ ...valid, hoursMin: 24 })).toEqual([]);
  });

  it('names each field that breaks a rule across fields', () => {
    const errors = profileRuleErrors({
      hoursMin: 32,
      hoursMax: 20,
      maxCommuteKm: null,
      maxCommuteMinutes: null,
      sectorsOfInterest: ['H', 'C'],
      sectorsRefused: ['C', 'I'],
    });
    expect(errors.map((e) => e.field)).toEqual(['hoursMax', 'maxCommuteKm', 'sectorsRefused']);
    expect(errors[2].problems[0]).toContain('both contain C');
  });

  it('finds duplicate keys', () => {
    const languages = [{ language: 'nl' }, { language: 'tr' }, { language: 'nl' }];
    expect(duplicateKeys(languages, (l) => l.language)).toEqual(['nl']);
    expect(duplicateKeys([{ language: 'nl' }], (l) => l.language)).toEqual([]);
  });
});
