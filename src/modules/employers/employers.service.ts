import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { AuditService } from '../../infra/audit/audit.service';
import { OutboxService } from '../../infra/outbox/outbox.service';
import { Actor, Role } from '../../infra/auth/role';
import { DomainException, ErrorCode } from '../../infra/http/domain.exception';
import { Page, PageQueryDto, pageOf, skipOf } from '../../infra/http/pagination';
import { escapeLike } from '../../infra/http/validators';
import { UserEntity } from '../accounts/user.entity';
import { TaxonomyReferencesService } from '../taxonomy/taxonomy-references.service';
import { sectorLabel } from '../taxonomy/sectors';
import { VacancyEntity } from '../vacancies/vacancy.entity';
import {
  ContactItemDto,
  CreateContactDto,
  CreateEmployerDto,
  CreateLocationDto,
  EmployerQueryDto,
  EmployerResponseDto,
  EmployerSortField,
  EmployerSummaryDto,
  LocationItemDto,
  UpdateEmployerDto,
} from './dto/employer.dto';
import { CreateEmployerNoteDto, EmployerNoteResponseDto } from './dto/employer-note.dto';
import { EmployerAccessService } from './employer-access.service';
import { EmployerContactEntity } from './employer-contact.entity';
import { EmployerLocationEntity } from './employer-location.entity';
import { EmployerNoteEntity } from './employer-note.entity';
import { EmployerEntity } from './employer.entity';
import { FieldErrors, fieldsOf, presentFields } from './field-errors';
import { sectionOfSbi } from './sbi';

const SORT_COLUMNS: Record<EmployerSortField, string> = {
  name: 'e.name',
  createdAt: 'e.createdAt',
  updatedAt: 'e.updatedAt',
};

