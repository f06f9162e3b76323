import request from 'supertest';
import { TestUser } from '../factories/user.factory';
import { auditRowsOf, newRequestId } from './audit';
import { TestApp } from './test-app';

/**
 * The callers of the employer and vacancy routes, relative to one employer in sector H:
 * amOwner owns it, amSector serves sector H, amOther serves only sector C; werkgeverOwn is a
 * contact of that employer, werkgeverOther of another one.
 */
export const WHO = [
  'coordinator',
  'amOwner',
  'amSector',
  'amOther',
  'klantmanager',
  'werkgeverOwn',
  'werkgeverOther',
  'anonymous',
] as const;
export type Who = (typeof WHO)[number];
export type Callers = Record<Exclude<Who, 'anonymous'>, TestUser>;

export interface RouteCase {
  route: string;
  method: 'get' | 'post' | 'patch' | 'delete';
  /** May create a fresh object to act on (e.g. something to delete). */
  path: () => Promise<string> | string;
  body?: () => object;
  expected: Record<Who, number>;
}

/**
 * One test per route and caller: the status, and the audit trail of exactly that request
 * (found by its X-Request-Id): a denied row for 401/403, an allowed row for a change, none
 * for a read.
 */
export function describeAccessMatrix(
  context: () => { t: TestApp; callers: Callers },
  routes: RouteCase[],
): void {
  describe.each(routes)('$route', (route) => {
    it.each(WHO)('%s', async (who) => {
      const { t, callers } = context();
      const expected = route.expected[who];
      const requestId = newRequestId();
      const path = await route.path();
      const agent = request(t.http);
      let call = agent[route.method](path).set('X-Request-Id', requestId);
      if (who !== 'anonymous') call = call.set(callers[who].auth);
      if (route.body) call = call.send(route.body());
      const response = await call;
      expect({ who, status: response.status }).toEqual({ who, status: expected });

      const audit = await auditRowsOf(t, requestId);
      const actorId = who === 'anonymous' ? null : callers[who].id;
      if (expected === 401 || expected === 403) {
        expect(audit).toEqual([
          expect.objectContaining({ action: 'access.denied', result: 'denied', actorId }),
        ]);
      } else if (route.method !== 'get') {
        expect(audit).toEqual([expect.objectContaining({ result: 'allowed', actorId })]);
      } else {
        expect(audit).toEqual([]);
      }
    });
  });
}
