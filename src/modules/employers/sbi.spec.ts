import { sectionOfSbi } from './sbi';

describe('sectionOfSbi', () => {
  it.each([
    ['0111', 'A'],
    ['1071', 'C'],
    ['4711', 'G'],
    ['5210', 'H'],
    ['52101', 'H'],
    ['5610', 'I'],
    ['8710', 'Q'],
    ['99', 'U'],
  ])('maps %s to section %s', (code, section) => {
    expect(sectionOfSbi(code)).toBe(section);
  });

  it.each(['04', '34', '40', '00'])('knows no section for division %s', (code) => {
    expect(sectionOfSbi(code)).toBeNull();
  });
});
