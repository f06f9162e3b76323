import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TaxonomyGraph } from './taxonomy-graph';

/**
 * The taxonomy graph of this process: loaded from the database on first use, once; callers that
 * ask while it loads share that load. A failed load is not kept, so the next caller tries again.
 */
@Injectable()
export class TaxonomyGraphService {
  private loading: Promise<TaxonomyGraph> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  graph(): Promise<TaxonomyGraph> {
    if (!this.loading) {
      const loading = TaxonomyGraph.load(this.dataSource.manager);
      this.loading = loading;
      loading.catch(() => {
        if (this.loading === loading) this.loading = null;
      });
    }
    return this.loading;
  }

  /** Forget the loaded graph (after a taxonomy import); the next `graph()` reloads. */
  invalidate(): void {
    this.loading = null;
  }
}
