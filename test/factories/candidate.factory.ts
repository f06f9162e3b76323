import { randomInt, randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CreateCandidateDto } from '../../src/modules/candidates/dto/candidate.dto';
import { CandidateFullViewDto } from '../../src/modules/candidates/dto/candidate-view.dto';
import { TestApp } from '../helpers/test-app';
import { TestUser } from './user.factory';

/**
 * Candidate profiles created through the API, with realistic defaults: a former offset printer
 * from Almere who repairs bicycles as a hobby. Override any field; tests may also pass invalid
 * values or unknown fields on purpose.
 */
export type CandidateInput = { [K in keyof CreateCandidateDto]?: unknown } & Record<
  string,
  unknown
>;

/** ESCO codes of the occupations the defaults and tests use (real ESCO v1.1.1 concepts). */
export const OCCUPATION_CODES = {
  offsetPrinter: '7322.5',
  warehouseWorker: '9333.8',
  orderPicker: '9333.8.1',
  bicycleMechanic: '7234.1',
  callCentreAgent: '5244.1',
} as const;

/** English preferred labels of the ESCO skills the defaults and tests use. */
export const SKILL_LABELS = {
  operatePrintingMachinery: 'operate printing machinery',
  operateForklift: 'operate forklift',
  communicateWithCustomers: 'communicate with customers',
  teamworkPrinciples: 'teamwork principles',
  stackGoods: 'stack goods',
  bicycleMechanics: 'bicycle mechanics',
  assembleBicycles: 'assemble bicycles',
} as const;

/** PC4 postcodes in Almere. */
export const ALMERE_PC4 = ['1315', '1325', '1354'] as const;

export interface CandidateReferences {
  occupations: Record<keyof typeof OCCUPATION_CODES, string>;
  skills: Record<keyof typeof SKILL_LABELS, string>;
}

const cache = new WeakMap<DataSource, Promise<CandidateReferences>>();

/** Looks the ESCO URIs up in the imported taxonomy (by ESCO code and by English label). */
export function candidateReferences(dataSource: DataSource): Promise<CandidateReferences> {
  let references = cache.get(dataSource);
  if (!references) {
    references = lookUpReferences(dataSource);
    cache.set(dataSource, references);
  }
  return references;
}

async function lookUpReferences(dataSource: DataSource): Promise<CandidateReferences> {
  const occupations: { code: string; uri: string }[] = await dataSource.query(
    'SELECT code, uri FROM occupations WHERE code = ANY($1::text[])',
    [Object.values(OCCUPATION_CODES)],
  );
  const skills: { label: string; uri: string }[] = await dataSource.query(
    'SELECT DISTINCT ON (label_en) label_en AS label, uri FROM skills WHERE label_en = ANY($1::text[]) ORDER BY label_en, uri',
    [Object.values(SKILL_LABELS)],
  );
  return {
    occupations: uriByName(OCCUPATION_CODES, new Map(occupations.map((r) => [r.code, r.uri]))),
    skills: uriByName(SKILL_LABELS, new Map(skills.map((r) => [r.label, r.uri]))),
  };
}

function uriByName<K extends string>(
  wanted: Record<K, string>,
  found: Map<string, string>,
): Record<K, string> {
  const result = {} as Record<K, string>;
  for (const name of Object.keys(wanted) as K[]) {
    const uri = found.get(wanted[name]);
    if (!uri) {
      throw new Error(
        `ESCO concept "${wanted[name]}" is not in the test database: is the taxonomy imported (test/helpers/reference-data.ts)?`,
      );
    }
    result[name] = uri;
  }
  return result;
}

const RUN = `${Date.now().toString(36)}${randomUUID().slice(0, 4)}`.toUpperCase();
let sequence = 0;

/** A client number unique to this test run, so the suite can run again on the same database. */
export function uniqueClientNumber(): string {
  sequence += 1;
  return `T${RUN}-${sequence}`;
}

