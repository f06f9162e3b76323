import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../infra/auth/access.decorator';
import { CurrentActor } from '../../infra/auth/current-actor.decorator';
import { Actor, Role, STAFF_ROLES } from '../../infra/auth/role';
import {
  CandidateSearchQueryDto,
  EmployerSearchQueryDto,
  VacancySearchQueryDto,
} from './dto/search-query.dto';
import { FacetCountDto, SearchResponse } from './dto/search-response.dto';
import { SearchService } from './search.service';

/**
 * Full-text and filtered search. Registered before the modules with `/:id` routes, so
 * `/candidates/search` is never read as an id.
 */
@ApiTags('search')
@ApiBearerAuth()
@ApiExtraModels(FacetCountDto)
@Controller()
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @Get('candidates/search')
  @Roles(Role.AccountManager, Role.ClientManager, Role.Coordinator)
  @ApiOperation({
    summary:
      'Search candidate profiles: a klantmanager searches their caseload, an accountmanager the profiles available for matching, a coordinator all. Results never carry a name, age, contact or health detail',
  })
  @ApiOkResponse({ type: SearchResponse })
  candidates(
    @CurrentActor() actor: Actor,
    @Query() query: CandidateSearchQueryDto,
  ): Promise<SearchResponse> {
    return this.search.candidates(actor, query);
  }

  @Get('vacancies/search')
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary: 'Search vacancies (a klantmanager sees open and on-hold ones) for one client',
  })
  @ApiOkResponse({ type: SearchResponse })
  vacancies(
    @CurrentActor() actor: Actor,
    @Query() query: VacancySearchQueryDto,
  ): Promise<SearchResponse> {
    return this.search.vacancies(actor, query);
  }

  @Get('employers/search')
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary:
      'Search employers, also those without an open vacancy (jobhunting means approaching them)',
  })
  @ApiOkResponse({ type: SearchResponse })
  employers(
    @CurrentActor() actor: Actor,
    @Query() query: EmployerSearchQueryDto,
  ): Promise<SearchResponse> {
    return this.search.employers(actor, query);
  }
}
