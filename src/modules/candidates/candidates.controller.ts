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
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { Roles } from '../../infra/auth/access.decorator';
import { CurrentActor } from '../../infra/auth/current-actor.decorator';
import { Actor, Role } from '../../infra/auth/role';
import { Page } from '../../infra/http/pagination';
import { CandidatesService } from './candidates.service';
import {
  CandidateQueryDto,
  CreateCandidateDto,
  ReassignCandidateDto,
  UpdateCandidateDto,
} from './dto/candidate.dto';
import {
  CandidateExportDto,
  CandidateFullViewDto,
  CandidateListItemDto,
  CandidateMatchingViewDto,
  CandidatePageDto,
} from './dto/candidate-view.dto';

const PURPOSE_HEADER = {
  name: 'X-Purpose',
  required: false,
  description: 'Why you read or change this profile; recorded in the audit log',
};

/** kandidaatprofielen. Werkgever accounts are refused on every route. */
@ApiTags('candidates')
@ApiBearerAuth()
@ApiHeader(PURPOSE_HEADER)
@ApiExtraModels(CandidateFullViewDto, CandidateMatchingViewDto)
@Controller('candidates')
export class CandidatesController {
  constructor(private readonly candidates: CandidatesService) {}

  @Get()
  @Roles(Role.ClientManager, Role.Coordinator, Role.AccountManager)
  @ApiOperation({
    summary:
      'List profiles: a klantmanager sees their caseload, an accountmanager the profiles available for matching, a coordinator all',
  })
  @ApiOkResponse({ type: CandidatePageDto })
  list(
    @CurrentActor() actor: Actor,
    @Query() query: CandidateQueryDto,
  ): Promise<Page<CandidateListItemDto>> {
    return this.candidates.list(actor, query);
  }

  @Get(':id')
  @Roles(Role.ClientManager, Role.Coordinator, Role.AccountManager)
  @ApiOperation({
    summary:
      'One profile: the full view for its klantmanager and coordinators, the matching view for accountmanagers (audited)',
  })
  @ApiOkResponse({
    schema: {
      oneOf: [
        { $ref: getSchemaPath(CandidateFullViewDto) },
        { $ref: getSchemaPath(CandidateMatchingViewDto) },
      ],
    },
  })
  get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<CandidateFullViewDto | CandidateMatchingViewDto> {
    return this.candidates.get(actor, id);
  }

  @Post()
  @Roles(Role.ClientManager, Role.Coordinator)
  @ApiOperation({
    summary: 'Create the profile of a client (at most 25 active clients per klantmanager)',
  })
  @ApiCreatedResponse({ type: CandidateFullViewDto })
  create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateCandidateDto,
  ): Promise<CandidateFullViewDto> {
    return this.candidates.create(actor, dto);
  }

  @Patch(':id')
  @Roles(Role.ClientManager, Role.Coordinator)
  @ApiOperation({ summary: 'Change a profile of your caseload; omitted fields keep their value' })
  @ApiOkResponse({ type: CandidateFullViewDto })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateCandidateDto,
  ): Promise<CandidateFullViewDto> {
    return this.candidates.update(actor, id, dto);
  }

  @Put(':id/klantmanager')
  @Roles(Role.Coordinator)
  @ApiOperation({
    summary: 'Reassign the client to another active klantmanager (caseload of at most 25)',
  })
  @ApiOkResponse({ type: CandidateListItemDto })
  reassign(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReassignCandidateDto,
  ): Promise<CandidateListItemDto> {
    return this.candidates.reassign(actor, id, dto);
  }

  @Get(':id/export')
  @Roles(Role.ClientManager, Role.Coordinator)
  @ApiOperation({
    summary:
      "All stored data of one person, for a data-subject request (the client's klantmanager or a coordinator; audited)",
  })
  @ApiOkResponse({ type: CandidateExportDto })
  export(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<CandidateExportDto> {
    return this.candidates.export(actor, id);
  }

  @Delete(':id')
  @Roles(Role.Coordinator)
  @HttpCode(204)
  @ApiOperation({
    summary: "Erase one person's profile (right to erasure); the audit log keeps only the id",
  })
  @ApiNoContentResponse()
  erase(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.candidates.erase(actor, id);
  }
}
