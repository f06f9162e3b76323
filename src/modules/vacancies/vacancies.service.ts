import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../infra/audit/audit.service';
import { OutboxService } from '../../infra/outbox/outbox.service';
import { Actor, Role } from '../../infra/auth/role';
import { DomainException, ErrorCode } from '../../infra/http/domain.exception';
import { Page, pageOf, skipOf } from '../../infra/http/pagination';
import { escapeLike } from '../../infra/http/validators';
import { EmployerAccessService } from '../employers/employer-access.service';
import { EmployerEntity } from '../employers/employer.entity';
import { FieldErrors, fieldsOf, presentFields } from '../employers/field-errors';
import { PhysicalLoad } from '../taxonomy/reference-lists';
import { TaxonomyReferencesService } from '../taxonomy/taxonomy-references.service';
import {
  CreateVacancyDto,
  UpdateVacancyDto,
  VacancyQueryDto,
  VacancyResponseDto,
  VacancySortField,
} from './dto/vacancy.dto';
import { VacancyEntity, VacancyStatus } from './vacancy.entity';
import { ACTIVE_VACANCY_STATUSES, isFinalStatus, transitionProblem } from './vacancy-status';

const SORT_COLUMNS: Record<VacancySortField, string> = {
  createdAt: 'v.createdAt',
  updatedAt: 'v.updatedAt',
  title: 'v.title',
  startDate: 'v.startDate',
};

const ACTIVE: readonly VacancyStatus[] = ACTIVE_VACANCY_STATUSES;

