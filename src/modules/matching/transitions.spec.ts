import { GraphOccupation, GraphRows, TaxonomyGraph } from './taxonomy-graph';
import {
  computeTransitions,
  isOtherSector,
  SKILL_LEVEL_JUMP_FACTOR,
  skillLevelFactor,
  viability,
} from './transitions';
import { explainTransition } from './transitions.service';

const S = (name: string) => `http://data.europa.eu/esco/skill/${name}`;
const O = (name: string) => `http://data.europa.eu/esco/occupation/${name}`;

function occupation(overrides: Partial<GraphOccupation>): GraphOccupation {
  return {
    uri: O('x'),
    code: '9999.1',
    labelNl: 'x',
    iscoGroup: '7322',
    sectors: [],
    skillsBasedSector: null,
    essential: [],
    optional: [],
    ...overrides,
  };
}

describe('isOtherSector', () => {
  it('compares the destination’s main NACE section with all of the origin’s', () => {
    const printer = occupation({ sectors: ['C'] });
    expect(isOtherSector(printer, occupation({ sectors: ['H', 'C'] }))).toBe(true);
    expect(isOtherSector(printer, occupation({ sectors: ['C', 'H'] }))).toBe(false);
    expect(isOtherSector(occupation({ sectors: ['C', 'H'] }), occupation({ sectors: ['H'] }))).toBe(
      false,
    );
  });

  it('falls back to the skills-based sectors, and otherwise says no', () => {
    const a = occupation({ skillsBasedSector: 'manufacturing workers' });
    expect(isOtherSector(a, occupation({ sectors: ['H'], skillsBasedSector: 'drivers' }))).toBe(
      true,
    );
    expect(isOtherSector(a, occupation({ skillsBasedSector: 'manufacturing workers' }))).toBe(
      false,
    );
    expect(isOtherSector(occupation({}), occupation({ sectors: ['H'] }))).toBe(false);
  });
});

describe('viability and skill levels', () => {
  it.each([
    [0.8, 'zeer goed haalbaar'],
    [0.45, 'zeer goed haalbaar'],
    [0.44, 'haalbaar'],
    [0.3, 'haalbaar'],
    [0.29, 'met scholing'],
    [0.1, 'met scholing'],
  ])('%d is %s', (score, label) => {
    expect(viability(score)).toBe(label);
  });

  it('discounts a move two ISCO skill levels up, not one up or any down', () => {
    const elementary = occupation({ iscoGroup: '9333' });
    const craft = occupation({ iscoGroup: '7322' });
    const professional = occupation({ iscoGroup: '2611' });
    expect(skillLevelFactor(elementary, professional)).toBe(SKILL_LEVEL_JUMP_FACTOR);
    expect(skillLevelFactor(craft, professional)).toBe(SKILL_LEVEL_JUMP_FACTOR);
    expect(skillLevelFactor(elementary, craft)).toBe(1);
    expect(skillLevelFactor(professional, elementary)).toBe(1);
  });
});

describe('computeTransitions', () => {
  // an origin with skills a-f; destinations sharing fewer of them, in sector C or H
  const skills = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
  const destinations: [string, string, string[]][] = [
    ['same-1', 'C', ['a', 'b', 'c', 'd', 'g']],
    ['same-2', 'C', ['a', 'b', 'c', 'g']],
    ['other-1', 'H', ['a', 'b', 'c', 'h']],
    ['other-2', 'H', ['a', 'b', 'g', 'h']],
    ['one-shared', 'H', ['a', 'g', 'h']],
    ['none', 'H', ['g', 'h']],
  ];
  const rows: GraphRows = {
    skills: skills.map((name) => ({
      uri: S(name),
      skillType: 'skill/competence',
      reuseLevel: 'sector-specific',
      labelNl: name,
      labelEn: name,
      occupationCount: 3,
      groupCodes: [],
    })),
    broader: [],
    occupations: [
      { uri: O('origin'), code: '7322.1', iscoGroup: '7322', labelNl: 'origin', sectors: ['C'] },
      ...destinations.map(([name, sector], i) => ({
        uri: O(name),
        code: `7322.${i + 2}`,
        iscoGroup: '7322',
        labelNl: name,
        sectors: [sector],
      })),
    ],
    occupationSkills: [
      ...['a', 'b', 'c', 'd', 'e', 'f'].map((skill) => ({
        occupationUri: O('origin'),
        skillUri: S(skill),
        essential: true,
      })),
      ...destinations.flatMap(([name, , list]) =>
        list.map((skill) => ({ occupationUri: O(name), skillUri: S(skill), essential: true })),
      ),
    ],
  };
  const graph = TaxonomyGraph.fromRows(rows);

  it('ranks destinations by score, leaves out those with fewer than two skills covered', () => {
    const fromOrigin = computeTransitions(graph, 10).filter((row) => row.fromUri === O('origin'));
    expect(fromOrigin.map((row) => [row.toUri, row.rank, row.otherSector])).toEqual([
      [O('same-1'), 1, false],
      // a tie (3 of 4 skills): the lower ESCO code first
      [O('same-2'), 2, false],
      [O('other-1'), 3, true],
      [O('other-2'), 4, true],
    ]);
    const best = fromOrigin[0];
    expect(best.score).toBeCloseTo(4 / 5, 5);
    // only the score is stored; the API takes the shared skills and gaps from the graph
    const similarity = graph.occupationSimilarity(best.fromUri, best.toUri);
    expect(similarity.score).toBeCloseTo(best.score, 10);
    expect(similarity.shared).toEqual([S('a'), S('b'), S('c'), S('d')]);
    expect(similarity.missingEssential).toEqual([S('g')]);
  });

  it('keeps the best per occupation, and as many other-sector ones beyond them', () => {
    const kept = computeTransitions(graph, 1, new Set([O('origin')]));
    expect(kept.map((row) => [row.toUri, row.rank])).toEqual([
      [O('same-1'), 1],
      [O('other-1'), 3],
    ]);
  });
});

describe('explainTransition', () => {
  it('names up to three shared skills and two gaps in one Dutch sentence', () => {
    expect(explainTransition('drukker', 'orderpicker', ['a', 'b', 'c', 'd'], ['e', 'f', 'g'])).toBe(
      'Een drukker brengt ‘a’, ‘b’ en ‘c’ mee; voor orderpicker ontbreken nog ‘e’, ‘f’ en meer.',
    );
    expect(explainTransition('drukker', 'orderpicker', ['a'], ['e'])).toBe(
      'Een drukker brengt ‘a’ mee; voor orderpicker ontbreekt nog ‘e’.',
    );
    expect(explainTransition('drukker', 'offsetdrukker', ['a', 'b'], [])).toBe(
      'Een drukker brengt ‘a’ en ‘b’ mee en heeft daarmee alle essentiële vaardigheden voor offsetdrukker.',
    );
  });
});
