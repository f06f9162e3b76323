import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Roles } from '../../infra/auth/access.decorator';
import { CurrentActor } from '../../infra/auth/current-actor.decorator';
import { Actor, Role } from '../../infra/auth/role';
import { Page } from '../../infra/http/pagination';
import { EmployerShortlistViewDto } from './dto/employer-shortlist-view.dto';
import {
  AddShortlistEntryDto,
  CloseShortlistDto,
  CreateShortlistDto,
  RecordConsentDto,
  ReorderShortlistDto,
  SentShortlistDto,
  ShortlistDetailDto,
  ShortlistEntryResponseDto,
  ShortlistPageDto,
  ShortlistQueryDto,
  ShortlistResponseDto,
  UpdateShortlistDto,
  UpdateShortlistEntryDto,
  VersionDto,
} from './dto/shortlist.dto';
import { EmployerShortlistView } from './employer-shortlist-view';
import { ShortlistsService } from './shortlists.service';

const MANAGERS = [Role.AccountManager, Role.Coordinator];

/** The accountmanager's shortlists: compose, pitch, preview, send, follow the answers. */
@ApiTags('shortlists')
@ApiBearerAuth()
@Controller('shortlists')
export class ShortlistsController {
  constructor(private readonly shortlists: ShortlistsService) {}

