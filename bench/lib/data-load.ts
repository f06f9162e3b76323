import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { DEMO_PASSWORD, DemoData, generateDemoData } from '../../scripts/demo/demo-data';
import { Random } from '../../scripts/demo/random';
import { loadTaxonomyLookup } from '../../scripts/demo/taxonomy-lookup';
import { hashPassword } from '../../src/modules/accounts/password';
import { UserEntity } from '../../src/modules/accounts/user.entity';
import { CandidateEntity } from '../../src/modules/candidates/candidate.entity';
import { EmployerLocationEntity } from '../../src/modules/employers/employer-location.entity';
import { EmployerEntity } from '../../src/modules/employers/employer.entity';
import { VacancyEntity } from '../../src/modules/vacancies/vacancy.entity';

/** What identifies a generated data set: the same spec always gives the same rows. */
export interface DatasetSpec {
  seed: number;
  counts: { employers: number; vacancies: number; candidates: number };
  /** Bumped when the bench's own additions to the demo data (the long tail) change. */
  longTail: number;
}

export const LONG_TAIL_VERSION = 1;

/** Rows per INSERT … SELECT FROM jsonb_populate_recordset. */
const INSERT_BATCH = 1000;

/**
 * Hobbies and vacancy requirements that occur in few documents (0.05-0.4 %): the demo
 * generator draws from short lists, so without these every word would be frequent.
 */
export const RARE_HOBBIES: { word: string; description: string; share: number }[] = [
  { word: 'imker', description: 'Houdt bijen en slingert honing als imker', share: 0.004 },
  {
    word: 'duivenmelker',
    description: 'Duivenmelker, verzorgt een hok met postduiven',
    share: 0.003,
  },
  { word: 'kantklossen', description: 'Kantklossen bij de handwerkclub', share: 0.002 },
  { word: 'modelspoorbaan', description: 'Bouwt een modelspoorbaan op zolder', share: 0.003 },
  { word: 'boekbinden', description: 'Boekbinden en oude boeken restaureren', share: 0.001 },
  { word: 'zeefdruk', description: 'Maakt posters met zeefdruk', share: 0.002 },
  { word: 'bonsai', description: 'Kweekt bonsai en geeft er workshops over', share: 0.0015 },
  { word: 'mandenvlechten', description: 'Mandenvlechten met wilgentenen', share: 0.001 },
  { word: 'glazenier', description: 'Glas-in-lood ramen maken als glazenier', share: 0.0008 },
  { word: 'edelsmeden', description: 'Edelsmeden: ringen en hangers van zilver', share: 0.001 },
  {
    word: 'beiaardier',
    description: 'Speelt als beiaardier op het carillon van de kerk',
    share: 0.0005,
  },
  {
    word: 'schapenscheerder',
    description: 'Helpt in het voorjaar als schapenscheerder',
    share: 0.0007,
  },
  {
    word: 'klokkenmaker',
    description: 'Repareert antieke klokken, hobby klokkenmaker',
    share: 0.0012,
  },
  {
    word: 'pianostemmer',
    description: 'Stemt piano’s als pianostemmer voor de muziekschool',
    share: 0.0009,
  },
  {
    word: 'reddingsbrigade',
    description: 'Vrijwilliger bij de reddingsbrigade aan het Weerwater',
    share: 0.0035,
  },
  { word: 'scheidsrechter', description: 'Scheidsrechter bij de amateurvoetbalbond', share: 0.004 },
];

export const RARE_REQUIREMENTS: { word: string; sentence: string; share: number }[] = [
  { word: 'reachtruck', sentence: 'Ervaring met een reachtruck is een pré.', share: 0.004 },
  { word: 'kardexlift', sentence: 'Je werkt met een kardexlift.', share: 0.002 },
  { word: 'vlakdrukpers', sentence: 'Bediening van de vlakdrukpers na inwerken.', share: 0.002 },
  { word: 'palletwikkelaar', sentence: 'Je stelt de palletwikkelaar in.', share: 0.003 },
  { word: 'gebarentaal', sentence: 'Kennis van gebarentaal is welkom.', share: 0.001 },
  { word: 'koelcel', sentence: 'Werken in de koelcel hoort erbij.', share: 0.004 },
  { word: 'schoonmaakrobot', sentence: 'Je bedient de schoonmaakrobot.', share: 0.0015 },
  { word: 'kassasysteem', sentence: 'Uitleg over het nieuwe kassasysteem volgt.', share: 0.003 },
];

/** Adds the rare hobbies and requirements to a deterministic few of the generated rows. */
export function addLongTail(data: DemoData, seed: number): void {
  const rng = new Random(seed ^ 0x5eed);
  for (const candidate of data.candidates)
    for (const hobby of RARE_HOBBIES)
      if (rng.chance(hobby.share))
        candidate.activities.push({
          kind: 'hobby',
          description: hobby.description,
          years: rng.int(1, 30),
        });
  for (const vacancy of data.vacancies)
    for (const requirement of RARE_REQUIREMENTS)
      if (rng.chance(requirement.share))
        vacancy.description = `${vacancy.description} ${requirement.sentence}`;
}

/** Generates the data set (demo generator plus the long tail); timed by the caller. */
export async function generateDataset(
  dataSource: DataSource,
  spec: DatasetSpec,
): Promise<DemoData> {
  const lookup = await loadTaxonomyLookup(dataSource);
  const data = generateDemoData(lookup, spec.counts, spec.seed);
  addLongTail(data, spec.seed);
  return data;
}

