import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../infra/auth/access.decorator';
import { CurrentActor } from '../../infra/auth/current-actor.decorator';
import { Actor, Role, STAFF_ROLES } from '../../infra/auth/role';
import { Page } from '../../infra/http/pagination';
import {
  AssignJobhuntingRequestDto,
  CreateJobhuntingActivityDto,
  CreateJobhuntingRequestDto,
  JobhuntingQueryDto,
  JobhuntingRequestDetailDto,
  JobhuntingRequestPageDto,
  JobhuntingRequestResponseDto,
  JobhuntingTransitionDto,
} from './dto/jobhunting.dto';
import { JobhuntingService } from './jobhunting.service';

/** jobhuntverzoeken. Employer contacts are refused on every route; object rules live in the service. */
@ApiTags('jobhunting-requests')
@ApiBearerAuth()
@Controller('jobhunting-requests')
export class JobhuntingController {
  constructor(private readonly jobhunting: JobhuntingService) {}

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary:
      "List requests: a klantmanager sees their caseload's, an accountmanager those assigned to them and the open ones in their sectors, a coordinator all",
  })
  @ApiOkResponse({ type: JobhuntingRequestPageDto })
  list(
    @CurrentActor() actor: Actor,
    @Query() query: JobhuntingQueryDto,
  ): Promise<Page<JobhuntingRequestResponseDto>> {
    return this.jobhunting.list(actor, query);
  }

  @Get(':id')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'One request with its history (transitions) and activities' })
  @ApiOkResponse({ type: JobhuntingRequestDetailDto })
  get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<JobhuntingRequestDetailDto> {
    return this.jobhunting.get(actor, id);
  }

  @Post()
  @Roles(Role.ClientManager, Role.Coordinator)
  @ApiOperation({
    summary:
      'File a request for one client of your caseload who agreed to be matched; it goes to the preferred accountmanager or, by the first preferred sector, to the one with the fewest running requests',
  })
  @ApiCreatedResponse({ type: JobhuntingRequestDetailDto })
  @ApiConflictResponse({
    description: 'The client is not available for matching, or already has a running request',
  })
  create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateJobhuntingRequestDto,
  ): Promise<JobhuntingRequestDetailDto> {
    return this.jobhunting.create(actor, dto);
  }

  @Post(':id/assign')
  @Roles(Role.Coordinator)
  @HttpCode(200)
  @ApiOperation({ summary: '(Re)assign the request to an accountmanager (coordinators)' })
  @ApiOkResponse({ type: JobhuntingRequestDetailDto })
  @ApiConflictResponse({ description: 'Stale version, final request, or already assigned to them' })
  assign(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AssignJobhuntingRequestDto,
  ): Promise<JobhuntingRequestDetailDto> {
    return this.jobhunting.assign(actor, id, dto);
  }

  @Post(':id/transitions')
  @Roles(...STAFF_ROLES)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Move the status: open -> accepted | closed; accepted -> in-progress | closed; in-progress -> placed | closed. Closing needs a reason',
  })
  @ApiOkResponse({ type: JobhuntingRequestDetailDto })
  @ApiBadRequestResponse({ description: 'Closing without a reason' })
  @ApiForbiddenResponse({ description: 'Not your request, or a move your role does not make' })
  @ApiConflictResponse({
    description: 'Invalid move (the answer names the allowed ones) or stale version',
  })
  transition(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: JobhuntingTransitionDto,
  ): Promise<JobhuntingRequestDetailDto> {
    return this.jobhunting.transition(actor, id, dto);
  }

  @Post(':id/activities')
  @Roles(Role.AccountManager, Role.Coordinator)
  @ApiOperation({
    summary:
      'Record what was done (employer approached, vacancy considered, nomination, note); the first one makes an accepted request in-progress',
  })
  @ApiCreatedResponse({ type: JobhuntingRequestDetailDto })
  @ApiBadRequestResponse({ description: 'Unknown employer or vacancy (the field is named)' })
  @ApiConflictResponse({ description: 'The request is not accepted yet, or is final' })
  addActivity(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateJobhuntingActivityDto,
  ): Promise<JobhuntingRequestDetailDto> {
    return this.jobhunting.addActivity(actor, id, dto);
  }
}