  @Post()
  @Roles(...MANAGERS)
  @ApiOperation({
    summary:
      'Start a draft for a vacancy (or an employer without one), optionally with candidates from the match results; each pitch is prefilled from the match explanation',
  })
  @ApiCreatedResponse({ type: ShortlistDetailDto })
  create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateShortlistDto,
  ): Promise<ShortlistDetailDto> {
    return this.shortlists.create(actor, dto);
  }

  @Get()
  @Roles(...MANAGERS)
  @ApiOperation({ summary: 'Your shortlists (coordinators: all), newest first' })
  @ApiOkResponse({ type: ShortlistPageDto })
  list(
    @CurrentActor() actor: Actor,
    @Query() query: ShortlistQueryDto,
  ): Promise<Page<ShortlistResponseDto>> {
    return this.shortlists.list(actor, query);
  }

  @Get(':id')
  @Roles(...MANAGERS)
  @ApiOperation({
    summary:
      'One shortlist with its candidates, pitches (and what in them could identify the person), answers and links',
  })
  @ApiOkResponse({ type: ShortlistDetailDto })
  get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ShortlistDetailDto> {
    return this.shortlists.get(actor, id);
  }

  @Patch(':id')
  @Roles(...MANAGERS)
  @ApiOperation({ summary: 'Title and introduction (drafts); the expiry date (also when sent)' })
  @ApiOkResponse({ type: ShortlistDetailDto })
  @ApiConflictResponse({ description: 'Stale version, or not a draft' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateShortlistDto,
  ): Promise<ShortlistDetailDto> {
    return this.shortlists.update(actor, id, dto);
  }

  @Get(':id/preview')
  @Roles(...MANAGERS)
  @ApiOperation({ summary: 'Exactly what the employer sees (for a draft: would see)' })
  @ApiOkResponse({ type: EmployerShortlistViewDto })
  preview(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<EmployerShortlistView> {
    return this.shortlists.preview(actor, id);
  }

  @Post(':id/entries')
  @Roles(...MANAGERS)
  @ApiOperation({ summary: 'Add a candidate (drafts, at most 10); the pitch is prefilled' })
  @ApiCreatedResponse({ type: ShortlistDetailDto })
  addEntry(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AddShortlistEntryDto,
  ): Promise<ShortlistDetailDto> {
    return this.shortlists.addEntry(actor, id, dto);
  }

  @Patch(':id/entries/:entryId')
  @Roles(...MANAGERS)
  @ApiOperation({ summary: 'Rewrite a pitch (drafts)' })
  @ApiOkResponse({ type: ShortlistDetailDto })
  updateEntry(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('entryId', ParseUUIDPipe) entryId: string,
    @Body() dto: UpdateShortlistEntryDto,
  ): Promise<ShortlistDetailDto> {
    return this.shortlists.updateEntry(actor, id, entryId, dto);
  }

  @Delete(':id/entries/:entryId')
  @Roles(...MANAGERS)
  @ApiOperation({ summary: 'Take a candidate off (drafts)' })
  @ApiOkResponse({ type: ShortlistDetailDto })
  removeEntry(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('entryId', ParseUUIDPipe) entryId: string,
  ): Promise<ShortlistDetailDto> {
    return this.shortlists.removeEntry(actor, id, entryId);
  }

  @Put(':id/order')
  @Roles(...MANAGERS)
  @ApiOperation({ summary: 'Put the candidates in a new order (drafts): A is the first' })
  @ApiOkResponse({ type: ShortlistDetailDto })
  reorder(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReorderShortlistDto,
  ): Promise<ShortlistDetailDto> {
    return this.shortlists.reorder(actor, id, dto);
  }

  @Post(':id/send')
  @Roles(...MANAGERS)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Send: freezes the pseudonymised profiles, returns the link once (only its hash is kept) and plans a follow-up after 5 working days without an answer',
  })
  @ApiOkResponse({ type: SentShortlistDto })
  @ApiUnprocessableEntityResponse({
    description:
      'A text could identify a candidate (the message lists what to rephrase), a candidate is no longer open to matching, the vacancy is not open, or no candidates',
  })
  send(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: VersionDto,
  ): Promise<SentShortlistDto> {
    return this.shortlists.send(actor, id, dto);
  }

  @Post(':id/links')
  @Roles(...MANAGERS)
  @ApiOperation({ summary: 'A new link for a sent shortlist; earlier links stop working' })
  @ApiCreatedResponse({ type: SentShortlistDto })
  newLink(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<SentShortlistDto> {
    return this.shortlists.newLink(actor, id);
  }

  @Post(':id/links/:linkId/revoke')
  @Roles(...MANAGERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a link: it shows a message and no data from now on' })
  @ApiOkResponse({ type: ShortlistDetailDto })
  revokeLink(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('linkId', ParseUUIDPipe) linkId: string,
  ): Promise<ShortlistDetailDto> {
    return this.shortlists.revokeLink(actor, id, linkId);
  }

  @Post(':id/close')
  @Roles(...MANAGERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Close: links and accounts no longer open it; open follow-ups end' })
  @ApiOkResponse({ type: ShortlistDetailDto })
  close(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CloseShortlistDto,
  ): Promise<ShortlistDetailDto> {
    return this.shortlists.close(actor, id, dto);
  }

  @Post(':id/entries/:entryId/consent')
  @Roles(Role.AccountManager, Role.ClientManager, Role.Coordinator)
  @HttpCode(200)
  @ApiOperation({
    summary:
      "Record the candidate's consent to be introduced by name to this employer (their klantmanager, or the shortlist's accountmanager)",
  })
  @ApiOkResponse({ type: ShortlistEntryResponseDto })
  recordConsent(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('entryId', ParseUUIDPipe) entryId: string,
    @Body() dto: RecordConsentDto,
  ): Promise<ShortlistEntryResponseDto> {
    return this.shortlists.recordConsent(actor, id, entryId, dto);
  }

  @Post(':id/entries/:entryId/reveal')
  @Roles(...MANAGERS)
  @HttpCode(200)
  @ApiOperation({ summary: "Show the candidate's name to the employer (after recorded consent)" })
  @ApiOkResponse({ type: ShortlistDetailDto })
  @ApiUnprocessableEntityResponse({ description: 'No consent recorded' })
  reveal(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('entryId', ParseUUIDPipe) entryId: string,
  ): Promise<ShortlistDetailDto> {
    return this.shortlists.reveal(actor, id, entryId);
  }
}
