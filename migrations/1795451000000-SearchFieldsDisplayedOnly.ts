import { MigrationInterface, QueryRunner } from 'typeorm';

/** The displayed fields of each index when this migration was written (search-indexes.ts). */
const DISPLAYED: Record<string, string[]> = {
  candidates: [
    'occupations',
    'occupationLabels',
    'experienceTitles',
    'skillLabels',
    'activities',
    'languages',
    'certificates',
    'drivingLicences',
    'sectors',
    'programmeStatus',
    'educationLevel',
    'hoursMin',
    'hoursMax',
    'availableFrom',
    'klantmanagerId',
  ],
  vacancies: [
    'title',
    'occupation',
    'occupationLabel',
    'employerId',
    'employerName',
    'sector',
    'status',
    'kind',
    'contractType',
    'pc4',
    'hoursMin',
    'hoursMax',
    'startDate',
    'trialPlacementPossible',
    'languages',
  ],
  employers: [
    'name',
    'sector',
    'sectorLabel',
    'opennessTo45Plus',
    'acceptsTrialPlacements',
    'hasOpenVacancies',
    'openVacancies',
    'vacancyTitles',
    'places',
  ],
};

/**
 * The PostgreSQL search engine stores for each document only the fields a hit shows (an index's
 * `displayed` fields), not the whole document: the page of hits is read and sent in half the
 * bytes. The stored fields of the application's indexes are cut down to those here; nothing
 * searched, filtered or counted changes (that is in search_docs_<index>). Down leaves them cut:
 * a reindex (`npm run search:reindex`) stores whole documents again under the older code.
 */
export class SearchFieldsDisplayedOnly1795451000000 implements MigrationInterface {
  name = 'SearchFieldsDisplayedOnly1795451000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [index, displayed] of Object.entries(DISPLAYED)) {
      const table = `search_fields_${index}`;
      const [found] = (await queryRunner.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [
        table,
      ])) as { present: boolean }[];
      if (!found.present) continue;
      await queryRunner.query(
        `UPDATE "${table}" SET "fields" = (
           SELECT coalesce(jsonb_object_agg(key, value), '{}'::jsonb) FROM jsonb_each("fields")
           WHERE key = ANY($1::text[]))`,
        [displayed],
      );
    }
  }

  public async down(): Promise<void> {
    // nothing to restore: see above
  }
}
