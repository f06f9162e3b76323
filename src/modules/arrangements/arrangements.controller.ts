import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../infra/auth/access.decorator';
import { CurrentActor } from '../../infra/auth/current-actor.decorator';
import { Actor, Role, STAFF_ROLES } from '../../infra/auth/role';
import { ArrangementsService } from './arrangements.service';
import {
  ArrangementDecisionDto,
  ArrangementDto,
  ArrangementRuleDto,
  CandidateArrangementsResponse,
  CreateArrangementDto,
  CreateArrangementRuleDto,
  EligibilityQueryDto,
  EligibilityResponse,
  EndArrangementDto,
} from './dto/arrangement.dto';

/** Arrangements (no-risk policy, jobcoach, subsidies, tailored budget) and their rules. */
@ApiTags('arrangements')
@ApiBearerAuth()
@Controller()
export class ArrangementsController {
  constructor(private readonly arrangements: ArrangementsService) {}

  @Get('arrangement-rules')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Every version of every arrangement rule, with its validity dates' })
  @ApiOkResponse({ type: [ArrangementRuleDto] })
  rules(): Promise<ArrangementRuleDto[]> {
    return this.arrangements.rules();
  }

  @Post('arrangement-rules')
  @Roles(Role.Coordinator)
  @ApiOperation({
    summary:
      'A new version of a rule (the law changed): the version in force ends the day before it starts',
  })
  @ApiCreatedResponse({ type: ArrangementRuleDto })
  addRule(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateArrangementRuleDto,
  ): Promise<ArrangementRuleDto> {
    return this.arrangements.addRule(actor, dto);
  }

  @Get('candidates/:id/arrangements/eligibility')
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary: 'Which arrangements apply to this client on a date, and why (audited)',
  })
  @ApiOkResponse({ type: EligibilityResponse })
  eligibility(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: EligibilityQueryDto,
  ): Promise<EligibilityResponse> {
    return this.arrangements.eligibility(actor, id, query.date);
  }

  @Get('candidates/:id/arrangements')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: "The client's arrangements and what is left of the tailored budget" })
  @ApiOkResponse({ type: CandidateArrangementsResponse })
  forCandidate(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<CandidateArrangementsResponse> {
    return this.arrangements.forCandidate(actor, id);
  }

  @Post('arrangements')
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary:
      'Request an arrangement; refused (422) with the reasons when no rule in force applies, or when it would exceed the tailored budget',
  })
  @ApiCreatedResponse({ type: ArrangementDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateArrangementDto): Promise<ArrangementDto> {
    return this.arrangements.create(actor, dto);
  }

  @Post('arrangements/:id/decision')
  @Roles(Role.Coordinator)
  @HttpCode(200)
  @ApiOperation({ summary: 'A coordinator approves or rejects a requested arrangement' })
  @ApiOkResponse({ type: ArrangementDto })
  decide(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ArrangementDecisionDto,
  ): Promise<ArrangementDto> {
    return this.arrangements.decide(actor, id, dto);
  }

  @Post('arrangements/:id/end')
  @Roles(...STAFF_ROLES)
  @HttpCode(200)
  @ApiOperation({ summary: 'End an active arrangement' })
  @ApiOkResponse({ type: ArrangementDto })
  end(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: EndArrangementDto,
  ): Promise<ArrangementDto> {
    return this.arrangements.end(actor, id, dto);
  }
}
