import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiGoneResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles } from '../../infra/auth/access.decorator';
import { CurrentActor } from '../../infra/auth/current-actor.decorator';
import { Actor, Role } from '../../infra/auth/role';
import {
  EmployerShortlistSummaryDto,
  EmployerShortlistViewDto,
} from './dto/employer-shortlist-view.dto';
import { EmployerAnswerDto } from './dto/shortlist.dto';
import { renderShortlistPdf } from './employer-page';
import { EmployerShortlistView } from './employer-shortlist-view';
import { EmployerShortlistsService, EmployerShortlistSummary } from './employer-shortlists.service';
import { sendPdf } from './shortlist-http';

/** An employer contact's own shortlists, through their account. */
@ApiTags('employer shortlists')
@ApiBearerAuth()
@Controller('employer/shortlists')
export class EmployerShortlistsController {
  constructor(private readonly shortlists: EmployerShortlistsService) {}

  @Get()
  @Roles(Role.Employer)
  @ApiOperation({ summary: "Your employer's open shortlists" })
  @ApiOkResponse({ type: [EmployerShortlistSummaryDto] })
  list(@CurrentActor() actor: Actor): Promise<EmployerShortlistSummary[]> {
    return this.shortlists.listForAccount(actor);
  }

  @Get(':id')
  @Roles(Role.Employer)
  @ApiOperation({ summary: 'One shortlist, pseudonymised (every view is logged)' })
  @ApiOkResponse({ type: EmployerShortlistViewDto })
  @ApiGoneResponse({ description: 'Expired or closed' })
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<EmployerShortlistView> {
    return this.shortlists.view(await this.shortlists.byAccount(actor, id), 'json');
  }

  @Get(':id/pdf')
  @Roles(Role.Employer)
  @ApiOperation({ summary: 'The printable PDF of the shortlist' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'application/pdf' })
  async pdf(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const view = await this.shortlists.view(await this.shortlists.byAccount(actor, id), 'pdf');
    sendPdf(res, await renderShortlistPdf(view));
  }

  @Post(':id/entries/:entryId/answers')
  @Roles(Role.Employer)
  @ApiOperation({
    summary:
      'Answer on one candidate: invite (with a proposed moment), ask a question, or not suitable (reason and explanation)',
  })
  @ApiCreatedResponse({ type: EmployerShortlistViewDto })
  async answer(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('entryId', ParseUUIDPipe) entryId: string,
    @Body() dto: EmployerAnswerDto,
  ): Promise<EmployerShortlistView> {
    return this.shortlists.answer(await this.shortlists.byAccount(actor, id), entryId, dto);
  }
}