/** A note may be dated a little ahead of the server clock, not more. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** werkgevers: records, locations, contacts and contact history. Every change is audited. */
@Injectable()
export class EmployersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: EmployerAccessService,
    private readonly references: TaxonomyReferencesService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  async list(actor: Actor, query: EmployerQueryDto): Promise<Page<EmployerSummaryDto>> {
    const qb = this.dataSource
      .getRepository(EmployerEntity)
      .createQueryBuilder('e')
      .leftJoin('e.accountManager', 'am')
      .addSelect(['am.id', 'am.displayName']);
    if (query.sector) qb.andWhere('e.sector = :sector', { sector: query.sector });
    if (query.accountManagerId) {
      qb.andWhere('e.accountManagerId = :accountManagerId', {
        accountManagerId: query.accountManagerId,
      });
    }
    if (query.opennessTo45Plus) {
      qb.andWhere('e.opennessTo45Plus = :openness', { openness: query.opennessTo45Plus });
    }
    if (query.acceptsTrialPlacements !== undefined) {
      qb.andWhere('e.acceptsTrialPlacements = :accepts', {
        accepts: query.acceptsTrialPlacements,
      });
    }
    if (query.q) qb.andWhere('e.name ILIKE :q', { q: `%${escapeLike(query.q)}%` });
    const [rows, total] = await qb
      .orderBy(SORT_COLUMNS[query.sort], query.order === 'desc' ? 'DESC' : 'ASC')
      .addOrderBy('e.id', 'ASC')
      .skip(skipOf(query))
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(
      rows.map((row) => toEmployerSummary(row, actor)),
      total,
      query,
    );
  }

  async get(actor: Actor, id: string): Promise<EmployerResponseDto> {
    const employer = await this.load(this.dataSource.manager, id);
    this.access.assertMayRead(actor, employer);
    return toEmployerResponse(employer, actor);
  }

  async create(actor: Actor, dto: CreateEmployerDto): Promise<EmployerResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const accountManagerId =
        dto.accountManagerId ?? (actor.role === Role.AccountManager ? actor.userId : null);
      if (!accountManagerId) {
        const errors = new FieldErrors();
        errors.add(
          'accountManagerId',
          'accountManagerId is required: name the accountmanager who will own this employer',
        );
        errors.throwIfAny();
      }
      const owner = accountManagerId as string;
      const scope = { id: '', name: dto.name, sector: dto.sector, accountManagerId: owner };
      await this.access.assertMayChange(actor, scope, manager);

      const locations = dto.locations ?? [];
      const contacts = dto.contacts ?? [];
      const errors = new FieldErrors();
      if (dto.accountManagerId) await this.checkAccountManager(manager, owner, errors);
      checkSbi(dto.sbiCode ?? null, dto.sector, errors);
      await this.checkPostcodes(manager, locations, errors);
      errors.throwIfAny();
      if (dto.kvkNumber) await this.assertKvkFree(manager, dto.kvkNumber, null);

      const repo = manager.getRepository(EmployerEntity);
      const employer = await repo.save(
        repo.create({
          name: dto.name,
          kvkNumber: dto.kvkNumber ?? null,
          sector: dto.sector,
          sbiCode: dto.sbiCode ?? null,
          accountManagerId: owner,
          opennessTo45Plus: dto.opennessTo45Plus ?? 'unknown',
          acceptsTrialPlacements: dto.acceptsTrialPlacements ?? false,
          trialPlacementExperience: dto.trialPlacementExperience ?? false,
          diversityWorkshopInterest: dto.diversityWorkshopInterest ?? false,
          website: dto.website ?? null,
        }),
      );
      if (locations.length > 0) {
        await manager
          .getRepository(EmployerLocationEntity)
          .insert(locations.map((location) => locationRow(employer.id, location)));
      }
      if (contacts.length > 0) {
        await manager
          .getRepository(EmployerContactEntity)
          .insert(contacts.map((contact) => contactRow(employer.id, contact)));
      }
      await this.outbox.add(manager, 'employer', [employer.id]);
      await this.audit.record(
        actor,
        {
          action: 'employer.create',
          objectType: 'employer',
          objectId: employer.id,
          details: {
            fields: presentFields(dto),
            locations: locations.length,
            contacts: contacts.length,
          },
        },
        manager,
      );
      return toEmployerResponse(await this.load(manager, employer.id), actor);
    });
  }

  async update(actor: Actor, id: string, dto: UpdateEmployerDto): Promise<EmployerResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const employer = await this.lock(manager, id);
      await this.access.assertMayChange(actor, employer, manager);

      const sector = dto.sector ?? employer.sector;
      const sbiCode = dto.sbiCode !== undefined ? dto.sbiCode : employer.sbiCode;
      const errors = new FieldErrors();
      if (dto.accountManagerId && dto.accountManagerId !== employer.accountManagerId) {
        await this.checkAccountManager(manager, dto.accountManagerId, errors);
      }
      if (dto.sbiCode !== undefined || dto.sector !== undefined) {
        checkSbi(sbiCode, sector, errors);
      }
      // one connection per transaction: queries run one after the other
      const existingLocations = await manager
        .getRepository(EmployerLocationEntity)
        .find({ where: { employerId: id } });
      const existingContacts = await manager
        .getRepository(EmployerContactEntity)
        .find({ where: { employerId: id } });
      if (dto.locations) {
        checkItemIds('locations', dto.locations, existingLocations, errors);
        await this.checkPostcodes(manager, dto.locations, errors);
      }
      if (dto.contacts) checkItemIds('contacts', dto.contacts, existingContacts, errors);
      errors.throwIfAny();
      if (dto.kvkNumber && dto.kvkNumber !== employer.kvkNumber) {
        await this.assertKvkFree(manager, dto.kvkNumber, id);
      }

      const previousSector = employer.sector;
      // update() also bumps updatedAt and version, so a change of only the lists shows too
      await manager.getRepository(EmployerEntity).update(
        { id },
        {
          name: dto.name ?? employer.name,
          kvkNumber: dto.kvkNumber !== undefined ? dto.kvkNumber : employer.kvkNumber,
          sector,
          sbiCode,
          accountManagerId: dto.accountManagerId ?? employer.accountManagerId,
          opennessTo45Plus: dto.opennessTo45Plus ?? employer.opennessTo45Plus,
          acceptsTrialPlacements: dto.acceptsTrialPlacements ?? employer.acceptsTrialPlacements,
          trialPlacementExperience:
            dto.trialPlacementExperience ?? employer.trialPlacementExperience,
          diversityWorkshopInterest:
            dto.diversityWorkshopInterest ?? employer.diversityWorkshopInterest,
          website: dto.website !== undefined ? dto.website : employer.website,
        },
      );

      let vacanciesResectored = 0;
      if (sector !== previousSector) {
        // vacancies carry the employer's sector for filtering and matching: keep them in step
        const result = await manager
          .getRepository(VacancyEntity)
          .update({ employerId: id }, { sector });
        vacanciesResectored = result.affected ?? 0;
      }
      const locationChanges = dto.locations
        ? await replaceList(
            manager,
            EmployerLocationEntity,
            id,
            existingLocations,
            dto.locations,
            locationRow,
          )
        : undefined;
      const contactChanges = dto.contacts
        ? await replaceList(
            manager,
            EmployerContactEntity,
            id,
            existingContacts,
            dto.contacts,
            contactRow,
          )
        : undefined;

      await this.outbox.add(manager, 'employer', [id]);
      await this.audit.record(
        actor,
        {
          action: 'employer.update',
          objectType: 'employer',
          objectId: id,
          details: {
            fields: presentFields(dto),
            ...(locationChanges && { locations: locationChanges }),
            ...(contactChanges && { contacts: contactChanges }),
            ...(vacanciesResectored > 0 && { vacanciesResectored }),
          },
        },
        manager,
      );
      return toEmployerResponse(await this.load(manager, id), actor);
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const employer = await this.lock(manager, id);
      await this.access.assertMayChange(actor, employer, manager);
      const vacancies = await manager
        .getRepository(VacancyEntity)
        .count({ where: { employerId: id } });
      if (vacancies > 0) {
        throw new DomainException(
          ErrorCode.Conflict,
          `Employer ${id} has ${vacancies} vacanc${vacancies === 1 ? 'y' : 'ies'} and is kept for their history; ` +
            'close the vacancies instead of deleting the employer (draft vacancies can be deleted first)',
          { objectType: 'employer', objectId: id },
        );
      }
      const logins = await manager.getRepository(UserEntity).count({ where: { employerId: id } });
      if (logins > 0) {
        throw new DomainException(
          ErrorCode.Conflict,
          `Employer ${id} still has ${logins} werkgever login${logins === 1 ? '' : 's'}; ` +
            'ask a coordinator to move or remove those accounts first',
          { objectType: 'employer', objectId: id },
        );
      }
      const notes = await manager.getRepository(EmployerNoteEntity).delete({ employerId: id });
      // locations and contacts go with the employer (ON DELETE CASCADE)
      await manager.getRepository(EmployerEntity).delete({ id });
      await this.outbox.add(manager, 'employer', [id]);
      await this.audit.record(
        actor,
        {
          action: 'employer.delete',
          objectType: 'employer',
          objectId: id,
          details: {
            name: employer.name,
            kvkNumber: employer.kvkNumber,
            notes: notes.affected ?? 0,
          },
        },
        manager,
      );
    });
  }

  async listNotes(id: string, query: PageQueryDto): Promise<Page<EmployerNoteResponseDto>> {
    await this.scope(this.dataSource.manager, id);
    const [rows, total] = await this.dataSource
      .getRepository(EmployerNoteEntity)
      .createQueryBuilder('n')
      .where('n.employerId = :id', { id })
      .orderBy('n.occurredAt', 'DESC')
      .addOrderBy('n.createdAt', 'DESC')
      .skip(skipOf(query))
      .take(query.pageSize)
      .getManyAndCount();
    const names = await this.authorNames(rows.map((row) => row.authorId));
    return pageOf(
      rows.map((row) => toNoteResponse(row, names.get(row.authorId) ?? null)),
      total,
      query,
    );
  }

  async addNote(
    actor: Actor,
    id: string,
    dto: CreateEmployerNoteDto,
  ): Promise<EmployerNoteResponseDto> {
    const occurredAt = dto.occurredAt ? new Date(dto.occurredAt) : new Date();
    return this.dataSource.transaction(async (manager) => {
      const employer = await this.scope(manager, id);
      await this.access.assertMayChange(actor, employer, manager);
      if (occurredAt.getTime() > Date.now() + CLOCK_SKEW_MS) {
        const errors = new FieldErrors();
        errors.add(
          'occurredAt',
          'occurredAt lies in the future: notes record contacts that took place; plan future contacts as a follow-up',
        );
        errors.throwIfAny();
      }
      const repo = manager.getRepository(EmployerNoteEntity);
      const note = await repo.save(
        repo.create({
          employerId: id,
          authorId: actor.userId,
          channel: dto.channel,
          occurredAt,
          summary: dto.summary,
        }),
      );
      await this.audit.record(
        actor,
        {
          action: 'employer.add-note',
          objectType: 'employer',
          objectId: id,
          details: { noteId: note.id, channel: note.channel },
        },
        manager,
      );
      const names = await this.authorNames([actor.userId], manager);
      return toNoteResponse(note, names.get(actor.userId) ?? null);
    });
  }

  private async load(manager: EntityManager, id: string): Promise<EmployerEntity> {
    const employer = await manager.getRepository(EmployerEntity).findOne({
      where: { id },
      relations: { locations: true, contacts: true, accountManager: true },
      order: { locations: { name: 'ASC', id: 'ASC' }, contacts: { name: 'ASC', id: 'ASC' } },
    });
    if (!employer) throw DomainException.notFound('employer', id);
    return employer;
  }

  /** Loads the employer row for update, so concurrent list replacements do not interleave. */
  private async lock(manager: EntityManager, id: string): Promise<EmployerEntity> {
    const employer = await manager
      .getRepository(EmployerEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!employer) throw DomainException.notFound('employer', id);
    return employer;
  }

  private async scope(manager: EntityManager, id: string): Promise<EmployerEntity> {
    const employer = await manager.getRepository(EmployerEntity).findOne({ where: { id } });
    if (!employer) throw DomainException.notFound('employer', id);
    return employer;
  }

  private async checkAccountManager(
    manager: EntityManager,
    userId: string,
    errors: FieldErrors,
  ): Promise<void> {
    const user = await manager.getRepository(UserEntity).findOne({ where: { id: userId } });
    if (!user || !user.active || user.role !== Role.AccountManager) {
      errors.add(
        'accountManagerId',
        `accountManagerId ${userId} is not an active user with role accountmanager; ` +
          'pick one from GET /users?role=accountmanager',
      );
    }
  }

  private async checkPostcodes(
    manager: EntityManager,
    locations: readonly CreateLocationDto[],
    errors: FieldErrors,
  ): Promise<void> {
    const unknown = await this.references.unknown(
      'postcode',
      locations.map((location) => location.pc4),
      manager,
    );
    errors.addUnknown('postcode', unknown, (pc4) => fieldsOf('locations', locations, 'pc4', pc4));
  }

  private async assertKvkFree(
    manager: EntityManager,
    kvkNumber: string,
    ownId: string | null,
  ): Promise<void> {
    const existing = await manager.getRepository(EmployerEntity).findOne({
      where: { kvkNumber, ...(ownId && { id: Not(ownId) }) },
      select: { id: true, name: true },
    });
    if (existing) {
      throw new DomainException(
        ErrorCode.Conflict,
        `KvK number ${kvkNumber} is already registered for employer ${existing.id} (${existing.name}); ` +
          'update that employer instead of creating a second record',
        { objectType: 'employer', objectId: existing.id, existingEmployerId: existing.id },
      );
    }
  }

  private async authorNames(
    ids: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const users = await manager
      .getRepository(UserEntity)
      .find({ where: { id: In(unique) }, select: { id: true, displayName: true } });
    return new Map(users.map((user) => [user.id, user.displayName]));
  }
}

