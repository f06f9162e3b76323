import { Module } from '@nestjs/common';
import { SearchDocumentsService } from './search-documents.service';
import { SearchIndexerService } from './search-indexer.service';
import { SearchReindexService } from './search-reindex.service';

/** Keeps the search indexes in line with the database (used by the worker and the CLI). */
@Module({
  providers: [SearchDocumentsService, SearchIndexerService, SearchReindexService],
  exports: [SearchIndexerService, SearchReindexService],
})
export class SearchIndexingModule {}
