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
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../infra/auth/access.decorator';
import { CurrentActor } from '../../infra/auth/current-actor.decorator';
import { Actor, ALL_ROLES, Role, STAFF_ROLES } from '../../infra/auth/role';
import { Page, PageQueryDto } from '../../infra/http/pagination';
import {
  CreateEmployerDto,
  EmployerPageDto,
  EmployerQueryDto,
  EmployerResponseDto,
  EmployerSummaryDto,
  UpdateEmployerDto,
} from './dto/employer.dto';
import {
  CreateEmployerNoteDto,
  EmployerNotePageDto,
  EmployerNoteResponseDto,
} from './dto/employer-note.dto';
import { EmployersService } from './employers.service';

/** Who may change which employer is decided per object in EmployersService. */
const EDITORS = [Role.Coordinator, Role.AccountManager];

@ApiTags('employers')
@ApiBearerAuth()
@Controller('employers')
export class EmployersController {
  constructor(private readonly employers: EmployersService) {}

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOkResponse({ type: EmployerPageDto })
  list(
    @CurrentActor() actor: Actor,
    @Query() query: EmployerQueryDto,
  ): Promise<Page<EmployerSummaryDto>> {
    return this.employers.list(actor, query);
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({
    type: EmployerResponseDto,
    description: 'Employer contacts see only their own employer',
  })
  get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<EmployerResponseDto> {
    return this.employers.get(actor, id);
  }

  @Post()
  @Roles(...EDITORS)
  @ApiCreatedResponse({ type: EmployerResponseDto })
  @ApiConflictResponse({ description: 'The KvK number is registered for another employer' })
  create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateEmployerDto,
  ): Promise<EmployerResponseDto> {
    return this.employers.create(actor, dto);
  }

  @Patch(':id')
  @Roles(...EDITORS)
  @ApiOkResponse({ type: EmployerResponseDto })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateEmployerDto,
  ): Promise<EmployerResponseDto> {
    return this.employers.update(actor, id, dto);
  }

  @Delete(':id')
  @Roles(...EDITORS)
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'The employer has vacancies or werkgever logins' })
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.employers.remove(actor, id);
  }

  @Get(':id/notes')
  @Roles(...EDITORS)
  @ApiOkResponse({ type: EmployerNotePageDto, description: 'Contact history, newest first' })
  listNotes(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<EmployerNoteResponseDto>> {
    return this.employers.listNotes(id, query);
  }

  @Post(':id/notes')
  @Roles(...EDITORS)
  @ApiCreatedResponse({ type: EmployerNoteResponseDto, description: 'Notes are append-only' })
  addNote(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateEmployerNoteDto,
  ): Promise<EmployerNoteResponseDto> {
    return this.employers.addNote(actor, id, dto);
  }
}
