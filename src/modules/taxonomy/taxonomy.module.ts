import { Global, Module } from '@nestjs/common';
import { ReferenceTables } from './reference-tables.service';
import { TaxonomyReferencesService } from './taxonomy-references.service';
import { TaxonomyController } from './taxonomy.controller';
import { TaxonomyService } from './taxonomy.service';

/** ESCO occupations and skills, sectors, postcodes and the fixed reference lists. */
@Global()
@Module({
  controllers: [TaxonomyController],
  providers: [TaxonomyReferencesService, TaxonomyService, ReferenceTables],
  exports: [TaxonomyReferencesService, ReferenceTables],
})
export class TaxonomyModule {}
