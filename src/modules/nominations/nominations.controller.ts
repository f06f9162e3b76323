import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../infra/auth/access.decorator';
import { CurrentActor } from '../../infra/auth/current-actor.decorator';
import { Actor, Role, STAFF_ROLES } from '../../infra/auth/role';
import { Page } from '../../infra/http/pagination';
import {
  CreateNominationDto,
  NominationDetailDto,
  NominationPageDto,
  NominationQueryDto,
  NominationResponseDto,
  NominationTransitionDto,
  NominationReasonDto,
} from './dto/nomination.dto';
import { RejectionReportDto, RejectionReportQueryDto } from './dto/rejection-report.dto';
import { NOMINATION_REASONS } from './nomination-reasons';
import { NOMINATION_TRANSITIONS } from './nomination-status';
import { NominationsService } from './nominations.service';
import { RejectionReportService } from './rejection-report.service';

const LIFECYCLE = Object.entries(NOMINATION_TRANSITIONS)
  .map(([from, to]) => `${from} -> ${to.length > 0 ? to.join(' | ') : '(final)'}`)
  .join('; ');

/** voordrachten. Employer contacts are refused for now (issue 6 adds employer views). */
@ApiTags('nominations')
@ApiBearerAuth()
@Controller('nominations')
export class NominationsController {
  constructor(private readonly nominations: NominationsService) {}

  @Get('reasons')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'The fixed list of reasons for an ending without a hire' })
  @ApiOkResponse({ type: [NominationReasonDto] })
  reasons(): NominationReasonDto[] {
    return Object.entries(NOMINATION_REASONS).map(([code, label]) => ({ code, label }));
  }

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary:
      "List: an accountmanager sees their own and their employers' and sectors' nominations, a klantmanager their caseload's, a coordinator all",
  })
  @ApiOkResponse({ type: NominationPageDto })
  list(
    @CurrentActor() actor: Actor,
    @Query() query: NominationQueryDto,
  ): Promise<Page<NominationResponseDto>> {
    return this.nominations.list(actor, query);
  }

  @Get(':id')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: NominationDetailDto, description: 'With the transition history' })
  get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<NominationDetailDto> {
    return this.nominations.get(actor, id);
  }

  @Post()
  @Roles(Role.AccountManager, Role.Coordinator)
  @ApiOperation({ summary: 'Create a draft nomination (candidate x vacancy, or x employer)' })
  @ApiCreatedResponse({ type: NominationDetailDto })
  @ApiConflictResponse({ description: 'The candidate already has an open nomination there' })
  create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateNominationDto,
  ): Promise<NominationDetailDto> {
    return this.nominations.create(actor, dto);
  }

  @Post(':id/transitions')
  @Roles(...STAFF_ROLES)
  @HttpCode(200)
  @ApiOperation({
    summary: `Move the nomination along its lifecycle: ${LIFECYCLE}. A klantmanager may only withdraw.`,
  })
  @ApiOkResponse({ type: NominationDetailDto })
  @ApiBadRequestResponse({ description: 'A field the move needs is missing or wrong' })
  @ApiConflictResponse({
    description: 'The move is not allowed from here, or the version is stale',
  })
  transition(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: NominationTransitionDto,
  ): Promise<NominationDetailDto> {
    return this.nominations.transition(actor, id, dto);
  }
}

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(private readonly report: RejectionReportService) {}

  @Get('rejections')
  @Roles(Role.AccountManager, Role.Coordinator)
  @ApiOperation({
    summary:
      'Endings without a hire per employer or sector: counts per reason, rejection rate, years of experience of turned-down vs hired candidates',
  })
  @ApiOkResponse({ type: RejectionReportDto })
  rejections(
    @CurrentActor() actor: Actor,
    @Query() query: RejectionReportQueryDto,
  ): Promise<RejectionReportDto> {
    return this.report.report(actor, query);
  }
}
