import { Role } from '../../infra/auth/role';
import { ownerAccess, readAccess } from './candidate-access';
import { PROGRAMME_STATUSES } from './candidate.entity';

const OWNER = 'owner-id';
const subject = {
  klantmanagerId: OWNER,
  availableForMatching: true,
  programmeStatus: 'active' as const,
};

describe('candidate access per role', () => {
  it('klantmanager: full view of their own clients only', () => {
    expect(readAccess({ userId: OWNER, role: Role.ClientManager }, subject)).toEqual({
      allowed: true,
      view: 'full',
    });
    expect(readAccess({ userId: 'colleague', role: Role.ClientManager }, subject)).toMatchObject({
      allowed: false,
    });
    expect(ownerAccess({ userId: 'colleague', role: Role.ClientManager }, subject)).toMatchObject({
      allowed: false,
    });
    expect(ownerAccess({ userId: OWNER, role: Role.ClientManager }, subject).allowed).toBe(true);
  });

  it('coordinator: full view and changes of every profile', () => {
    const coordinator = { userId: 'c', role: Role.Coordinator };
    expect(readAccess(coordinator, { ...subject, availableForMatching: false })).toEqual({
      allowed: true,
      view: 'full',
    });
    expect(ownerAccess(coordinator, subject).allowed).toBe(true);
  });

  it('accountmanager: matching view of available profiles in active, jobhunting or trial placement', () => {
    const am = { userId: 'a', role: Role.AccountManager };
    const visible = PROGRAMME_STATUSES.filter(
      (status) => readAccess(am, { ...subject, programmeStatus: status }).allowed,
    );
    expect(visible).toEqual(['active', 'jobhunting', 'trial-placement']);
    expect(readAccess(am, subject)).toEqual({ allowed: true, view: 'matching' });
    expect(readAccess(am, { ...subject, availableForMatching: false }).allowed).toBe(false);
    expect(ownerAccess(am, subject).allowed).toBe(false);
  });

  it('werkgever: nothing', () => {
    const employer = { userId: OWNER, role: Role.Employer };
    expect(readAccess(employer, subject).allowed).toBe(false);
    expect(ownerAccess(employer, subject).allowed).toBe(false);
  });
});
