import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditLogEntity } from '../../infra/audit/audit-log.entity';
import { AuditService } from '../../infra/audit/audit.service';
import { OutboxService } from '../../infra/outbox/outbox.service';
import { Actor, Role } from '../../infra/auth/role';
import { AppConfig } from '../../infra/config/app-config';
import { APP_CONFIG } from '../../infra/config/config.module';
import { DomainException, ErrorCode } from '../../infra/http/domain.exception';
import { Page, pageOf, skipOf } from '../../infra/http/pagination';
import { FieldError, RequestValidationException } from '../../infra/http/validation';
import { escapeLike } from '../../infra/http/validators';
import {
  TaxonomyReferencesService,
  unknownReferenceProblem,
} from '../taxonomy/taxonomy-references.service';
import { hashBsn } from './bsn';
import { eraseFollowUps, personData } from './person-data';
import { Access, ownerAccess, readAccess } from './candidate-access';
import {
  CASELOAD_STATUSES,
  MATCHABLE_STATUSES,
  MAX_CASELOAD,
  profileRuleErrors,
} from './candidate-rules';
import { sensitiveFieldsIn, toFullView, toListItem, toMatchingView } from './candidate-views';
import { CandidateEntity } from './candidate.entity';
import {
  CandidateQueryDto,
  CandidateSort,
  CreateCandidateDto,
  ReassignCandidateDto,
  UpdateCandidateDto,
} from './dto/candidate.dto';
import {
  CandidateExportDto,
  CandidateFullViewDto,
  CandidateListItemDto,
  CandidateMatchingViewDto,
} from './dto/candidate-view.dto';

const PG_UNIQUE_VIOLATION = '23505';

/** Profile fields a PATCH may carry, besides bsn (stored as a hash). */
const PROFILE_FIELDS = [
  'clientNumber',
  'firstName',
  'lastName',
  'email',
  'phone',
  'birthYear',
  'homePc4',
  'maxCommuteKm',
  'maxCommuteMinutes',
  'hoursMin',
  'hoursMax',
  'experiences',
  'skills',
  'languages',
  'activities',
  'educationLevel',
  'diplomas',
  'certificates',
  'drivingLicences',
  'workCapacity',
  'workCapacityNotes',
  'availableFrom',
  'sectorsOfInterest',
  'sectorsRefused',
  'participationRung',
  'programmeStatus',
  'availableForMatching',
  'benefitType',
  'targetGroupRegister',
] as const satisfies readonly (keyof UpdateCandidateDto & keyof CandidateEntity)[];
type ProfileField = (typeof PROFILE_FIELDS)[number];

const LIST_COLUMNS: (keyof CandidateEntity)[] = [
  'id',
  'clientNumber',
  'firstName',
  'lastName',
  'klantmanagerId',
  'homePc4',
  'programmeStatus',
  'participationRung',
  'availableForMatching',
  'availableFrom',
  'updatedAt',
];

const SORT_COLUMNS: Record<string, keyof CandidateEntity> = {
  lastName: 'lastName',
  updatedAt: 'updatedAt',
  createdAt: 'createdAt',
  availableFrom: 'availableFrom',
  participationRung: 'participationRung',
};

const EXPORT_NOTICE =
  'All data Werkspoor 45+ stores about this person: the competence profile, the names of the occupations and skills it refers to, and who (by role) read or changed it and why. A BSN, when recorded, is kept only as a keyed hash and cannot be shown.';

/**
 * kandidaatprofielen: one per client of a klantmanager. Every read and change is checked
 * against the caller's role and caseload; changes and reads of sensitive fields are audited
 * (field names only) in the same transaction.
 */
