import { JobName, JobRequest } from '../../infra/queue/jobs';

/** One job per follow-up version: a snooze or a new due time gets a new job. */
export const fireJobId = (followUpId: string, version: number): string =>
  `fu-${followUpId}-v${version}`;

export function fireJob(
  followUpId: string,
  version: number,
  fireAt: Date,
  now = Date.now(),
): JobRequest<JobName.FireFollowUp> {
  return {
    name: JobName.FireFollowUp,
    data: { followUpId, version },
    jobId: fireJobId(followUpId, version),
    delay: Math.max(0, fireAt.getTime() - now),
  };
}
