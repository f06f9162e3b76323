/**
 * Builds the product's compact taxonomy data (data/taxonomy/) from the shared reference files.
 *
 *   npm run taxonomy:build                      # reads ../shared/data
 *   SHARED_DATA_DIR=/path/to/data npm run taxonomy:build
 *
 * Output is deterministic: rows and arrays are sorted, JSON keys have a fixed order, and the
 * manifest holds no timestamps, so rebuilding from the same files gives the same bytes to hash.
 * See data/taxonomy/README.md for what is in each file.
 */
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cleanLabel, normalizeLabel } from '../src/modules/taxonomy/label-normalization';
import {
  IscoGroupRow,
  MANIFEST_FILE,
  OccupationRow,
  OccupationSkillsRow,
  PostcodeRow,
  SkillBroaderRow,
  SkillGroupRow,
  SkillRow,
  sha256,
  TAXONOMY_FILES,
  TAXONOMY_PARTS,
  TaxonomyData,
  TaxonomyManifest,
  toJsonLines,
  versionOf,
} from '../src/modules/taxonomy/taxonomy-data';

const ROOT = resolve(__dirname, '..');

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180)

/**
 * Parses CSV text: fields separated by commas, optionally quoted with `"`, quotes inside quoted
 * fields doubled, quoted fields may hold commas and line breaks; records end in LF or CRLF. A
 * leading byte-order mark is dropped. Throws on a quote that is never closed.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  if (i >= n) return records;
  for (;;) {
    let field: string;
    if (text[i] === '"') {
      const start = i;
      let value = '';
      i++;
      for (;;) {
        const quote = text.indexOf('"', i);
        if (quote < 0) {
          throw new Error(`Unclosed quoted field starting at line ${lineOf(text, start)}`);
        }
        value += text.slice(i, quote);
        if (text[quote + 1] === '"') {
          value += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      field = value;
    } else {
      let end = i;
      while (end < n && text[end] !== ',' && text[end] !== '\n' && text[end] !== '\r') end++;
      field = text.slice(i, end);
      i = end;
    }
    record.push(field);
    if (i >= n) {
      records.push(record);
      return records;
    }
    const char = text[i];
    if (char === ',') {
      i++;
      continue;
    }
    if (char === '\r' || char === '\n') {
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
      records.push(record);
      record = [];
      if (i >= n) return records;
      continue;
    }
    throw new Error(`Unexpected character after a quoted field at line ${lineOf(text, i)}`);
  }
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text[i] === '\n') line++;
  return line;
}

/** CSV with a header row as objects; a record longer than the header is an error. */
export function parseCsvObjects(text: string, source = 'CSV'): Record<string, string>[] {
  const [header, ...records] = parseCsv(text);
  if (!header) return [];
  return records
    .filter((record) => !(record.length === 1 && record[0] === ''))
    .map((record, index) => {
      if (record.length > header.length) {
        throw new Error(
          `${source}: record ${index + 2} has ${record.length} fields, header has ${header.length}`,
        );
      }
      const row: Record<string, string> = {};
      header.forEach((name, column) => (row[name] = record[column] ?? ''));
      return row;
    });
}

/**
 * Splits a multi-value cell. The derived files separate values with ` | `, the raw ESCO files
 * with line breaks; both are accepted. Values are cleaned, empty ones and repeats dropped.
 */
export function splitList(value: string | undefined): string[] {
  if (!value) return [];
  const seen = new Set<string>();
  for (const part of value.split(/\s*\|\s*|\r?\n/)) {
    const cleaned = cleanLabel(part);
    if (cleaned) seen.add(cleaned);
  }
  return [...seen];
}

// ---------------------------------------------------------------------------------------------
// helpers

/** Code-point order, independent of the machine's locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Alternative labels without the preferred label and without repeats that differ only in case or accents. */
export function altLabelsWithout(preferred: string | null, alternatives: string[]): string[] {
  const seen = new Set(preferred ? [normalizeLabel(preferred)] : []);
  const result: string[] = [];
  for (const label of alternatives) {
    const key = normalizeLabel(label);
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(label);
  }
  return result.sort(compareStrings);
}

