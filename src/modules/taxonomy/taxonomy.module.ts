import { Global, Module } from '@nestjs/common';
import { TaxonomyReferencesService } from './taxonomy-references.service';

/** ESCO occupations and skills, sectors, postcodes and the fixed reference lists. */
@Global()
@Module({
  providers: [TaxonomyReferencesService],
  exports: [TaxonomyReferencesService],
})
export class TaxonomyModule {}
