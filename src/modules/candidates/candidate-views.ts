import { Role } from '../../infra/auth/role';
import { CandidateEntity } from './candidate.entity';
import {
  CandidateFullViewDto,
  CandidateListItemDto,
  CandidateMatchingViewDto,
} from './dto/candidate-view.dto';

/** Fields whose reading is written to the audit log (names only, never values). */
export const SENSITIVE_FIELDS = [
  'birthYear',
  'workCapacity',
  'workCapacityNotes',
  'targetGroupRegister',
] as const;
export type SensitiveField = (typeof SENSITIVE_FIELDS)[number];

/** The sensitive fields a response object carries, to name them in the audit row. */
export function sensitiveFieldsIn(view: object): SensitiveField[] {
  return SENSITIVE_FIELDS.filter((field) => field in view);
}

// Views pick fields one by one: a new column never reaches a response unless added here.

export function toListItem(candidate: CandidateEntity, role: Role): CandidateListItemDto {
  return {
    id: candidate.id,
    ...(role === Role.AccountManager ? {} : { clientNumber: candidate.clientNumber }),
    firstName: candidate.firstName,
    lastName: candidate.lastName,
    klantmanagerId: candidate.klantmanagerId,
    homePc4: candidate.homePc4,
    programmeStatus: candidate.programmeStatus,
    participationRung: candidate.participationRung,
    availableForMatching: candidate.availableForMatching,
    availableFrom: candidate.availableFrom,
    updatedAt: candidate.updatedAt,
  };
}

export function toMatchingView(candidate: CandidateEntity): CandidateMatchingViewDto {
  return {
    view: 'matching',
    id: candidate.id,
    firstName: candidate.firstName,
    lastName: candidate.lastName,
    klantmanagerId: candidate.klantmanagerId,
    homePc4: candidate.homePc4,
    maxCommuteKm: candidate.maxCommuteKm,
    maxCommuteMinutes: candidate.maxCommuteMinutes,
    hoursMin: candidate.hoursMin,
    hoursMax: candidate.hoursMax,
    experiences: candidate.experiences,
    skills: candidate.skills,
    languages: candidate.languages,
    activities: candidate.activities,
    educationLevel: candidate.educationLevel,
    diplomas: candidate.diplomas,
    certificates: candidate.certificates,
    drivingLicences: candidate.drivingLicences,
    workCapacity: candidate.workCapacity,
    availableFrom: candidate.availableFrom,
    sectorsOfInterest: candidate.sectorsOfInterest,
    sectorsRefused: candidate.sectorsRefused,
    participationRung: candidate.participationRung,
    programmeStatus: candidate.programmeStatus,
    availableForMatching: candidate.availableForMatching,
  };
}

export function toFullView(candidate: CandidateEntity): CandidateFullViewDto {
  return {
    ...toMatchingView(candidate),
    view: 'full',
    clientNumber: candidate.clientNumber,
    benefitType: candidate.benefitType,
    targetGroupRegister: candidate.targetGroupRegister,
    bsnRecorded: candidate.bsnHash !== null,
    email: candidate.email,
    phone: candidate.phone,
    birthYear: candidate.birthYear,
    workCapacityNotes: candidate.workCapacityNotes,
    createdAt: candidate.createdAt,
    updatedAt: candidate.updatedAt,
  };
}