/** vacatures: CRUD with the status lifecycle; every change is audited in its transaction. */
@Injectable()
export class VacanciesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EmployerAccessService,
    private readonly references: TaxonomyReferencesService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async list(actor: Actor, query: VacancyQueryDto): Promise<Page<VacancyResponseDto>> {
    const qb = this.selectVacancies(this.dataSource.manager);
    if (actor.role === Role.ClientManager) {
      if (query.status && !ACTIVE.includes(query.status)) {
        throw DomainException.forbidden(
          `Klantmanagers see only vacancies that are ${ACTIVE.join(' or ')}; leave status out or pick one of those`,
          'vacancy',
        );
      }
      qb.andWhere('v.status IN (:...active)', { active: ACTIVE });
    }
    if (actor.role === Role.Employer) {
      if (query.employerId && query.employerId !== actor.employerId) {
        throw DomainException.forbidden(
          "An employer contact sees only their own employer's vacancies",
          'employer',
          query.employerId,
        );
      }
      qb.andWhere('v.employerId = :own', { own: actor.employerId });
    }
    if (query.status) qb.andWhere('v.status = :status', { status: query.status });
    if (query.sector) qb.andWhere('v.sector = :sector', { sector: query.sector });
    if (query.employerId)
      qb.andWhere('v.employerId = :employerId', { employerId: query.employerId });
    if (query.occupationUri) {
      qb.andWhere('v.occupationUri = :occupationUri', { occupationUri: query.occupationUri });
    }
    if (query.kind) qb.andWhere('v.kind = :kind', { kind: query.kind });
    if (query.trialPlacementPossible !== undefined) {
      qb.andWhere('v.trialPlacementPossible = :trial', { trial: query.trialPlacementPossible });
    }
    if (query.q) qb.andWhere('v.title ILIKE :q', { q: `%${escapeLike(query.q)}%` });
    const [rows, total] = await qb
      .orderBy(SORT_COLUMNS[query.sort], query.order === 'desc' ? 'DESC' : 'ASC', 'NULLS LAST')
      .addOrderBy('v.id', 'ASC')
      .skip(skipOf(query))
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(rows.map(toVacancyResponse), total, query);
  }

  async get(actor: Actor, id: string): Promise<VacancyResponseDto> {
    const vacancy = await this.load(this.dataSource.manager, id);
    if (actor.role === Role.Employer && vacancy.employerId !== actor.employerId) {
      throw DomainException.forbidden(
        "An employer contact sees only their own employer's vacancies",
        'vacancy',
        id,
      );
    }
    if (actor.role === Role.ClientManager && !ACTIVE.includes(vacancy.status)) {
      throw DomainException.forbidden(
        `Klantmanagers see only vacancies that are ${ACTIVE.join(' or ')}; this one is ${vacancy.status}`,
        'vacancy',
        id,
      );
    }
    return toVacancyResponse(vacancy);
  }

  async create(actor: Actor, dto: CreateVacancyDto): Promise<VacancyResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const employer = await manager
        .getRepository(EmployerEntity)
        .findOne({ where: { id: dto.employerId } });
      if (!employer) {
        const errors = new FieldErrors();
        errors.add('employerId', `employer ${dto.employerId} does not exist; create it first`);
        errors.throwIfAny();
      }
      const owner = employer as EmployerEntity;
      await this.access.assertMayChange(actor, owner, manager, 'vacancy', undefined);
      const errors = new FieldErrors();
      await this.checkReferences(manager, dto, errors);
      errors.throwIfAny();

      const repo = manager.getRepository(VacancyEntity);
      const vacancy = await repo.save(
        repo.create({
          employerId: owner.id,
          sector: owner.sector,
          title: dto.title,
          description: dto.description ?? '',
          kind: dto.kind ?? 'posted',
          occupationUri: dto.occupationUri,
          skills: (dto.skills ?? []).map(({ uri, required }) => ({ uri, required })),
          certificates: dto.certificates ?? [],
          drivingLicences: dto.drivingLicences ?? [],
          languages: (dto.languages ?? []).map(({ language, minLevel }) => ({
            language,
            minLevel,
          })),
          hoursMin: dto.hoursMin,
          hoursMax: dto.hoursMax,
          shifts: dto.shifts ?? [],
          pc4: dto.pc4,
          physicalDemands: physicalLoad(dto.physicalDemands),
          contractType: dto.contractType,
          startDate: dto.startDate ?? null,
          status: dto.status ?? 'draft',
          trialPlacementPossible: dto.trialPlacementPossible ?? false,
          createdById: actor.userId,
        }),
      );
      await this.outbox.add(manager, 'vacancy', [vacancy.id]);
      await this.audit.record(
        actor,
        {
          action: 'vacancy.create',
          objectType: 'vacancy',
          objectId: vacancy.id,
          details: { employerId: owner.id, status: vacancy.status, fields: presentFields(dto) },
        },
        manager,
      );
      return toVacancyResponse(await this.load(manager, vacancy.id));
    });
  }

  async update(actor: Actor, id: string, dto: UpdateVacancyDto): Promise<VacancyResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const vacancy = await this.lock(manager, id);
      const employer = await manager
        .getRepository(EmployerEntity)
        .findOneOrFail({ where: { id: vacancy.employerId } });
      await this.access.assertMayChange(actor, employer, manager, 'vacancy', id);
      if (isFinalStatus(vacancy.status)) {
        throw new DomainException(
          ErrorCode.Conflict,
          `Vacancy ${id} is ${vacancy.status}, which is final, and is kept unchanged as history; create a new vacancy instead`,
          { objectType: 'vacancy', objectId: id },
        );
      }
      const errors = new FieldErrors();
      const hoursMin = dto.hoursMin ?? vacancy.hoursMin;
      const hoursMax = dto.hoursMax ?? vacancy.hoursMax;
      if (hoursMin > hoursMax) {
        errors.add(
          dto.hoursMin !== undefined ? 'hoursMin' : 'hoursMax',
          `hoursMin (${hoursMin}) must not be greater than hoursMax (${hoursMax})`,
        );
      }
      await this.checkReferences(manager, dto, errors);
      errors.throwIfAny();
      if (dto.status) {
        const problem = transitionProblem(vacancy.status, dto.status);
        if (problem) {
          throw new DomainException(ErrorCode.InvalidTransition, problem, {
            objectType: 'vacancy',
            objectId: id,
          });
        }
      }

      const previousStatus = vacancy.status;
      const changes: Partial<VacancyEntity> = {
        ...(dto.title !== undefined && { title: dto.title }),
        ...(dto.description !== undefined && { description: dto.description }),
        ...(dto.kind !== undefined && { kind: dto.kind }),
        ...(dto.occupationUri !== undefined && { occupationUri: dto.occupationUri }),
        ...(dto.skills !== undefined && {
          skills: dto.skills.map(({ uri, required }) => ({ uri, required })),
        }),
        ...(dto.certificates !== undefined && { certificates: dto.certificates }),
        ...(dto.drivingLicences !== undefined && { drivingLicences: dto.drivingLicences }),
        ...(dto.languages !== undefined && {
          languages: dto.languages.map(({ language, minLevel }) => ({ language, minLevel })),
        }),
        ...(dto.hoursMin !== undefined && { hoursMin: dto.hoursMin }),
        ...(dto.hoursMax !== undefined && { hoursMax: dto.hoursMax }),
        ...(dto.shifts !== undefined && { shifts: dto.shifts }),
        ...(dto.pc4 !== undefined && { pc4: dto.pc4 }),
        ...(dto.physicalDemands !== undefined && {
          physicalDemands: physicalLoad(dto.physicalDemands),
        }),
        ...(dto.contractType !== undefined && { contractType: dto.contractType }),
        ...(dto.startDate !== undefined && { startDate: dto.startDate }),
        ...(dto.status !== undefined && { status: dto.status }),
        ...(dto.trialPlacementPossible !== undefined && {
          trialPlacementPossible: dto.trialPlacementPossible,
        }),
      };
      // save() on the loaded entity bumps version and updatedAt only when something changed
      await manager.getRepository(VacancyEntity).save(Object.assign(vacancy, changes));
      await this.outbox.add(manager, 'vacancy', [id]);
      await this.audit.record(
        actor,
        {
          action: 'vacancy.update',
          objectType: 'vacancy',
          objectId: id,
          details: {
            fields: presentFields(dto),
            ...(dto.status !== undefined &&
              dto.status !== previousStatus && {
                status: { from: previousStatus, to: dto.status },
              }),
          },
        },
        manager,
      );
      return toVacancyResponse(await this.load(manager, id));
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const vacancy = await this.lock(manager, id);
      const employer = await manager
        .getRepository(EmployerEntity)
        .findOneOrFail({ where: { id: vacancy.employerId } });
      await this.access.assertMayChange(actor, employer, manager, 'vacancy', id);
      if (vacancy.status !== 'draft') {
        throw new DomainException(
          ErrorCode.Conflict,
          `Only draft vacancies can be deleted; vacancy ${id} is ${vacancy.status}. ` +
            'Close it instead (PATCH /vacancies/{id} with {"status":"closed"}) so its history stays',
          { objectType: 'vacancy', objectId: id },
        );
      }
      await manager.getRepository(VacancyEntity).delete({ id });
      await this.outbox.add(manager, 'vacancy', [id]);
      // the vacancy is gone, so the indexer cannot find its employer: name it here
      await this.outbox.add(manager, 'employer', [vacancy.employerId]);
      await this.audit.record(
        actor,
        {
          action: 'vacancy.delete',
          objectType: 'vacancy',
          objectId: id,
          details: { employerId: vacancy.employerId, title: vacancy.title },
        },
        manager,
      );
    });
  }

  /** Occupation, skills and location must exist in the taxonomy; each unknown one is named. */
  private async checkReferences(
    manager: EntityManager,
    dto: Pick<UpdateVacancyDto, 'occupationUri' | 'skills' | 'pc4'>,
    errors: FieldErrors,
  ): Promise<void> {
    if (dto.occupationUri !== undefined) {
      const occupationUri = dto.occupationUri;
      errors.addUnknown(
        'occupation',
        await this.references.unknown('occupation', [occupationUri], manager),
        () => ['occupationUri'],
      );
    }
    if (dto.skills !== undefined) {
      const skills = dto.skills;
      const unknown = await this.references.unknown(
        'skill',
        skills.map((skill) => skill.uri),
        manager,
      );
      errors.addUnknown('skill', unknown, (uri) => fieldsOf('skills', skills, 'uri', uri));
    }
    if (dto.pc4 !== undefined) {
      const pc4 = dto.pc4;
      errors.addUnknown(
        'postcode',
        await this.references.unknown('postcode', [pc4], manager),
        () => ['pc4'],
      );
    }
  }

  private selectVacancies(manager: EntityManager) {
    return manager
      .getRepository(VacancyEntity)
      .createQueryBuilder('v')
      .leftJoin('v.employer', 'employer')
      .addSelect(['employer.id', 'employer.name'])
      .leftJoin('v.occupation', 'occupation')
      .addSelect(['occupation.uri', 'occupation.labelNl']);
  }

  private async load(manager: EntityManager, id: string): Promise<VacancyEntity> {
    const vacancy = await this.selectVacancies(manager).where('v.id = :id', { id }).getOne();
    if (!vacancy) throw DomainException.notFound('vacancy', id);
    return vacancy;
  }

  private async lock(manager: EntityManager, id: string): Promise<VacancyEntity> {
    const vacancy = await manager
      .getRepository(VacancyEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!vacancy) throw DomainException.notFound('vacancy', id);
    return vacancy;
  }
}

