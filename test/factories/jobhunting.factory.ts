import request from 'supertest';
import { JobhuntingRequestDetailDto } from '../../src/modules/jobhunting/dto/jobhunting.dto';
import { TestApp } from '../helpers/test-app';
import { TestUser } from './user.factory';

/** A detail response as JSON: dates arrive as ISO strings. */
export type ApiJobhuntingRequest = Omit<
  JobhuntingRequestDetailDto,
  | 'createdAt'
  | 'updatedAt'
  | 'assignedAt'
  | 'acceptedAt'
  | 'lastActivityAt'
  | 'endedAt'
  | 'transitions'
  | 'activities'
> & {
  createdAt: string;
  updatedAt: string;
  assignedAt: string | null;
  acceptedAt: string | null;
  lastActivityAt: string | null;
  endedAt: string | null;
  transitions: (Omit<JobhuntingRequestDetailDto['transitions'][number], 'at'> & { at: string })[];
  activities: (Omit<JobhuntingRequestDetailDto['activities'][number], 'at'> & { at: string })[];
};

/**
 * Valid POST /jobhunting-requests body: a former offset printer who could pick orders or work
 * in a bicycle workshop, looking in logistics first. Override any top-level field.
 */
export function jobhuntingInput(
  candidateId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    candidateId,
    motivation:
      'Was 22 jaar offsetdrukker, werkt nauwkeurig en repareert al 20 jaar fietsen voor de buurt; ' +
      'past bij orderpicken of een fietsenwerkplaats.',
    preferences: {
      sectors: ['H', 'G'],
      hoursMin: 24,
      hoursMax: 32,
      maxDistanceKm: 15,
      notes: 'Liefst dagdienst; maximaal 30 minuten achter elkaar staan.',
    },
    ...overrides,
  };
}

/** Files a request through the API as `by` (the client's klantmanager or a coordinator). */
export async function fileJobhuntingRequest(
  t: TestApp,
  by: TestUser,
  candidateId: string,
  overrides: Record<string, unknown> = {},
): Promise<ApiJobhuntingRequest> {
  const response = await request(t.http)
    .post('/jobhunting-requests')
    .set(by.auth)
    .send(jobhuntingInput(candidateId, overrides));
  if (response.status !== 201) {
    throw new Error(
      `fileJobhuntingRequest: expected 201, got ${response.status}: ${JSON.stringify(response.body)}`,
    );
  }
  return response.body as ApiJobhuntingRequest;
}
