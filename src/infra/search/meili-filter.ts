import { GeoPoint, IndexSchema, SearchFilter, SearchQueryError } from './search-engine';

/** A Meilisearch filter in array form: the outer list is AND, an inner list is OR. */
export type MeiliFilter = (string | string[])[];

/** A radius larger than the earth's circumference covers everything anyway. */
const MAX_RADIUS_METRES = 40_075_000;
/** Schema field names are identifiers; anything else never reaches a filter expression. */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * Builds the Meilisearch filter for validated filters and an optional centre. Field names must
 * be in the schema (else SearchQueryError); every value is a quoted literal, so no input can add
 * an operator, a `_geoRadius` or another condition. Returns null when no document can match: an
 * `anyOf` without values, or only with values Meilisearch's filter syntax cannot express.
 */
export function buildMeiliFilter(
  schema: IndexSchema,
  filters: readonly SearchFilter[],
  near?: { centre: GeoPoint; radiusKm: number },
): MeiliFilter | null {
  const conditions: MeiliFilter = [];
  for (const filter of filters) {
    if (filter.kind === 'anyOf') {
      const field = fieldName(filter.field, schema.keywords, 'keyword');
      if (!Array.isArray(filter.values) || filter.values.some((v) => typeof v !== 'string'))
        throw new SearchQueryError(`${filter.field}: values must be strings`);
      const alternatives = [...new Set(filter.values)]
        .map(quoteFilterValue)
        .filter((literal): literal is string => literal !== null)
        .map((literal) => `${field} = ${literal}`);
      if (alternatives.length === 0) return null;
      conditions.push(alternatives);
    } else {
      const field = fieldName(filter.field, schema.numbers, 'number');
      if (filter.min !== undefined) conditions.push(`${field} >= ${numberLiteral(filter.min)}`);
      if (filter.max !== undefined) conditions.push(`${field} <= ${numberLiteral(filter.max)}`);
    }
  }
  if (near) conditions.push(geoRadius(near.centre, near.radiusKm));
  return conditions;
}

/**
 * A filter literal Meilisearch reads back as exactly `value`, or null when there is none.
 *
 * Meilisearch's filter parser (milli filter-parser, `quoted_by`) ends a quoted value at the
 * first quote not preceded by a backslash, and afterwards only turns `\"` back into `"` (for
 * single quotes `\'` into `'`): other backslashes stay as they are. So a value is expressible
 * with a quote character when every run of backslashes right before that quote character (or
 * at the end of the value) is of even length; otherwise the other quote character may work.
 */
export function quoteFilterValue(value: string): string | null {
  for (const quote of ['"', "'"]) {
    const runs = value.matchAll(quote === '"' ? /\\+(?="|$)/g : /\\+(?='|$)/g);
    if ([...runs].every((run) => run[0].length % 2 === 0))
      return quote + value.replaceAll(quote, `\\${quote}`) + quote;
  }
  return null;
}

function fieldName(field: string, allowed: readonly string[], kind: string): string {
  if (!allowed.includes(field) || !FIELD_NAME.test(field))
    throw new SearchQueryError(`${field} is not a ${kind} field`);
  return field;
}

/** Quoted, so `1e+21` stays one token; Meilisearch parses a compared value as a float. */
function numberLiteral(value: number): string {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new SearchQueryError('a range bound must be a finite number');
  return `"${String(value)}"`;
}

function geoRadius(centre: GeoPoint, radiusKm: number): string {
  const { lat, lng } = centre;
  const finite = [lat, lng, radiusKm].every((n) => typeof n === 'number' && Number.isFinite(n));
  if (!finite || Math.abs(lat) > 90 || Math.abs(lng) > 180 || radiusKm < 0)
    throw new SearchQueryError('near needs a latitude, a longitude and a radius of 0 km or more');
  const metres = Math.round(Math.min(radiusKm * 1000, MAX_RADIUS_METRES));
  // fixed notation: no exponent ever reaches the parser
  return `_geoRadius(${lat.toFixed(6)}, ${lng.toFixed(6)}, ${metres})`;
}
