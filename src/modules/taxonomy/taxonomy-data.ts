import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * The product's compact taxonomy data in `data/taxonomy/`: gzip-compressed JSON lines, one
 * object per line, sorted, written by `npm run taxonomy:build` (scripts/build-taxonomy.ts) and
 * read by the import. `manifest.json` lists every file with its row count and the sha256 of
 * its uncompressed content; the data version is the sha256 over those.
 */

export interface OccupationRow {
  uri: string;
  code: string;
  iscoGroup: string;
  labelNl: string;
  labelEn: string;
  /** without the preferred label */
  altLabelsNl: string[];
  altLabelsEn: string[];
  /** NACE Rev. 2 sections, most frequent among the occupation's NACE codes first */
  sectors: string[];
  naceCodes: string[];
  brcClass: string | null;
  brcClassLabel: string | null;
  brcGroup: string | null;
  brcGroupLabel: string | null;
  skillsBasedSector: string | null;
}

export interface SkillRow {
  uri: string;
  skillType: string;
  reuseLevel: string | null;
  labelNl: string | null;
  labelEn: string;
  altLabelsNl: string[];
  altLabelsEn: string[];
  /** skill groups (own and inherited from broader skills), sorted by code; parallel arrays */
  groupCodes: string[];
  groupLabelsNl: string[];
  occupationCount: number;
}

export interface SkillGroupRow {
  uri: string;
  code: string;
  labelNl: string;
  labelEn: string;
}

export interface IscoGroupRow {
  code: string;
  labelNl: string;
  labelEn: string;
}

/** All skills of one occupation. */
export interface OccupationSkillsRow {
  occupationUri: string;
  essential: string[];
  optional: string[];
}

/** All broader concepts (skills or skill groups) of one skill or skill group. */
export interface SkillBroaderRow {
  uri: string;
  broader: string[];
}

export interface PostcodeRow {
  pc4: string;
  lat: number;
  lon: number;
  place: string;
  municipality: string;
  province: string;
}

export interface TaxonomyData {
  occupations: OccupationRow[];
  skills: SkillRow[];
  skillGroups: SkillGroupRow[];
  iscoGroups: IscoGroupRow[];
  occupationSkills: OccupationSkillsRow[];
  skillBroader: SkillBroaderRow[];
  postcodes: PostcodeRow[];
}

export type TaxonomyPart = keyof TaxonomyData;

/** File name of each part, in the order they are hashed. */
export const TAXONOMY_FILES: Record<TaxonomyPart, string> = {
  occupations: 'occupations.jsonl.gz',
  skills: 'skills.jsonl.gz',
  skillGroups: 'skill-groups.jsonl.gz',
  iscoGroups: 'isco-groups.jsonl.gz',
  occupationSkills: 'occupation-skills.jsonl.gz',
  skillBroader: 'skill-broader.jsonl.gz',
  postcodes: 'postcodes.jsonl.gz',
};
export const TAXONOMY_PARTS = Object.keys(TAXONOMY_FILES) as TaxonomyPart[];
export const MANIFEST_FILE = 'manifest.json';

export interface TaxonomyManifest {
  /** sha256 over the per-file hashes: what the import compares with the loaded version */
  version: string;
  description: string;
  files: Record<string, { rows: number; sha256: string }>;
  /** the shared files the build read, with their sha256, for reproducibility */
  sources: Record<string, string>;
}

export function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The data version: sha256 over `name:sha256` lines of the files, in TAXONOMY_FILES order. */
export function versionOf(fileHashes: Record<string, string>): string {
  return sha256(
    TAXONOMY_PARTS.map(
      (part) => `${TAXONOMY_FILES[part]}:${fileHashes[TAXONOMY_FILES[part]]}\n`,
    ).join(''),
  );
}

/** JSON lines, each ending in `\n`; the exact bytes that are hashed and gzipped. */
export function toJsonLines(rows: readonly object[]): string {
  return rows.map((row) => `${JSON.stringify(row)}\n`).join('');
}

/**
 * Finds `data/taxonomy` above this file, so the same code works from `src/` (ts-node, tests)
 * and from `dist/src/` (compiled).
 */
export function defaultTaxonomyDir(start = __dirname): string {
  let dir = start;
  for (;;) {
    const candidate = join(dir, 'data', 'taxonomy');
    if (existsSync(join(candidate, MANIFEST_FILE))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(
        `No data/taxonomy/${MANIFEST_FILE} found above ${start}; run npm run taxonomy:build or pass the directory`,
      );
    }
    dir = parent;
  }
}

export interface LoadedTaxonomy {
  version: string;
  data: TaxonomyData;
}

/**
 * Reads and checks every file against the manifest, so a half-copied or hand-edited file is
 * refused with a clear message instead of loading odd data.
 */
export function readTaxonomyData(dir: string): LoadedTaxonomy {
  const manifestPath = join(dir, MANIFEST_FILE);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as TaxonomyManifest;
  const hashes: Record<string, string> = {};
  const data = {} as Record<TaxonomyPart, unknown[]>;
  for (const part of TAXONOMY_PARTS) {
    const name = TAXONOMY_FILES[part];
    const expected = manifest.files[name];
    if (!expected)
      throw new Error(`${manifestPath} does not list ${name}; rebuild with npm run taxonomy:build`);
    const text = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
    hashes[name] = sha256(text);
    if (hashes[name] !== expected.sha256) {
      throw new Error(
        `${join(dir, name)} does not match ${MANIFEST_FILE} (sha256 differs); rebuild with npm run taxonomy:build`,
      );
    }
    const rows =
      text.length === 0
        ? []
        : text
            .slice(0, -1)
            .split('\n')
            .map((line) => JSON.parse(line) as unknown);
    if (rows.length !== expected.rows) {
      throw new Error(`${name} has ${rows.length} rows, ${MANIFEST_FILE} says ${expected.rows}`);
    }
    data[part] = rows;
  }
  const version = versionOf(hashes);
  if (version !== manifest.version) {
    throw new Error(
      `${manifestPath} version does not match its files; rebuild with npm run taxonomy:build`,
    );
  }
  return { version, data: data as unknown as TaxonomyData };
}
