import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OutboxService } from '../../infra/outbox/outbox.service';
import {
  SEARCH_ENGINE,
  SearchDocument,
  SearchEngine,
  SearchIndexName,
} from '../../infra/search/search-engine';
import { readAhead } from './read-ahead';
import { SearchIndexerService, TOPIC_OF } from './search-indexer.service';

const BATCH = 1000;

/**
 * Rebuilds an index from the database. Changes committed while it runs are not lost: their
 * outbox rows are written again after the rebuild, so the indexer applies them on top.
 */
@Injectable()
export class SearchReindexService {
  private readonly logger = new Logger('SearchReindex');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly indexer: SearchIndexerService,
    private readonly outbox: OutboxService,
  ) {}

  async reindex(index: SearchIndexName): Promise<{ documents: number; seconds: number }> {
    const started = Date.now();
    // the database's clock, with a margin for transactions that were open when the rebuild began
    const [{ since }] = await this.dataSource.query<{ since: Date }[]>(
      `SELECT now() - interval '5 minutes' AS since`,
    );
    await this.engine.configure(index);
    // the next batch is loaded and built while the engine writes this one
    const { documents } = await this.engine.rebuild(index, readAhead(this.batches(index)));
    await this.dataSource.transaction(async (manager) => {
      const changed = await manager.query<{ aggregate_id: string }[]>(
        `SELECT DISTINCT aggregate_id FROM outbox WHERE topic = $1 AND created_at >= $2`,
        [TOPIC_OF[index], since],
      );
      await this.outbox.add(
        manager,
        TOPIC_OF[index],
        changed.map((row) => row.aggregate_id),
      );
    });
    const seconds = (Date.now() - started) / 1000;
    this.logger.log(`Reindexed ${index}: ${documents} documents in ${seconds.toFixed(1)} s`);
    return { documents, seconds };
  }

  /** Documents in id order, a batch at a time (keyset pagination: constant memory). */
  private async *batches(index: SearchIndexName): AsyncIterable<SearchDocument[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.dataSource.query<{ id: string }[]>(
        // each index is named after its table; `index` is one of SEARCH_INDEXES, never input
        `SELECT id FROM ${index} WHERE id > $1 ORDER BY id LIMIT $2`,
        [after, BATCH],
      );
      if (rows.length === 0) return;
      yield await this.indexer.load(
        index,
        rows.map((row) => row.id),
      );
      after = rows[rows.length - 1].id;
    }
  }
}