function checkSbi(sbiCode: string | null, sector: string, errors: FieldErrors): void {
  if (!sbiCode) return;
  const section = sectionOfSbi(sbiCode);
  if (section === null) {
    errors.add('sbiCode', `sbiCode ${sbiCode} does not start with an existing SBI division`);
  } else if (section !== sector) {
    errors.add(
      'sbiCode',
      `sbiCode ${sbiCode} belongs to sector ${section} (${sectorLabel(section)}), not to sector ${sector}; ` +
        'fix the sector or the SBI code',
    );
  }
}

/** Ids in a replacement list must be this employer's items, each named once. */
function checkItemIds(
  list: string,
  items: readonly { id?: string }[],
  existing: readonly { id: string }[],
  errors: FieldErrors,
): void {
  const known = new Set(existing.map((item) => item.id));
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (!item.id) return;
    if (!known.has(item.id)) {
      errors.add(
        `${list}.${index}.id`,
        `${item.id} is not one of this employer's ${list}; leave id out to add a new one`,
      );
    } else if (seen.has(item.id)) {
      errors.add(`${list}.${index}.id`, `${item.id} appears twice in ${list}`);
    }
    seen.add(item.id);
  });
}

type ListEntity = typeof EmployerLocationEntity | typeof EmployerContactEntity;

