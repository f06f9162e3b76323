import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ToBoolean } from '../../../infra/http/validators';
import { SectorDto } from '../../taxonomy/dto/taxonomy-response.dto';
import { TRANSITIONS_PER_OCCUPATION, Viability } from '../transitions';

export const TRANSITIONS_DEFAULT_LIMIT = 10;

/** `?limit=10&otherSectorOnly=true` */
export class TransitionsQueryDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: TRANSITIONS_PER_OCCUPATION,
    default: TRANSITIONS_DEFAULT_LIMIT,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(TRANSITIONS_PER_OCCUPATION, {
    message: `limit must be at most ${TRANSITIONS_PER_OCCUPATION}`,
  })
  limit: number = TRANSITIONS_DEFAULT_LIMIT;

  @ApiPropertyOptional({
    default: false,
    description: 'Only occupations in another sector than the origin (cross-sector suggestions)',
  })
  @IsOptional()
  @ToBoolean()
  @IsBoolean({ message: 'otherSectorOnly must be true or false' })
  otherSectorOnly: boolean = false;
}

export class TransitionOccupationDto {
  @ApiProperty({
    example: 'http://data.europa.eu/esco/occupation/f0ba3fcb-3b63-45ec-a9a6-ac3ef5f1ff2d',
  })
  uri: string;

  @ApiProperty({ example: '7322.1', description: 'ESCO code' })
  code: string;

  @ApiProperty({ example: 'digitaal drukker', description: 'Dutch preferred label' })
  label: string;

  @ApiProperty({
    type: [SectorDto],
    description: 'Sectors where the occupation is found, most typical first',
  })
  sectors: SectorDto[];
}

export class TransitionSkillDto {
  @ApiProperty({ example: 'http://data.europa.eu/esco/skill/28cb374e-6261-4133-8371-f9a5470145da' })
  uri: string;

  @ApiProperty({
    example: 'drukken op grote machines',
    description: 'Dutch label; the English label where ESCO has no Dutch one',
  })
  label: string;
}

export class TransitionDto {
  @ApiProperty({ type: TransitionOccupationDto, description: 'The occupation to move to' })
  occupation: TransitionOccupationDto;

  @ApiProperty({
    example: 0.47,
    minimum: 0,
    maximum: 1,
    description:
      'Weighted share of the target’s skills (essential more than optional, rare more than common) that the origin’s skills cover, with partial credit for related skills',
  })
  score: number;

  @ApiProperty({
    enum: ['zeer goed haalbaar', 'haalbaar', 'met scholing'],
    description: 'From the score: >= 0.45 zeer goed haalbaar, >= 0.30 haalbaar, else met scholing',
  })
  viability: Viability;

  @ApiProperty({
    description:
      'The target’s main sector is none of the origin’s sectors (skills-based sectors when NACE sectors are missing)',
  })
  otherSector: boolean;

  @ApiProperty({
    type: [TransitionSkillDto],
    description: 'Skills of the target the origin already covers, most telling first (at most 5)',
  })
  sharedSkills: TransitionSkillDto[];

  @ApiProperty({
    type: [TransitionSkillDto],
    description: 'Essential skills of the target the origin lacks, most telling first (at most 5)',
  })
  missingEssentialSkills: TransitionSkillDto[];

  @ApiProperty({
    example:
      'Een digitaal drukker brengt ‘drukken op grote machines’ en ‘produce prepress proof’ mee; voor offsetdrukker ontbreekt nog ‘operate offset printing machine’.',
    description: 'One plain Dutch sentence with the main shared skills and the gaps',
  })
  explanation: string;
}

export class TransitionListDto {
  @ApiProperty({ type: TransitionOccupationDto, description: 'The occupation moved from' })
  occupation: TransitionOccupationDto;

  @ApiProperty({ type: [TransitionDto], description: 'Best transition first' })
  items: TransitionDto[];
}
