import { DataSource, EntityManager } from 'typeorm';
import { TaxonomyGraph } from './taxonomy-graph';
import { computeTransitions, TRANSITIONS_ALGORITHM_VERSION, TransitionRow } from './transitions';

export interface EnsureTransitionsOptions {
  /** recompute even when the marker matches */
  force?: boolean;
}

export interface EnsureTransitionsResult {
  status: 'computed' | 'unchanged' | 'no-taxonomy';
  /** the loaded taxonomy's data version */
  taxonomyVersion: string | null;
  algorithmVersion: string;
  /** rows written (0 when unchanged) */
  rows: number;
  durationMs: number;
}

/** Serialises recomputations across processes on the same database. */
const TRANSITIONS_LOCK = 0x74726e73; // "trns"
const CHUNK = 20000;

/**
 * Makes `occupation_transitions` match the loaded taxonomy and TRANSITIONS_ALGORITHM_VERSION:
 * when the one-row marker says otherwise (or `force`), computes all transitions in memory and
 * rewrites the table in one transaction under an advisory lock, so readers see the old rows
 * or the new ones, never a mix. Called at the end of every taxonomy import.
 */
export async function ensureTransitions(
  dataSource: DataSource,
  options: EnsureTransitionsOptions = {},
): Promise<EnsureTransitionsResult> {
  const started = Date.now();
  const taxonomyVersion = await loadedTaxonomyVersion(dataSource.manager);
  const result = (status: EnsureTransitionsResult['status'], rows = 0) => ({
    status,
    taxonomyVersion,
    algorithmVersion: TRANSITIONS_ALGORITHM_VERSION,
    rows,
    durationMs: Date.now() - started,
  });
  if (taxonomyVersion === null) return result('no-taxonomy');
  const upToDate = async (manager: EntityManager) =>
    !options.force && (await storedMarker(manager)) === marker(taxonomyVersion);
  if (await upToDate(dataSource.manager)) return result('unchanged');
  return dataSource.transaction(async (manager) => {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [TRANSITIONS_LOCK]);
    // another process may have computed them while this one waited for the lock
    if (await upToDate(manager)) return result('unchanged');
    if ((await loadedTaxonomyVersion(manager)) !== taxonomyVersion) {
      throw new Error('The taxonomy changed while the transitions were being computed; run again');
    }
    const graph = await TaxonomyGraph.load(manager);
    const rows = computeTransitions(graph);
    await writeTransitions(manager, rows);
    await manager.query(
      `INSERT INTO occupation_transitions_versions (id, taxonomy_version, algorithm_version, computed_at, row_count, duration_ms)
       VALUES (true, $1, $2, now(), $3, $4)
       ON CONFLICT (id) DO UPDATE SET taxonomy_version = EXCLUDED.taxonomy_version,
         algorithm_version = EXCLUDED.algorithm_version, computed_at = EXCLUDED.computed_at,
         row_count = EXCLUDED.row_count, duration_ms = EXCLUDED.duration_ms`,
      [taxonomyVersion, TRANSITIONS_ALGORITHM_VERSION, rows.length, Date.now() - started],
    );
    return result('computed', rows.length);
  });
}

/** The data version of the loaded taxonomy (as `loadedVersion` in taxonomy-import). */
async function loadedTaxonomyVersion(manager: EntityManager): Promise<string | null> {
  const rows: { version: string }[] = await manager.query(
    'SELECT version FROM taxonomy_imports ORDER BY imported_at DESC, id DESC LIMIT 1',
  );
  return rows[0]?.version ?? null;
}

function marker(taxonomyVersion: string): string {
  return `${taxonomyVersion} ${TRANSITIONS_ALGORITHM_VERSION}`;
}

/** What the stored transitions were computed from, as `marker` gives it. */
async function storedMarker(manager: EntityManager): Promise<string | null> {
  const rows: { taxonomyVersion: string; algorithmVersion: string }[] = await manager.query(
    `SELECT taxonomy_version AS "taxonomyVersion", algorithm_version AS "algorithmVersion"
       FROM occupation_transitions_versions`,
  );
  return rows[0] ? `${rows[0].taxonomyVersion} ${rows[0].algorithmVersion}` : null;
}

/**
 * Replaces all rows. The index is dropped first and built once afterwards, which is much faster
 * than 200k index updates (TRUNCATE already locks the table until commit). The rows go in by
 * origin, so those of one origin share a page or three.
 */
async function writeTransitions(manager: EntityManager, rows: TransitionRow[]): Promise<void> {
  await manager.query('TRUNCATE occupation_transitions');
  await manager.query('DROP INDEX IF EXISTS "IDX_occupation_transitions_from"');
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await manager.query(
      `INSERT INTO occupation_transitions (from_uri, to_uri, rank, score, other_sector)
       SELECT * FROM unnest($1::text[], $2::text[], $3::smallint[], $4::real[], $5::boolean[])`,
      [
        chunk.map((row) => row.fromUri),
        chunk.map((row) => row.toUri),
        chunk.map((row) => row.rank),
        chunk.map((row) => row.score),
        chunk.map((row) => row.otherSector),
      ],
    );
  }
  await manager.query(
    'CREATE INDEX "IDX_occupation_transitions_from" ON "occupation_transitions" ("from_uri")',
  );
  await manager.query('ANALYZE occupation_transitions');
}
