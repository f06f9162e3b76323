import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SKILL_SOURCES, SkillSource } from '../../candidates/candidate.entity';
import { CEFR_LEVELS, CefrLevel } from '../../taxonomy/reference-lists';
import { CONSTRAINTS, Constraint } from '../hard-constraints';
import { LABEL_THRESHOLDS, MatchLabel, REQUIREMENT_KINDS, RequirementKind } from '../match-score';
import { Viability } from '../transitions';

const LABELS = Object.keys(LABEL_THRESHOLDS) as MatchLabel[];

export class SectorRefDto {
  @ApiProperty({ example: 'C' }) code: string;
  @ApiProperty({ example: 'Industrie' }) label: string;
}

export class SkillRefDto {
  @ApiProperty() uri: string;
  @ApiProperty({ description: 'Dutch label where ESCO has one, else English' }) label: string;
}

export class CoveredSkillDto extends SkillRefDto {
  @ApiProperty({
    enum: REQUIREMENT_KINDS,
    description: 'required or wished on the vacancy, or essential to its ESCO occupation',
  })
  requirement: RequirementKind;
  @ApiProperty({
    enum: ['covered', 'related'],
    description: 'related: a related skill in the ESCO hierarchy gives partial credit',
  })
  status: 'covered' | 'related';
  @ApiProperty({ enum: SKILL_SOURCES }) source: SkillSource;
  @ApiProperty({ example: 'hobby: repareert al 20 jaar fietsen voor de buurt' }) evidence: string;
  @ApiProperty({
    type: SkillRefDto,
    nullable: true,
    description: 'For a related skill: the one the candidate has',
  })
  relatedSkill: SkillRefDto | null;
}

export class MissingSkillDto extends SkillRefDto {
  @ApiProperty({ enum: REQUIREMENT_KINDS }) requirement: RequirementKind;
  @ApiProperty({ description: 'A short course (maatwerkbudget) could bridge it' })
  bridgeable: boolean;
}

export class LanguageLineDto {
  @ApiProperty({ example: 'tr' }) language: string;
  @ApiProperty({ example: 'Turks' }) name: string;
  @ApiProperty({ enum: CEFR_LEVELS }) required: CefrLevel;
  @ApiProperty({ enum: CEFR_LEVELS, nullable: true }) has: CefrLevel | null;
  @ApiProperty() met: boolean;
}

export class EarlierWorkDto {
  @ApiProperty({ example: 'drukker bij een drukkerij' }) title: string;
  @ApiProperty() occupationUri: string;
  @ApiProperty({ type: SectorRefDto }) sector: SectorRefDto;
  @ApiProperty({ description: 'ESCO skills similarity of that occupation to this work, 0..1' })
  similarity: number;
}

export class ExplanationDto {
  @ApiProperty({
    description: 'In Dutch, to repeat to an employer',
    example:
      'Goede match: heeft 3 van de 4 gevraagde vaardigheden, zoals orderpicken (werk als magazijnmedewerker). Komt uit een andere sector (industrie), als drukker bij een drukkerij. 8,2 km reizen.',
  })
  summary: string;
  @ApiProperty({ type: [CoveredSkillDto] }) coveredSkills: CoveredSkillDto[];
  @ApiProperty({ type: [MissingSkillDto] }) missingSkills: MissingSkillDto[];
  @ApiProperty({ type: [LanguageLineDto] }) languages: LanguageLineDto[];
  @ApiProperty({ type: EarlierWorkDto, nullable: true }) earlierWork: EarlierWorkDto | null;
  @ApiProperty({ type: Number, nullable: true }) distanceKm: number | null;
  @ApiProperty({ description: 'The work lies in a sector the candidate has not worked in' })
  crossSector: boolean;
  @ApiProperty({ type: [SectorRefDto], description: 'Sectors of earlier work' })
  fromSectors: SectorRefDto[];
}

export class FailedConstraintDto {
  @ApiProperty({ enum: CONSTRAINTS }) constraint: Constraint;
  @ApiProperty({ example: 'zou passen als de werkgever 24 uur per week accepteert (vraagt 32-38)' })
  message: string;
  @ApiProperty({ description: 'A short course could lift it (e.g. a VCA certificate)' })
  bridgeable: boolean;
}

export class MatchCandidateRefDto {
  @ApiProperty() id: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty() klantmanagerId: string;
}

export class MatchScoreDto {
  @ApiProperty({ description: '0..1; the same scale on every vacancy and candidate' })
  score: number;
  @ApiProperty({
    enum: LABELS,
    description: `sterk >= ${LABEL_THRESHOLDS.sterk}, goed >= ${LABEL_THRESHOLDS.goed}, mogelijk >= ${LABEL_THRESHOLDS.mogelijk}`,
  })
  label: MatchLabel;
  @ApiProperty() crossSector: boolean;
  @ApiProperty({ type: ExplanationDto }) explanation: ExplanationDto;
}

