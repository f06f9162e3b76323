import { DomainException, ErrorCode } from '../../infra/http/domain.exception';
import { escapeLike, escapeRegex, normalizeLabel } from './label-normalization';

/**
 * Typeahead over taxonomy_labels. Rank (best first):
 *   0 exact, 1 prefix, 2 word prefix, 3 contains, 4 trigram word similarity (typos);
 * within a rank Dutch before English and preferred before alternative labels, then closer
 * similarity and shorter labels. Tier 4 is ordered by similarity first. One row per concept:
 * its best label. All user input travels as bound parameters.
 */
const RANK = `tier, CASE WHEN tier = 4 THEN -wsim ELSE 0 END, language <> 'nl', NOT preferred, wsim DESC, sim DESC, length(label)`;

function searchSql(filter: string): string {
  return `
WITH candidates AS (
  SELECT l.concept_uri, l.label, l.language, l.preferred,
         CASE WHEN l.normalized = $1 THEN 0
              WHEN l.normalized LIKE $2 ESCAPE '\\' THEN 1
              WHEN l.normalized ~ $3 THEN 2
              WHEN l.normalized LIKE $4 ESCAPE '\\' THEN 3
              ELSE 4 END AS tier,
         word_similarity($1, l.normalized) AS wsim,
         similarity($1, l.normalized) AS sim
    FROM taxonomy_labels l
   WHERE l.concept_type = $5 AND ${filter}
), best AS (
  SELECT DISTINCT ON (concept_uri) * FROM candidates ORDER BY concept_uri, ${RANK}
)
SELECT concept_uri AS "conceptUri", label, language FROM best ORDER BY ${RANK}, concept_uri LIMIT $6`;
}

/** Three or more characters: contains (trigram index) or similar words (typos). */
const FULL_SEARCH_SQL = searchSql(`(l.normalized LIKE $4 ESCAPE '\\' OR $1 <% l.normalized)`);
/** Two characters have no trigram to look up: only labels or words that start with them. */
const SHORT_SEARCH_SQL = searchSql(
  `(l.normalized LIKE $2 ESCAPE '\\' OR l.normalized LIKE $7 ESCAPE '\\')`,
);

export interface LabelSearch {
  sql: string;
  parameters: unknown[];
}

/** The statement and parameters for one typeahead query. */
export function labelSearch(
  conceptType: 'occupation' | 'skill',
  query: string,
  limit: number,
): LabelSearch {
  const normalized = normalizeLabel(query);
  const like = escapeLike(normalized);
  const parameters: unknown[] = [
    normalized,
    `${like}%`,
    `(^|[^a-z0-9])${escapeRegex(normalized)}`,
    `%${like}%`,
    conceptType,
    limit,
  ];
  if (normalized.length < 3) {
    return { sql: SHORT_SEARCH_SQL, parameters: [...parameters, `% ${like}%`] };
  }
  return { sql: FULL_SEARCH_SQL, parameters };
}

export const OCCUPATION_URI_PREFIX = 'http://data.europa.eu/esco/occupation/';
export const SKILL_URI_PREFIX = 'http://data.europa.eu/esco/skill/';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ESCO_CODE = /^\d{4}(\.\d+)*$/;

export type OccupationKey = { code: string } | { uri: string };

/** `8344.1`, a full ESCO occupation URI, or just its UUID. */
export function parseOccupationId(id: string): OccupationKey {
  const value = id.trim();
  if (ESCO_CODE.test(value)) return { code: value };
  if (
    value.startsWith(OCCUPATION_URI_PREFIX) &&
    UUID.test(value.slice(OCCUPATION_URI_PREFIX.length))
  ) {
    return { uri: value };
  }
  if (UUID.test(value)) return { uri: `${OCCUPATION_URI_PREFIX}${value.toLowerCase()}` };
  throw new DomainException(
    ErrorCode.ValidationFailed,
    `"${value.slice(0, 120)}" is not an occupation id: give an ESCO code like 8344.1 or a URL-encoded ESCO occupation URI (${OCCUPATION_URI_PREFIX}…)`,
  );
}

/** A full ESCO skill URI, or just its UUID. */
export function parseSkillId(id: string): string {
  const value = id.trim();
  if (value.startsWith(SKILL_URI_PREFIX) && UUID.test(value.slice(SKILL_URI_PREFIX.length))) {
    return value;
  }
  if (UUID.test(value)) return `${SKILL_URI_PREFIX}${value.toLowerCase()}`;
  throw new DomainException(
    ErrorCode.ValidationFailed,
    `"${value.slice(0, 120)}" is not a skill id: give a URL-encoded ESCO skill URI (${SKILL_URI_PREFIX}…) or its UUID`,
  );
}

/** `1315`; anything else is refused with a message saying what a PC4 is. */
export function parsePc4(value: string): string {
  const pc4 = value.trim();
  if (!/^[1-9]\d{3}$/.test(pc4)) {
    throw new DomainException(
      ErrorCode.ValidationFailed,
      `"${pc4.slice(0, 20)}" is not a PC4 postcode: give the 4 digits of a Dutch postcode, e.g. 1315`,
    );
  }
  return pc4;
}
