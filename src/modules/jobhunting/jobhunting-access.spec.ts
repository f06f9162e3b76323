import { Role } from '../../infra/auth/role';
import { activityProblem, JobhuntingScope, readProblem } from './jobhunting-access';

const request: JobhuntingScope = {
  klantmanagerId: 'km-1',
  accountManagerId: 'am-1',
  status: 'accepted',
  primarySector: 'H',
};
const who = (userId: string, role: Role, sectors: string[] = []) => ({ userId, role, sectors });

describe('who sees a jobhunting request', () => {
  it("shows it to coordinators, the client's klantmanager and the assigned accountmanager", () => {
    expect(readProblem(who('c', Role.Coordinator), request)).toBeNull();
    expect(readProblem(who('km-1', Role.ClientManager), request)).toBeNull();
    expect(readProblem(who('am-1', Role.AccountManager), request)).toBeNull();
  });

  it('hides it from other klantmanagers and employer contacts', () => {
    expect(readProblem(who('km-2', Role.ClientManager), request)).toMatch(/another klantmanager/);
    expect(readProblem(who('w', Role.Employer), request)).toMatch(/Employer contacts/);
  });

  it('shows open requests to the accountmanagers of their sector, and only open ones', () => {
    const open = { ...request, status: 'open' as const, accountManagerId: null };
    expect(readProblem(who('am-2', Role.AccountManager, ['H']), open)).toBeNull();
    expect(readProblem(who('am-3', Role.AccountManager, ['C']), open)).toMatch(/sector H/);
    expect(readProblem(who('am-2', Role.AccountManager, ['H']), request)).toMatch(
      /assigned to another accountmanager/,
    );
  });
});

describe('who records activities', () => {
  it('is the assigned accountmanager or a coordinator', () => {
    expect(activityProblem(who('am-1', Role.AccountManager), request)).toBeNull();
    expect(activityProblem(who('c', Role.Coordinator), request)).toBeNull();
    expect(activityProblem(who('am-2', Role.AccountManager, ['H']), request)).toMatch(
      /Only the assigned accountmanager/,
    );
    expect(activityProblem(who('km-1', Role.ClientManager), request)).toMatch(/Klantmanagers/);
    expect(
      activityProblem(who('am-2', Role.AccountManager), { ...request, accountManagerId: null }),
    ).toMatch(/accept it first/);
  });
});
