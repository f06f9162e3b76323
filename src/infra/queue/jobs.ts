import { OutboxTopic } from '../outbox/outbox.entity';

/** Every BullMQ queue of the service. */
export enum QueueName {
  SearchIndex = 'search-index',
}

/** Every job name, with the queue it runs on and its payload (ids, never entity snapshots). */
export enum JobName {
  SyncSearchDocuments = 'sync-search-documents',
}

export interface JobPayloads {
  /** Reload these records and upsert (or delete) their search documents. */
  [JobName.SyncSearchDocuments]: { topic: OutboxTopic; ids: string[] };
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.SyncSearchDocuments]: QueueName.SearchIndex,
};

/** A job as the producer hands it over: the id is deterministic, so adding twice adds once. */
export interface JobRequest<N extends JobName = JobName> {
  name: N;
  data: JobPayloads[N];
  jobId: string;
}

export type JobHandlers = { [N in JobName]: (data: JobPayloads[N]) => Promise<void> };
