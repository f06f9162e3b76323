import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { Role } from '../../src/infra/auth/role';
import { hashPassword } from '../../src/modules/accounts/password';
import { UserEntity } from '../../src/modules/accounts/user.entity';
import { TestApp } from '../helpers/test-app';

export const TEST_PASSWORD = 'correct-horse-battery-staple';
let cachedHash: Promise<string> | undefined;

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  token: string;
  /** `Authorization` header value for supertest's `.set()`. */
  auth: { Authorization: string };
}

export async function createUser(
  dataSource: DataSource,
  role: Role,
  overrides: Partial<UserEntity> = {},
): Promise<UserEntity> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const repo = dataSource.getRepository(UserEntity);
  return repo.save(
    repo.create({
      email: `${role}-${randomUUID().slice(0, 8)}@test.werkspoor`,
      passwordHash: await cachedHash,
      role,
      displayName: `Test ${role}`,
      sectors: [],
      employerId: null,
      active: true,
      ...overrides,
    }),
  );
}

/** Creates a user and logs in through the real login route. */
export async function loginAs(
  testApp: TestApp,
  role: Role,
  overrides: Partial<UserEntity> = {},
): Promise<TestUser> {
  const user = await createUser(testApp.dataSource, role, overrides);
  const response = await request(testApp.http)
    .post('/auth/login')
    .send({ email: user.email, password: TEST_PASSWORD })
    .expect(200);
  const token = (response.body as { accessToken: string }).accessToken;
  return {
    id: user.id,
    email: user.email,
    role,
    token,
    auth: { Authorization: `Bearer ${token}` },
  };
}