/** Replaces an employer's child list: update items with an id, insert the rest, delete the missing. */
async function replaceList<T extends { id?: string }>(
  manager: EntityManager,
  entity: ListEntity,
  employerId: string,
  existing: readonly { id: string }[],
  items: readonly T[],
  toRow: (employerId: string, item: T) => object,
): Promise<{ created: number; updated: number; removed: number }> {
  const repo = manager.getRepository(entity);
  const keep = new Set(items.flatMap((item) => (item.id ? [item.id] : [])));
  const removed = existing.filter((item) => !keep.has(item.id)).map((item) => item.id);
  if (removed.length > 0) await repo.delete({ employerId, id: In(removed) });
  let created = 0;
  let updated = 0;
  for (const item of items) {
    if (item.id) {
      await repo.update({ id: item.id, employerId }, toRow(employerId, item));
      updated++;
    } else {
      await repo.insert(toRow(employerId, item));
      created++;
    }
  }
  return { created, updated, removed: removed.length };
}

function locationRow(
  employerId: string,
  location: CreateLocationDto | LocationItemDto,
): Partial<EmployerLocationEntity> {
  return { employerId, name: location.name, pc4: location.pc4, city: location.city ?? null };
}

function contactRow(
  employerId: string,
  contact: CreateContactDto | ContactItemDto,
): Partial<EmployerContactEntity> {
  return {
    employerId,
    name: contact.name,
    jobTitle: contact.jobTitle ?? null,
    email: contact.email ? contact.email.toLowerCase() : null,
    phone: contact.phone ?? null,
  };
}