/** Sections ordered by how often they occur (most first), then alphabetically. */
export function byFrequency(values: string[]): string[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a, ca], [b, cb]) => cb - ca || compareStrings(a, b))
    .map(([value]) => value);
}

function orNull(value: string | undefined): string | null {
  const cleaned = cleanLabel(value ?? '');
  return cleaned === '' ? null : cleaned;
}

/**
 * BRC 2014 occupation classes (CBS). The derived occupations file truncates long class labels
 * (`Bedrijfseconomische en administrat...`), so the full labels are listed here and checked
 * against the truncated ones during the build.
 */
export const BRC_CLASSES: Record<string, string> = {
  '01': 'Pedagogische beroepen',
  '02': 'Creatieve en taalkundige beroepen',
  '03': 'Commerciële beroepen',
  '04': 'Bedrijfseconomische en administratieve beroepen',
  '05': 'Managers',
  '06': 'Openbaar bestuur, veiligheid en juridische beroepen',
  '07': 'Technische beroepen',
  '08': 'ICT beroepen',
  '09': 'Agrarische beroepen',
  '10': 'Zorg en welzijn beroepen',
  '11': 'Dienstverlenende beroepen',
  '12': 'Transport en logistiek beroepen',
  '13': 'Beroepsklasse overig',
};

function fullBrcClassLabel(code: string, given: string): string {
  const full = BRC_CLASSES[code];
  const prefix = given.replace(/\.\.\.$/, '');
  if (!full || !full.startsWith(prefix)) {
    throw new Error(`BRC class ${code} "${given}" does not match the known label "${full}"`);
  }
  return full;
}

const NACE_SECTIONS = new Set('ABCDEFGHIJKLMNOPQRSTU'.split(''));
const ISCED_PREFIX = 'http://data.europa.eu/esco/isced-f/';

// ---------------------------------------------------------------------------------------------
// build

export interface BuildResult {
  data: TaxonomyData;
  warnings: string[];
  sources: Record<string, string>;
}

