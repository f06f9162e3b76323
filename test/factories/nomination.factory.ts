import request from 'supertest';
import { NominationDetailDto } from '../../src/modules/nominations/dto/nomination.dto';
import { NominationStatus } from '../../src/modules/nominations/nomination-status';
import { addDays, dutchDate } from '../../src/infra/time/calendar-dates';
import { TestApp } from '../helpers/test-app';
import { TestUser } from './user.factory';

/** A nomination as it arrives over HTTP (dates as strings). */
export type ApiNomination = Omit<
  NominationDetailDto,
  'createdAt' | 'updatedAt' | 'endedAt' | 'interviewAt' | 'transitions'
> & {
  createdAt: string;
  updatedAt: string;
  endedAt: string | null;
  interviewAt: string | null;
  transitions: (Omit<NominationDetailDto['transitions'][number], 'at'> & { at: string })[];
};

export async function createNomination(
  t: TestApp,
  by: TestUser,
  body: { candidateId: string; vacancyId?: string; employerId?: string; motivation?: string },
): Promise<ApiNomination> {
  const response = await request(t.http)
    .post('/nominations')
    .set(by.auth)
    .send({ motivation: 'Precies, technisch en gewend aan ploegendienst.', ...body });
  if (response.status !== 201) {
    throw new Error(`createNomination: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body as ApiNomination;
}

/** A valid trial placement for a move to trial-placement: starts today, two months. */
export function trialPlacementInput(overrides: Record<string, unknown> = {}) {
  return {
    startDate: dutchDate(),
    hoursPerWeek: 24,
    supervisorName: 'Jan Smit',
    supervisorRole: 'teamleider magazijn',
    employerIntentToOffer: true,
    employerIntentDate: addDays(dutchDate(), -1),
    ...overrides,
  };
}

/** A valid placement for a move to hired: permanent, 24 hours, from today. */
export function placementInput(overrides: Record<string, unknown> = {}) {
  return { startDate: dutchDate(), hoursPerWeek: 24, contractType: 'permanent', ...overrides };
}

/** The extra fields a move to `to` needs, valid. */
export function movePayload(to: NominationStatus): Record<string, unknown> {
  switch (to) {
    case 'interview-planned':
      return { interviewAt: new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString() };
    case 'trial-placement':
      return { trialPlacement: trialPlacementInput() };
    case 'hired':
      return { placement: placementInput() };
    case 'rejected':
    case 'withdrawn':
    case 'not-hired':
      return { reason: 'skills-gap', reasonText: 'Heftruckcertificaat ontbreekt.' };
    case 'draft':
    case 'proposed':
      return {};
  }
}

export function move(
  t: TestApp,
  by: TestUser,
  nomination: Pick<ApiNomination, 'id' | 'version'>,
  to: NominationStatus,
  extra: Record<string, unknown> = {},
) {
  return request(t.http)
    .post(`/nominations/${nomination.id}/transitions`)
    .set(by.auth)
    .send({ to, version: nomination.version, ...movePayload(to), ...extra });
}

/** Moves a nomination along `path` with valid bodies (evaluating a trial before a hire). */
export async function advance(
  t: TestApp,
  by: TestUser,
  start: ApiNomination,
  path: NominationStatus[],
): Promise<ApiNomination> {
  let nomination = start;
  for (const to of path) {
    if (to === 'hired' && nomination.trialPlacementId) {
      await request(t.http)
        .post(`/trial-placements/${nomination.trialPlacementId}/evaluations`)
        .set(by.auth)
        .send({ outcome: 'on-track', notes: 'Gaat goed.' })
        .expect(201);
    }
    const response = await move(t, by, nomination, to);
    if (response.status !== 200) {
      throw new Error(`advance to ${to}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    nomination = response.body as ApiNomination;
  }
  return nomination;
}

/** The shortest valid path from draft to each status. */
export const PATH_TO: Record<NominationStatus, NominationStatus[]> = {
  draft: [],
  proposed: ['proposed'],
  'interview-planned': ['proposed', 'interview-planned'],
  'trial-placement': ['proposed', 'interview-planned', 'trial-placement'],
  hired: ['proposed', 'interview-planned', 'hired'],
  'not-hired': ['proposed', 'interview-planned', 'trial-placement', 'not-hired'],
  rejected: ['proposed', 'rejected'],
  withdrawn: ['withdrawn'],
};
