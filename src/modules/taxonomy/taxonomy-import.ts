import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { ensureTransitions, EnsureTransitionsResult } from '../matching/transitions-store';
import { normalizeLabel } from './label-normalization';
import {
  defaultTaxonomyDir,
  MANIFEST_FILE,
  readTaxonomyData,
  TaxonomyData,
  TaxonomyManifest,
} from './taxonomy-data';

export interface ImportTaxonomyOptions {
  /** directory with manifest.json and the .jsonl.gz files; default: the repo's data/taxonomy */
  dataDir?: string;
  /** load even when this data version is already loaded */
  force?: boolean;
}

export interface ImportTaxonomyResult {
  status: 'imported' | 'unchanged';
  version: string;
  /** rows per table (empty when unchanged) */
  counts: Record<string, number>;
  durationMs: number;
  /** the precomputed occupation transitions, brought in line with this taxonomy afterwards */
  transitions: EnsureTransitionsResult;
}

/** Serialises imports across processes (API, worker, CLI) on the same database. */
const IMPORT_LOCK = 0x7461786f; // "taxo"
const CHUNK = 20000;

/**
 * Loads data/taxonomy into the taxonomy tables in one transaction. Skips when the same data
 * version is already loaded (unless `force`); otherwise replaces everything: concept tables are
 * upserted and rows that left the data deleted (so rows referenced by vacancies keep their
 * key), relation and label tables are rewritten. Fills `taxonomy_labels` with the preferred and
 * alternative labels, Dutch and English, of occupations and skills, normalised for typeahead.
 * Then, in both cases, recomputes the occupation transitions when they are not from this
 * taxonomy (`ensureTransitions`), so every database that has the taxonomy has them too.
 */
export async function importTaxonomy(
  dataSource: DataSource,
  options: ImportTaxonomyOptions = {},
): Promise<ImportTaxonomyResult> {
  const result = await loadTaxonomy(dataSource, options);
  const transitions = await ensureTransitions(dataSource);
  return { ...result, transitions };
}

async function loadTaxonomy(
  dataSource: DataSource,
  options: ImportTaxonomyOptions,
): Promise<Omit<ImportTaxonomyResult, 'transitions'>> {
  const started = Date.now();
  const dir = options.dataDir ?? defaultTaxonomyDir();
  const manifest = JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as TaxonomyManifest;
  const unchanged = (): Omit<ImportTaxonomyResult, 'transitions'> => ({
    status: 'unchanged',
    version: manifest.version,
    counts: {},
    durationMs: Date.now() - started,
  });
  if (!options.force && (await loadedVersion(dataSource.manager)) === manifest.version) {
    return unchanged();
  }

  const { version, data } = readTaxonomyData(dir);
  return dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
    // another process may have loaded it while this one waited for the lock
    if (!options.force && (await loadedVersion(manager)) === version) return unchanged();

    await manager.query(
      'TRUNCATE occupation_skills, skill_broader, taxonomy_labels RESTART IDENTITY',
    );
    const counts: Record<string, number> = {};
    // an ESCO code that moved to another concept would collide with the unique index: free it
    await manager.query(
      `UPDATE occupations o SET code = '~' || o.uri
         FROM jsonb_to_recordset($1::jsonb) AS r(uri text, code text)
        WHERE r.code = o.code AND r.uri <> o.uri`,
      [JSON.stringify(data.occupations.map(({ uri, code }) => ({ uri, code })))],
    );
    counts.occupations = await replaceConcepts(manager, OCCUPATIONS, data.occupations);
    counts.skills = await replaceConcepts(manager, SKILLS, data.skills);
    counts.skill_groups = await replaceConcepts(manager, SKILL_GROUPS, data.skillGroups);
    counts.isco_groups = await replaceConcepts(manager, ISCO_GROUPS, data.iscoGroups);
    counts.postcodes = await replaceConcepts(manager, POSTCODES, data.postcodes);
    counts.occupation_skills = await withoutSecondaryIndexes(manager, 'occupation_skills', () =>
      insertOccupationSkills(manager, data),
    );
    counts.skill_broader = await insertSkillBroader(manager, data);
    counts.taxonomy_labels = await withoutSecondaryIndexes(manager, 'taxonomy_labels', () =>
      insertLabels(manager, data),
    );
    await manager.query(
      'ANALYZE occupations, skills, skill_groups, isco_groups, postcodes, occupation_skills, skill_broader, taxonomy_labels',
    );
    const durationMs = Date.now() - started;
    await manager.query(
      'INSERT INTO taxonomy_imports (version, counts, duration_ms) VALUES ($1, $2, $3)',
      [version, JSON.stringify(counts), durationMs],
    );
    return { status: 'imported' as const, version, counts, durationMs };
  });
}

/** The data version in the database, or null when no taxonomy was imported. */
export async function loadedVersion(manager: EntityManager): Promise<string | null> {
  const rows: { version: string }[] = await manager.query(
    'SELECT version FROM taxonomy_imports ORDER BY imported_at DESC, id DESC LIMIT 1',
  );
  return rows[0]?.version ?? null;
}

