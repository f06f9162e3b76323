import { Global, Module } from '@nestjs/common';
import { ReferencePoints } from './reference-points.service';
import { TaxonomyReferencesService } from './taxonomy-references.service';
import { TaxonomyController } from './taxonomy.controller';
import { TaxonomyService } from './taxonomy.service';

/** ESCO occupations and skills, sectors, postcodes and the fixed reference lists. */
@Global()
@Module({
  controllers: [TaxonomyController],
  providers: [TaxonomyReferencesService, TaxonomyService, ReferencePoints],
  exports: [TaxonomyReferencesService, ReferencePoints],
})
export class TaxonomyModule {}
