import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Roles } from '../auth/access.decorator';
import { Role } from '../auth/role';
import { Page, pageOf, skipOf } from '../http/pagination';
import { AuditLogEntity } from './audit-log.entity';
import { AuditPageDto, AuditQueryDto } from './audit-query.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit-log')
@Roles(Role.Coordinator)
export class AuditController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @ApiOkResponse({ type: AuditPageDto })
  async list(@Query() query: AuditQueryDto): Promise<Page<AuditLogEntity>> {
    const qb = this.dataSource.getRepository(AuditLogEntity).createQueryBuilder('a');
    if (query.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: query.actorId });
    if (query.objectType)
      qb.andWhere('a.object_type = :objectType', { objectType: query.objectType });
    if (query.objectId) qb.andWhere('a.object_id = :objectId', { objectId: query.objectId });
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.result) qb.andWhere('a.result = :result', { result: query.result });
    if (query.from) qb.andWhere('a.at >= :from', { from: query.from });
    if (query.to) qb.andWhere('a.at < :to', { to: query.to });
    const [items, total] = await qb
      .orderBy('a.id', 'DESC')
      .skip(skipOf(query))
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(items, total, query);
  }
}
