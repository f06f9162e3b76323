import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FieldValue, SearchHit, SearchIndexName } from '../../../infra/search/search-engine';
import { SEARCH_SCHEMAS } from '../../../infra/search/search-indexes';

export class FacetCountDto {
  @ApiProperty() value: string;
  @ApiProperty({ description: 'Dutch label of the value' }) label: string;
  @ApiProperty() count: number;
}

export class RelaxationDto {
  @ApiProperty({ description: 'The query parameter that, left out, finds results' })
  parameter: string;
  @ApiProperty() label: string;
  @ApiProperty({ description: 'How many results there are without it (see totalIsExact)' })
  total: number;
  @ApiProperty({ description: 'false: there are more than `total` results' })
  totalIsExact: boolean;
  @ApiProperty({ example: 'Zonder afstand (15 km van 1315) zijn er 12 resultaten.' })
  message: string;
}

export class CorrectionDto {
  @ApiProperty({ description: 'A query word (lower case, without accents) that no document holds' })
  word: string;
  @ApiProperty({ type: [String], description: 'The indexed words searched for instead' })
  searchedAs: string[];
  @ApiProperty({
    example: '"magazijnmedewerkr" komt nergens voor; gezocht op "magazijnmedewerker".',
  })
  message: string;
}

export class SearchItemDto {
  @ApiProperty() id: string;
  @ApiProperty({ type: Number, nullable: true, description: 'km from nearPc4, when given' })
  distanceKm: number | null;
  [field: string]: unknown;
}

export class SearchResponse {
  @ApiProperty({ enum: ['postgres', 'meilisearch'] }) engine: 'postgres' | 'meilisearch';
  @ApiProperty({
    type: [SearchItemDto],
    description:
      'Per index: candidates (occupations, skills, languages, hours; never a name, age, contact or health detail), vacancies or employers',
  })
  items: SearchItemDto[];
  @ApiProperty({
    description:
      'Number of results: exact when totalIsExact, otherwise a lower bound ("more than 1,000"; the PostgreSQL engine counts exactly up to 1,000)',
  })
  total: number;
  @ApiProperty({
    description:
      'false when the engine stopped counting at `total`; the facets then count within those `total` results',
  })
  totalIsExact: boolean;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { $ref: '#/components/schemas/FacetCountDto' } },
  })
  facets: Record<string, FacetCountDto[]>;
  @ApiPropertyOptional({
    type: [RelaxationDto],
    description: 'When nothing is found: which criterion, left out, would find results',
  })
  relaxations: RelaxationDto[];
  @ApiPropertyOptional({
    type: [CorrectionDto],
    description:
      'Query words found in no document (typos), and what was searched for instead. Left out with the Meilisearch engine, which corrects typos without saying which',
  })
  corrections?: CorrectionDto[];
}

const DATES = new Set(['availableFrom', 'startDate']);
const BOOLEANS = new Set(['acceptsTrialPlacements', 'hasOpenVacancies', 'trialPlacementPossible']);

function shown(field: string, value: FieldValue | undefined): unknown {
  if (value === undefined) return null;
  if (DATES.has(field)) {
    const digits = String(value);
    return value === 0 ? null : `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  }
  if (BOOLEANS.has(field)) return value === 'true';
  return value;
}

export function toSearchItem(index: SearchIndexName, hit: SearchHit): SearchItemDto {
  return {
    id: hit.id,
    distanceKm: hit.distanceKm,
    ...Object.fromEntries(
      SEARCH_SCHEMAS[index].displayed.map((field) => [field, shown(field, hit.fields[field])]),
    ),
  };
}
