import { ApiProperty } from '@nestjs/swagger';

/** Most occupations listed on a skill's detail; occupationCount has the total. */
export const SKILL_OCCUPATIONS_LIMIT = 100;

export class SectorDto {
  @ApiProperty({ example: 'H', description: 'NACE Rev. 2 / SBI section letter' })
  code: string;

  @ApiProperty({ example: 'Vervoer en opslag' })
  label: string;
}

export class CodeLabelDto {
  @ApiProperty() code: string;
  @ApiProperty({ description: 'Dutch label' }) label: string;
}

export class OccupationSummaryDto {
  @ApiProperty({
    example: 'http://data.europa.eu/esco/occupation/eeac6251-1974-42f5-91ed-513c6c883755',
  })
  uri: string;

  @ApiProperty({ example: '8344.1', description: 'ESCO code' })
  code: string;

  @ApiProperty({ example: 'heftruckchauffeur', description: 'Dutch preferred label' })
  label: string;

  @ApiProperty({ example: 'forklift operator' })
  labelEn: string;

  @ApiProperty({ example: '8344', description: 'ISCO-08 unit group' })
  iscoGroup: string;

  @ApiProperty({
    type: [SectorDto],
    description: 'Sectors where the occupation is found, most typical first',
  })
  sectors: SectorDto[];
}

export class OccupationMatchDto extends OccupationSummaryDto {
  @ApiProperty({ example: 'chauffeur heftruck', description: 'The label that matched the query' })
  matchedLabel: string;

  @ApiProperty({ enum: ['nl', 'en'] })
  matchedLanguage: 'nl' | 'en';
}

export class OccupationMatchListDto {
  @ApiProperty({
    type: [OccupationMatchDto],
    description: 'Best match first, one row per occupation',
  })
  items: OccupationMatchDto[];
}

export class SkillSummaryDto {
  @ApiProperty({ example: 'http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da' })
  uri: string;

  @ApiProperty({
    example: 'operate forklift',
    description: 'Dutch label; the English label when ESCO has no Dutch one (see hasDutchLabel)',
  })
  label: string;

  @ApiProperty({
    description: 'False when ESCO has no Dutch label: show label with its Dutch skill group',
  })
  hasDutchLabel: boolean;

  @ApiProperty({ example: 'operate forklift' })
  labelEn: string;

  @ApiProperty({
    type: [String],
    example: ['bedienen van hef- en transportapparatuur'],
    description: 'Dutch labels of the skill groups (every skill has one)',
  })
  groupLabelsNl: string[];

  @ApiProperty({
    example: 'operate forklift (bedienen van hef- en transportapparatuur)',
    description:
      'What to show a Dutch user: the Dutch label, or the English label followed by its Dutch skill group',
  })
  displayLabel: string;

  @ApiProperty({ enum: ['skill/competence', 'knowledge'] })
  skillType: string;

  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['transversal', 'cross-sector', 'sector-specific', 'occupation-specific'],
  })
  reuseLevel: string | null;
}

export class SkillMatchDto extends SkillSummaryDto {
  @ApiProperty({ example: 'drive a forklift', description: 'The label that matched the query' })
  matchedLabel: string;

  @ApiProperty({ enum: ['nl', 'en'] })
  matchedLanguage: 'nl' | 'en';
}

export class SkillMatchListDto {
  @ApiProperty({ type: [SkillMatchDto], description: 'Best match first, one row per skill' })
  items: SkillMatchDto[];
}

export class IscoGroupDto {
  @ApiProperty({ example: '8344' }) code: string;
  @ApiProperty({ example: 'Heftruckbestuurders' }) labelNl: string;
  @ApiProperty({ example: 'Lifting truck operators' }) labelEn: string;
}

export class BrcDto {
  @ApiProperty({ example: '12', description: 'CBS BRC 2014 occupation class' })
  classCode: string;

  @ApiProperty({ example: 'Transport en logistiek beroepen' })
  classLabel: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '1215',
    description: 'BRC 2014 occupation group',
  })
  groupCode: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Bedieners mobiele machines' })
  groupLabel: string | null;
}

export class OccupationDetailDto extends OccupationSummaryDto {
  @ApiProperty({ type: [String] }) altLabelsNl: string[];
  @ApiProperty({ type: [String] }) altLabelsEn: string[];

  @ApiProperty({ type: IscoGroupDto, nullable: true })
  isco: IscoGroupDto | null;

