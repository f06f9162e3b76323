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
import { Actor, ALL_ROLES, Role } from '../../infra/auth/role';
import { Page } from '../../infra/http/pagination';
import {
  CreateVacancyDto,
  UpdateVacancyDto,
  VacancyPageDto,
  VacancyQueryDto,
  VacancyResponseDto,
} from './dto/vacancy.dto';
import { VacanciesService } from './vacancies.service';

/** Who may change which vacancy (whoever may change its employer) is decided in the service. */
const EDITORS = [Role.Coordinator, Role.AccountManager];

@ApiTags('vacancies')
@ApiBearerAuth()
@Controller('vacancies')
export class VacanciesController {
  constructor(private readonly vacancies: VacanciesService) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOkResponse({
    type: VacancyPageDto,
    description:
      'Klantmanagers see open and on-hold vacancies; employer contacts only their own employer',
  })
  list(
    @CurrentActor() actor: Actor,
    @Query() query: VacancyQueryDto,
  ): Promise<Page<VacancyResponseDto>> {
    return this.vacancies.list(actor, query);
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOkResponse({ type: VacancyResponseDto })
  get(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<VacancyResponseDto> {
    return this.vacancies.get(actor, id);
  }

  @Post()
  @Roles(...EDITORS)
  @ApiCreatedResponse({ type: VacancyResponseDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateVacancyDto): Promise<VacancyResponseDto> {
    return this.vacancies.create(actor, dto);
  }

  @Patch(':id')
  @Roles(...EDITORS)
  @ApiOkResponse({ type: VacancyResponseDto })
  @ApiConflictResponse({ description: 'Invalid status move, or the vacancy is filled or closed' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateVacancyDto,
  ): Promise<VacancyResponseDto> {
    return this.vacancies.update(actor, id, dto);
  }

  @Delete(':id')
  @Roles(...EDITORS)
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiConflictResponse({ description: 'Only drafts can be deleted; close the vacancy instead' })
  remove(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.vacancies.remove(actor, id);
  }
}
