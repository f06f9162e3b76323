import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { OutboxTopic } from '../../infra/outbox/outbox.entity';
import { JobPayloads, JobName } from '../../infra/queue/jobs';
import {
  SEARCH_ENGINE,
  SearchDocument,
  SearchEngine,
  SEARCH_INDEXES,
  SearchIndexName,
} from '../../infra/search/search-engine';
import { SearchDocumentsService } from './search-documents.service';

const INDEX_OF: Record<OutboxTopic, SearchIndexName> = {
  candidate: 'candidates',
  vacancy: 'vacancies',
  employer: 'employers',
};

/** The outbox topic whose changes an index follows. */
export const TOPIC_OF = Object.fromEntries(
  Object.entries(INDEX_OF).map(([topic, index]) => [index, topic]),
) as Record<SearchIndexName, OutboxTopic>;

/**
 * Brings documents in line with the database: reloads the records by id, upserts the ones that
 * exist and deletes the rest. Running it twice gives the same index. A vacancy also refreshes its
 * employer (open-vacancy count), an employer its vacancies (they carry the employer's name).
 */
@Injectable()
export class SearchIndexerService implements OnApplicationBootstrap {
  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly documents: SearchDocumentsService,
  ) {}

  /** Creates the indexes and applies their settings (Meilisearch) before any document arrives. */
  async onApplicationBootstrap(): Promise<void> {
    for (const index of SEARCH_INDEXES) await this.engine.configure(index);
  }

  async sync({ topic, ids }: JobPayloads[JobName.SyncSearchDocuments]): Promise<void> {
    await this.apply(INDEX_OF[topic], ids);
    switch (topic) {
      case 'candidate':
        return;
      case 'vacancy':
        return this.apply('employers', await this.documents.employersOfVacancies(ids));
      case 'employer':
        return this.apply('vacancies', await this.documents.vacanciesOfEmployers(ids));
    }
  }

  /** The current documents of these records, by index. */
  load(index: SearchIndexName, ids: string[]): Promise<SearchDocument[]> {
    switch (index) {
      case 'candidates':
        return this.documents.candidates(ids);
      case 'vacancies':
        return this.documents.vacancies(ids);
      case 'employers':
        return this.documents.employers(ids);
    }
  }

  private async apply(index: SearchIndexName, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const documents = await this.load(index, ids);
    const found = new Set(documents.map((doc) => doc.id));
    await this.engine.upsert(index, documents);
    await this.engine.delete(
      index,
      ids.filter((id) => !found.has(id)),
    );
  }
}
