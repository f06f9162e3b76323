import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { flattenValidationErrors } from '../../../infra/http/validation';
import { CreateCandidateDto, UpdateCandidateDto } from './candidate.dto';

const THIS_YEAR = new Date().getFullYear();

const minimal = {
  clientNumber: 'ALM-1',
  firstName: 'Fatma',
  lastName: 'Yilmaz',
  birthYear: THIS_YEAR - 50,
  homePc4: '1325',
  maxCommuteMinutes: 40,
  hoursMin: 16,
  hoursMax: 24,
  educationLevel: 'vmbo',
  participationRung: 3,
};

async function badFields(cls: typeof CreateCandidateDto | typeof UpdateCandidateDto, body: object) {
  const errors = await validate(plainToInstance(cls, body), {
    whitelist: true,
    forbidNonWhitelisted: true,
  });
  return flattenValidationErrors(errors)
    .map((e) => e.field)
    .sort();
}

describe('candidate request bodies', () => {
  it('accepts a minimal profile with a travel limit in minutes', async () => {
    await expect(badFields(CreateCandidateDto, minimal)).resolves.toEqual([]);
  });

  it('needs a travel limit on create, in km or minutes', async () => {
    await expect(
      badFields(CreateCandidateDto, { ...minimal, maxCommuteMinutes: undefined }),
    ).resolves.toEqual(['maxCommuteKm']);
    await expect(
      badFields(CreateCandidateDto, { ...minimal, maxCommuteMinutes: null, maxCommuteKm: 10 }),
    ).resolves.toEqual([]);
    await expect(badFields(CreateCandidateDto, { ...minimal, maxCommuteKm: 151 })).resolves.toEqual(
      ['maxCommuteKm'],
    );
  });

  it('takes a BSN with spaces or dots, but only one that passes the 11-proef', async () => {
    await expect(
      badFields(CreateCandidateDto, { ...minimal, bsn: '1112.22.333' }),
    ).resolves.toEqual([]);
    await expect(badFields(CreateCandidateDto, { ...minimal, bsn: '111222334' })).resolves.toEqual([
      'bsn',
    ]);
  });

  it('on update: omitted fields are fine, null only clears the optional ones', async () => {
    await expect(badFields(UpdateCandidateDto, {})).resolves.toEqual([]);
    await expect(
      badFields(UpdateCandidateDto, { email: null, bsn: null, maxCommuteKm: null }),
    ).resolves.toEqual([]);
    await expect(
      badFields(UpdateCandidateDto, {
        lastName: null,
        homePc4: null,
        experiences: null,
        workCapacity: null,
        availableForMatching: null,
      }),
    ).resolves.toEqual([
      'availableForMatching',
      'experiences',
      'homePc4',
      'lastName',
      'workCapacity',
    ]);
  });

  it('cannot change the klantmanager through an update', async () => {
    await expect(
      badFields(UpdateCandidateDto, { klantmanagerId: 'c1a2b3c4-0000-4000-8000-000000000001' }),
    ).resolves.toEqual(['klantmanagerId']);
  });

  it('checks hours and sectors across fields in the same body', async () => {
    await expect(
      badFields(UpdateCandidateDto, {
        hoursMin: 30,
        hoursMax: 20,
        sectorsOfInterest: ['H'],
        sectorsRefused: ['H'],
      }),
    ).resolves.toEqual(['hoursMax', 'sectorsRefused']);
  });
});
