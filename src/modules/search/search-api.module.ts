import { Module } from '@nestjs/common';
import { TaxonomyModule } from '../taxonomy/taxonomy.module';
import { SearchController } from './search.controller';
import { SearchService } from './search.service';

/** The search API over the candidates, vacancies and employers indexes. */
@Module({
  imports: [TaxonomyModule],
  controllers: [SearchController],
  providers: [SearchService],
})
export class SearchApiModule {}
