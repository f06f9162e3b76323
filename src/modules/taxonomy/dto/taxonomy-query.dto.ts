import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Trim } from '../../../infra/http/validators';

export const SEARCH_MIN_LENGTH = 2;
export const SEARCH_MAX_LIMIT = 50;
export const SEARCH_DEFAULT_LIMIT = 10;

/** Typeahead: `?q=heftruck&limit=10`. */
export class TaxonomySearchQueryDto {
  @ApiProperty({
    minLength: SEARCH_MIN_LENGTH,
    maxLength: 100,
    example: 'heftruckchauffeur',
    description:
      'Part of a Dutch or English name or alternative name; case, accents and small typos do not matter',
  })
  @Trim()
  @IsString({ message: 'q is required: give at least 2 characters of the name to look up' })
  @MinLength(SEARCH_MIN_LENGTH, {
    message: `q must be at least ${SEARCH_MIN_LENGTH} characters; type more of the name`,
  })
  @MaxLength(100, { message: 'q must be at most 100 characters' })
  q: string;

  @ApiPropertyOptional({ minimum: 1, maximum: SEARCH_MAX_LIMIT, default: SEARCH_DEFAULT_LIMIT })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(SEARCH_MAX_LIMIT, { message: `limit must be at most ${SEARCH_MAX_LIMIT}` })
  limit: number = SEARCH_DEFAULT_LIMIT;
}
