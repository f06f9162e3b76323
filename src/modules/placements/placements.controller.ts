import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
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
import {
  CandidateOutcomesDto,
  CreateEvaluationDto,
  EndPlacementDto,
  EvaluationResponseDto,
  ExtendTrialPlacementDto,
  PlacementEndReasonDto,
  PlacementResponseDto,
  TrialPlacementResponseDto,
} from './dto/placement.dto';
import { PLACEMENT_END_REASONS } from './placement-end-reasons';
import { PlacementsService } from './placements.service';
import { TrialPlacementsService } from './trial-placements.service';

const EDITORS = [Role.AccountManager, Role.Coordinator];

/** proefplaatsingen: started and ended through POST /nominations/{id}/transitions. */
@ApiTags('trial placements')
@ApiBearerAuth()
@Controller('trial-placements')
export class TrialPlacementsController {
  constructor(private readonly trials: TrialPlacementsService) {}

  @Get(':id')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: TrialPlacementResponseDto })
  get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<TrialPlacementResponseDto> {
    return this.trials.get(actor, id);
  }

  @Post(':id/extensions')
  @Roles(...EDITORS)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Extend the trial: a later last day, at most 6 months from the start in total; the decision and last-day follow-ups move along',
  })
  @ApiOkResponse({ type: TrialPlacementResponseDto })
  @ApiConflictResponse({ description: 'The trial has ended, or the version is stale' })
  extend(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ExtendTrialPlacementDto,
  ): Promise<TrialPlacementResponseDto> {
    return this.trials.extend(actor, id, dto);
  }

  @Post(':id/evaluations')
  @Roles(...EDITORS)
  @ApiOperation({
    summary:
      'Record an evaluation (the mid-way one is due in week 4; a hire after the trial needs one)',
  })
  @ApiCreatedResponse({ type: EvaluationResponseDto })
  evaluate(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateEvaluationDto,
  ): Promise<EvaluationResponseDto> {
    return this.trials.evaluate(actor, id, dto);
  }
}

/** plaatsingen: made through POST /nominations/{id}/transitions with to=hired. */
@ApiTags('placements')
@ApiBearerAuth()
@Controller('placements')
export class PlacementsController {
  constructor(private readonly placements: PlacementsService) {}

  @Get('end-reasons')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: [PlacementEndReasonDto] })
  endReasons(): PlacementEndReasonDto[] {
    return Object.entries(PLACEMENT_END_REASONS).map(([code, label]) => ({ code, label }));
  }

  @Get(':id')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: PlacementResponseDto })
  get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<PlacementResponseDto> {
    return this.placements.get(actor, id);
  }

  @Post(':id/end')
  @Roles(...EDITORS)
  @HttpCode(200)
  @ApiOperation({ summary: 'The work ended: last day and reason; the klantmanager is told' })
  @ApiOkResponse({ type: PlacementResponseDto })
  end(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: EndPlacementDto,
  ): Promise<PlacementResponseDto> {
    return this.placements.end(actor, id, dto);
  }
}

/** Outcomes per client, measured as the research did. */
@ApiTags('candidates')
@ApiBearerAuth()
@Controller('candidates')
export class CandidateOutcomesController {
  constructor(private readonly placements: PlacementsService) {}

  @Get(':id/outcomes')
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary:
      'Work of at least 1 hour a week, at least 48 hours a month, and durable work (26 weeks or more), each with the placements that show it',
  })
  @ApiOkResponse({ type: CandidateOutcomesDto })
  outcomes(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<CandidateOutcomesDto> {
    return this.placements.outcomes(actor, id);
  }
}