/** Keeps only the known keys, so the jsonb column holds nothing else. */
function physicalLoad(demands: PhysicalLoad | undefined): PhysicalLoad {
  if (!demands) return {};
  const { standingMinutes, sittingMinutes, walkingMinutes, liftingKg, nightWork } = demands;
  return Object.fromEntries(
    Object.entries({
      standingMinutes,
      sittingMinutes,
      walkingMinutes,
      liftingKg,
      nightWork,
    }).filter(([, value]) => value !== undefined),
  );
}

export function toVacancyResponse(vacancy: VacancyEntity): VacancyResponseDto {
  return {
    id: vacancy.id,
    employerId: vacancy.employerId,
    employerName: vacancy.employer?.name ?? null,
    title: vacancy.title,
    description: vacancy.description,
    kind: vacancy.kind,
    occupationUri: vacancy.occupationUri,
    occupationLabel: vacancy.occupation?.labelNl ?? null,
    sector: vacancy.sector,
    skills: vacancy.skills,
    certificates: vacancy.certificates,
    drivingLicences: vacancy.drivingLicences,
    languages: vacancy.languages,
    hoursMin: vacancy.hoursMin,
    hoursMax: vacancy.hoursMax,
    shifts: vacancy.shifts,
    pc4: vacancy.pc4,
    physicalDemands: vacancy.physicalDemands,
    contractType: vacancy.contractType,
    startDate: vacancy.startDate,
    status: vacancy.status,
    trialPlacementPossible: vacancy.trialPlacementPossible,
    createdById: vacancy.createdById,
    createdAt: vacancy.createdAt,
    updatedAt: vacancy.updatedAt,
    version: vacancy.version,
  };
}
