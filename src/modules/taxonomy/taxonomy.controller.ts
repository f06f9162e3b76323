import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Public, Roles } from '../../infra/auth/access.decorator';
import { STAFF_ROLES } from '../../infra/auth/role';
import { TaxonomySearchQueryDto } from './dto/taxonomy-query.dto';
import {
  AttributionDto,
  OccupationDetailDto,
  OccupationMatchListDto,
  PostcodeDto,
  PostcodeListDto,
  ReferenceListsDto,
  SectorListDto,
  SkillDetailDto,
  SkillMatchListDto,
} from './dto/taxonomy-response.dto';
import { TaxonomyService } from './taxonomy.service';

/** Typeahead and lookups for staff; the attribution of the reference data is public. */
@ApiTags('taxonomy')
@Controller('taxonomy')
export class TaxonomyController {
  constructor(private readonly taxonomy: TaxonomyService) {}

  @Get('occupations')
  @Roles(...STAFF_ROLES)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Typeahead for ESCO occupations',
    description:
      'Searches Dutch and English preferred and alternative labels, tolerant of case, accents and small typos. Best match first.',
  })
  @ApiOkResponse({ type: OccupationMatchListDto })
  @ApiBadRequestResponse({
    description: 'q missing or shorter than 2 characters, or limit above 50',
  })
  searchOccupations(@Query() query: TaxonomySearchQueryDto): Promise<OccupationMatchListDto> {
    return this.taxonomy.searchOccupations(query);
  }

  @Get('occupations/:id')
  @Roles(...STAFF_ROLES)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'One occupation with its labels, sectors, BRC class and skills' })
  @ApiParam({
    name: 'id',
    description: 'ESCO code (8344.1), URL-encoded ESCO occupation URI, or the URI’s UUID',
    example: '8344.1',
  })
  @ApiOkResponse({ type: OccupationDetailDto })
  @ApiNotFoundResponse({ description: 'No occupation with this code or URI' })
  getOccupation(@Param('id') id: string): Promise<OccupationDetailDto> {
    return this.taxonomy.getOccupation(id);
  }

  @Get('skills')
  @Roles(...STAFF_ROLES)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Typeahead for ESCO skills and knowledge',
    description:
      'Searches Dutch and English labels. ESCO has Dutch labels for about 2,300 of 13,900 skills; the others are returned with their English label and Dutch skill group (hasDutchLabel false).',
  })
  @ApiOkResponse({ type: SkillMatchListDto })
  @ApiBadRequestResponse({
    description: 'q missing or shorter than 2 characters, or limit above 50',
  })
  searchSkills(@Query() query: TaxonomySearchQueryDto): Promise<SkillMatchListDto> {
    return this.taxonomy.searchSkills(query);
  }

  @Get('skills/:id')
  @Roles(...STAFF_ROLES)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'One skill with its groups, broader skills and occupations' })
  @ApiParam({ name: 'id', description: 'URL-encoded ESCO skill URI, or the URI’s UUID' })
  @ApiOkResponse({ type: SkillDetailDto })
  @ApiNotFoundResponse({ description: 'No skill with this URI' })
  getSkill(@Param('id') id: string): Promise<SkillDetailDto> {
    return this.taxonomy.getSkill(id);
  }

  @Get('postcodes')
  @Roles(...STAFF_ROLES)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'PC4 postcodes starting with the digits given, or in a place starting with the text',
  })
  @ApiOkResponse({ type: PostcodeListDto })
  searchPostcodes(@Query() query: TaxonomySearchQueryDto): Promise<PostcodeListDto> {
    return this.taxonomy.searchPostcodes(query);
  }

  @Get('postcodes/:pc4')
  @Roles(...STAFF_ROLES)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Centroid, place, municipality and province of a PC4 postcode' })
  @ApiParam({ name: 'pc4', example: '1315' })
  @ApiOkResponse({ type: PostcodeDto })
  @ApiNotFoundResponse({ description: 'Unknown PC4 postcode' })
  getPostcode(@Param('pc4') pc4: string): Promise<PostcodeDto> {
    return this.taxonomy.getPostcode(pc4);
  }

  @Get('sectors')
  @Roles(...STAFF_ROLES)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Sectors (NACE Rev. 2 / SBI sections A-U) with Dutch labels' })
  @ApiOkResponse({ type: SectorListDto })
  sectors(): SectorListDto {
    return this.taxonomy.sectors();
  }

  @Get('reference-lists')
  @Roles(...STAFF_ROLES)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Fixed vocabularies with Dutch labels: languages, CEFR levels, certificates, driving licences, shifts, contract types, education levels, physical load',
  })
  @ApiOkResponse({ type: ReferenceListsDto })
  referenceLists(): ReferenceListsDto {
    return this.taxonomy.referenceLists();
  }

  @Get('attribution')
  @Public()
  @ApiOperation({
    summary: 'Sources and licences of the reference data, and the loaded data version',
  })
  @ApiOkResponse({ type: AttributionDto })
  attribution(): Promise<AttributionDto> {
    return this.taxonomy.attribution();
  }
}
