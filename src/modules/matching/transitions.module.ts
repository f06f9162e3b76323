import { Module } from '@nestjs/common';
import { TaxonomyGraphService } from './taxonomy-graph.service';
import { TransitionsController } from './transitions.controller';
import { TransitionsService } from './transitions.service';

/** The in-memory taxonomy graph and the precomputed occupation transitions with their endpoint. */
@Module({
  controllers: [TransitionsController],
  providers: [TaxonomyGraphService, TransitionsService],
  exports: [TaxonomyGraphService, TransitionsService],
})
export class TransitionsModule {}
