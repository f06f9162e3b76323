import { IndexSchema, SearchQuery, SearchQueryError } from './search-engine';

/** Refuses queries that name fields the index does not have: a programming error, not input. */
export function checkQuery(schema: IndexSchema, query: SearchQuery): void {
  const fail = (message: string) => {
    throw new SearchQueryError(message);
  };
  for (const filter of query.filters ?? []) {
    if (filter.kind === 'anyOf' && !schema.keywords.includes(filter.field))
      fail(`${filter.field} is not a keyword field`);
    if (filter.kind === 'range') {
      if (!schema.numbers.includes(filter.field)) fail(`${filter.field} is not a number field`);
      for (const bound of [filter.min, filter.max])
        if (bound !== undefined && !Number.isFinite(bound))
          fail(`${filter.field}: bound is not a number`);
    }
  }
  for (const facet of query.facets ?? [])
    if (!schema.facets.includes(facet)) fail(`${facet} is not a facet field`);
  if (query.sort?.by === 'field' && !schema.numbers.includes(query.sort.field))
    fail(`${query.sort.field} is not a sortable number field`);
  if (query.sort?.by === 'distance' && !query.near) fail('sorting by distance needs a centre');
  if (query.near) {
    const { centre, radiusKm } = query.near;
    if (![centre.lat, centre.lng, radiusKm].every(Number.isFinite) || radiusKm < 0)
      fail('near needs a finite centre and a radius of 0 or more');
  }
  if (!Number.isInteger(query.offset) || query.offset < 0) fail('offset must be 0 or more');
  if (!Number.isInteger(query.limit) || query.limit < 1) fail('limit must be 1 or more');
}
