import {
  CREDIT,
  GraphRows,
  HELD_OPTIONAL_FACTOR,
  TaxonomyGraph,
  UNKNOWN_SKILL_WEIGHT,
} from './taxonomy-graph';

const S = (name: string) => `http://data.europa.eu/esco/skill/${name}`;
const O = (name: string) => `http://data.europa.eu/esco/occupation/${name}`;

// skills: [name, occupationCount, reuseLevel, groupCodes, Dutch label]
const SKILLS: [string, number, string, string[], string | null][] = [
  ['printing', 3, 'sector-specific', ['S8.1.1'], 'drukmachines bedienen'],
  ['offset', 2, 'occupation-specific', ['S8.1.1'], null],
  ['digital', 2, 'occupation-specific', ['S8.1.1'], null],
  ['digital-large', 1, 'occupation-specific', ['S8.1.1'], null],
  ['inks', 2, 'sector-specific', ['S8.2.2'], null],
  ['paper', 2, 'sector-specific', ['S8.2.2'], null],
  ['advise', 1, 'transversal', ['T4.2'], null],
  ['advise-law', 1, 'sector-specific', ['S2.1.1'], null],
  ['advise-pigs', 1, 'sector-specific', ['S2.2.1'], null],
  ['stack', 6, 'cross-sector', ['S6.4.1'], 'goederen stapelen'],
  ['pick', 2, 'sector-specific', ['S6.4.2'], 'orders verzamelen'],
  ['teamwork', 9, 'transversal', ['T4.4'], 'samenwerken'],
  ['turkish', 1, 'transversal', ['L1', 'T1.1'], 'Turks'],
  ['polish', 1, 'transversal', ['L1', 'T1.1'], 'Pools'],
  ['x', 2, 'cross-sector', ['S9.9.1'], null],
  ['y', 2, 'cross-sector', ['S9.9.2'], null],
];

const BROADER: [string, string][] = [
  ['offset', 'printing'],
  ['digital', 'printing'],
  ['digital-large', 'digital'],
  ['advise-law', 'advise'],
  ['advise-pigs', 'advise'],
];

// occupations: [name, code, sectors, essential, optional]
const OCCUPATIONS: [string, string, string[], string[], string[]][] = [
  ['printer', '7322.1', ['C'], ['offset', 'digital', 'inks', 'paper'], ['teamwork']],
  ['press-assistant', '7322.2', ['C'], ['offset'], ['teamwork']],
  ['order-picker', '9333.8', ['H', 'G'], ['stack', 'pick'], ['teamwork']],
  ['t1', '9999.1', ['N'], ['x'], ['y']],
  ['t2', '9999.2', ['N'], ['y'], ['x']],
  ['origin-x', '9999.3', ['N'], ['x'], []],
  ['lawyer', '2611.1', ['M'], ['advise-law'], ['teamwork']],
  ['pig-adviser', '2132.1', ['A'], ['advise-pigs', 'stack'], ['teamwork']],
  ['warehouse', '9333.1', ['H'], ['stack', 'printing'], ['teamwork']],
  ['large-format', '7322.3', ['C'], ['digital-large', 'paper'], ['teamwork']],
];

function rows(): GraphRows {
  return {
    skills: SKILLS.map(([name, occupationCount, reuseLevel, groupCodes, labelNl]) => ({
      uri: S(name),
      skillType: 'skill/competence',
      reuseLevel,
      labelNl,
      labelEn: name,
      occupationCount,
      groupCodes,
    })),
    broader: BROADER.map(([narrow, broad]) => ({ skillUri: S(narrow), broaderUri: S(broad) })),
    occupations: OCCUPATIONS.map(([name, code, sectors]) => ({
      uri: O(name),
      code,
      iscoGroup: code.slice(0, 4),
      labelNl: name,
      sectors,
    })),
    occupationSkills: OCCUPATIONS.flatMap(([name, , , essential, optional]) => [
      ...essential.map((skill) => ({
        occupationUri: O(name),
        skillUri: S(skill),
        essential: true,
      })),
      ...optional.map((skill) => ({
        occupationUri: O(name),
        skillUri: S(skill),
        essential: false,
      })),
    ]),
  };
}

