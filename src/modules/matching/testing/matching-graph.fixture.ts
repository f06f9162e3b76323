import { GraphRows, TaxonomyGraph } from '../taxonomy-graph';

export const skill = (name: string) => `http://data.europa.eu/esco/skill/${name}`;
export const occupation = (name: string) => `http://data.europa.eu/esco/occupation/${name}`;

/**
 * A small taxonomy for the matching specs: printing, warehouse, bicycle workshop and customer
 * service. Skill: name -> [occupation count, reuse level, Dutch label, broader skill].
 */
const SKILLS: Record<string, [number, string, string, string?]> = {
  'operate-press': [3, 'occupation-specific', 'drukpers bedienen'],
  'offset-printing': [2, 'occupation-specific', 'offsetdrukken', 'operate-press'],
  'check-quality': [40, 'cross-sector', 'kwaliteit controleren'],
  'pick-orders': [4, 'sector-specific', 'orders verzamelen'],
  'stack-goods': [12, 'cross-sector', 'goederen stapelen'],
  'use-scanner': [10, 'cross-sector', 'handscanner gebruiken'],
  'operate-forklift': [8, 'sector-specific', 'heftruck besturen'],
  'repair-bicycles': [1, 'occupation-specific', 'fietsen repareren'],
  'tune-bicycles': [1, 'occupation-specific', 'fietsen afstellen', 'repair-bicycles'],
  'assist-customers': [60, 'transversal', 'klanten helpen'],
  'speak-turkish': [1, 'transversal', 'Turks spreken'],
  teamwork: [300, 'transversal', 'samenwerken'],
};

/** Occupation: name -> [code, sectors, essential, optional]. */
const OCCUPATIONS: Record<string, [string, string[], string[], string[]]> = {
  printer: ['7322.1', ['C'], ['operate-press', 'offset-printing', 'check-quality'], ['teamwork']],
  'order-picker': [
    '9333.8.1',
    ['H'],
    ['pick-orders', 'stack-goods', 'use-scanner'],
    ['operate-forklift', 'teamwork'],
  ],
  'bicycle-mechanic': [
    '7234.1',
    ['G'],
    ['repair-bicycles', 'tune-bicycles', 'assist-customers'],
    ['teamwork'],
  ],
  'customer-service': ['4225.1', ['N'], ['assist-customers'], ['speak-turkish', 'teamwork']],
};

export function matchingGraph(): TaxonomyGraph {
  const rows: GraphRows = {
    skills: Object.entries(SKILLS).map(([name, [occupationCount, reuseLevel, labelNl]]) => ({
      uri: skill(name),
      skillType: 'skill/competence',
      reuseLevel,
      labelNl,
      labelEn: name,
      occupationCount,
    })),
    broader: Object.entries(SKILLS)
      .filter(([, value]) => value[3])
      .map(([name, value]) => ({ skillUri: skill(name), broaderUri: skill(value[3]!) })),
    occupations: Object.entries(OCCUPATIONS).map(([name, [code, sectors]]) => ({
      uri: occupation(name),
      code,
      iscoGroup: code.slice(0, 4),
      labelNl: name,
      sectors,
    })),
    occupationSkills: Object.entries(OCCUPATIONS).flatMap(([name, [, , essential, optional]]) => [
      ...essential.map((s) => ({
        occupationUri: occupation(name),
        skillUri: skill(s),
        essential: true,
      })),
      ...optional.map((s) => ({
        occupationUri: occupation(name),
        skillUri: skill(s),
        essential: false,
      })),
    ]),
  };
  return TaxonomyGraph.fromRows(rows);
}
