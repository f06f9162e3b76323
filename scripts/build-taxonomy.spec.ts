import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readTaxonomyData } from '../src/modules/taxonomy/taxonomy-data';
import {
  altLabelsWithout,
  buildTaxonomy,
  byFrequency,
  parseCsv,
  parseCsvObjects,
  splitList,
  writeTaxonomy,
} from './build-taxonomy';

describe('CSV parsing (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'a,b,c\r\n1,"x, y","say ""hi"""\n2,"line one\nline two",\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
      ['2', 'line one\nline two', ''],
    ]);
  });

  it('drops a byte-order mark and copes with a missing final line break and empty fields', () => {
    expect(parseCsv('\ufeffa,b\n,')).toEqual([
      ['a', 'b'],
      ['', ''],
    ]);
    expect(parseCsv('')).toEqual([]);
  });

  it('refuses an unclosed quote, naming the line', () => {
    expect(() => parseCsv('a\n"open\n')).toThrow(/line 2/);
  });

  it('maps records to the header and refuses records longer than the header', () => {
    expect(parseCsvObjects('a,b\n1\n\n')).toEqual([{ a: '1', b: '' }]);
    expect(() => parseCsvObjects('a\n1,2', 'x.csv')).toThrow(/x\.csv: record 2 has 2 fields/);
  });
});

describe('cell helpers', () => {
  it('splits multi-value cells on " | " and on line breaks, dropping blanks and repeats', () => {
    expect(splitList('a | b  c |  | a')).toEqual(['a', 'b c']);
    expect(splitList('one\ntwo\r\nthree')).toEqual(['one', 'two', 'three']);
    expect(splitList('')).toEqual([]);
  });

  it('keeps alternative labels that differ from the preferred one, sorted', () => {
    expect(
      altLabelsWithout('heftruckchauffeur', [
        'Heftruckchauffeur',
        'vorkheftruck',
        'chauffeur heftruck',
        'Vorkhéftruck',
      ]),
    ).toEqual(['chauffeur heftruck', 'vorkheftruck']);
  });

  it('orders values by frequency, then alphabetically', () => {
    expect(byFrequency(['C', 'H', 'H', 'A', 'C', 'H'])).toEqual(['H', 'C', 'A']);
  });
});

// ---------------------------------------------------------------------------------------------

const ESCO = 'http://data.europa.eu/esco';
const O1 = `${ESCO}/occupation/00000000-0000-0000-0000-000000000001`;
const O2 = `${ESCO}/occupation/00000000-0000-0000-0000-000000000002`;
const GONE = `${ESCO}/occupation/00000000-0000-0000-0000-000000000009`;
const G_TOP = `${ESCO}/skill/10000000-0000-0000-0000-000000000000`;
const G1 = `${ESCO}/skill/10000000-0000-0000-0000-000000000001`;
const G_HIER = `${ESCO}/skill/10000000-0000-0000-0000-000000000002`;
const ISCED = `${ESCO}/isced-f/0613`;
const K1 = `${ESCO}/skill/20000000-0000-0000-0000-000000000001`;
const S1 = `${ESCO}/skill/20000000-0000-0000-0000-000000000002`;
const S2 = `${ESCO}/skill/20000000-0000-0000-0000-000000000003`;