@Injectable()
export class CandidatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly references: TaxonomyReferencesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(actor: Actor, query: CandidateQueryDto): Promise<Page<CandidateListItemDto>> {
    const ownFilter = actor.role === Role.ClientManager && query.klantmanagerId === actor.userId;
    if (query.klantmanagerId && actor.role !== Role.Coordinator && !ownFilter) {
      throw DomainException.forbidden(
        'Only coordinators may filter on klantmanagerId; a klantmanager sees their own caseload without it',
      );
    }
    // lists load only the columns they show: no sensitive field leaves the database here
    const qb = this.dataSource
      .getRepository(CandidateEntity)
      .createQueryBuilder('c')
      .select(LIST_COLUMNS.map((column) => `c.${column}`));
    switch (actor.role) {
      case Role.Coordinator:
        break;
      case Role.ClientManager:
        qb.andWhere('c.klantmanager_id = :self', { self: actor.userId });
        break;
      case Role.AccountManager:
        qb.andWhere('c.available_for_matching = true').andWhere(
          'c.programme_status = ANY(:matchable)',
          { matchable: [...MATCHABLE_STATUSES] },
        );
        break;
      case Role.Employer:
        throw DomainException.forbidden('Employer contacts cannot list candidates');
    }
    if (query.klantmanagerId) {
      qb.andWhere('c.klantmanager_id = :klantmanagerId', { klantmanagerId: query.klantmanagerId });
    }
    if (query.programmeStatus) {
      qb.andWhere('c.programme_status = :status', { status: query.programmeStatus });
    }
    if (query.availableForMatching !== undefined) {
      qb.andWhere('c.available_for_matching = :available', {
        available: query.availableForMatching,
      });
    }
    if (query.participationRung !== undefined) {
      qb.andWhere('c.participation_rung = :rung', { rung: query.participationRung });
    }
    if (query.q) {
      const pattern = `%${escapeLike(query.q)}%`;
      // accountmanagers search by name only: client numbers are not theirs to know
      qb.andWhere(
        actor.role === Role.AccountManager
          ? "(c.first_name || ' ' || c.last_name) ILIKE :pattern"
          : "((c.first_name || ' ' || c.last_name) ILIKE :pattern OR c.client_number ILIKE :pattern)",
        { pattern },
      );
    }
    const [column, direction] = sortOf(query.sort);
    const [rows, total] = await qb
      .orderBy(`c.${column}`, direction, direction === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST')
      // tie-breakers for a stable page order (TypeORM keeps one direction per column)
      .addOrderBy(column === 'lastName' ? 'c.firstName' : 'c.lastName', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .skip(skipOf(query))
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(
      rows.map((row) => toListItem(row, actor.role)),
      total,
      query,
    );
  }

  async get(actor: Actor, id: string): Promise<CandidateFullViewDto | CandidateMatchingViewDto> {
    const candidate = await this.find(this.dataSource.manager, id);
    const access = readAccess(actor, candidate);
    assertAllowed(access, id);
    const view = access.view === 'full' ? toFullView(candidate) : toMatchingView(candidate);
    await this.recordSensitiveRead(actor, id, view);
    return view;
  }

  async create(actor: Actor, dto: CreateCandidateDto): Promise<CandidateFullViewDto> {
    const klantmanagerId = ownerForCreate(actor, dto);
    const bsnHash = dto.bsn ? hashBsn(dto.bsn, this.config.privacy.bsnPepper) : null;
    return this.dataSource.transaction(async (manager) => {
      await this.lockKlantmanager(manager, klantmanagerId);
      const repo = manager.getRepository(CandidateEntity);
      const candidate = repo.create({
        clientNumber: dto.clientNumber,
        bsnHash,
        firstName: dto.firstName,
        lastName: dto.lastName,
        email: dto.email ?? null,
        phone: dto.phone ?? null,
        birthYear: dto.birthYear,
        klantmanagerId,
        homePc4: dto.homePc4,
        maxCommuteKm: dto.maxCommuteKm ?? null,
        maxCommuteMinutes: dto.maxCommuteMinutes ?? null,
        hoursMin: dto.hoursMin,
        hoursMax: dto.hoursMax,
        experiences: dto.experiences ?? [],
        skills: dto.skills ?? [],
        languages: dto.languages ?? [],
        activities: dto.activities ?? [],
        educationLevel: dto.educationLevel,
        diplomas: dto.diplomas ?? [],
        certificates: dto.certificates ?? [],
        drivingLicences: dto.drivingLicences ?? [],
        workCapacity: dto.workCapacity ?? {},
        workCapacityNotes: dto.workCapacityNotes ?? null,
        availableFrom: dto.availableFrom ?? null,
        sectorsOfInterest: dto.sectorsOfInterest ?? [],
        sectorsRefused: dto.sectorsRefused ?? [],
        participationRung: dto.participationRung,
        programmeStatus: dto.programmeStatus ?? 'intake',
        availableForMatching: dto.availableForMatching ?? false,
        benefitType: dto.benefitType ?? 'bijstand',
        targetGroupRegister: dto.targetGroupRegister ?? false,
      });
      await this.assertValidProfile(manager, candidate, PROFILE_FIELDS);
      await this.assertNotDuplicate(manager, actor, candidate);
      if (CASELOAD_STATUSES.includes(candidate.programmeStatus)) {
        await this.assertCaseloadRoom(manager, klantmanagerId);
      }
      await saveUnique(() => repo.save(candidate));
      await this.outbox.add(manager, 'candidate', [candidate.id]);
      await this.audit.record(
        actor,
        {
          action: 'candidate.create',
          objectType: 'candidate',
          objectId: candidate.id,
          details: { fields: givenFields(dto) },
        },
        manager,
      );
      const view = toFullView(candidate);
      await this.recordSensitiveRead(actor, candidate.id, view, manager);
      return view;
    });
  }

  async update(actor: Actor, id: string, dto: UpdateCandidateDto): Promise<CandidateFullViewDto> {
    const nextBsnHash =
      dto.bsn === undefined
        ? undefined
        : dto.bsn === null
          ? null
          : hashBsn(dto.bsn, this.config.privacy.bsnPepper);
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(CandidateEntity);
      const candidate = await this.find(manager, id, true);
      assertAllowed(ownerAccess(actor, candidate), id);

      const changed: string[] = [];
      const previousStatus = candidate.programmeStatus;
      const given = PROFILE_FIELDS.filter((field) => dto[field] !== undefined);
      for (const field of given) {
        if (!sameValue(candidate[field], dto[field])) {
          changed.push(field);
          assign(candidate, field, dto[field]);
        }
      }
      if (nextBsnHash !== undefined && nextBsnHash !== candidate.bsnHash) {
        changed.push('bsn');
        candidate.bsnHash = nextBsnHash;
      }
      if (changed.length > 0) {
        await this.assertValidProfile(manager, candidate, given);
        if (changed.includes('clientNumber') || changed.includes('bsn')) {
          await this.assertNotDuplicate(manager, actor, candidate);
        }
        const rejoins =
          !CASELOAD_STATUSES.includes(previousStatus) &&
          CASELOAD_STATUSES.includes(candidate.programmeStatus);
        if (rejoins) {
          await this.lockKlantmanager(manager, candidate.klantmanagerId);
          await this.assertCaseloadRoom(manager, candidate.klantmanagerId);
        }
        await saveUnique(() => repo.save(candidate));
        await this.outbox.add(manager, 'candidate', [id]);
        await this.audit.record(
          actor,
          {
            action: 'candidate.update',
            objectType: 'candidate',
            objectId: id,
            details: { fields: changed.sort() },
          },
          manager,
        );
      }
      const view = toFullView(candidate);
      await this.recordSensitiveRead(actor, id, view, manager);
      return view;
    });
  }

  async reassign(
    actor: Actor,
    id: string,
    dto: ReassignCandidateDto,
  ): Promise<CandidateListItemDto> {
    return this.dataSource.transaction(async (manager) => {
      const candidate = await this.find(manager, id, true);
      const previous = candidate.klantmanagerId;
      if (previous === dto.klantmanagerId) return toListItem(candidate, actor.role);
      await this.lockKlantmanager(manager, dto.klantmanagerId);
      if (CASELOAD_STATUSES.includes(candidate.programmeStatus)) {
        await this.assertCaseloadRoom(manager, dto.klantmanagerId);
      }
      candidate.klantmanagerId = dto.klantmanagerId;
      await manager.getRepository(CandidateEntity).save(candidate);
      await this.outbox.add(manager, 'candidate', [id]);
      await this.audit.record(
        actor,
        {
          action: 'candidate.reassign',
          objectType: 'candidate',
          objectId: id,
          details: { fields: ['klantmanagerId'], from: previous, to: dto.klantmanagerId },
        },
        manager,
      );
      return toListItem(candidate, actor.role);
    });
  }

  async export(actor: Actor, id: string): Promise<CandidateExportDto> {
    return this.dataSource.transaction(async (manager) => {
      const candidate = await this.find(manager, id);
      assertAllowed(ownerAccess(actor, candidate), id);
      const occupationUris = unique(candidate.experiences.map((e) => e.occupationUri));
      const skillUris = unique(candidate.skills.map((s) => s.uri));
      // one connection in a transaction: queries one after the other
      const klantmanager = await manager.query<{ id: string; displayName: string }[]>(
        'SELECT id, display_name AS "displayName" FROM users WHERE id = $1',
        [candidate.klantmanagerId],
      );
      const occupations = await manager.query<{ uri: string; label: string }[]>(
        'SELECT uri, label_nl AS label FROM occupations WHERE uri = ANY($1::text[]) ORDER BY uri',
        [occupationUris],
      );
      const skills = await manager.query<{ uri: string; label: string }[]>(
        'SELECT uri, coalesce(label_nl, label_en) AS label FROM skills WHERE uri = ANY($1::text[]) ORDER BY uri',
        [skillUris],
      );
      const accessLog = await manager.getRepository(AuditLogEntity).find({
        select: { at: true, action: true, actorRole: true, purpose: true, result: true },
        where: { objectType: 'candidate', objectId: id },
        order: { id: 'ASC' },
      });
      const profile = toFullView(candidate);
      const pipeline = await personData(manager, id);
      const result: CandidateExportDto = {
        exportedAt: new Date(),
        notice: EXPORT_NOTICE,
        profile,
        klantmanager: klantmanager[0],
        occupations,
        skills,
        pipeline,
        accessLog: accessLog.map((row) => ({
          at: row.at,
          action: row.action,
          actorRole: row.actorRole,
          purpose: row.purpose,
          result: row.result,
        })),
      };
      await this.audit.record(
        actor,
        {
          action: 'candidate.export',
          objectType: 'candidate',
          objectId: id,
          details: {
            sections: ['profile', 'klantmanager', 'occupations', 'skills', 'pipeline', 'accessLog'],
          },
        },
        manager,
      );
      await this.recordSensitiveRead(actor, id, profile, manager);
      return result;
    });
  }

  /** Erasure of one person's data. The audit log keeps the id, never the erased content. */
  async erase(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.find(manager, id, true);
      await eraseFollowUps(manager, id);
      await manager.getRepository(CandidateEntity).delete({ id });
      await this.outbox.add(manager, 'candidate', [id]);
      await this.audit.record(
        actor,
        { action: 'candidate.erase', objectType: 'candidate', objectId: id },
        manager,
      );
    });
  }

  private async find(manager: EntityManager, id: string, lock = false): Promise<CandidateEntity> {
    const candidate = await manager.getRepository(CandidateEntity).findOne({
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!candidate) throw DomainException.notFound('candidate', id);
    return candidate;
  }

  /** Names the sensitive fields of a response in the audit log, with the caller's purpose. */
  private async recordSensitiveRead(
    actor: Actor,
    id: string,
    view: CandidateFullViewDto | CandidateMatchingViewDto,
    manager?: EntityManager,
  ): Promise<void> {
    const fields = sensitiveFieldsIn(view);
    if (fields.length === 0) return;
    await this.audit.record(
      actor,
      {
        action: 'candidate.read-sensitive',
        objectType: 'candidate',
        objectId: id,
        details: { fields, view: view.view },
      },
      manager,
    );
  }

  /**
   * Locks the klantmanager's row for the rest of the transaction, so two requests cannot both
   * take the last place in a caseload; refuses anyone who is not an active klantmanager.
   */
  private async lockKlantmanager(manager: EntityManager, userId: string): Promise<void> {
    const rows = await manager.query<{ role: string; active: boolean }[]>(
      'SELECT role, active FROM users WHERE id = $1 FOR NO KEY UPDATE',
      [userId],
    );
    const user = rows[0];
    if (!user || user.role !== (Role.ClientManager as string) || !user.active) {
      throw new RequestValidationException([
        {
          field: 'klantmanagerId',
          problems: [
            `user ${userId} is not an active klantmanager: choose one from GET /users?role=klantmanager`,
          ],
        },
      ]);
    }
  }

  private async assertCaseloadRoom(manager: EntityManager, klantmanagerId: string): Promise<void> {
    const rows = await manager.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM candidates WHERE klantmanager_id = $1 AND programme_status = ANY($2::text[])',
      [klantmanagerId, [...CASELOAD_STATUSES]],
    );
    const count = rows[0]?.n ?? 0;
    if (count >= MAX_CASELOAD) {
      throw new DomainException(
        ErrorCode.RuleViolation,
        `Klantmanager ${klantmanagerId} already has ${count} active clients, the maximum caseload of ${MAX_CASELOAD}: choose another klantmanager, or first close (status placed or exited) or reassign one of their clients`,
        { objectType: 'user', objectId: klantmanagerId },
      );
    }
  }

  /** Rules across fields, and references to the taxonomy: every problem named per field (400). */
  private async assertValidProfile(
    manager: EntityManager,
    candidate: CandidateEntity,
    given: readonly ProfileField[],
  ): Promise<void> {
    const errors = [
      ...profileRuleErrors(candidate),
      ...(await this.referenceErrors(manager, candidate, new Set(given))),
    ];
    if (errors.length > 0) throw new RequestValidationException(errors);
  }

  private async referenceErrors(
    manager: EntityManager,
    candidate: CandidateEntity,
    given: Set<ProfileField>,
  ): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    if (given.has('experiences')) {
      const unknown = new Set(
        await this.references.unknown(
          'occupation',
          candidate.experiences.map((e) => e.occupationUri),
          manager,
        ),
      );
      candidate.experiences.forEach((experience, i) => {
        if (unknown.has(experience.occupationUri)) {
          errors.push({
            field: `experiences.${i}.occupationUri`,
            problems: [unknownReferenceProblem('occupation', experience.occupationUri)],
          });
        }
      });
    }
    if (given.has('skills')) {
      const unknown = new Set(
        await this.references.unknown(
          'skill',
          candidate.skills.map((s) => s.uri),
          manager,
        ),
      );
      candidate.skills.forEach((skill, i) => {
        if (unknown.has(skill.uri)) {
          errors.push({
            field: `skills.${i}.uri`,
            problems: [unknownReferenceProblem('skill', skill.uri)],
          });
        }
      });
    }
    if (given.has('homePc4')) {
      const unknown = new Set(
        await this.references.unknown('postcode', [candidate.homePc4], manager),
      );
      if (unknown.has(candidate.homePc4)) {
        errors.push({
          field: 'homePc4',
          problems: [unknownReferenceProblem('postcode', candidate.homePc4)],
        });
      }
    }
    return errors;
  }

  /** One profile per client: same client number or same BSN hash is a conflict (409). */
  private async assertNotDuplicate(
    manager: EntityManager,
    actor: Actor,
    candidate: CandidateEntity,
  ): Promise<void> {
    const qb = manager
      .getRepository(CandidateEntity)
      .createQueryBuilder('c')
      .select([
        'c.id',
        'c.clientNumber',
        'c.klantmanagerId',
        'c.availableForMatching',
        'c.programmeStatus',
      ])
      .where(
        candidate.bsnHash
          ? '(c.client_number = :clientNumber OR c.bsn_hash = :bsnHash)'
          : 'c.client_number = :clientNumber',
        { clientNumber: candidate.clientNumber, bsnHash: candidate.bsnHash },
      );
    if (candidate.id) qb.andWhere('c.id <> :id', { id: candidate.id });
    const existing = await qb.getOne();
    if (!existing) return;
    const by = existing.clientNumber === candidate.clientNumber ? 'client number' : 'BSN';
    const visible = ownerAccess(actor, existing).allowed;
    throw new DomainException(
      ErrorCode.Conflict,
      visible
        ? `A profile for this client already exists (same ${by}): candidate ${existing.id}. Open and update that profile instead of creating another.`
        : `A profile for this client already exists (same ${by}) in another klantmanager's caseload; ask a coordinator to reassign it to you if you take over this client.`,
    );
  }
}

