import { sortSkills, toSkillSummary } from './taxonomy.service';

const skill = (labelNl: string | null, labelEn: string, groupLabelsNl: string[]) => ({
  uri: `http://data.europa.eu/esco/skill/${labelEn}`,
  skillType: 'skill/competence',
  reuseLevel: 'cross-sector',
  labelNl,
  labelEn,
  groupLabelsNl,
});

describe('skill labels shown to Dutch users', () => {
  it('shows the Dutch label where ESCO has one', () => {
    expect(toSkillSummary(skill('Nederlands', 'Dutch', ['talen']))).toMatchObject({
      label: 'Nederlands',
      hasDutchLabel: true,
      displayLabel: 'Nederlands',
    });
  });

  it('shows the English label with its Dutch skill groups otherwise', () => {
    expect(
      toSkillSummary(skill(null, 'operate forklift', ['bedienen van hef- en transportapparatuur'])),
    ).toMatchObject({
      label: 'operate forklift',
      hasDutchLabel: false,
      displayLabel: 'operate forklift (bedienen van hef- en transportapparatuur)',
    });
    expect(toSkillSummary(skill(null, 'x', ['a', 'b', 'c'])).displayLabel).toBe('x (a; b)');
  });

  it('lists Dutch-labelled skills first, in Dutch alphabetical order', () => {
    const sorted = sortSkills(
      [
        skill(null, 'apply safety rules', ['g']),
        skill('zorgvuldig werken', 'work carefully', ['g']),
        skill('Éénduidig communiceren', 'communicate clearly', ['g']),
        skill('afval scheiden', 'separate waste', ['g']),
      ].map(toSkillSummary),
    );
    expect(sorted.map((s) => s.label)).toEqual([
      'afval scheiden',
      'Éénduidig communiceren',
      'zorgvuldig werken',
      'apply safety rules',
    ]);
  });
});
