import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainException, ErrorCode } from '../../infra/http/domain.exception';

/**
 * Checks that codes in a request exist in the reference data, so a vacancy or profile never
 * points at an unknown occupation, skill or postcode. Errors name every unknown value.
 */
@Injectable()
export class TaxonomyReferencesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  assertOccupations(uris: string[], manager?: EntityManager): Promise<void> {
    return this.assertExist('occupations', 'uri', uris, 'occupation', manager);
  }

  assertSkills(uris: string[], manager?: EntityManager): Promise<void> {
    return this.assertExist('skills', 'uri', uris, 'skill', manager);
  }

  assertPostcodes(pc4s: string[], manager?: EntityManager): Promise<void> {
    return this.assertExist('postcodes', 'pc4', pc4s, 'PC4 postcode', manager);
  }

  private async assertExist(
    table: string,
    column: string,
    values: string[],
    what: string,
    manager?: EntityManager,
  ): Promise<void> {
    const unique = [...new Set(values)];
    if (unique.length === 0) return;
    // table and column are constants of this class, the values are bound
    const rows: { value: string }[] = await (manager ?? this.dataSource.manager).query(
      `SELECT ${column}::text AS value FROM ${table} WHERE ${column} = ANY($1::text[])`,
      [unique],
    );
    const found = new Set(rows.map((row) => row.value));
    const unknown = unique.filter((value) => !found.has(value));
    if (unknown.length > 0) {
      throw new DomainException(
        ErrorCode.InvalidReference,
        `Unknown ${what}${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. Look codes up with GET /taxonomy/${what === 'PC4 postcode' ? 'postcodes' : `${what}s`}?q=…`,
        { unknown },
      );
    }
  }
}
