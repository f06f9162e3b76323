import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { directQuery } from '../../infra/database/direct-query';

export type ReferenceKind = 'occupation' | 'skill' | 'postcode';

const LOOKUPS: Record<
  ReferenceKind,
  { table: string; column: string; problem: (value: string) => string }
> = {
  occupation: {
    table: 'occupations',
    column: 'uri',
    problem: (value) =>
      `unknown ESCO occupation ${value}: look it up with GET /taxonomy/occupations?q=…`,
  },
  skill: {
    table: 'skills',
    column: 'uri',
    problem: (value) => `unknown ESCO skill ${value}: look it up with GET /taxonomy/skills?q=…`,
  },
  postcode: {
    table: 'postcodes',
    column: 'pc4',
    problem: (value) =>
      `unknown PC4 postcode ${value}: give the 4 digits of a Dutch postcode (GET /taxonomy/postcodes?q=…)`,
  },
};

/** What to tell the user about a value that is not in the reference data. */
export function unknownReferenceProblem(kind: ReferenceKind, value: string): string {
  return LOOKUPS[kind].problem(value);
}

/**
 * Finds codes in a request that are not in the reference data, so a vacancy or profile never
 * points at an unknown occupation, skill or postcode; callers name the fields that hold them.
 */
@Injectable()
export class TaxonomyReferencesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The values (deduplicated, in order) that do not exist. */
  async unknown(
    kind: ReferenceKind,
    values: readonly string[],
    manager?: EntityManager,
  ): Promise<string[]> {
    const unique = [...new Set(values)];
    if (unique.length === 0) return [];
    const { table, column } = LOOKUPS[kind];
    // table and column come from LOOKUPS, the values are bound; outside a transaction (a
    // search's filters) straight on the pool, prepared once per connection
    const sql = `SELECT ${column}::text AS value FROM ${table} WHERE ${column} = ANY($1::text[])`;
    const rows = manager
      ? await manager.query<{ value: string }[]>(sql, [unique])
      : await directQuery<{ value: string }>(this.dataSource, sql, [unique], `unknown-${kind}`);
    const found = new Set(rows.map((row) => row.value));
    return unique.filter((value) => !found.has(value));
  }
}