/** Reads the shared files and derives the product's data. Pure apart from reading `sharedDir`. */
export function buildTaxonomy(sharedDir: string): BuildResult {
  const warnings: string[] = [];
  const sources: Record<string, string> = {};
  const read = (path: string): Record<string, string>[] => {
    const buffer = readFileSync(join(sharedDir, path));
    sources[path] = sha256(buffer);
    return parseCsvObjects(buffer.toString('utf8'), path);
  };
  const readRecords = (path: string): string[][] => {
    const buffer = readFileSync(join(sharedDir, path));
    sources[path] = sha256(buffer);
    return parseCsv(buffer.toString('utf8'));
  };

  // -- sectors per occupation (NACE Rev. 2 sections, approximated from NACE 2.1 codes)
  const sectionsByOccupation = new Map<string, string[]>();
  for (const row of read('sectors/esco_v1.2.1_occupation_nace21.csv')) {
    const section = row.nace_rev2_section_approx;
    if (!NACE_SECTIONS.has(section)) {
      warnings.push(`occupation ${row.conceptUri}: NACE section "${section}" skipped`);
      continue;
    }
    const list = sectionsByOccupation.get(row.conceptUri) ?? [];
    list.push(section);
    sectionsByOccupation.set(row.conceptUri, list);
  }

  // -- occupations
  const occupations: OccupationRow[] = read(
    'esco_v1.1.1/derived/occupations_nl_en_isco_brc.csv',
  ).map((row) => {
    const labelNl = cleanLabel(row.preferredLabel_nl);
    const labelEn = cleanLabel(row.preferredLabel_en);
    if (!row.conceptUri || !row.escoCode || !labelNl || !labelEn) {
      throw new Error(
        `occupation row without uri, code or labels: ${JSON.stringify(row).slice(0, 200)}`,
      );
    }
    const brcClass = orNull(row.brc2014_class);
    return {
      uri: row.conceptUri,
      code: row.escoCode,
      iscoGroup: row.iscoGroup,
      labelNl,
      labelEn,
      altLabelsNl: altLabelsWithout(labelNl, splitList(row.altLabels_nl)),
      altLabelsEn: altLabelsWithout(labelEn, splitList(row.altLabels_en)),
      sectors: byFrequency(sectionsByOccupation.get(row.conceptUri) ?? []),
      naceCodes: splitList(row['nace21_codes_from_v1.2.1']).sort(compareStrings),
      brcClass,
      brcClassLabel: brcClass ? fullBrcClassLabel(brcClass, row.brc2014_class_label) : null,
      brcGroup: orNull(row.brc2014_group),
      brcGroupLabel: orNull(row.brc2014_group_label),
      skillsBasedSector: orNull(row.nesta_skills_based_sector),
    };
  });
  occupations.sort((a, b) => compareStrings(a.uri, b.uri));
  const occupationUris = new Set(occupations.map((o) => o.uri));
  if (new Set(occupations.map((o) => o.code)).size !== occupations.length) {
    throw new Error('ESCO codes of occupations are not unique');
  }

  // -- skill groups: ESCO skill group files, plus groups only present in the hierarchy file
  const groupsEn = new Map(
    read('esco_v1.1.1/en/skillGroups_en.csv').map((row) => [row.conceptUri, row]),
  );
  const groupsNl = new Map(
    read('esco_v1.1.1/nl/skillGroups_nl.csv').map((row) => [row.conceptUri, row]),
  );
  const hierarchy = (language: 'nl' | 'en'): Map<string, { label: string; code: string }> => {
    const [header, ...records] = readRecords(
      `esco_v1.1.1/${language}/skillsHierarchy_${language}.csv`,
    );
    const result = new Map<string, { label: string; code: string }>();
    for (const record of records) {
      for (let level = 0; level < 4; level++) {
        const uri = record[header.indexOf(`Level ${level} URI`)];
        if (!uri) continue;
        result.set(uri, {
          label: cleanLabel(record[header.indexOf(`Level ${level} preferred term`)] ?? ''),
          code: cleanLabel(record[header.indexOf(`Level ${level} code`)] ?? ''),
        });
      }
    }
    return result;
  };
  const hierarchyNl = hierarchy('nl');
  const hierarchyEn = hierarchy('en');
  const broaderRows = read('esco_v1.1.1/relations/broaderRelationsSkillPillar.csv');
  const groupUris = new Set<string>([...groupsEn.keys()]);
  for (const row of broaderRows) {
    if (row.conceptType === 'SkillGroup') groupUris.add(row.conceptUri);
    if (row.broaderType === 'SkillGroup') groupUris.add(row.broaderUri);
  }
  const skillGroups: SkillGroupRow[] = [];
  for (const uri of groupUris) {
    const labelNl = cleanLabel(
      groupsNl.get(uri)?.preferredLabel ?? hierarchyNl.get(uri)?.label ?? '',
    );
    const labelEn = cleanLabel(
      groupsEn.get(uri)?.preferredLabel ?? hierarchyEn.get(uri)?.label ?? '',
    );
    // ISCED-F fields (the knowledge groups) have no ESCO code; their ISCED-F code is in the URI
    const code =
      cleanLabel(groupsEn.get(uri)?.code ?? '') ||
      hierarchyEn.get(uri)?.code ||
      (uri.startsWith(ISCED_PREFIX) ? uri.slice(ISCED_PREFIX.length) : '');
    if (!labelNl || !labelEn || !code) {
      throw new Error(
        `skill group ${uri} lacks a code or a label (nl "${labelNl}", en "${labelEn}")`,
      );
    }
    skillGroups.push({ uri, code, labelNl, labelEn });
  }
  skillGroups.sort((a, b) => compareStrings(a.code, b.code) || compareStrings(a.uri, b.uri));
  const groupByUri = new Map(skillGroups.map((group) => [group.uri, group]));

  // -- skills (without groups and counts yet)
  const skillRows = read('esco_v1.1.1/derived/skills_en_with_partial_nl.csv');
  const skillUris = new Set(skillRows.map((row) => row.conceptUri));

  // -- hierarchy: every broader relation between known concepts
  const broaderOf = new Map<string, Set<string>>();
  let unknownBroader = 0;
  for (const row of broaderRows) {
    const known = (uri: string) => skillUris.has(uri) || groupByUri.has(uri);
    if (!known(row.conceptUri) || !known(row.broaderUri)) {
      unknownBroader++;
      continue;
    }
    const set = broaderOf.get(row.conceptUri) ?? new Set<string>();
    set.add(row.broaderUri);
    broaderOf.set(row.conceptUri, set);
  }
  if (unknownBroader)
    warnings.push(`${unknownBroader} broader relations to unknown concepts skipped`);
  const skillBroader: SkillBroaderRow[] = [...broaderOf.entries()]
    .map(([uri, set]) => ({ uri, broader: [...set].sort(compareStrings) }))
    .sort((a, b) => compareStrings(a.uri, b.uri));

  /** The skill groups of a skill: its own, and those of its broader skills, transitively. */
  const groupsCache = new Map<string, Set<string>>();
  const groupsOf = (uri: string, path: Set<string> = new Set()): Set<string> => {
    const cached = groupsCache.get(uri);
    if (cached) return cached;
    const result = new Set<string>();
    path.add(uri);
    for (const broader of broaderOf.get(uri) ?? []) {
      if (groupByUri.has(broader)) result.add(broader);
      else if (!path.has(broader)) for (const group of groupsOf(broader, path)) result.add(group);
    }
    path.delete(uri);
    groupsCache.set(uri, result);
    return result;
  };

  // -- occupation -> skill relations
  const relations = new Map<string, { essential: Set<string>; optional: Set<string> }>();
  const occupationsPerSkill = new Map<string, Set<string>>();
  let unknownRelations = 0;
  for (const row of read('esco_v1.1.1/relations/occupationSkillRelations.csv')) {
    if (!occupationUris.has(row.occupationUri) || !skillUris.has(row.skillUri)) {
      unknownRelations++;
      continue;
    }
    if (row.relationType !== 'essential' && row.relationType !== 'optional') {
      throw new Error(`unknown relation type "${row.relationType}"`);
    }
    const entry = relations.get(row.occupationUri) ?? { essential: new Set(), optional: new Set() };
    entry[row.relationType].add(row.skillUri);
    relations.set(row.occupationUri, entry);
    const occupationSet = occupationsPerSkill.get(row.skillUri) ?? new Set();
    occupationSet.add(row.occupationUri);
    occupationsPerSkill.set(row.skillUri, occupationSet);
  }
  if (unknownRelations) {
    warnings.push(
      `${unknownRelations} occupation-skill relations to occupations or skills not in ESCO v1.1.1 skipped`,
    );
  }
  const occupationSkills: OccupationSkillsRow[] = [...relations.entries()]
    .map(([occupationUri, { essential, optional }]) => ({
      occupationUri,
      essential: [...essential].sort(compareStrings),
      // essential wins when a pair is listed both ways
      optional: [...optional].filter((uri) => !essential.has(uri)).sort(compareStrings),
    }))
    .sort((a, b) => compareStrings(a.occupationUri, b.occupationUri));

  // -- skills, complete
  let groupLabelDifferences = 0;
  const skills: SkillRow[] = skillRows.map((row) => {
    const labelEn = cleanLabel(row.preferredLabel_en);
    const labelNl = orNull(row.preferredLabel_nl);
    const groups = [...groupsOf(row.conceptUri)]
      .map((uri) => groupByUri.get(uri)!)
      .sort((a, b) => compareStrings(a.code, b.code) || compareStrings(a.uri, b.uri));
    // cross-check with the Dutch group labels of the derived file
    const derived = new Set(splitList(row.skillGroup_labels_nl));
    const ours = new Set(groups.map((g) => g.labelNl));
    if (derived.size !== ours.size || [...derived].some((label) => !ours.has(label)))
      groupLabelDifferences++;
    if (!labelEn) throw new Error(`skill ${row.conceptUri} has no English label`);
    return {
      uri: row.conceptUri,
      // ESCO leaves six DigComp competences untyped; they are competences
      skillType: row.skillType || 'skill/competence',
      reuseLevel: orNull(row.reuseLevel),
      labelNl,
      labelEn,
      altLabelsNl: altLabelsWithout(labelNl, splitList(row.altLabels_nl)),
      altLabelsEn: altLabelsWithout(labelEn, splitList(row.altLabels_en)),
      groupCodes: groups.map((g) => g.code),
      groupLabelsNl: groups.map((g) => g.labelNl),
      occupationCount: occupationsPerSkill.get(row.conceptUri)?.size ?? 0,
    };
  });
  skills.sort((a, b) => compareStrings(a.uri, b.uri));
  if (groupLabelDifferences) {
    warnings.push(
      `${groupLabelDifferences} skills whose Dutch group labels differ from the derived file`,
    );
  }
  const withoutGroup = skills.filter((s) => s.groupCodes.length === 0).length;
  if (withoutGroup) warnings.push(`${withoutGroup} skills without a skill group`);

  // -- ISCO groups
  const iscoNl = new Map(read('esco_v1.1.1/nl/ISCOGroups_nl.csv').map((row) => [row.code, row]));
  const iscoGroups: IscoGroupRow[] = read('esco_v1.1.1/en/ISCOGroups_en.csv')
    .map((row) => ({
      code: row.code,
      labelNl: cleanLabel(iscoNl.get(row.code)?.preferredLabel ?? ''),
      labelEn: cleanLabel(row.preferredLabel),
    }))
    .sort((a, b) => compareStrings(a.code, b.code));
  for (const group of iscoGroups) {
    if (!group.code || !group.labelNl || !group.labelEn)
      throw new Error(`ISCO group ${group.code} lacks a label`);
  }

  // -- postcodes
  const postcodes: PostcodeRow[] = read('geo/pc4_nl.csv')
    .map((row) => {
      const lat = Number(row.lat);
      const lon = Number(row.lon);
      if (!/^\d{4}$/.test(row.pc4) || !Number.isFinite(lat) || !Number.isFinite(lon)) {
        throw new Error(`bad postcode row ${JSON.stringify(row)}`);
      }
      return {
        pc4: row.pc4,
        lat,
        lon,
        place: cleanLabel(row.place),
        municipality: cleanLabel(row.municipality),
        province: cleanLabel(row.province),
      };
    })
    .sort((a, b) => compareStrings(a.pc4, b.pc4));

  return {
    data: {
      occupations,
      skills,
      skillGroups,
      iscoGroups,
      occupationSkills,
      skillBroader,
      postcodes,
    },
    warnings,
    sources,
  };
}

