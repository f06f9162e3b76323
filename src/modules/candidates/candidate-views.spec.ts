import { Role } from '../../infra/auth/role';
import { CandidateEntity } from './candidate.entity';
import { sensitiveFieldsIn, toFullView, toListItem, toMatchingView } from './candidate-views';

function candidate(overrides: Partial<CandidateEntity> = {}): CandidateEntity {
  return Object.assign(new CandidateEntity(), {
    id: '7d8f1f0e-2a8e-4b4c-9a36-1c2b3d4e5f60',
    clientNumber: 'ALM-204518',
    bsnHash: 'f'.repeat(64),
    firstName: 'Henk',
    lastName: 'de Vries',
    email: 'henk@voorbeeld.test',
    phone: '06 1234 5678',
    birthYear: 1968,
    klantmanagerId: 'c1a2b3c4-0000-4000-8000-000000000001',
    homePc4: '1315',
    maxCommuteKm: 15,
    maxCommuteMinutes: null,
    hoursMin: 24,
    hoursMax: 32,
    experiences: [
      {
        occupationUri: 'http://data.europa.eu/esco/occupation/x',
        title: 'offsetdrukker',
        sector: 'C',
        years: 22,
        lastYearWorked: 2019,
      },
    ],
    skills: [{ uri: 'http://data.europa.eu/esco/skill/y', source: 'hobby' }],
    languages: [{ language: 'tr', level: 'B2' }],
    activities: [{ kind: 'hobby', description: 'fietsen repareren' }],
    educationLevel: 'mbo2',
    diplomas: [],
    certificates: ['vca-basis'],
    drivingLicences: ['B'],
    workCapacity: { standingMinutes: 30 },
    workCapacityNotes: 'Maximaal 30 minuten staan.',
    availableFrom: '2025-09-01',
    sectorsOfInterest: ['H'],
    sectorsRefused: ['I'],
    participationRung: 3,
    programmeStatus: 'active',
    availableForMatching: true,
    benefitType: 'bijstand',
    targetGroupRegister: true,
    createdAt: new Date('2025-01-01T10:00:00Z'),
    updatedAt: new Date('2025-02-01T10:00:00Z'),
    version: 3,
    ...overrides,
  } satisfies CandidateEntity);
}

const CONTACT_AND_IDENTITY = ['bsn', 'bsnHash', 'email', 'phone'];

describe('candidate views', () => {
  it('full view: everything for the klantmanager except the BSN hash', () => {
    const view = toFullView(candidate());
    expect(view).toMatchObject({
      view: 'full',
      clientNumber: 'ALM-204518',
      birthYear: 1968,
      email: 'henk@voorbeeld.test',
      workCapacityNotes: 'Maximaal 30 minuten staan.',
      bsnRecorded: true,
    });
    expect(view).not.toHaveProperty('bsnHash');
    expect(view).not.toHaveProperty('bsn');
    expect(view).not.toHaveProperty('version');
    expect(JSON.stringify(view)).not.toContain('f'.repeat(64));
    expect(toFullView(candidate({ bsnHash: null })).bsnRecorded).toBe(false);
  });

  it('matching view: competences and limits for matching, no birth year, contact or notes', () => {
    const view = toMatchingView(candidate());
    expect(view).toMatchObject({
      view: 'matching',
      firstName: 'Henk',
      lastName: 'de Vries',
      homePc4: '1315',
      hoursMin: 24,
      hoursMax: 32,
      maxCommuteKm: 15,
      workCapacity: { standingMinutes: 30 },
      skills: [{ uri: 'http://data.europa.eu/esco/skill/y', source: 'hobby' }],
      languages: [{ language: 'tr', level: 'B2' }],
    });
    for (const field of [
      ...CONTACT_AND_IDENTITY,
      'birthYear',
      'workCapacityNotes',
      'targetGroupRegister',
      'clientNumber',
      'bsnRecorded',
    ]) {
      expect(view).not.toHaveProperty(field);
    }
    const text = JSON.stringify(view);
    expect(text).not.toContain('1968');
    expect(text).not.toContain('Maximaal 30 minuten');
  });

  it('list item: no sensitive fields nor contact details; no client number for accountmanagers', () => {
    for (const role of [Role.ClientManager, Role.Coordinator, Role.AccountManager]) {
      const item = toListItem(candidate(), role);
      for (const field of [
        ...CONTACT_AND_IDENTITY,
        'birthYear',
        'workCapacity',
        'workCapacityNotes',
        'targetGroupRegister',
      ]) {
        expect(item).not.toHaveProperty(field);
      }
      expect(sensitiveFieldsIn(item)).toEqual([]);
    }
    expect(toListItem(candidate(), Role.ClientManager).clientNumber).toBe('ALM-204518');
    expect(toListItem(candidate(), Role.AccountManager)).not.toHaveProperty('clientNumber');
  });

  it('names the sensitive fields a view carries, for the audit log', () => {
    expect(sensitiveFieldsIn(toFullView(candidate()))).toEqual([
      'birthYear',
      'workCapacity',
      'workCapacityNotes',
      'targetGroupRegister',
    ]);
    expect(sensitiveFieldsIn(toMatchingView(candidate()))).toEqual(['workCapacity']);
  });

  it('never passes on a column that was not picked on purpose', () => {
    const withExtra = Object.assign(candidate(), { debtNotes: 'schuldhulpverlening' });
    for (const view of [
      toFullView(withExtra),
      toMatchingView(withExtra),
      toListItem(withExtra, Role.Coordinator),
    ]) {
      expect(view).not.toHaveProperty('debtNotes');
    }
  });
});
