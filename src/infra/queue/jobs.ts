import { OutboxTopic } from '../outbox/outbox.entity';

/** Every BullMQ queue of the service. */
export enum QueueName {
  SearchIndex = 'search-index',
  FollowUps = 'follow-ups',
  Email = 'email',
}

/** Every job name, with the queue it runs on and its payload (ids, never entity snapshots). */
export enum JobName {
  SyncSearchDocuments = 'sync-search-documents',
  FireFollowUp = 'fire-follow-up',
  SendEmail = 'send-email',
}

export interface JobPayloads {
  /**
   * Reload these records and upsert (or delete) their search documents, then mark the outbox
   * rows that asked for it synced (`rows`; absent in jobs queued before it existed).
   */
  [JobName.SyncSearchDocuments]: { topic: OutboxTopic; ids: string[]; rows?: string[] };
  /** Fire this follow-up if it is still open and due (its version names the job, not the work). */
  [JobName.FireFollowUp]: { followUpId: string; version: number };
  /** Send this outgoing_emails row if it is still queued. */
  [JobName.SendEmail]: { emailId: string };
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.SyncSearchDocuments]: QueueName.SearchIndex,
  [JobName.FireFollowUp]: QueueName.FollowUps,
  [JobName.SendEmail]: QueueName.Email,
};

/** Jobs run at once per worker process (default 1); firing and sending are independent rows. */
export const QUEUE_CONCURRENCY: Partial<Record<QueueName, number>> = {
  [QueueName.FollowUps]: 8,
  [QueueName.Email]: 8,
};

/**
 * Jobs at once across all worker processes, kept in Redis by BullMQ: search-index jobs run one
 * at a time so changes never overtake each other. Applied at start and again whenever Redis is
 * found to have lost its data (QueueService.applyQueueSettings).
 */
export const GLOBAL_CONCURRENCY: Partial<Record<QueueName, number>> = {
  [QueueName.SearchIndex]: 1,
};

/** A job as the producer hands it over: the id is deterministic, so adding twice adds once. */
export interface JobRequest<N extends JobName = JobName> {
  name: N;
  data: JobPayloads[N];
  jobId: string;
  /** Milliseconds before the job may run (delayed job). */
  delay?: number;
}

export type JobHandlers = { [N in JobName]: (data: JobPayloads[N]) => Promise<void> };