// ---------------------------------------------------------------------------------------------
// concept tables: upsert + delete what left the data

interface ConceptTable<Row> {
  table: string;
  key: string;
  /** database column, field of the data row, PostgreSQL type */
  columns: [column: string, field: keyof Row & string, type: string][];
  describe: string;
}

const OCCUPATIONS: ConceptTable<TaxonomyData['occupations'][number]> = {
  table: 'occupations',
  key: 'uri',
  describe: 'occupation',
  columns: [
    ['uri', 'uri', 'text'],
    ['code', 'code', 'text'],
    ['isco_group', 'iscoGroup', 'text'],
    ['label_nl', 'labelNl', 'text'],
    ['label_en', 'labelEn', 'text'],
    ['alt_labels_nl', 'altLabelsNl', 'text[]'],
    ['alt_labels_en', 'altLabelsEn', 'text[]'],
    ['sectors', 'sectors', 'text[]'],
    ['nace_codes', 'naceCodes', 'text[]'],
    ['brc_class', 'brcClass', 'text'],
    ['brc_class_label', 'brcClassLabel', 'text'],
    ['brc_group', 'brcGroup', 'text'],
    ['brc_group_label', 'brcGroupLabel', 'text'],
    ['skills_based_sector', 'skillsBasedSector', 'text'],
  ],
};

const SKILLS: ConceptTable<TaxonomyData['skills'][number]> = {
  table: 'skills',
  key: 'uri',
  describe: 'skill',
  columns: [
    ['uri', 'uri', 'text'],
    ['skill_type', 'skillType', 'text'],
    ['reuse_level', 'reuseLevel', 'text'],
    ['label_nl', 'labelNl', 'text'],
    ['label_en', 'labelEn', 'text'],
    ['alt_labels_nl', 'altLabelsNl', 'text[]'],
    ['alt_labels_en', 'altLabelsEn', 'text[]'],
    ['group_codes', 'groupCodes', 'text[]'],
    ['group_labels_nl', 'groupLabelsNl', 'text[]'],
    ['occupation_count', 'occupationCount', 'int'],
  ],
};

const SKILL_GROUPS: ConceptTable<TaxonomyData['skillGroups'][number]> = {
  table: 'skill_groups',
  key: 'uri',
  describe: 'skill group',
  columns: [
    ['uri', 'uri', 'text'],
    ['code', 'code', 'text'],
    ['label_nl', 'labelNl', 'text'],
    ['label_en', 'labelEn', 'text'],
  ],
};

const ISCO_GROUPS: ConceptTable<TaxonomyData['iscoGroups'][number]> = {
  table: 'isco_groups',
  key: 'code',
  describe: 'ISCO group',
  columns: [
    ['code', 'code', 'text'],
    ['label_nl', 'labelNl', 'text'],
    ['label_en', 'labelEn', 'text'],
  ],
};

const POSTCODES: ConceptTable<TaxonomyData['postcodes'][number]> = {
  table: 'postcodes',
  key: 'pc4',
  describe: 'postcode',
  columns: [
    ['pc4', 'pc4', 'text'],
    ['lat', 'lat', 'double precision'],
    ['lon', 'lon', 'double precision'],
    ['place', 'place', 'text'],
    ['municipality', 'municipality', 'text'],
    ['province', 'province', 'text'],
  ],
};

const PG_FOREIGN_KEY_VIOLATION = '23503';

async function replaceConcepts<Row extends object>(
  manager: EntityManager,
  spec: ConceptTable<Row>,
  rows: Row[],
): Promise<number> {
  // table, column and type names are the constants above; the data travels as one bound JSON value
  const columns = spec.columns.map(([column]) => `"${column}"`).join(', ');
  const fields = spec.columns.map(([, field]) => `r."${field}"`).join(', ');
  const recordType = spec.columns.map(([, field, type]) => `"${field}" ${type}`).join(', ');
  const values = spec.columns.filter(([column]) => column !== spec.key).map(([column]) => column);
  const updates = values.map((column) => `"${column}" = EXCLUDED."${column}"`).join(', ');
  // rows that did not change are left alone (no new row version)
  const changed =
    `(${values.map((column) => `"${spec.table}"."${column}"`).join(', ')}) IS DISTINCT FROM ` +
    `(${values.map((column) => `EXCLUDED."${column}"`).join(', ')})`;
  const sql =
    `INSERT INTO "${spec.table}" (${columns}) ` +
    `SELECT ${fields} FROM jsonb_to_recordset($1::jsonb) AS r(${recordType}) ` +
    `ON CONFLICT ("${spec.key}") DO UPDATE SET ${updates} WHERE ${changed}`;
  for (let i = 0; i < rows.length; i += CHUNK) {
    await manager.query(sql, [JSON.stringify(rows.slice(i, i + CHUNK))]);
  }
  const keyField = spec.columns.find(([column]) => column === spec.key)![1];
  const keys = rows.map((row) => String(row[keyField]));
  try {
    await manager.query(
      `DELETE FROM "${spec.table}" WHERE NOT ("${spec.key}"::text = ANY($1::text[]))`,
      [keys],
    );
  } catch (error: unknown) {
    const driverError = (
      error as QueryFailedError & { driverError?: { code?: string; detail?: string } }
    ).driverError;
    if (driverError?.code === PG_FOREIGN_KEY_VIOLATION) {
      throw new Error(
        `Cannot load the new taxonomy data: it drops ${spec.describe}s that other records still refer to ` +
          `(${driverError.detail ?? (error as Error).message}). Point those records at a current ` +
          `${spec.describe} first, or keep the old data; nothing was changed.`,
      );
    }
    throw error;
  }
  return rows.length;
}

