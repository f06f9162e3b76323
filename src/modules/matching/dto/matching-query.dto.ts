import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ToBoolean } from '../../../infra/http/validators';

export const MAX_MATCHES = 50;

export class MatchesQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_MATCHES, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_MATCHES)
  limit = 20;

  @ApiPropertyOptional({
    default: false,
    description:
      'Also list the best matches that fail a hard constraint, with the constraint and what would make them fit',
  })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  includeExcluded = false;
}

export class CareerPathsQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 30, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(30)
  limit = 10;

  @ApiPropertyOptional({
    default: false,
    description: 'Also occupations in sectors the candidate has worked in',
  })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  includeSameSector = false;
}
