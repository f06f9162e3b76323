import { Role } from '../../src/infra/auth/role';
import {
  CandidateEntity,
  CandidateLanguage,
  CandidateSkill,
  ProgrammeStatus,
} from '../../src/modules/candidates/candidate.entity';
import { EmployerEntity, OpennessTo45Plus } from '../../src/modules/employers/employer.entity';
import { EducationLevel } from '../../src/modules/taxonomy/reference-lists';
import { VacancyEntity, VacancyStatus } from '../../src/modules/vacancies/vacancy.entity';
import {
  CAPACITY_PROFILES,
  EMPLOYER_NAME_PARTS,
  EXTRA_LANGUAGES,
  FIRST_NAMES,
  JOB_OPENINGS,
  LAST_NAMES,
  PAST_JOBS,
  PASTIMES,
} from './archetypes';
import { Random } from './random';

/** What the generator needs from the imported taxonomy. */
export interface TaxonomyLookup {
  occupationUri(code: string): string | undefined;
  essentialSkills(occupationUri: string): string[];
  optionalSkills(occupationUri: string): string[];
  skillUri(englishLabel: string): string | undefined;
  /** PC4 areas around Almere (Almere, Lelystad, Zeewolde, Amsterdam-Oost, Huizen …). */
  postcodes: string[];
}

export interface DemoUser {
  id: string;
  email: string;
  role: Role;
  displayName: string;
  sectors: string[];
  employerId: string | null;
}

type Row<T> = Omit<
  T,
  | 'createdAt'
  | 'updatedAt'
  | 'version'
  | 'accountManager'
  | 'klantmanager'
  | 'employer'
  | 'occupation'
  | 'locations'
  | 'contacts'
>;

export interface DemoData {
  users: DemoUser[];
  employers: (Row<EmployerEntity> & {
    location: { id: string; name: string; pc4: string; city: string };
  })[];
  vacancies: Row<VacancyEntity>[];
  candidates: Row<CandidateEntity>[];
}

export const DEMO_PASSWORD = 'Werkspoor45!demo';
const THIS_YEAR = new Date().getUTCFullYear();

export function demoStaff(): DemoUser[] {
  const rng = new Random(45);
  return [
    {
      id: rng.uuid(),
      email: 'coordinator@werkspoor.demo',
      role: Role.Coordinator,
      displayName: 'Carla Coördinator',
      sectors: [],
      employerId: null,
    },
    {
      id: rng.uuid(),
      email: 'am.logistiek@werkspoor.demo',
      role: Role.AccountManager,
      displayName: 'Arjen (logistiek & industrie)',
      sectors: ['H', 'C', 'F'],
      employerId: null,
    },
    {
      id: rng.uuid(),
      email: 'am.handel@werkspoor.demo',
      role: Role.AccountManager,
      displayName: 'Bianca (handel, horeca & cultuur)',
      sectors: ['G', 'I', 'R'],
      employerId: null,
    },
    {
      id: rng.uuid(),
      email: 'am.diensten@werkspoor.demo',
      role: Role.AccountManager,
      displayName: 'Dennis (zakelijke diensten & zorg)',
      sectors: ['N', 'M', 'Q', 'P', 'S', 'O'],
      employerId: null,
    },
    ...[1, 2, 3, 4].map((n) => ({
      id: rng.uuid(),
      email: `km${n}@werkspoor.demo`,
      role: Role.ClientManager,
      displayName: `Klantmanager ${['Karim', 'Loes', 'Mirjam', 'Sander'][n - 1]}`,
      sectors: [],
      employerId: null,
    })),
  ];
}

/**
 * Generates a fictitious, deterministic data set: no real persons or organisations.
 * Counts default to the demo (60 employers, 150 vacancies, 100 candidates); the benchmarks
 * ask for more.
 */