export function toEmployerSummary(employer: EmployerEntity, actor: Actor): EmployerSummaryDto {
  return {
    id: employer.id,
    name: employer.name,
    kvkNumber: employer.kvkNumber,
    sector: employer.sector,
    sectorLabel: sectorLabel(employer.sector),
    sbiCode: employer.sbiCode,
    accountManagerId: employer.accountManagerId,
    accountManagerName: employer.accountManager?.displayName ?? null,
    // an internal assessment by the accountmanager, not for the employer's own eyes
    ...(actor.role !== Role.Employer && { opennessTo45Plus: employer.opennessTo45Plus }),
    acceptsTrialPlacements: employer.acceptsTrialPlacements,
    trialPlacementExperience: employer.trialPlacementExperience,
    diversityWorkshopInterest: employer.diversityWorkshopInterest,
    website: employer.website,
    createdAt: employer.createdAt,
    updatedAt: employer.updatedAt,
    version: employer.version,
  };
}

export function toEmployerResponse(employer: EmployerEntity, actor: Actor): EmployerResponseDto {
  return {
    ...toEmployerSummary(employer, actor),
    locations: (employer.locations ?? []).map((location) => ({
      id: location.id,
      name: location.name,
      pc4: location.pc4,
      city: location.city,
    })),
    contacts: (employer.contacts ?? []).map((contact) => ({
      id: contact.id,
      name: contact.name,
      jobTitle: contact.jobTitle,
      email: contact.email,
      phone: contact.phone,
      userId: contact.userId,
    })),
  };
}

function toNoteResponse(
  note: EmployerNoteEntity,
  authorName: string | null,
): EmployerNoteResponseDto {
  return {
    id: note.id,
    employerId: note.employerId,
    authorId: note.authorId,
    authorName,
    channel: note.channel,
    occurredAt: note.occurredAt,
    summary: note.summary,
    createdAt: note.createdAt,
  };
}