function csv(rows: string[][]): string {
  return rows
    .map((row) => row.map((f) => (/[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(','))
    .join('\n');
}

function fixture(dir: string): void {
  const files: Record<string, string[][]> = {
    'sectors/esco_v1.2.1_occupation_nace21.csv': [
      ['conceptUri', 'escoCode', 'nace21_code', 'nace_rev2_section_approx'],
      [O1, '8344.1', '2899', 'C'],
      [O1, '8344.1', '521', 'H'],
      [O1, '8344.1', '5229', 'H'],
    ],
    'esco_v1.1.1/derived/occupations_nl_en_isco_brc.csv': [
      [
        'conceptUri',
        'escoCode',
        'iscoGroup',
        'preferredLabel_nl',
        'altLabels_nl',
        'preferredLabel_en',
        'altLabels_en',
        'brc2014_group',
        'brc2014_group_label',
        'brc2014_class',
        'brc2014_class_label',
        'nesta_skills_based_sector',
        'nace21_codes_from_v1.2.1',
      ],
      [
        O2,
        '5230.1',
        '5230',
        'kassamedewerker',
        'caissière | kassamedewerker',
        'cashier',
        '',
        '1111',
        'Verkopers',
        '03',
        'Commerciële beroepen',
        '',
        '',
      ],
      [
        O1,
        '8344.1',
        '8344',
        'heftruckchauffeur',
        'chauffeur heftruck\nHeftruckchauffeur',
        'forklift operator',
        'forklift driver',
        '1215',
        'Bedieners mobiele machines',
        '06',
        'Openbaar bestuur, veiligheid en ju...',
        'logistics workers',
        '521 | 2899 | 5229',
      ],
    ],
    'esco_v1.1.1/en/skillGroups_en.csv': [
      ['conceptUri', 'preferredLabel', 'code'],
      [G_TOP, 'skills', 'S'],
      [G1, 'operating lifting or moving equipment', 'S8.1.3'],
      [ISCED, 'software and applications development and analysis', ''],
    ],
    'esco_v1.1.1/nl/skillGroups_nl.csv': [
      ['conceptUri', 'preferredLabel', 'code'],
      [G_TOP, 'vaardigheden', 'S'],
      [G1, 'bedienen van hef- en transportapparatuur', 'S8.1.3'],
      [ISCED, 'ontwikkeling en analyse van software en toepassingen', ''],
    ],
    'esco_v1.1.1/en/skillsHierarchy_en.csv': [
      [
        'Level 0 URI',
        'Level 0 preferred term',
        'Level 1 URI',
        'Level 1 preferred term',
        'Level 0 code',
        'Level 1 code',
      ],
      [G_TOP, 'skills', G_HIER, 'positioning materials, tools or equipment', 'S', 'S6.8'],
    ],
    'esco_v1.1.1/nl/skillsHierarchy_nl.csv': [
      [
        'Level 0 URI',
        'Level 0 preferred term',
        'Level 1 URI',
        'Level 1 preferred term',
        'Level 0 code',
        'Level 1 code',
      ],
      [
        G_TOP,
        'vaardigheden',
        G_HIER,
        'positioneren van materialen, gereedschap en apparatuur',
        'S',
        'S6.8',
      ],
    ],
    'esco_v1.1.1/relations/broaderRelationsSkillPillar.csv': [
      ['conceptType', 'conceptUri', 'broaderType', 'broaderUri'],
      ['SkillGroup', G1, 'SkillGroup', G_TOP],
      ['SkillGroup', G_HIER, 'SkillGroup', G_TOP],
      ['KnowledgeSkillCompetence', K1, 'SkillGroup', ISCED],
      ['KnowledgeSkillCompetence', S1, 'SkillGroup', G1],
      ['KnowledgeSkillCompetence', S2, 'KnowledgeSkillCompetence', S1],
      ['KnowledgeSkillCompetence', S2, 'SkillGroup', G_HIER],
      ['KnowledgeSkillCompetence', `${ESCO}/skill/unknown`, 'SkillGroup', G1],
    ],
    'esco_v1.1.1/derived/skills_en_with_partial_nl.csv': [
      [
        'conceptUri',
        'skillType',
        'reuseLevel',
        'preferredLabel_en',
        'altLabels_en',
        'preferredLabel_nl',
        'altLabels_nl',
        'skillGroup_labels_nl',
      ],
      [
        S2,
        '',
        '',
        'position  tools',
        '',
        '',
        '',
        'bedienen van hef- en transportapparatuur | positioneren van materialen, gereedschap en apparatuur',
      ],
      [
        S1,
        'skill/competence',
        'cross-sector',
        'operate forklift',
        'drive forklift | operate forklift',
        '',
        '',
        'bedienen van hef- en transportapparatuur',
      ],
      [
        K1,
        'knowledge',
        'sector-specific',
        'Haskell',
        '',
        'Haskell',
        '',
        'ontwikkeling en analyse van software en toepassingen',
      ],
    ],
    'esco_v1.1.1/relations/occupationSkillRelations.csv': [
      ['occupationUri', 'relationType', 'skillType', 'skillUri'],
      [O1, 'essential', 'skill/competence', S1],
      [O1, 'optional', 'skill/competence', S2],
      [O1, 'optional', 'skill/competence', S1],
      [O2, 'essential', 'skill/competence', S1],
      [GONE, 'essential', 'skill/competence', S1],
    ],
    'esco_v1.1.1/nl/ISCOGroups_nl.csv': [
      ['code', 'preferredLabel'],
      ['8344', 'Heftruckbestuurders'],
      ['5230', 'Kassamedewerkers'],
    ],
    'esco_v1.1.1/en/ISCOGroups_en.csv': [
      ['code', 'preferredLabel'],
      ['8344', 'Lifting truck operators'],
      ['5230', 'Cashiers and ticket clerks'],
    ],
    'geo/pc4_nl.csv': [
      ['pc4', 'lat', 'lon', 'place', 'municipality', 'province'],
      ['1316', '52.36', '5.21', 'Almere', 'Almere', 'Flevoland'],
      ['1315', '52.3712', '5.2178', 'Almere, Stad', 'Almere', 'Flevoland'],
    ],
  };
  for (const [path, rows] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), csv(rows));
  }
}

describe('taxonomy build', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'taxonomy-build-'));
    fixture(join(dir, 'shared'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('derives occupations with sectors by frequency, full BRC labels and clean labels', () => {
    const { data } = buildTaxonomy(join(dir, 'shared'));
    expect(data.occupations.map((o) => o.code)).toEqual(['8344.1', '5230.1']); // sorted by URI
    expect(data.occupations[0]).toEqual({
      uri: O1,
      code: '8344.1',
      iscoGroup: '8344',
      labelNl: 'heftruckchauffeur',
      labelEn: 'forklift operator',
      altLabelsNl: ['chauffeur heftruck'],
      altLabelsEn: ['forklift driver'],
      sectors: ['H', 'C'],
      naceCodes: ['2899', '521', '5229'],
      brcClass: '06',
      brcClassLabel: 'Openbaar bestuur, veiligheid en juridische beroepen',
      brcGroup: '1215',
      brcGroupLabel: 'Bedieners mobiele machines',
      skillsBasedSector: 'logistics workers',
    });
    expect(data.occupations[1]).toMatchObject({
      sectors: [],
      altLabelsNl: ['caissière'],
      skillsBasedSector: null,
    });
  });

  it('gives every skill its groups, own and inherited, as parallel code and Dutch label lists', () => {
    const { data, warnings } = buildTaxonomy(join(dir, 'shared'));
    const byUri = new Map(data.skills.map((s) => [s.uri, s]));
    expect(byUri.get(K1)).toMatchObject({
      groupCodes: ['0613'],
      labelNl: 'Haskell',
      occupationCount: 0,
    });
    expect(byUri.get(S1)).toMatchObject({
      labelNl: null,
      altLabelsEn: ['drive forklift'],
      groupCodes: ['S8.1.3'],
      groupLabelsNl: ['bedienen van hef- en transportapparatuur'],
      occupationCount: 2,
    });
    expect(byUri.get(S2)).toMatchObject({
      labelEn: 'position tools',
      skillType: 'skill/competence',
      reuseLevel: null,
      groupCodes: ['S6.8', 'S8.1.3'],
      groupLabelsNl: [
        'positioneren van materialen, gereedschap en apparatuur',
        'bedienen van hef- en transportapparatuur',
      ],
    });
    expect(data.skillGroups.map((g) => g.code)).toEqual(['0613', 'S', 'S6.8', 'S8.1.3']);
    expect(warnings).toContain('1 broader relations to unknown concepts skipped');
    expect(warnings.join()).not.toMatch(/differ from the derived file/);
  });

  it('keeps relations between known concepts, essential winning over optional', () => {
    const { data, warnings } = buildTaxonomy(join(dir, 'shared'));
    expect(data.occupationSkills).toEqual([
      { occupationUri: O1, essential: [S1], optional: [S2] },
      { occupationUri: O2, essential: [S1], optional: [] },
    ]);
    expect(warnings.join()).toMatch(/1 occupation-skill relations .* skipped/);
    expect(data.postcodes).toEqual([
      {
        pc4: '1315',
        lat: 52.3712,
        lon: 5.2178,
        place: 'Almere, Stad',
        municipality: 'Almere',
        province: 'Flevoland',
      },
      {
        pc4: '1316',
        lat: 52.36,
        lon: 5.21,
        place: 'Almere',
        municipality: 'Almere',
        province: 'Flevoland',
      },
    ]);
  });

  it('writes the same bytes twice, and files the import reads back', () => {
    const first = writeTaxonomy(join(dir, 'out1'), buildTaxonomy(join(dir, 'shared')));
    const second = writeTaxonomy(join(dir, 'out2'), buildTaxonomy(join(dir, 'shared')));
    expect(second).toEqual(first);
    expect(readFileSync(join(dir, 'out2', 'skills.jsonl.gz'))).toEqual(
      readFileSync(join(dir, 'out1', 'skills.jsonl.gz')),
    );
    const loaded = readTaxonomyData(join(dir, 'out1'));
    expect(loaded.version).toBe(first.version);
    expect(loaded.data.skills).toHaveLength(3);
  });

  it('refuses files that do not match the manifest', () => {
    writeTaxonomy(join(dir, 'out3'), buildTaxonomy(join(dir, 'shared')));
    writeFileSync(
      join(dir, 'out3', 'postcodes.jsonl.gz'),
      readFileSync(join(dir, 'out1', 'skills.jsonl.gz')),
    );
    expect(() => readTaxonomyData(join(dir, 'out3'))).toThrow(
      /postcodes\.jsonl\.gz does not match manifest\.json/,
    );
  });
});