export class CandidateMatchDto extends MatchScoreDto {
  @ApiProperty({ type: MatchCandidateRefDto }) candidate: MatchCandidateRefDto;
}

export class ExcludedCandidateDto extends CandidateMatchDto {
  @ApiProperty({ type: [FailedConstraintDto] }) failedConstraints: FailedConstraintDto[];
}

export class ConstraintCountDto {
  @ApiProperty({ enum: CONSTRAINTS }) constraint: Constraint;
  @ApiProperty({ description: 'Candidates (or vacancies) that fail it' }) count: number;
}

export class VacancyRefDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() employerId: string;
  @ApiPropertyOptional() employerName?: string;
  @ApiProperty() occupationUri: string;
  @ApiProperty({ type: SectorRefDto }) sector: SectorRefDto;
  @ApiProperty() pc4: string;
}

export class VacancyMatchesResponse {
  @ApiProperty({ type: VacancyRefDto }) vacancy: VacancyRefDto;
  @ApiProperty({ description: 'Candidates in your scope that were considered' }) considered: number;
  @ApiProperty({ type: [CandidateMatchDto], description: 'Best first' }) items: CandidateMatchDto[];
  @ApiProperty({
    type: [ConstraintCountDto],
    description: 'How many candidates each hard constraint kept out',
  })
  excludedBy: ConstraintCountDto[];
  @ApiPropertyOptional({
    type: [ExcludedCandidateDto],
    description:
      'With includeExcluded=true: the best candidates that fail a hard constraint, with what would make them fit',
  })
  excluded?: ExcludedCandidateDto[];
  @ApiPropertyOptional({ description: 'When nothing is found: why, in Dutch' }) message?: string;
}

export class VacancyMatchDto extends MatchScoreDto {
  @ApiProperty({ type: VacancyRefDto }) vacancy: VacancyRefDto;
}

export class ExcludedVacancyDto extends VacancyMatchDto {
  @ApiProperty({ type: [FailedConstraintDto] }) failedConstraints: FailedConstraintDto[];
}

export class EmployerMatchDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: SectorRefDto }) sector: SectorRefDto;
  @ApiProperty() score: number;
  @ApiProperty({ enum: LABELS }) label: MatchLabel;
  @ApiProperty({ type: Number, nullable: true }) distanceKm: number | null;
  @ApiProperty({
    type: [String],
    description: 'Why approaching this employer makes sense, in Dutch',
  })
  reasons: string[];
  @ApiProperty() summary: string;
}

export class CandidateMatchesResponse {
  @ApiProperty({ type: MatchCandidateRefDto }) candidate: MatchCandidateRefDto;
  @ApiProperty({ description: 'Vacancies considered' }) considered: number;
  @ApiProperty({ type: [VacancyMatchDto], description: 'Open vacancies, best first' })
  vacancies: VacancyMatchDto[];
  @ApiProperty({
    type: [EmployerMatchDto],
    description:
      'Employers without an open vacancy whose sector and earlier vacancies fit: to approach for jobhunting',
  })
  employers: EmployerMatchDto[];
  @ApiProperty({ type: [ConstraintCountDto] }) excludedBy: ConstraintCountDto[];
  @ApiPropertyOptional({ type: [ExcludedVacancyDto] }) excluded?: ExcludedVacancyDto[];
  @ApiPropertyOptional() message?: string;
}

export class OccupationRefDto {
  @ApiProperty() uri: string;
  @ApiProperty({ example: '9333.8.1' }) code: string;
  @ApiProperty({ example: 'orderpicker' }) label: string;
  @ApiProperty({ type: SectorRefDto, nullable: true, description: 'Main NACE section' })
  sector: SectorRefDto | null;
}

export class CareerPathDto {
  @ApiProperty({ type: OccupationRefDto }) occupation: OccupationRefDto;
  @ApiProperty({ description: 'Lies in a sector the candidate has not worked in' })
  otherSector: boolean;
  @ApiProperty({ description: '0..1, on the scale of the occupation transitions' }) score: number;
  @ApiProperty({ enum: ['zeer goed haalbaar', 'haalbaar', 'met scholing'] }) viability: Viability;
  @ApiProperty({
    type: [CoveredSkillDto],
    description: 'Skills that carry over, with their evidence',
  })
  carryOver: CoveredSkillDto[];
  @ApiProperty({ type: [MissingSkillDto], description: 'Essential skills still to learn' })
  gaps: MissingSkillDto[];
  @ApiProperty({ description: 'Open vacancies in this occupation now' }) openVacancies: number;
  @ApiProperty() summary: string;
}

export class CareerPathsResponse {
  @ApiProperty({ type: MatchCandidateRefDto }) candidate: MatchCandidateRefDto;
  @ApiProperty({ type: [SectorRefDto] }) fromSectors: SectorRefDto[];
  @ApiProperty({ type: [CareerPathDto] }) items: CareerPathDto[];
}
