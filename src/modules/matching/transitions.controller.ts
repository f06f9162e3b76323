import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../infra/auth/access.decorator';
import { STAFF_ROLES } from '../../infra/auth/role';
import { TransitionListDto, TransitionsQueryDto } from './dto/transitions.dto';
import { TransitionsService } from './transitions.service';

/** Occupations a worker can move to, from the ESCO skills (precomputed per taxonomy version). */
@ApiTags('matching')
@Controller('occupations')
export class TransitionsController {
  constructor(private readonly transitions: TransitionsService) {}

  @Get(':id/transitions')
  @Roles(...STAFF_ROLES)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Occupations a worker in this occupation could move to, best first',
    description:
      'Scored by how much of the target occupation’s skills (essential above optional, rare above common) the origin’s skills cover, with partial credit for related skills in the ESCO hierarchy. Each item names the shared skills and the essential skills still missing. otherSectorOnly=true gives only cross-sector suggestions.',
  })
  @ApiParam({
    name: 'id',
    description: 'ESCO code (7322.1), URL-encoded ESCO occupation URI, or the URI’s UUID',
    example: '7322.1',
  })
  @ApiOkResponse({ type: TransitionListDto })
  @ApiBadRequestResponse({
    description:
      'limit not a whole number from 1 to 50, otherSectorOnly not true/false, or an id that is no ESCO code or URI',
  })
  @ApiForbiddenResponse({ description: 'Employers have no access' })
  @ApiNotFoundResponse({ description: 'No occupation with this code or URI' })
  transitionsOf(
    @Param('id') id: string,
    @Query() query: TransitionsQueryDto,
  ): Promise<TransitionListDto> {
    return this.transitions.transitions(id, query);
  }
}
