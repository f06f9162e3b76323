import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../infra/auth/access.decorator';
import { CurrentActor } from '../../infra/auth/current-actor.decorator';
import { Actor, STAFF_ROLES } from '../../infra/auth/role';
import { CareerPaths } from './career-paths';
import { CareerPathsQueryDto, MatchesQueryDto } from './dto/matching-query.dto';
import {
  CandidateMatchesResponse,
  CareerPathsResponse,
  VacancyMatchesResponse,
} from './dto/matching-response.dto';
import { MatchingService } from './matching.service';

/** Two-way matching with explanations in Dutch; employer contacts never call these. */
@ApiTags('matching')
@ApiBearerAuth()
@Controller()
export class MatchingController {
  constructor(
    private readonly matching: MatchingService,
    private readonly careerPaths: CareerPaths,
  ) {}

  @Get('vacancies/:id/matches')
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary:
      'Candidates for a vacancy: hard constraints first (hours, commute, certificates, driving licences, work capacity, refused sectors, availability), then ranked with a score, a label and the evidence in Dutch. A klantmanager sees their own clients, others the profiles available for matching',
  })
  @ApiOkResponse({ type: VacancyMatchesResponse })
  vacancyMatches(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: MatchesQueryDto,
  ): Promise<VacancyMatchesResponse> {
    return this.matching.vacancyMatches(actor, id, query);
  }

  @Get('candidates/:id/matches')
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary:
      'Jobhunting for one client: open vacancies ranked the same way, plus employers without an open vacancy to approach',
  })
  @ApiOkResponse({ type: CandidateMatchesResponse })
  candidateMatches(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: MatchesQueryDto,
  ): Promise<CandidateMatchesResponse> {
    return this.matching.candidateMatches(actor, id, query);
  }

  @Get('candidates/:id/career-paths')
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary:
      "Occupations in other sectors that fit the client's whole history (work, hobbies, volunteer work, courses), with the skills that carry over and the gaps",
  })
  @ApiOkResponse({ type: CareerPathsResponse })
  careerPathsOf(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: CareerPathsQueryDto,
  ): Promise<CareerPathsResponse> {
    return this.careerPaths.forCandidate(actor, id, query);
  }
}