function assertAllowed(access: Access, id: string): asserts access is Access & { allowed: true } {
  if (!access.allowed) throw DomainException.forbidden(access.reason, 'candidate', id);
}

function ownerForCreate(actor: Actor, dto: CreateCandidateDto): string {
  switch (actor.role) {
    case Role.Coordinator:
      if (!dto.klantmanagerId) {
        throw new RequestValidationException([
          {
            field: 'klantmanagerId',
            problems: [
              'klantmanagerId is required when a coordinator creates a profile: give the klantmanager whose caseload the client joins',
            ],
          },
        ]);
      }
      return dto.klantmanagerId;
    case Role.ClientManager:
      if (dto.klantmanagerId && dto.klantmanagerId !== actor.userId) {
        throw DomainException.forbidden(
          'A klantmanager creates profiles in their own caseload only: leave klantmanagerId out, or ask a coordinator to create the profile for a colleague',
        );
      }
      return actor.userId;
    case Role.AccountManager:
    case Role.Employer:
      throw DomainException.forbidden(`Role ${actor.role} cannot create candidate profiles`);
  }
}

function sortOf(sort: CandidateSort): [keyof CandidateEntity, 'ASC' | 'DESC'] {
  const descending = sort.startsWith('-');
  return [SORT_COLUMNS[descending ? sort.slice(1) : sort], descending ? 'DESC' : 'ASC'];
}

/** Field names the caller filled in (never values), for the audit row of a create. */
function givenFields(dto: CreateCandidateDto): string[] {
  return Object.keys(dto)
    .filter((key) => (dto as unknown as Record<string, unknown>)[key] !== undefined)
    .sort();
}

/** Equal as JSON regardless of key order (jsonb reorders keys) and of absent optional keys. */
function sameValue(current: unknown, next: unknown): boolean {
  return JSON.stringify(canonical(current)) === JSON.stringify(canonical(next));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

function assign<K extends ProfileField>(
  candidate: CandidateEntity,
  field: K,
  value: UpdateCandidateDto[K],
): void {
  (candidate as unknown as Record<string, unknown>)[field] = value;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** A unique index caught a duplicate created at the same moment by another request. */
async function saveUnique(save: () => Promise<unknown>): Promise<void> {
  try {
    await save();
  } catch (error) {
    const code = (error as QueryFailedError & { driverError?: { code?: string } }).driverError
      ?.code;
    if (error instanceof QueryFailedError && code === PG_UNIQUE_VIOLATION) {
      throw new DomainException(
        ErrorCode.Conflict,
        'A profile for this client already exists (same client number or BSN); search for it before creating another',
      );
    }
    throw error;
  }
}
