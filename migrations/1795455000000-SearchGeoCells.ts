import { MigrationInterface, QueryRunner } from 'typeorm';
import { searchDocumentTables } from './lib/search-document-tables';

/**
 * The PostgreSQL search engine keeps the grid cells of a document's place among its keywords
 * (`GEO_GRIDS` in postgres-search.engine.ts): a radius searched with words or filters becomes a
 * condition on cells in the GIN index. Stored documents with a place get their two cells here,
 * computed as the engine computes them (the first 8 bytes of the md5 of `field:row:column`, the
 * row and column counted in cells from 0° N, 0° E). The GIN index over text and keywords is
 * built again after the update instead of taking every change one by one.
 */
const GRIDS = [
  { field: 'geo-cell-5km', latDegrees: 0.05, lngDegrees: 0.08 },
  { field: 'geo-cell-22km', latDegrees: 0.2, lngDegrees: 0.32 },
];

const cellKey = ({ field, latDegrees, lngDegrees }: (typeof GRIDS)[number]) =>
  `('x' || left(md5('${field}:' || floor("lat" / ${latDegrees}::float8)::bigint || ':' || floor("lng" / ${lngDegrees}::float8)::bigint), 16))::bit(64)::bigint`;

export class SearchGeoCells1795455000000 implements MigrationInterface {
  name = 'SearchGeoCells1795455000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await this.rewrite(queryRunner, `"keywords" || ARRAY[${GRIDS.map(cellKey).join(', ')}]`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await this.rewrite(
      queryRunner,
      `ARRAY(SELECT k FROM unnest("keywords") k WHERE k NOT IN (${GRIDS.map(cellKey).join(', ')}))`,
    );
  }

  private async rewrite(queryRunner: QueryRunner, keywords: string): Promise<void> {
    for (const table of await searchDocumentTables(queryRunner)) {
      await queryRunner.query(`DROP INDEX IF EXISTS "${table}_text_keywords"`);
      await queryRunner.query(
        `UPDATE "${table}" SET "keywords" = ${keywords} WHERE "lat" IS NOT NULL AND "lng" IS NOT NULL`,
      );
      await queryRunner.query(
        `CREATE INDEX "${table}_text_keywords" ON "${table}" USING gin ("search_vector", "keywords") WITH (fastupdate = off)`,
      );
    }
  }
}