export function generateDemoData(
  taxonomy: TaxonomyLookup,
  counts = { employers: 60, vacancies: 150, candidates: 100 },
  seed = 4545,
): DemoData {
  const rng = new Random(seed);
  const staff = demoStaff();
  const accountManagers = staff.filter((u) => u.role === Role.AccountManager);
  const klantmanagers = staff.filter((u) => u.role === Role.ClientManager);
  const openings = JOB_OPENINGS.filter((o) => taxonomy.occupationUri(o.code));
  const pastJobs = PAST_JOBS.filter((j) => taxonomy.occupationUri(j.code));

  const employers: DemoData['employers'] = [];
  const sectors = Object.keys(EMPLOYER_NAME_PARTS);
  const usedNames = new Set<string>();
  for (let i = 0; i < counts.employers; i++) {
    const sector = sectors[i % sectors.length];
    const parts = EMPLOYER_NAME_PARTS[sector];
    let name = `${rng.pick(parts.prefixes)} ${rng.pick(parts.suffixes)}`;
    if (usedNames.has(name)) name = `${name} ${Math.floor(i / sectors.length) + 1}`;
    usedNames.add(name);
    const owner = accountManagers.find((am) => am.sectors.includes(sector)) ?? accountManagers[0];
    const pc4 = rng.pick(taxonomy.postcodes);
    const id = rng.uuid();
    employers.push({
      id,
      name: `${name} B.V.`,
      kvkNumber: String(80000000 + i * 1373),
      sector,
      sbiCode: null,
      accountManagerId: owner.id,
      opennessTo45Plus: rng.pick<OpennessTo45Plus>(['open', 'open', 'unknown', 'hesitant']),
      acceptsTrialPlacements: rng.chance(0.6),
      trialPlacementExperience: rng.chance(0.35),
      diversityWorkshopInterest: rng.chance(0.25),
      website: null,
      location: { id: rng.uuid(), name: 'Hoofdvestiging', pc4, city: 'Almere' },
    });
  }

  const employerContacts: DemoUser[] = employers.slice(0, 3).map((employer, i) => ({
    id: rng.uuid(),
    email: i === 0 ? 'werkgever@werkspoor.demo' : `werkgever${i + 1}@werkspoor.demo`,
    role: Role.Employer,
    displayName: `Contactpersoon ${employer.name}`,
    sectors: [],
    employerId: employer.id,
  }));

  const vacancies: Row<VacancyEntity>[] = [];
  for (let i = 0; i < counts.vacancies; i++) {
    const opening = openings[i % openings.length];
    const sameSector = employers.filter((e) => e.sector === opening.sector);
    const employer = sameSector.length ? rng.pick(sameSector) : rng.pick(employers);
    const occupationUri = taxonomy.occupationUri(opening.code)!;
    const required = rng.sample(taxonomy.essentialSkills(occupationUri), rng.int(3, 6));
    const nice = rng
      .sample(taxonomy.optionalSkills(occupationUri), 2)
      .filter((uri) => !required.includes(uri));
    const hoursMin = opening.hours[0];
    vacancies.push({
      id: rng.uuid(),
      employerId: employer.id,
      title: opening.title,
      description: `${opening.title} bij ${employer.name}. Inwerken op de werkvloer, vaste collega als aanspreekpunt.`,
      kind: rng.chance(0.15) ? 'open-to-person' : 'posted',
      occupationUri,
      sector: employer.sector,
      skills: [
        ...required.map((uri) => ({ uri, required: true })),
        ...nice.map((uri) => ({ uri, required: false })),
      ],
      certificates: opening.certificates,
      drivingLicences: opening.drivingLicences,
      languages: opening.languages,
      hoursMin,
      hoursMax: Math.max(hoursMin, opening.hours[1] - rng.int(0, 1) * 4),
      shifts: opening.demands.nightWork
        ? ['night', 'irregular']
        : rng.pick([['day'], ['day', 'evening'], ['day', 'weekend']]),
      pc4: employer.location.pc4,
      physicalDemands: opening.demands,
      contractType: rng.pick(['fixed-term', 'fixed-term', 'permanent', 'temp-agency']),
      startDate: null,
      status: rng.pick<VacancyStatus>([
        'open',
        'open',
        'open',
        'open',
        'open',
        'open',
        'draft',
        'on-hold',
        'filled',
        'closed',
      ]),
      trialPlacementPossible: employer.acceptsTrialPlacements && rng.chance(0.8),
      createdById: employer.accountManagerId,
    });
  }

  const candidates: Row<CandidateEntity>[] = [];
  for (let i = 0; i < counts.candidates; i++) {
    const klantmanager = klantmanagers[i % klantmanagers.length];
    const jobs = rng.sample(pastJobs, rng.chance(0.6) ? 1 : 2);
    const pastimes = rng.sample(PASTIMES, rng.int(0, 2));
    const extraLanguages = rng.chance(0.55) ? rng.sample(EXTRA_LANGUAGES, rng.int(1, 2)) : [];
    const lastYear = THIS_YEAR - rng.int(1, 12);
    const skills: CandidateSkill[] = [];
    const addSkill = (uri: string | undefined, skill: Omit<CandidateSkill, 'uri'>) => {
      if (uri && !skills.some((s) => s.uri === uri && s.source === skill.source))
        skills.push({ uri, ...skill });
    };
    const experiences = jobs.map((job, index) => {
      const uri = taxonomy.occupationUri(job.code)!;
      for (const skillUri of rng.sample(taxonomy.essentialSkills(uri), rng.int(4, 8))) {
        addSkill(skillUri, { source: 'work', evidence: `${job.title} (${rng.int(3, 25)} jaar)` });
      }
      return {
        occupationUri: uri,
        title: job.title,
        sector: job.sector,
        years: rng.int(3, 25),
        lastYearWorked: lastYear - index * rng.int(2, 10),
      };
    });
    for (const pastime of pastimes) {
      for (const label of pastime.skillLabels)
        addSkill(taxonomy.skillUri(label), { source: pastime.kind, evidence: pastime.description });
    }
    const languages: CandidateLanguage[] = [
      { language: 'nl', level: rng.pick(['A2', 'B1', 'B1', 'B2', 'C1', 'native']) },
    ];
    for (const extra of extraLanguages) {
      languages.push({ language: extra.code, level: rng.pick(['B1', 'B2', 'native', 'native']) });
      addSkill(extra.skillLabel ? taxonomy.skillUri(extra.skillLabel) : undefined, {
        source: 'education',
        evidence: 'moedertaal of lang gesproken',
      });
    }
    const hoursMin = rng.pick([8, 12, 16, 20, 24, 32]);
    const status = rng.pick<ProgrammeStatus>([
      'active',
      'active',
      'jobhunting',
      'jobhunting',
      'intake',
      'paused',
      'trial-placement',
    ]);
    const firstName = rng.pick(FIRST_NAMES);
    const lastName = rng.pick(LAST_NAMES);
    candidates.push({
      id: rng.uuid(),
      clientNumber: `ALM-${String(100000 + i * 7).padStart(6, '0')}`,
      bsnHash: null,
      firstName,
      lastName,
      email: `${firstName.toLowerCase()}.${i}@voorbeeld.invalid`,
      phone: null,
      birthYear: THIS_YEAR - rng.int(45, 64),
      klantmanagerId: klantmanager.id,
      homePc4: rng.pick(taxonomy.postcodes),
      maxCommuteKm: rng.pick([5, 10, 15, 20, 25, 30]),
      maxCommuteMinutes: null,
      hoursMin,
      hoursMax: Math.min(40, hoursMin + rng.pick([0, 4, 8, 12, 16])),
      experiences,
      skills,
      languages,
      activities: pastimes.map((p) => ({
        kind: p.kind,
        description: p.description,
        years: rng.int(1, 20),
      })),
      educationLevel: rng.pick<EducationLevel>([
        'primary',
        'vmbo',
        'vmbo',
        'mbo1',
        'mbo2',
        'mbo2',
        'mbo3',
        'havo',
        'mbo4',
      ]),
      diplomas: [],
      certificates: rng.chance(0.2)
        ? [rng.pick(['vca-basis', 'heftruck', 'bhv', 'haccp', 'ehbo'])]
        : [],
      drivingLicences: rng.chance(0.5) ? ['B'] : [],
      workCapacity: rng.pick(CAPACITY_PROFILES),
      workCapacityNotes: null,
      availableFrom: null,
      sectorsOfInterest: rng.sample(['G', 'H', 'N', 'I', 'Q', 'C'], rng.int(0, 2)),
      sectorsRefused: rng.chance(0.2) ? ['I'] : [],
      participationRung: rng.pick([3, 3, 4, 4, 4, 2, 5]),
      programmeStatus: status,
      availableForMatching:
        ['active', 'jobhunting', 'trial-placement'].includes(status) && rng.chance(0.9),
      benefitType: 'bijstand',
      // one in eight clients has a registered work-related disability (no random draw, so the
      // rest of the generated data stays as it was)
      targetGroupRegister: i % 8 === 3,
    });
  }
  // interest and refusal never overlap
  for (const c of candidates)
    c.sectorsOfInterest = c.sectorsOfInterest.filter((s) => !c.sectorsRefused.includes(s));

  return { users: [...staff, ...employerContacts], employers, vacancies, candidates };
}
