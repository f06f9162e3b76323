import { Role } from '../../infra/auth/role';
import {
  CLOSE_REASON_CODES,
  CLOSE_REASONS,
  isFinalJobhuntingStatus,
  JOBHUNTING_STATUSES,
  JobhuntingStatus,
  jobhuntingTransitionProblem,
  transitionActorProblem,
} from './jobhunting-status';

const ALLOWED: [JobhuntingStatus, JobhuntingStatus][] = [
  ['open', 'accepted'],
  ['open', 'closed'],
  ['accepted', 'in-progress'],
  ['accepted', 'closed'],
  ['in-progress', 'placed'],
  ['in-progress', 'closed'],
];

describe('jobhunting request status transitions', () => {
  const moves = JOBHUNTING_STATUSES.flatMap((from) =>
    JOBHUNTING_STATUSES.map((to) => [from, to] as const),
  );

  it.each(moves)('%s -> %s follows the lifecycle', (from, to) => {
    const allowed = ALLOWED.some(([f, t]) => f === from && t === to);
    expect(jobhuntingTransitionProblem(from, to) === null).toBe(allowed);
  });

  it('names the allowed moves when refusing one, with a hint for skipped steps', () => {
    expect(jobhuntingTransitionProblem('open', 'placed')).toBe(
      'A open jobhunting request cannot become placed (a placement follows at least one activity: record it first); from open it can become accepted, closed',
    );
    expect(jobhuntingTransitionProblem('open', 'in-progress')).toMatch(
      /accepts first.*from open it can become accepted, closed/,
    );
    expect(jobhuntingTransitionProblem('accepted', 'accepted')).toBe(
      'The jobhunting request is already accepted; from accepted it can become in-progress, closed',
    );
    expect(jobhuntingTransitionProblem('closed', 'open')).toMatch(/final/);
    expect(jobhuntingTransitionProblem('placed', 'closed')).toMatch(/final/);
  });

  it('has placed and closed as the final statuses', () => {
    expect(JOBHUNTING_STATUSES.filter(isFinalJobhuntingStatus)).toEqual(['placed', 'closed']);
  });

  it('has a Dutch label for every close reason, and "other" among them', () => {
    expect(CLOSE_REASON_CODES).toContain('other');
    for (const code of CLOSE_REASON_CODES) expect(CLOSE_REASONS[code].length).toBeGreaterThan(5);
  });
});

describe('who may move a jobhunting request', () => {
  const parties = { accountManagerId: 'am-1', klantmanagerId: 'km-1', primarySector: 'H' };
  const unassigned = { ...parties, accountManagerId: null };
  const am = (userId: string, sectors: string[] = []) => ({
    userId,
    role: Role.AccountManager,
    sectors,
  });
  const km = (userId: string) => ({ userId, role: Role.ClientManager, sectors: [] });

  it('lets coordinators make every move', () => {
    for (const to of JOBHUNTING_STATUSES) {
      expect(
        transitionActorProblem({ userId: 'c', role: Role.Coordinator, sectors: [] }, to, parties),
      ).toBeNull();
    }
  });

  it('lets the assigned accountmanager make every move, and no other accountmanager', () => {
    expect(transitionActorProblem(am('am-1'), 'accepted', parties)).toBeNull();
    expect(transitionActorProblem(am('am-1'), 'placed', parties)).toBeNull();
    expect(transitionActorProblem(am('am-2', ['H']), 'accepted', parties)).toMatch(
      /assigned to another accountmanager/,
    );
  });

  it('lets an accountmanager of the sector take an unassigned request by accepting it', () => {
    expect(transitionActorProblem(am('am-2', ['H']), 'accepted', unassigned)).toBeNull();
    expect(transitionActorProblem(am('am-3', ['C']), 'accepted', unassigned)).toMatch(
      /sector H, which you do not serve \(your sectors: C\)/,
    );
    expect(transitionActorProblem(am('am-2', ['H']), 'closed', unassigned)).toMatch(
      /not assigned yet/,
    );
  });

  it("lets the client's klantmanager only withdraw (close)", () => {
    expect(transitionActorProblem(km('km-1'), 'closed', parties)).toBeNull();
    expect(transitionActorProblem(km('km-1'), 'accepted', parties)).toMatch(/only withdraw/);
    expect(transitionActorProblem(km('km-1'), 'placed', parties)).toMatch(/only withdraw/);
    expect(transitionActorProblem(km('km-2'), 'closed', parties)).toMatch(/another klantmanager/);
  });

  it('refuses employer contacts', () => {
    expect(
      transitionActorProblem({ userId: 'w', role: Role.Employer, sectors: [] }, 'closed', parties),
    ).toMatch(/Employer contacts/);
  });
});
