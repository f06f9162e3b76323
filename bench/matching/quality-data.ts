import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '../../src/infra/auth/role';
import { hashPassword } from '../../src/modules/accounts/password';
import { UserEntity } from '../../src/modules/accounts/user.entity';
import {
  CandidateEntity,
  CandidateSkill,
  WorkExperience,
} from '../../src/modules/candidates/candidate.entity';
import { EmployerLocationEntity } from '../../src/modules/employers/employer-location.entity';
import { EmployerEntity } from '../../src/modules/employers/employer.entity';
import { VacancyEntity, VacancySkill } from '../../src/modules/vacancies/vacancy.entity';
import { insertRows } from '../lib/data-load';
import { CASES, gradesOf, JUDGEMENTS, MatchCase } from './cases';
import { failedConstraints, LatLon } from './constraints';
import { CANDIDATES, EMPLOYERS, PoolCandidate, PoolVacancy, VACANCIES } from './pool';

/** A stable UUID (version-5 layout) from a pool key, so that ids and tie-breaks never change. */
export function stableId(key: string): string {
  const hex = createHash('sha1').update(`werkspoor-bench-matching:${key}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface QualityUsers {
  coordinator: string;
  accountManager: string;
  klantmanager: string;
}

export const QUALITY_USERS: QualityUsers = {
  coordinator: stableId('u-coordinator'),
  accountManager: stableId('u-accountmanager'),
  klantmanager: stableId('u-klantmanager'),
};

type CandidateRow = Omit<CandidateEntity, 'createdAt' | 'updatedAt' | 'version' | 'klantmanager'>;
type VacancyRow = Omit<
  VacancyEntity,
  'createdAt' | 'updatedAt' | 'version' | 'employer' | 'occupation'
>;

/** The pool as inserted, with the maps between pool keys and ids. */
export interface QualityPool {
  candidates: CandidateRow[];
  vacancies: VacancyRow[];
  keyById: Map<string, string>;
  idByKey: Map<string, string>;
  /** PC4 centroids of the pool's postcodes (from the taxonomy's postcodes table). */
  coordinates: Map<string, LatLon>;
}

interface Taxonomy {
  occupationUri: Map<string, string>;
  skillUri: Map<string, string>;
  coordinates: Map<string, LatLon>;
}

async function readTaxonomy(dataSource: DataSource): Promise<Taxonomy> {
  const codes = [
    ...new Set([
      ...VACANCIES.map((v) => v.code),
      ...CANDIDATES.flatMap((c) => c.jobs.map((j) => j.code)),
    ]),
  ];
  const labels = [
    ...new Set([
      ...VACANCIES.flatMap((v) => [...v.required, ...(v.nice ?? [])]),
      ...CANDIDATES.flatMap((c) => (c.skills ?? []).map((s) => s.label)),
    ]),
  ].map((label) => label.toLowerCase());
  const pc4s = [...new Set([...EMPLOYERS.map((e) => e.pc4), ...CANDIDATES.map((c) => c.pc4)])];
  const occupations = await dataSource.query<{ code: string; uri: string }[]>(
    `SELECT code, uri FROM occupations WHERE code = ANY($1::text[])`,
    [codes],
  );
  const skills = await dataSource.query<{ label: string; uri: string }[]>(
    `SELECT lower(label_en) AS label, uri FROM skills WHERE lower(label_en) = ANY($1::text[])`,
    [labels],
  );
  const postcodes = await dataSource.query<{ pc4: string; lat: number; lon: number }[]>(
    `SELECT pc4, lat, lon FROM postcodes WHERE pc4 = ANY($1::text[])`,
    [pc4s],
  );
  const taxonomy: Taxonomy = {
    occupationUri: new Map(occupations.map((o) => [o.code, o.uri])),
    skillUri: new Map(skills.map((s) => [s.label, s.uri])),
    coordinates: new Map(postcodes.map((p) => [p.pc4, { lat: p.lat, lon: p.lon }])),
  };
  const missing = [
    ...codes.filter((c) => !taxonomy.occupationUri.has(c)).map((c) => `occupation ${c}`),
    ...labels.filter((l) => !taxonomy.skillUri.has(l)).map((l) => `skill "${l}"`),
    ...pc4s.filter((p) => !taxonomy.coordinates.has(p)).map((p) => `postcode ${p}`),
  ];
  if (missing.length > 0)
    throw new Error(`The matching pool refers to what the taxonomy lacks: ${missing.join(', ')}`);
  return taxonomy;
}

const skillUri = (taxonomy: Taxonomy, label: string) => taxonomy.skillUri.get(label.toLowerCase())!;

function vacancyRow(v: PoolVacancy, taxonomy: Taxonomy): VacancyRow {
  const employer = EMPLOYERS.find((e) => e.key === v.employer);
  if (!employer) throw new Error(`${v.key}: unknown employer ${v.employer}`);
  const skills: VacancySkill[] = [
    ...v.required.map((label) => ({ uri: skillUri(taxonomy, label), required: true })),
    ...(v.nice ?? []).map((label) => ({ uri: skillUri(taxonomy, label), required: false })),
  ];
  return {
    id: stableId(v.key),
    employerId: stableId(employer.key),
    title: v.title,
    description: v.description,
    kind: v.kind ?? 'posted',
    occupationUri: taxonomy.occupationUri.get(v.code)!,
    sector: employer.sector,
    skills,
    certificates: v.certificates ?? [],
    drivingLicences: v.licences ?? [],
    languages: v.languages.map(([language, minLevel]) => ({ language, minLevel })),
    hoursMin: v.hours[0],
    hoursMax: v.hours[1],
    shifts: v.shifts ?? ['day'],
    pc4: employer.pc4,
    physicalDemands: v.demands,
    contractType: 'fixed-term',
    startDate: null,
    status: v.status ?? 'open',
    trialPlacementPossible: true,
    createdById: QUALITY_USERS.accountManager,
  };
}

function candidateRow(c: PoolCandidate, index: number, taxonomy: Taxonomy): CandidateRow {
  const experiences: WorkExperience[] = c.jobs.map((job) => ({
    occupationUri: taxonomy.occupationUri.get(job.code)!,
    title: job.title,
    sector: job.sector,
    years: job.years,
    lastYearWorked: job.last,
    ...(job.description ? { description: job.description } : {}),
  }));
  const skills: CandidateSkill[] = (c.skills ?? []).map((s) => ({
    uri: skillUri(taxonomy, s.label),
    source: s.source,
    evidence: s.evidence,
  }));
  const status = c.status ?? 'active';
  return {
    id: stableId(c.key),
    clientNumber: `BM-${String(1000 + index)}`,
    bsnHash: null,
    firstName: c.firstName,
    lastName: c.lastName,
    email: null,
    phone: null,
    // a fact of the programme, never a ranking feature: the same for everyone here
    birthYear: 1968,
    klantmanagerId: QUALITY_USERS.klantmanager,
    homePc4: c.pc4,
    maxCommuteKm: c.maxKm,
    maxCommuteMinutes: null,
    hoursMin: c.hours[0],
    hoursMax: c.hours[1],
    experiences,
    skills,
    languages: (c.languages ?? [['nl', 'native']]).map(([language, level]) => ({
      language,
      level,
    })),
    activities: c.activities ?? [],
    educationLevel: 'vmbo',
    diplomas: [],
    certificates: c.certificates ?? [],
    drivingLicences: c.licences ?? [],
    workCapacity: c.capacity ?? {},
    workCapacityNotes: null,
    availableFrom: null,
    sectorsOfInterest: c.interest ?? [],
    sectorsRefused: c.refused ?? [],
    participationRung: 3,
    programmeStatus: status,
    availableForMatching: c.available ?? true,
    benefitType: 'bijstand',
    targetGroupRegister: false,
  };
}

/**
 * Checks the cases against the pool: unique keys, known subjects and labels, every graded pair
 * passes the hard constraints and every must-not-rank pair fails one (or is out of scope).
 * Returns the problems found (empty: consistent).
 */
export function checkCases(coordinates: ReadonlyMap<string, LatLon>): string[] {
  const problems: string[] = [];
  const candidates = new Map(CANDIDATES.map((c) => [c.key, c]));
  const vacancies = new Map(VACANCIES.map((v) => [v.key, v]));
  const employers = new Map(EMPLOYERS.map((e) => [e.key, e]));
  if (candidates.size !== CANDIDATES.length) problems.push('duplicate candidate keys');
  if (vacancies.size !== VACANCIES.length) problems.push('duplicate vacancy keys');
  if (new Set(CASES.map((c) => c.id)).size !== CASES.length) problems.push('duplicate case ids');
  const pair = (vacancyKey: string, candidateKey: string) => {
    const vacancy = vacancies.get(vacancyKey);
    const candidate = candidates.get(candidateKey);
    if (!vacancy || !candidate) return null;
    return failedConstraints(candidate, vacancy, employers.get(vacancy.employer)!, coordinates);
  };
  for (const [vacancyKey, row] of Object.entries(JUDGEMENTS)) {
    if (!vacancies.has(vacancyKey)) problems.push(`judgements: unknown vacancy ${vacancyKey}`);
    for (const candidateKey of Object.keys(row)) {
      const failed = pair(vacancyKey, candidateKey);
      if (failed === null)
        problems.push(`judgements: unknown pair ${vacancyKey} / ${candidateKey}`);
      else if (failed.length > 0)
        problems.push(`${vacancyKey} / ${candidateKey} is graded but fails ${failed.join('; ')}`);
    }
  }
  for (const c of CASES) {
    const known = c.direction === 'vacancy' ? vacancies.has(c.subject) : candidates.has(c.subject);
    if (!known) problems.push(`${c.id}: unknown subject`);
    if (Object.keys(gradesOf(c)).length === 0) problems.push(`${c.id}: no graded item`);
    for (const other of c.mustNotRank) {
      const failed = c.direction === 'vacancy' ? pair(c.subject, other) : pair(other, c.subject);
      if (failed === null) problems.push(`${c.id}: unknown must-not-rank ${other}`);
      else if (failed.length === 0)
        problems.push(`${c.id}: must-not-rank ${other} passes every constraint`);
    }
  }
  return problems;
}

/** How many cases use each direction / family (for the report). */
export function caseCounts(cases: readonly MatchCase[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of cases) {
    const key = `${c.direction}/${c.family}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Resolves the pool against the taxonomy, checks the cases and inserts users, employers,
 * locations, vacancies and candidates into the (freshly created) quality database.
 */
export async function insertQualityPool(dataSource: DataSource): Promise<QualityPool> {
  const taxonomy = await readTaxonomy(dataSource);
  const problems = checkCases(taxonomy.coordinates);
  if (problems.length > 0)
    throw new Error(`The matching cases do not fit the pool:\n  ${problems.join('\n  ')}`);
  const vacancies = VACANCIES.map((v) => vacancyRow(v, taxonomy));
  const candidates = CANDIDATES.map((c, i) => candidateRow(c, i, taxonomy));
  const passwordHash = await hashPassword('bench-matching-only-0123456789');
  const users = [
    {
      id: QUALITY_USERS.coordinator,
      role: Role.Coordinator,
      displayName: 'Coördinator',
      sectors: [],
    },
    {
      id: QUALITY_USERS.accountManager,
      role: Role.AccountManager,
      displayName: 'Accountmanager (alle sectoren)',
      sectors: [...new Set(EMPLOYERS.map((e) => e.sector))],
    },
    {
      id: QUALITY_USERS.klantmanager,
      role: Role.ClientManager,
      displayName: 'Klantmanager',
      sectors: [],
    },
  ].map((u) => ({
    ...u,
    email: `${u.id.slice(0, 8)}@bench-matching.invalid`,
    passwordHash,
    employerId: null,
    active: true,
  }));
  await dataSource.transaction(async (manager) => {
    await insertRows(manager, UserEntity, users);
    await insertRows(
      manager,
      EmployerEntity,
      EMPLOYERS.map((e, i) => ({
        id: stableId(e.key),
        name: e.name,
        kvkNumber: String(90000000 + i * 101),
        sector: e.sector,
        sbiCode: null,
        accountManagerId: QUALITY_USERS.accountManager,
        opennessTo45Plus: e.openness,
        acceptsTrialPlacements: true,
        trialPlacementExperience: false,
        diversityWorkshopInterest: false,
        website: null,
      })),
    );
    await insertRows(
      manager,
      EmployerLocationEntity,
      EMPLOYERS.map((e) => ({
        id: stableId(`${e.key}-location`),
        employerId: stableId(e.key),
        name: 'Hoofdvestiging',
        pc4: e.pc4,
        city: e.city,
      })),
    );
    await insertRows(manager, VacancyEntity, vacancies);
    await insertRows(manager, CandidateEntity, candidates);
  });
  await dataSource.query('ANALYZE');
  const idByKey = new Map<string, string>([
    ...VACANCIES.map((v): [string, string] => [v.key, stableId(v.key)]),
    ...CANDIDATES.map((c): [string, string] => [c.key, stableId(c.key)]),
  ]);
  return {
    candidates,
    vacancies,
    idByKey,
    keyById: new Map([...idByKey].map(([key, id]) => [id, key])),
    coordinates: taxonomy.coordinates,
  };
}
