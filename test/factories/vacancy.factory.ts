import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { VacancyResponseDto } from '../../src/modules/vacancies/dto/vacancy.dto';
import { TestApp } from '../helpers/test-app';
import { createEmployer, Json } from './employer.factory';
import { TestUser } from './user.factory';

export type ApiVacancy = Json<VacancyResponseDto>;

/** Real ESCO and PC4 codes from the imported taxonomy, looked up by code and label. */
export interface ReferenceCodes {
  occupations: { forkliftOperator: string; orderPicker: string };
  skills: { operateForklift: string; stackGoods: string; operateWarehouseMaterials: string };
  /** PC4 areas in Almere */
  postcodes: string[];
}

const OCCUPATION_CODES = { forkliftOperator: '8344.1', orderPicker: '9333.8.1' } as const;
const SKILL_LABELS = {
  operateForklift: 'operate forklift',
  stackGoods: 'stack goods',
  operateWarehouseMaterials: 'operate warehouse materials',
} as const;
const ALMERE_PC4 = ['1315', '1325', '1334', '1354'];

let cached: Promise<ReferenceCodes> | undefined;

export function referenceCodes(t: TestApp): Promise<ReferenceCodes> {
  cached ??= lookUp(t);
  return cached;
}

async function lookUp(t: TestApp): Promise<ReferenceCodes> {
  const occupations: { code: string; uri: string }[] = await t.dataSource.query(
    'SELECT code, uri FROM occupations WHERE code = ANY($1::text[])',
    [Object.values(OCCUPATION_CODES)],
  );
  const skills: { label: string; uri: string }[] = await t.dataSource.query(
    'SELECT label_en AS label, uri FROM skills WHERE label_en = ANY($1::text[])',
    [Object.values(SKILL_LABELS)],
  );
  const postcodes: { pc4: string }[] = await t.dataSource.query(
    'SELECT pc4::text AS pc4 FROM postcodes WHERE pc4 = ANY($1::text[]) ORDER BY pc4',
    [ALMERE_PC4],
  );
  const occupationUri = (code: string) => occupations.find((o) => o.code === code)?.uri;
  const skillUri = (label: string) => skills.find((s) => s.label === label)?.uri;
  const codes = {
    occupations: {
      forkliftOperator: occupationUri(OCCUPATION_CODES.forkliftOperator),
      orderPicker: occupationUri(OCCUPATION_CODES.orderPicker),
    },
    skills: {
      operateForklift: skillUri(SKILL_LABELS.operateForklift),
      stackGoods: skillUri(SKILL_LABELS.stackGoods),
      operateWarehouseMaterials: skillUri(SKILL_LABELS.operateWarehouseMaterials),
    },
    postcodes: postcodes.map((row) => row.pc4),
  };
  const missing = [
    ...Object.entries(codes.occupations).filter(([, uri]) => !uri),
    ...Object.entries(codes.skills).filter(([, uri]) => !uri),
  ].map(([name]) => name);
  if (missing.length > 0 || codes.postcodes.length !== ALMERE_PC4.length) {
    throw new Error(
      `The test database lacks taxonomy reference data (${missing.join(', ') || 'postcodes'}); ` +
        'the Jest global setup loads it via test/helpers/reference-data.ts',
    );
  }
  return codes as ReferenceCodes;
}

/** Valid POST /vacancies body: a forklift driver job in Almere, unique title per call. */
export function vacancyInput(
  codes: ReferenceCodes,
  employerId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    employerId,
    title: `Heftruckchauffeur ${randomUUID().slice(0, 8)}`,
    description: 'Laden en lossen van vrachtwagens in een distributiecentrum.',
    occupationUri: codes.occupations.forkliftOperator,
    skills: [
      { uri: codes.skills.operateForklift, required: true },
      { uri: codes.skills.stackGoods, required: false },
    ],
    certificates: ['heftruck', 'vca-basis'],
    drivingLicences: [],
    languages: [{ language: 'nl', minLevel: 'A2' }],
    hoursMin: 24,
    hoursMax: 32,
    shifts: ['day'],
    pc4: '1334',
    physicalDemands: { standingMinutes: 120, liftingKg: 15 },
    contractType: 'fixed-term',
    startDate: '2026-03-01',
    trialPlacementPossible: true,
    ...overrides,
  };
}

/**
 * Creates a vacancy through the API as `by` (an accountmanager or coordinator). Without an
 * employerId in `overrides`, a new employer is created first by the same user.
 */
export async function createVacancy(
  t: TestApp,
  by: TestUser,
  overrides: Record<string, unknown> = {},
): Promise<ApiVacancy> {
  const codes = await referenceCodes(t);
  const employerId =
    (overrides.employerId as string | undefined) ?? (await createEmployer(t, by)).id;
  const response = await request(t.http)
    .post('/vacancies')
    .set(by.auth)
    .send(vacancyInput(codes, employerId, overrides));
  if (response.status !== 201) {
    throw new Error(`createVacancy: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body as ApiVacancy;
}