  @ApiProperty({
    type: [String],
    example: ['521'],
    description: 'NACE codes as given by ESCO v1.2.1',
  })
  naceCodes: string[];

  @ApiProperty({
    type: BrcDto,
    nullable: true,
    description: 'Dutch CBS occupation class and group',
  })
  brc: BrcDto | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'technicians, construction, transport & security workers',
    description: 'Skills-based sector (Nesta, Mapping Career Causeways)',
  })
  skillsBasedSector: string | null;

  @ApiProperty({
    type: [SkillSummaryDto],
    description: 'Skills with a Dutch label first, then by label',
  })
  essentialSkills: SkillSummaryDto[];

  @ApiProperty({ type: [SkillSummaryDto] })
  optionalSkills: SkillSummaryDto[];
}

export class SkillGroupDto {
  @ApiProperty() uri: string;
  @ApiProperty({ example: 'S8.1.3' }) code: string;
  @ApiProperty({ example: 'bedienen van hef- en transportapparatuur' }) labelNl: string;
  @ApiProperty({ example: 'operating lifting or moving equipment' }) labelEn: string;
}

export class SkillOccupationDto {
  @ApiProperty() uri: string;
  @ApiProperty({ example: '8344.1' }) code: string;
  @ApiProperty({ example: 'heftruckchauffeur' }) label: string;
  @ApiProperty({ description: 'Essential (true) or optional (false) for this occupation' })
  essential: boolean;
}

export class SkillDetailDto extends SkillSummaryDto {
  @ApiProperty({ type: [String] }) altLabelsNl: string[];
  @ApiProperty({ type: [String] }) altLabelsEn: string[];

  @ApiProperty({ type: [SkillGroupDto], description: 'Skill groups, own and inherited' })
  groups: SkillGroupDto[];

  @ApiProperty({ type: [SkillSummaryDto], description: 'Broader skills in the ESCO hierarchy' })
  broaderSkills: SkillSummaryDto[];

  @ApiProperty({ description: 'How many occupations name this skill' })
  occupationCount: number;

  @ApiProperty({
    type: [SkillOccupationDto],
    description: `Occupations that name this skill, essential first; at most ${SKILL_OCCUPATIONS_LIMIT}`,
  })
  occupations: SkillOccupationDto[];
}

export class PostcodeDto {
  @ApiProperty({ example: '1315' }) pc4: string;
  @ApiProperty({ example: 52.3712 }) lat: number;
  @ApiProperty({ example: 5.2178 }) lon: number;
  @ApiProperty({ example: 'Almere' }) place: string;
  @ApiProperty({ example: 'Almere' }) municipality: string;
  @ApiProperty({ example: 'Flevoland' }) province: string;
}

export class PostcodeListDto {
  @ApiProperty({ type: [PostcodeDto] }) items: PostcodeDto[];
}

export class SectorListDto {
  @ApiProperty({ type: [SectorDto] }) items: SectorDto[];
}

export class ReferenceListsDto {
  @ApiProperty({ type: [CodeLabelDto], description: 'ISO 639 codes with Dutch names' })
  languages: CodeLabelDto[];

  @ApiProperty({ type: [CodeLabelDto] }) cefrLevels: CodeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto] }) certificates: CodeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto] }) drivingLicences: CodeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto] }) shifts: CodeLabelDto[];
  @ApiProperty({ type: [CodeLabelDto] }) contractTypes: CodeLabelDto[];

  @ApiProperty({ type: [CodeLabelDto], description: 'Lowest first' })
  educationLevels: CodeLabelDto[];

  @ApiProperty({
    type: [CodeLabelDto],
    description: 'Physical load fields of vacancies and work-capacity limits',
  })
  physicalLoad: CodeLabelDto[];
}

export class AttributionItemDto {
  @ApiProperty({ example: 'ESCO v1.1.1' }) source: string;
  @ApiProperty() licence: string;

  @ApiProperty({ example: 'This service uses the ESCO classification of the European Commission.' })
  text: string;
}

export class TaxonomyVersionDto {
  @ApiProperty({ description: 'sha256 of data/taxonomy (manifest version)' }) version: string;
  @ApiProperty() importedAt: Date;
}

export class AttributionDto {
  @ApiProperty({ type: [AttributionItemDto] })
  items: AttributionItemDto[];

  @ApiProperty({
    type: TaxonomyVersionDto,
    nullable: true,
    description: 'The taxonomy data loaded in this installation; null before the first import',
  })
  taxonomy: TaxonomyVersionDto | null;
}