// ---------------------------------------------------------------------------------------------
// relation and label tables: rewritten (truncated above) with unnest() over bound arrays

/**
 * Drops the table's indexes other than its constraints, runs `load`, and recreates them from
 * their catalogue definitions: one index build is much faster than 160k trigram index updates.
 */
async function withoutSecondaryIndexes<T>(
  manager: EntityManager,
  table: string,
  load: () => Promise<T>,
): Promise<T> {
  const indexes: { name: string; definition: string }[] = await manager.query(
    `SELECT i.indexname AS name, i.indexdef AS definition
       FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename = $1
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                         WHERE c.conrelid = $1::regclass AND c.conname = i.indexname)`,
    [table],
  );
  for (const index of indexes) {
    await manager.query(`DROP INDEX "${index.name.replace(/"/g, '""')}"`);
  }
  const result = await load();
  for (const index of indexes) await manager.query(index.definition);
  return result;
}

async function insertColumns(
  manager: EntityManager,
  sql: string,
  columns: unknown[][],
): Promise<number> {
  const total = columns[0].length;
  for (let i = 0; i < total; i += CHUNK) {
    await manager.query(
      sql,
      columns.map((column) => column.slice(i, i + CHUNK)),
    );
  }
  return total;
}

function insertOccupationSkills(manager: EntityManager, data: TaxonomyData): Promise<number> {
  const occupations: string[] = [];
  const skills: string[] = [];
  const essential: boolean[] = [];
  for (const row of data.occupationSkills) {
    for (const [list, flag] of [
      [row.essential, true],
      [row.optional, false],
    ] as const) {
      for (const skill of list) {
        occupations.push(row.occupationUri);
        skills.push(skill);
        essential.push(flag);
      }
    }
  }
  return insertColumns(
    manager,
    'INSERT INTO occupation_skills (occupation_uri, skill_uri, essential) SELECT * FROM unnest($1::text[], $2::text[], $3::boolean[])',
    [occupations, skills, essential],
  );
}

function insertSkillBroader(manager: EntityManager, data: TaxonomyData): Promise<number> {
  const narrower: string[] = [];
  const broader: string[] = [];
  for (const row of data.skillBroader) {
    for (const uri of row.broader) {
      narrower.push(row.uri);
      broader.push(uri);
    }
  }
  return insertColumns(
    manager,
    'INSERT INTO skill_broader (skill_uri, broader_uri) SELECT * FROM unnest($1::text[], $2::text[])',
    [narrower, broader],
  );
}

export interface LabelRow {
  conceptType: 'occupation' | 'skill';
  conceptUri: string;
  label: string;
  normalized: string;
  language: 'nl' | 'en';
  preferred: boolean;
}

/**
 * The searchable labels of one concept: preferred labels first, then alternatives; a label that
 * normalises to one already listed in the same language is left out.
 */
export function labelsOf(
  conceptType: LabelRow['conceptType'],
  concept: {
    uri: string;
    labelNl: string | null;
    labelEn: string;
    altLabelsNl: string[];
    altLabelsEn: string[];
  },
): LabelRow[] {
  const rows: LabelRow[] = [];
  const seen = new Set<string>();
  const add = (label: string | null, language: 'nl' | 'en', preferred: boolean) => {
    if (!label) return;
    const normalized = normalizeLabel(label);
    const key = `${language}:${normalized}`;
    if (!normalized || seen.has(key)) return;
    seen.add(key);
    rows.push({ conceptType, conceptUri: concept.uri, label, normalized, language, preferred });
  };
  add(concept.labelNl, 'nl', true);
  add(concept.labelEn, 'en', true);
  for (const label of concept.altLabelsNl) add(label, 'nl', false);
  for (const label of concept.altLabelsEn) add(label, 'en', false);
  return rows;
}

function insertLabels(manager: EntityManager, data: TaxonomyData): Promise<number> {
  const rows = [
    ...data.occupations.flatMap((occupation) => labelsOf('occupation', occupation)),
    ...data.skills.flatMap((skill) => labelsOf('skill', skill)),
  ];
  return insertColumns(
    manager,
    'INSERT INTO taxonomy_labels (concept_type, concept_uri, label, normalized, language, preferred) ' +
      'SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[])',
    [
      rows.map((r) => r.conceptType),
      rows.map((r) => r.conceptUri),
      rows.map((r) => r.label),
      rows.map((r) => r.normalized),
      rows.map((r) => r.language),
      rows.map((r) => r.preferred),
    ],
  );
}
