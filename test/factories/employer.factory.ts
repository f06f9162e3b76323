import { randomInt, randomUUID } from 'node:crypto';
import request from 'supertest';
import { Role } from '../../src/infra/auth/role';
import { EmployerResponseDto } from '../../src/modules/employers/dto/employer.dto';
import { TestApp } from '../helpers/test-app';
import { createUser, TestUser } from './user.factory';

/** A response DTO as it arrives over HTTP: dates are ISO strings. */
export type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] };
export type ApiEmployer = Json<EmployerResponseDto>;

/** A KvK number that is new for this run (8 digits; the first is never 0). */
export function uniqueKvk(): string {
  return String(randomInt(10_000_000, 100_000_000));
}

/** Valid POST /employers body: a logistics firm in Almere (sector H), unique per call. */
export function employerInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const suffix = randomUUID().slice(0, 8);
  return {
    name: `Testlogistiek ${suffix} B.V.`,
    kvkNumber: uniqueKvk(),
    sector: 'H',
    sbiCode: '5210',
    opennessTo45Plus: 'open',
    acceptsTrialPlacements: true,
    website: 'https://www.testlogistiek.example',
    locations: [{ name: 'Distributiecentrum', pc4: '1334', city: 'Almere' }],
    contacts: [
      {
        name: 'Petra de Vries',
        jobTitle: 'HR-adviseur',
        email: `hr-${suffix}@testlogistiek.example`,
        phone: '036-1234567',
      },
    ],
    ...overrides,
  };
}

/**
 * Creates an employer through the API as `by`. When a coordinator creates it and no owner is
 * given, a fresh accountmanager serving the employer's sector becomes the owner.
 */
export async function createEmployer(
  t: TestApp,
  by: TestUser,
  overrides: Record<string, unknown> = {},
): Promise<ApiEmployer> {
  const body = employerInput(overrides);
  if (by.role !== Role.AccountManager && body.accountManagerId === undefined) {
    const owner = await createUser(t.dataSource, Role.AccountManager, {
      sectors: [String(body.sector)],
    });
    body.accountManagerId = owner.id;
  }
  const response = await request(t.http).post('/employers').set(by.auth).send(body);
  if (response.status !== 201) {
    throw new Error(`createEmployer: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body as ApiEmployer;
}
