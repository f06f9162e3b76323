import { EntityManager } from 'typeorm';

/**
 * Every table that holds data about one client besides the profile, for data-subject requests:
 * the export lists their rows, the erasure removes them. Tables with a `candidate_id` cascade
 * from the profile; their children cascade from them; follow-ups point at their subject by id
 * only, so they are removed here.
 */
const BY_CANDIDATE = [
  'jobhunting_requests',
  'nominations',
  'trial_placements',
  'placements',
  'arrangements',
  'shortlist_entries',
] as const;

const CHILDREN: Record<string, { column: string; parent: (typeof BY_CANDIDATE)[number] }> = {
  jobhunting_request_transitions: { column: 'request_id', parent: 'jobhunting_requests' },
  jobhunting_request_activities: { column: 'request_id', parent: 'jobhunting_requests' },
  nomination_transitions: { column: 'nomination_id', parent: 'nominations' },
  trial_placement_evaluations: { column: 'trial_placement_id', parent: 'trial_placements' },
  shortlist_answers: { column: 'entry_id', parent: 'shortlist_entries' },
};

/** Ids of the follow-ups' subjects that belong to this client (the client included). */
function subjectIds(): string {
  return `SELECT $1::uuid AS id UNION ALL ${BY_CANDIDATE.map(
    (table) => `SELECT id FROM ${table} WHERE candidate_id = $1`,
  ).join(' UNION ALL ')}`;
}

/** The client's rows in every pipeline table, as stored (one query per table, in order). */
export async function personData(
  manager: EntityManager,
  candidateId: string,
): Promise<Record<string, unknown[]>> {
  const rows = async (sql: string) =>
    (await manager.query<{ row: unknown }[]>(sql, [candidateId])).map((r) => r.row);
  const data: Record<string, unknown[]> = {};
  for (const table of BY_CANDIDATE) {
    data[table] = await rows(
      `SELECT to_jsonb(t) AS row FROM ${table} t WHERE candidate_id = $1 ORDER BY created_at`,
    );
  }
  for (const [table, { column, parent }] of Object.entries(CHILDREN)) {
    data[table] = await rows(
      `SELECT to_jsonb(t) AS row FROM ${table} t WHERE ${column} IN (SELECT id FROM ${parent} WHERE candidate_id = $1)`,
    );
  }
  data.follow_ups = await rows(
    `SELECT to_jsonb(f) AS row FROM follow_ups f WHERE subject_id IN (${subjectIds()}) ORDER BY due_at`,
  );
  return data;
}

/** Removes the follow-ups (and their e-mails) about this client; the rest cascades. */
export async function eraseFollowUps(manager: EntityManager, candidateId: string): Promise<void> {
  await manager.query(`DELETE FROM follow_ups WHERE subject_id IN (${subjectIds()})`, [
    candidateId,
  ]);
}
