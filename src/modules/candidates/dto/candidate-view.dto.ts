import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CEFR_LEVELS, EDUCATION_LEVELS, EducationLevel } from '../../taxonomy/reference-lists';
import {
  BENEFIT_TYPES,
  BenefitType,
  PROGRAMME_STATUSES,
  ProgrammeStatus,
} from '../candidate.entity';
import {
  ActivityDto,
  CandidateLanguageDto,
  CandidateSkillDto,
  DiplomaDto,
  WorkCapacityDto,
  WorkExperienceDto,
} from './candidate.dto';

/**
 * List view: enough to find a client. Never sensitive fields (birth year, work capacity) nor
 * contact details, so lists need no audit of sensitive reads.
 */
export class CandidateListItemDto {
  @ApiProperty() id: string;
  @ApiPropertyOptional({ description: 'Absent for accountmanagers' }) clientNumber?: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty() klantmanagerId: string;
  @ApiProperty() homePc4: string;
  @ApiProperty({ enum: PROGRAMME_STATUSES }) programmeStatus: ProgrammeStatus;
  @ApiProperty({ minimum: 1, maximum: 5 }) participationRung: number;
  @ApiProperty() availableForMatching: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) availableFrom: string | null;
  @ApiProperty() updatedAt: Date;
}

export class CandidatePageDto {
  @ApiProperty({ type: [CandidateListItemDto] }) items: CandidateListItemDto[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
}

/**
 * Matching view, for accountmanagers: the competence profile and the limits matching needs
 * (hours, travel, work capacity), without birth year, BSN, client number, contact details or
 * work-capacity notes.
 */
export class CandidateMatchingViewDto {
  @ApiProperty({ enum: ['matching', 'full'] }) view: 'matching' | 'full';
  @ApiProperty() id: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty() klantmanagerId: string;
  @ApiProperty() homePc4: string;
  @ApiProperty({ type: Number, nullable: true }) maxCommuteKm: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxCommuteMinutes: number | null;
  @ApiProperty() hoursMin: number;
  @ApiProperty() hoursMax: number;
  @ApiProperty({ type: [WorkExperienceDto] }) experiences: WorkExperienceDto[];
  @ApiProperty({ type: [CandidateSkillDto] }) skills: CandidateSkillDto[];
  @ApiProperty({ type: [CandidateLanguageDto], description: `Levels: ${CEFR_LEVELS.join(', ')}` })
  languages: CandidateLanguageDto[];
  @ApiProperty({ type: [ActivityDto] }) activities: ActivityDto[];
  @ApiProperty({ enum: EDUCATION_LEVELS }) educationLevel: EducationLevel;
  @ApiProperty({ type: [DiplomaDto] }) diplomas: DiplomaDto[];
  @ApiProperty({ type: [String] }) certificates: string[];
  @ApiProperty({ type: [String] }) drivingLicences: string[];
  @ApiProperty({
    type: WorkCapacityDto,
    description: 'sensitive: limits needed for matching; reading it is audited',
  })
  workCapacity: WorkCapacityDto;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) availableFrom: string | null;
  @ApiProperty({ type: [String] }) sectorsOfInterest: string[];
  @ApiProperty({ type: [String] }) sectorsRefused: string[];
  @ApiProperty() participationRung: number;
  @ApiProperty({ enum: PROGRAMME_STATUSES }) programmeStatus: ProgrammeStatus;
  @ApiProperty() availableForMatching: boolean;
}

/** Full view, for the owning klantmanager and coordinators. The BSN is never returned. */
export class CandidateFullViewDto extends CandidateMatchingViewDto {
  @ApiProperty() clientNumber: string;
  @ApiProperty({ enum: BENEFIT_TYPES }) benefitType: BenefitType;
  @ApiProperty({
    description: 'sensitive: registered in the doelgroepregister; reading it is audited',
  })
  targetGroupRegister: boolean;
  @ApiProperty({ description: 'Whether a BSN was recorded (as a keyed hash); never the BSN' })
  bsnRecorded: boolean;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ description: 'sensitive: programme eligibility only; reading it is audited' })
  birthYear: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'sensitive: limits only, never a diagnosis; reading it is audited',
  })
  workCapacityNotes: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}

export class ExportLabelDto {
  @ApiProperty() uri: string;
  @ApiProperty() label: string;
}

export class ExportAccessRowDto {
  @ApiProperty() at: Date;
  @ApiProperty() action: string;
  @ApiProperty({ type: String, nullable: true }) actorRole: string | null;
  @ApiProperty({ type: String, nullable: true }) purpose: string | null;
  @ApiProperty({ enum: ['allowed', 'denied'] }) result: string;
}

export class ExportKlantmanagerDto {
  @ApiProperty() id: string;
  @ApiProperty() displayName: string;
}

/** Everything stored about one person, for a data-subject access request (AVG art. 15). */
export class CandidateExportDto {
  @ApiProperty() exportedAt: Date;
  @ApiProperty() notice: string;
  @ApiProperty({ type: CandidateFullViewDto }) profile: CandidateFullViewDto;
  @ApiProperty({ type: ExportKlantmanagerDto }) klantmanager: ExportKlantmanagerDto;
  @ApiProperty({ type: [ExportLabelDto], description: 'Names of the occupations in the profile' })
  occupations: ExportLabelDto[];
  @ApiProperty({ type: [ExportLabelDto], description: 'Names of the skills in the profile' })
  skills: ExportLabelDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'object' } },
    description:
      'Every stored row about this person in the placement pipeline, per table: jobhunting requests, nominations, trial placements, placements, arrangements, their history and follow-ups',
  })
  pipeline: Record<string, unknown[]>;
  @ApiProperty({
    type: [ExportAccessRowDto],
    description: 'Who (by role) read or changed this profile, and why',
  })
  accessLog: ExportAccessRowDto[];
}
