import { AssignableAccountManager, chooseAccountManager } from './jobhunting-assignment';

const am = (
  id: string,
  sectors: string[],
  openRequests: number,
  active = true,
): AssignableAccountManager => ({ id, sectors, openRequests, active });

describe('choosing the accountmanager for a jobhunting request', () => {
  it('picks the active accountmanager of the sector with the fewest running requests', () => {
    const choice = chooseAccountManager('H', [
      am('a', ['H'], 3),
      am('b', ['H', 'C'], 1),
      am('c', ['C'], 0),
      am('d', ['H'], 0, false),
    ]);
    expect(choice.accountManagerId).toBe('b');
    expect(choice.reason).toBe(
      'Sector H (Vervoer en opslag): accountmanager met de minste lopende verzoeken (1) van 2',
    );
  });

  it('breaks a tie on the lowest id, whatever the input order', () => {
    const ams = [am('b2', ['G'], 2), am('a9', ['G'], 2), am('c1', ['G'], 2)];
    expect(chooseAccountManager('G', ams).accountManagerId).toBe('a9');
    expect(chooseAccountManager('G', [...ams].reverse()).accountManagerId).toBe('a9');
  });

  it('compares ids by code point, not by locale', () => {
    const ams = [am('b', ['G'], 0), am('B', ['G'], 0)];
    expect(chooseAccountManager('G', ams).accountManagerId).toBe('B');
  });

  it('leaves the request unassigned (for a coordinator) when nobody serves the sector', () => {
    const choice = chooseAccountManager('Q', [am('a', ['H'], 0), am('b', ['Q'], 0, false)]);
    expect(choice).toEqual({
      accountManagerId: null,
      reason:
        'Geen actieve accountmanager voor sector Q (Gezondheids- en welzijnszorg); een coördinator wijst het verzoek toe',
    });
  });
});
