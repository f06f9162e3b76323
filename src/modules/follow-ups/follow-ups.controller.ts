import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../infra/auth/access.decorator';
import { CurrentActor } from '../../infra/auth/current-actor.decorator';
import { Actor, STAFF_ROLES } from '../../infra/auth/role';
import { Page } from '../../infra/http/pagination';
import {
  CancelFollowUpDto,
  CreateFollowUpDto,
  FollowUpEmailDto,
  FollowUpPageDto,
  FollowUpQueryDto,
  FollowUpResponseDto,
  SnoozeFollowUpDto,
} from './dto/follow-up.dto';
import { FollowUpsService } from './follow-ups.service';

const OWNER_ONLY = 'Only the owner of the follow-up or a coordinator';
const FINAL = 'The follow-up is already done or cancelled';

/** Follow-ups (opvolging): the task list of staff; the worker fires them and e-mails the owner. */
@ApiTags('follow-ups')
@ApiBearerAuth()
@Controller('follow-ups')
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({
    type: FollowUpPageDto,
    description: 'Due ones first, then by when they fire. Coordinators see all unless mine=true.',
  })
  list(
    @CurrentActor() actor: Actor,
    @Query() query: FollowUpQueryDto,
  ): Promise<Page<FollowUpResponseDto>> {
    return this.followUps.list(actor, query);
  }

  @Post()
  @Roles(...STAFF_ROLES)
  @ApiCreatedResponse({ type: FollowUpResponseDto, description: 'A manual follow-up' })
  create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateFollowUpDto,
  ): Promise<FollowUpResponseDto> {
    return this.followUps.create(actor, dto);
  }

  @Get(':id')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: FollowUpResponseDto })
  @ApiForbiddenResponse({ description: OWNER_ONLY })
  get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<FollowUpResponseDto> {
    return this.followUps.get(actor, id);
  }

  @Get(':id/emails')
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({
    type: [FollowUpEmailDto],
    description: 'The e-mails of this follow-up (one per firing) and whether they were delivered',
  })
  @ApiForbiddenResponse({ description: OWNER_ONLY })
  emails(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<FollowUpEmailDto[]> {
    return this.followUps.emails(actor, id);
  }

  @Post(':id/complete')
  @Roles(...STAFF_ROLES)
  @HttpCode(200)
  @ApiOkResponse({ type: FollowUpResponseDto })
  @ApiForbiddenResponse({ description: OWNER_ONLY })
  @ApiConflictResponse({ description: FINAL })
  complete(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<FollowUpResponseDto> {
    return this.followUps.complete(actor, id);
  }

  @Post(':id/snooze')
  @Roles(...STAFF_ROLES)
  @HttpCode(200)
  @ApiOkResponse({ type: FollowUpResponseDto, description: 'It fires again at `until`' })
  @ApiForbiddenResponse({ description: OWNER_ONLY })
  @ApiConflictResponse({ description: FINAL })
  snooze(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SnoozeFollowUpDto,
  ): Promise<FollowUpResponseDto> {
    return this.followUps.snooze(actor, id, dto);
  }

  @Post(':id/cancel')
  @Roles(...STAFF_ROLES)
  @HttpCode(200)
  @ApiOkResponse({ type: FollowUpResponseDto })
  @ApiForbiddenResponse({ description: OWNER_ONLY })
  @ApiConflictResponse({ description: FINAL })
  cancel(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CancelFollowUpDto,
  ): Promise<FollowUpResponseDto> {
    return this.followUps.cancel(actor, id, dto);
  }
}