/**
 * Inserts rows with one `INSERT … SELECT FROM jsonb_populate_recordset` per batch: one round trip
 * and one parameter per 1,000 rows; columns the rows leave out get their defaults.
 */
export async function insertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: object[],
  batchSize = INSERT_BATCH,
): Promise<void> {
  if (rows.length === 0) return;
  const meta = manager.connection.getMetadata(entity);
  const present = new Set(rows.flatMap((row) => Object.keys(row)));
  // the version column has no database default: TypeORM writes 1 on insert, so do we
  const version = meta.versionColumn;
  const columns = meta.columns.filter((c) => present.has(c.propertyName) || c === version);
  const list = columns.map((c) => `"${c.databaseName}"`).join(', ');
  const sql = `INSERT INTO "${meta.tableName}" (${list})
    SELECT ${list} FROM jsonb_populate_recordset(NULL::"${meta.tableName}", $1::jsonb)`;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize).map((row) => {
      const values = row as Record<string, unknown>;
      return Object.fromEntries(
        columns.map((c) => [c.databaseName, c === version ? 1 : (values[c.propertyName] ?? null)]),
      );
    });
    await manager.query(sql, [JSON.stringify(batch)]);
  }
}

const MARKER_TABLE = 'bench_datasets';
/** Tables the data set fills; emptied before a different data set is loaded (audit_log is append-only and kept). */
const DATA_TABLES = [
  'candidates',
  'vacancies',
  'employer_contacts',
  'employer_locations',
  'employer_notes',
  'employers',
  'users',
  'outbox',
  'search_docs_candidates',
  'search_fields_candidates',
  'search_docs_vacancies',
  'search_fields_vacancies',
  'search_docs_employers',
  'search_fields_employers',
  'search_terms',
];

export interface LoadResult {
  /** false when the same data set was already in the database (nothing inserted). */
  inserted: boolean;
  insertMs: number;
  /** Milliseconds per table (only when inserted). */
  tableMs: Record<string, number>;
  rows: { users: number; employers: number; vacancies: number; candidates: number };
}

/**
 * Makes the database hold exactly `data` (generated from `spec`): skips when a marker row says
 * the same spec is loaded, otherwise empties the data tables and inserts everything in one
 * transaction together with the marker, so an interrupted load is redone on the next run.
 */
export async function loadDataset(
  dataSource: DataSource,
  spec: DatasetSpec,
  data: DemoData,
): Promise<LoadResult> {
  const rows = {
    users: data.users.length,
    employers: data.employers.length,
    vacancies: data.vacancies.length,
    candidates: data.candidates.length,
  };
  await dataSource.query(
    `CREATE TABLE IF NOT EXISTS ${MARKER_TABLE} (name text PRIMARY KEY, spec jsonb NOT NULL, insert_ms int NOT NULL, loaded_at timestamptz NOT NULL DEFAULT now())`,
  );
  const [marker] = await dataSource.query<{ spec: DatasetSpec; insert_ms: number }[]>(
    `SELECT spec, insert_ms FROM ${MARKER_TABLE} WHERE name = 'search'`,
  );
  if (marker && JSON.stringify(marker.spec) === JSON.stringify(spec))
    return { inserted: false, insertMs: marker.insert_ms, tableMs: {}, rows };

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const tableMs: Record<string, number> = {};
  const timed = async <T extends ObjectLiteral>(
    manager: EntityManager,
    entity: EntityTarget<T>,
    entityRows: object[],
  ) => {
    const tableStarted = performance.now();
    await insertRows(manager, entity, entityRows);
    const table = manager.connection.getMetadata(entity).tableName;
    tableMs[table] = (tableMs[table] ?? 0) + performance.now() - tableStarted;
  };
  const started = performance.now();
  await dataSource.transaction(async (manager) => {
    const existing = await manager.query<{ relname: string }[]>(
      `SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND relname = ANY($1::text[])`,
      [DATA_TABLES],
    );
    if (existing.length > 0)
      await manager.query(`TRUNCATE ${existing.map((t) => `"${t.relname}"`).join(', ')} CASCADE`);
    await manager.query(`DELETE FROM ${MARKER_TABLE}`);
    const staff = data.users.filter((u) => !u.employerId);
    const contacts = data.users.filter((u) => u.employerId);
    await timed(
      manager,
      UserEntity,
      staff.map((u) => ({ ...u, passwordHash, active: true })),
    );
    await timed(
      manager,
      EmployerEntity,
      data.employers.map(({ location: _location, ...employer }) => employer),
    );
    await timed(
      manager,
      EmployerLocationEntity,
      data.employers.map((e) => ({ ...e.location, employerId: e.id })),
    );
    await timed(
      manager,
      UserEntity,
      contacts.map((u) => ({ ...u, passwordHash, active: true })),
    );
    await timed(manager, VacancyEntity, data.vacancies);
    await timed(manager, CandidateEntity, data.candidates);
    await manager.query(
      `INSERT INTO ${MARKER_TABLE} (name, spec, insert_ms) VALUES ('search', $1, $2)`,
      [JSON.stringify(spec), Math.round(performance.now() - started)],
    );
  });
  const insertMs = performance.now() - started;
  await dataSource.query(`ANALYZE`);
  return { inserted: true, insertMs, tableMs, rows };
}
