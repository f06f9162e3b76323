import { Role } from '../../infra/auth/role';
import { nominationChangeAccess, nominationReadAccess, NominationScope } from './nomination-access';

const scope: NominationScope = {
  accountManagerId: 'am-nominator',
  employerAccountManagerId: 'am-owner',
  employerSector: 'H',
  candidateKlantmanagerId: 'km-own',
};
const as = (role: Role, userId: string) => ({ role, userId });

describe('nomination access', () => {
  it.each([
    [as(Role.Coordinator, 'c'), [], true],
    [as(Role.AccountManager, 'am-nominator'), [], true],
    [as(Role.AccountManager, 'am-owner'), [], true],
    [as(Role.AccountManager, 'am-sector'), ['H'], true],
    [as(Role.AccountManager, 'am-other'), ['C'], false],
    [as(Role.ClientManager, 'km-own'), [], true],
    [as(Role.ClientManager, 'km-other'), [], false],
    [as(Role.Employer, 'w'), [], false],
  ])('read %o with sectors %o: %s', (actor, sectors, allowed) => {
    expect(nominationReadAccess(actor, sectors, scope).allowed).toBe(allowed);
  });

  it('lets the klantmanager of the client withdraw, and nothing else', () => {
    const km = as(Role.ClientManager, 'km-own');
    expect(nominationChangeAccess(km, [], scope, 'withdrawn').allowed).toBe(true);
    expect(nominationChangeAccess(km, [], scope, 'proposed')).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/only withdraw/),
    });
    expect(
      nominationChangeAccess(as(Role.ClientManager, 'km-other'), [], scope, 'withdrawn').allowed,
    ).toBe(false);
  });
});