describe('TaxonomyGraph', () => {
  const graph = TaxonomyGraph.fromRows(rows());

  it('looks occupations up by URI and code, skills with the Dutch label or else the English one', () => {
    expect(graph.occupationByCode('7322.1')?.uri).toBe(O('printer'));
    expect(graph.occupation(O('printer'))).toMatchObject({
      code: '7322.1',
      sectors: ['C'],
      essential: [S('digital'), S('inks'), S('offset'), S('paper')],
      optional: [S('teamwork')],
    });
    expect(graph.occupation(O('nope'))).toBeUndefined();
    expect(graph.skill(S('stack'))).toMatchObject({
      label: 'goederen stapelen',
      labelIsDutch: true,
    });
    expect(graph.skill(S('offset'))).toMatchObject({ label: 'offset', labelIsDutch: false });
  });

  describe('skillWeight', () => {
    it('weighs rarer skills more, within (0,1]', () => {
      const pick = graph.skillWeight(S('pick'));
      const stack = graph.skillWeight(S('stack'));
      const teamwork = graph.skillWeight(S('teamwork'));
      expect(pick).toBeGreaterThan(stack);
      expect(stack).toBeGreaterThan(teamwork);
      for (const weight of [pick, stack, teamwork]) {
        expect(weight).toBeGreaterThan(0);
        expect(weight).toBeLessThanOrEqual(1);
      }
    });

    it('gives an unknown skill a small default weight', () => {
      expect(graph.skillWeight(S('unknown'))).toBe(UNKNOWN_SKILL_WEIGHT);
      expect(UNKNOWN_SKILL_WEIGHT).toBeLessThan(graph.skillWeight(S('pick')));
    });
  });

  describe('skillCredit through the hierarchy', () => {
    it.each([
      ['offset', 'offset', CREDIT.same],
      ['offset', 'printing', CREDIT.heldNarrower],
      ['digital-large', 'printing', CREDIT.heldNarrower2],
      ['printing', 'offset', CREDIT.heldBroader],
      ['printing', 'digital-large', CREDIT.heldBroader2],
      ['offset', 'digital', CREDIT.sibling],
      ['offset', 'digital-large', CREDIT.relative],
      ['inks', 'paper', CREDIT.group],
      ['advise-law', 'advise', CREDIT.heldNarrower],
      ['advise', 'advise-law', CREDIT.heldGenericBroader],
      // siblings under a generic (transversal) skill share nothing specific
      ['advise-law', 'advise-pigs', 0],
      // one language does not stand in for another
      ['turkish', 'polish', 0],
      ['stack', 'printing', 0],
      ['stack', 'unknown', 0],
    ])('held %s, required %s: %d', (held, required, credit) => {
      expect(graph.skillCredit(S(held), S(required))).toBe(credit);
    });

    it('credits sharing a broader skill more than sharing only a skill group', () => {
      expect(CREDIT.sibling).toBeGreaterThan(CREDIT.relative);
      expect(CREDIT.relative).toBeGreaterThan(CREDIT.group);
      expect(CREDIT.group).toBeGreaterThan(0);
    });
  });

  describe('bestCredit', () => {
    it('returns the best held skill and which one it is', () => {
      const held = new Set([S('digital'), S('inks'), S('stack')]);
      expect(graph.bestCredit(held, S('digital'))).toEqual({ credit: 1, via: S('digital') });
      expect(graph.bestCredit(held, S('offset'))).toEqual({
        credit: CREDIT.sibling,
        via: S('digital'),
      });
      expect(graph.bestCredit(held, S('paper'))).toEqual({ credit: CREDIT.group, via: S('inks') });
      expect(graph.bestCredit(held, S('advise'))).toEqual({ credit: 0, via: null });
      expect(graph.bestCredit(new Set(), S('paper'))).toEqual({ credit: 0, via: null });
    });

    it('agrees with skillCredit for every held set and required skill', () => {
      const uris = SKILLS.map(([name]) => S(name));
      const small = [S('offset'), S('inks')];
      const large = uris.filter((_, i) => i % 2 === 0);
      for (const heldList of [small, large, uris]) {
        const held = new Set(heldList);
        for (const required of uris) {
          const expected = Math.max(0, ...heldList.map((h) => graph.skillCredit(h, required)));
          expect([required, graph.bestCredit(held, required).credit]).toEqual([required, expected]);
        }
      }
    });
  });

  describe('occupationSimilarity', () => {
    it('is asymmetric: the printer covers the press assistant fully, not the other way round', () => {
      const down = graph.occupationSimilarity(O('printer'), O('press-assistant'));
      const up = graph.occupationSimilarity(O('press-assistant'), O('printer'));
      // all but the optional teamwork, which the printer has only optionally itself
      expect(down.score).toBeGreaterThan(0.95);
      expect(down.missingEssential).toEqual([]);
      expect(up.score).toBeLessThan(0.6);
      expect(up.score).toBeGreaterThan(0);
      expect(up.missingEssential).toEqual(expect.arrayContaining([S('inks'), S('paper')]));
      // digital is a sibling of offset: partial credit, counted as shared
      expect(up.shared).toEqual([S('offset'), S('digital'), S('teamwork')]);
    });

    it('weighs the essential skills of the target more than its optional ones', () => {
      const essentialCovered = graph.occupationSimilarity(O('origin-x'), O('t1'));
      const optionalCovered = graph.occupationSimilarity(O('origin-x'), O('t2'));
      expect(essentialCovered.score).toBeGreaterThan(optionalCovered.score);
      expect(optionalCovered.missingEssential).toEqual([S('y')]);
      expect(essentialCovered.missingEssential).toEqual([]);
    });

    it('counts the origin’s optional skills at a discount', () => {
      // t1 has y only as an optional skill; t2 needs it as essential
      const viaOptional = graph.occupationSimilarity(O('t1'), O('t2'));
      expect(viaOptional.score).toBeGreaterThan(0);
      const printer = graph.coverage(O('printer'))!;
      expect(printer[graph.skillIndex(S('teamwork'))!]).toBeCloseTo(HELD_OPTIONAL_FACTOR, 5);
      expect(printer[graph.skillIndex(S('offset'))!]).toBe(1);
    });

    it('lists shared skills and gaps heaviest first', () => {
      const similarity = graph.occupationSimilarity(O('warehouse'), O('order-picker'));
      expect(similarity.shared).toEqual([S('stack'), S('teamwork')]);
      expect(similarity.missingEssential).toEqual([S('pick')]);
      expect(similarity.score).toBeGreaterThan(0);
      expect(similarity.score).toBeLessThan(1);
    });

    it('scores an occupation against itself 1 and unknown occupations 0', () => {
      expect(graph.occupationSimilarity(O('printer'), O('printer')).score).toBeCloseTo(1, 5);
      expect(graph.occupationSimilarity(O('nope'), O('printer'))).toEqual({
        score: 0,
        shared: [],
        missingEssential: [],
      });
      expect(graph.occupationSimilarity(O('printer'), O('nope')).score).toBe(0);
    });

    it('gives the hierarchy partial credit: a large-format printer covers part of the printer', () => {
      const similarity = graph.occupationSimilarity(O('large-format'), O('printer'));
      // digital-large is narrower than digital (0.8) and a relative of offset (0.3); paper is held
      expect(similarity.shared).toEqual(expect.arrayContaining([S('digital'), S('paper')]));
      expect(similarity.missingEssential).toEqual(expect.arrayContaining([S('offset')]));
      const plain = TaxonomyGraph.fromRows({ ...rows(), broader: [] });
      expect(similarity.score).toBeGreaterThan(
        plain.occupationSimilarity(O('large-format'), O('printer')).score,
      );
    });
  });
});