/** A random citizen service number that passes the 11-proef. */
export function generateBsn(): string {
  for (;;) {
    const digits = Array.from({ length: 8 }, (_, i) =>
      i === 0 ? randomInt(1, 10) : randomInt(10),
    );
    const sum = digits.reduce((total, digit, i) => total + digit * (9 - i), 0);
    const check = sum % 11;
    if (check <= 9) return `${digits.join('')}${check}`;
  }
}

const FIRST_NAMES = ['Henk', 'Fatma', 'Joke', 'Mohamed', 'Ria', 'Kees', 'Agnieszka', 'Ahmet'];
const LAST_NAMES = ['de Vries', 'Yilmaz', 'Bakker', 'El Amrani', 'Visser', 'Jansen', 'Kowalska'];

/** A valid create body with realistic defaults; `overrides` replace top-level fields. */
export async function candidateInput(
  dataSource: DataSource,
  overrides: CandidateInput = {},
): Promise<CandidateInput> {
  const { occupations, skills } = await candidateReferences(dataSource);
  const n = sequence;
  const thisYear = new Date().getFullYear();
  return {
    clientNumber: uniqueClientNumber(),
    firstName: FIRST_NAMES[n % FIRST_NAMES.length],
    lastName: LAST_NAMES[n % LAST_NAMES.length],
    email: `client.${RUN.toLowerCase()}.${n}@voorbeeld.test`,
    phone: '06 1234 5678',
    birthYear: thisYear - 56,
    homePc4: ALMERE_PC4[n % ALMERE_PC4.length],
    maxCommuteKm: 15,
    maxCommuteMinutes: 45,
    hoursMin: 24,
    hoursMax: 32,
    experiences: [
      {
        occupationUri: occupations.offsetPrinter,
        title: 'offsetdrukker bij een grafisch bedrijf',
        sector: 'C',
        years: 22,
        lastYearWorked: thisYear - 6,
        description: 'Bediende vellenoffsetpersen, stelde kleuren in, ploegendienst.',
      },
    ],
    skills: [
      { uri: skills.operatePrintingMachinery, source: 'work' },
      {
        uri: skills.bicycleMechanics,
        source: 'hobby',
        evidence: 'repareert al 20 jaar fietsen voor de buurt',
      },
      { uri: skills.communicateWithCustomers, source: 'volunteer' },
    ],
    languages: [
      { language: 'nl', level: 'native' },
      { language: 'en', level: 'A2' },
    ],
    activities: [
      { kind: 'hobby', description: 'fietsen repareren voor buren', years: 20 },
      { kind: 'volunteer', description: 'uitgifte bij de voedselbank', years: 3 },
    ],
    educationLevel: 'mbo2',
    diplomas: [{ name: 'MBO 2 Grafische techniek', level: 'mbo2', year: 1986 }],
    certificates: ['vca-basis'],
    drivingLicences: ['B'],
    workCapacity: { standingMinutes: 30, liftingKg: 15 },
    workCapacityNotes:
      'Kan maximaal 30 minuten achter elkaar staan; afwisselend zitten en staan gaat goed.',
    availableFrom: `${thisYear}-09-01`,
    sectorsOfInterest: ['H', 'G'],
    sectorsRefused: ['I'],
    participationRung: 3,
    programmeStatus: 'active',
    availableForMatching: true,
    ...overrides,
  };
}

/** The full view as JSON: dates arrive as ISO strings. */
export type CreatedCandidate = Omit<CandidateFullViewDto, 'createdAt' | 'updatedAt'> & {
  createdAt: string;
  updatedAt: string;
};

/** Creates a profile through POST /candidates as `actor` and returns the full view. */
export async function createCandidate(
  t: TestApp,
  actor: TestUser,
  overrides: CandidateInput = {},
): Promise<CreatedCandidate> {
  const body = await candidateInput(t.dataSource, overrides);
  const response = await request(t.http).post('/candidates').set(actor.auth).send(body);
  if (response.status !== 201) {
    throw new Error(
      `createCandidate: expected 201, got ${response.status}: ${JSON.stringify(response.body)}`,
    );
  }
  return response.body as CreatedCandidate;
}