/** Writes the files and the manifest; returns the manifest. */
export function writeTaxonomy(outDir: string, result: BuildResult): TaxonomyManifest {
  mkdirSync(outDir, { recursive: true });
  const files: TaxonomyManifest['files'] = {};
  const hashes: Record<string, string> = {};
  for (const part of TAXONOMY_PARTS) {
    const name = TAXONOMY_FILES[part];
    const rows = result.data[part];
    const text = toJsonLines(rows);
    hashes[name] = sha256(text);
    files[name] = { rows: rows.length, sha256: hashes[name] };
    writeFileSync(join(outDir, name), gzipSync(text, { level: 9 }));
  }
  const manifest: TaxonomyManifest = {
    version: versionOf(hashes),
    description:
      'Werkspoor 45+ taxonomy data derived from ESCO v1.1.1 (nl+en), CBS BRC 2014, NACE codes from ESCO v1.2.1, Nesta skills-based sectors and GeoNames PC4 centroids. Built by npm run taxonomy:build; see README.md.',
    files,
    sources: Object.fromEntries(
      Object.entries(result.sources).sort(([a], [b]) => compareStrings(a, b)),
    ),
  };
  writeFileSync(join(outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

function main(): void {
  const started = Date.now();
  const sharedDir = resolve(process.env.SHARED_DATA_DIR ?? join(ROOT, '..', 'shared', 'data'));
  const outDir = join(ROOT, 'data', 'taxonomy');
  const result = buildTaxonomy(sharedDir);
  const manifest = writeTaxonomy(outDir, result);
  for (const warning of result.warnings) console.warn(`note: ${warning}`);
  for (const [name, { rows }] of Object.entries(manifest.files))
    console.log(`${name}: ${rows} rows`);
  console.log(
    `Wrote ${relative(process.cwd(), outDir) || '.'} (version ${manifest.version.slice(0, 12)}) from ${sharedDir} in ${Date.now() - started} ms`,
  );
}

if (require.main === module) {
  try {
    main();
  } catch (error: unknown) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
