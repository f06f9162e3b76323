import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AuditService } from '../../infra/audit/audit.service';
import { Actor, Role } from '../../infra/auth/role';
import { DomainException, ErrorCode } from '../../infra/http/domain.exception';
import { Page, pageOf, skipOf } from '../../infra/http/pagination';
import { UserEntity } from '../accounts/user.entity';
import { CandidateEntity, PROGRAMME_STATUS_LABELS } from '../candidates/candidate.entity';
import { isMatchable, ownerAccess } from '../candidates/candidate-access';
import { MATCHABLE_STATUSES } from '../candidates/candidate-rules';
import { EmployerEntity } from '../employers/employer.entity';
import { FieldErrors, presentFields } from '../employers/field-errors';
import { FollowUpsService } from '../follow-ups/follow-ups.service';
import { TaxonomyReferencesService } from '../taxonomy/taxonomy-references.service';
import { VacancyEntity } from '../vacancies/vacancy.entity';
import {
  AssignJobhuntingRequestDto,
  CreateJobhuntingActivityDto,
  CreateJobhuntingRequestDto,
  JobhuntingActivityResponseDto,
  JobhuntingQueryDto,
  JobhuntingRequestDetailDto,
  JobhuntingRequestResponseDto,
  JobhuntingTransitionDto,
  JobhuntingTransitionResponseDto,
} from './dto/jobhunting.dto';
import {
  activityProblem,
  JobhuntingActor,
  JobhuntingScope,
  readProblem,
} from './jobhunting-access';
import {
  ACTIVITY_KIND_LABELS,
  ACTIVITY_OUTCOMES,
  JobhuntingActivityEntity,
} from './jobhunting-activity.entity';
import { AssignableAccountManager, chooseAccountManager } from './jobhunting-assignment';
import {
  JOBHUNTING_SUBJECT,
  noProgressFollowUp,
  outcomeNotice,
  PlannedFollowUp,
  unansweredFollowUp,
} from './jobhunting-follow-ups';
import { JobhuntingPreferences, JobhuntingRequestEntity } from './jobhunting-request.entity';
import {
  CLOSE_REASONS,
  CloseReason,
  isFinalJobhuntingStatus,
  JOBHUNTING_STATUS_LABELS,
  JOBHUNTING_TRANSITIONS,
  JobhuntingStatus,
  jobhuntingTransitionProblem,
  OPEN_JOBHUNTING_STATUSES,
  transitionActorProblem,
} from './jobhunting-status';
import { JobhuntingEvent, JobhuntingTransitionEntity } from './jobhunting-transition.entity';

const OBJECT = 'jobhunting-request';
const OPEN: readonly JobhuntingStatus[] = OPEN_JOBHUNTING_STATUSES;

/** A request with what the rules and the views need of its candidate and accountmanager. */
interface Loaded {
  request: JobhuntingRequestEntity;
  candidate: Pick<
    CandidateEntity,
    'id' | 'firstName' | 'lastName' | 'klantmanagerId' | 'availableForMatching' | 'programmeStatus'
  >;
  accountManagerName: string | null;
}

/**
 * jobhuntverzoeken: a klantmanager asks for targeted jobhunting for one client, an
 * accountmanager accepts and records activities, both sides follow the progress. Every change
 * is audited and its follow-ups are (re)planned in the same transaction.
 */
@Injectable()
export class JobhuntingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly references: TaxonomyReferencesService,
    private readonly audit: AuditService,
    private readonly followUps: FollowUpsService,
  ) {}

  async list(actor: Actor, query: JobhuntingQueryDto): Promise<Page<JobhuntingRequestResponseDto>> {
    const manager = this.dataSource.manager;
    const qb = this.select(manager);
    switch (actor.role) {
      case Role.Coordinator:
        if (query.mine) qb.andWhere('r.accountManagerId IS NULL');
        break;
      case Role.ClientManager:
        qb.andWhere('c.klantmanagerId = :me', { me: actor.userId });
        if (query.mine) qb.andWhere('r.filedById = :me');
        break;
      case Role.AccountManager: {
        const sectors = await this.sectorsOf(manager, actor);
        if (query.mine || sectors.length === 0) {
          qb.andWhere('r.accountManagerId = :me', { me: actor.userId });
        } else {
          qb.andWhere(
            "(r.accountManagerId = :me OR (r.status = 'open' AND r.primarySector IN (:...sectors)))",
            { me: actor.userId, sectors },
          );
        }
        break;
      }
      case Role.Employer:
        throw DomainException.forbidden('Employer contacts have no access to jobhunting requests');
    }
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (query.candidateId)
      qb.andWhere('r.candidateId = :candidateId', { candidateId: query.candidateId });
    const [rows, total] = await qb
      .orderBy('r.createdAt', 'DESC')
      .addOrderBy('r.id', 'ASC')
      .skip(skipOf(query))
      .take(query.pageSize)
      .getManyAndCount();
    return pageOf(
      rows.map((request) => toResponse(this.loadedOf(request), actor)),
      total,
      query,
    );
  }

  async get(actor: Actor, id: string): Promise<JobhuntingRequestDetailDto> {
    const manager = this.dataSource.manager;
    const loaded = await this.load(manager, id);
    this.assertMayRead(await this.actorOf(manager, actor), loaded);
    return this.detail(manager, loaded, actor);
  }

  async create(actor: Actor, dto: CreateJobhuntingRequestDto): Promise<JobhuntingRequestDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      // the candidate's row lock makes "one running request per candidate" race-free
      const candidate = await manager
        .getRepository(CandidateEntity)
        .findOne({ where: { id: dto.candidateId }, lock: { mode: 'pessimistic_write' } });
      if (!candidate) {
        const errors = new FieldErrors();
        errors.add('candidateId', `candidate ${dto.candidateId} does not exist`);
        errors.throwIfAny();
      }
      const client = candidate as CandidateEntity;
      const access = ownerAccess(actor, client);
      if (!access.allowed) throw DomainException.forbidden(access.reason, 'candidate', client.id);
      assertMatchable(client);
      const running = await manager.getRepository(JobhuntingRequestEntity).findOne({
        where: OPEN.map((status) => ({ candidateId: client.id, status })),
      });
      if (running) {
        throw new DomainException(
          ErrorCode.Conflict,
          `This client already has a running jobhunting request (${running.id}, ${running.status}); ` +
            'follow that one, or close it (with a reason) before filing a new one',
          { objectType: OBJECT, objectId: running.id, existingId: running.id },
        );
      }

      const errors = new FieldErrors();
      await this.checkPreferences(manager, dto, errors);
      let preferred: UserEntity | null = null;
      if (dto.preferredAccountManagerId !== undefined) {
        preferred = await this.activeAccountManager(manager, dto.preferredAccountManagerId);
        if (!preferred) {
          errors.add(
            'preferredAccountManagerId',
            `user ${dto.preferredAccountManagerId} is not an active accountmanager; leave it out to let the sector decide`,
          );
        }
      }
      errors.throwIfAny();

      const sector = dto.preferences.sectors[0];
      const choice = preferred
        ? { accountManagerId: preferred.id, reason: 'Voorkeur van de klantmanager' }
        : chooseAccountManager(sector, await this.accountManagersFor(manager, sector));
      const now = new Date();
      const repo = manager.getRepository(JobhuntingRequestEntity);
      const request = await repo.save(
        repo.create({
          candidateId: client.id,
          filedById: actor.userId,
          motivation: dto.motivation,
          preferences: preferencesOf(dto, client),
          primarySector: sector,
          preferredAccountManagerId: dto.preferredAccountManagerId ?? null,
          accountManagerId: choice.accountManagerId,
          assignedAt: choice.accountManagerId ? now : null,
          status: 'open',
        }),
      );
      await this.history(manager, request, actor, 'filed', null, {});
      if (choice.accountManagerId) {
        await this.history(manager, request, actor, 'assigned', 'open', {
          accountManagerId: choice.accountManagerId,
          note: choice.reason,
        });
      }
      await this.plan(
        manager,
        request,
        unansweredFollowUp(now, choice.accountManagerId !== null),
        choice.accountManagerId ?? (await this.firstCoordinator(manager)) ?? actor.userId,
      );
      await this.audit.record(
        actor,
        {
          action: 'jobhunting-request.create',
          objectType: OBJECT,
          objectId: request.id,
          details: {
            candidateId: client.id,
            primarySector: sector,
            accountManagerId: choice.accountManagerId,
            assignedBy: preferred ? 'preference' : choice.accountManagerId ? 'sector' : 'none',
            fields: presentFields(dto),
          },
        },
        manager,
      );
      return this.detail(manager, await this.load(manager, request.id), actor);
    });
  }

  async assign(
    actor: Actor,
    id: string,
    dto: AssignJobhuntingRequestDto,
  ): Promise<JobhuntingRequestDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.lock(manager, id);
      assertVersion(request, dto.version);
      if (isFinalJobhuntingStatus(request.status)) {
        throw new DomainException(
          ErrorCode.Conflict,
          `Jobhunting request ${id} is ${request.status}, which is final; it cannot be assigned any more`,
          { objectType: OBJECT, objectId: id },
        );
      }
      const accountManager = await this.activeAccountManager(manager, dto.accountManagerId);
      if (!accountManager) {
        const errors = new FieldErrors();
        errors.add(
          'accountManagerId',
          `user ${dto.accountManagerId} is not an active accountmanager`,
        );
        errors.throwIfAny();
      }
      if (request.accountManagerId === dto.accountManagerId) {
        throw new DomainException(
          ErrorCode.Conflict,
          `Jobhunting request ${id} is already assigned to accountmanager ${dto.accountManagerId}`,
          { objectType: OBJECT, objectId: id },
        );
      }
      const previous = request.accountManagerId;
      const now = new Date();
      request.accountManagerId = dto.accountManagerId;
      request.assignedAt = now;
      await manager.getRepository(JobhuntingRequestEntity).save(request);
      await this.history(manager, request, actor, 'assigned', request.status, {
        accountManagerId: dto.accountManagerId,
        note: dto.note ?? 'Toegewezen door een coördinator',
      });
      // the follow-up that is running moves to the new accountmanager
      if (request.status === 'open') {
        await this.plan(manager, request, unansweredFollowUp(now, true), dto.accountManagerId);
      } else {
        await this.plan(
          manager,
          request,
          noProgressFollowUp(lastProgressOf(request)),
          dto.accountManagerId,
        );
      }
      await this.audit.record(
        actor,
        {
          action: 'jobhunting-request.assign',
          objectType: OBJECT,
          objectId: id,
          details: { from: previous, to: dto.accountManagerId, status: request.status },
        },
        manager,
      );
      return this.detail(manager, await this.load(manager, id), actor);
    });
  }

  async transition(
    actor: Actor,
    id: string,
    dto: JobhuntingTransitionDto,
  ): Promise<JobhuntingRequestDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      // change the locked row itself: the loaded one carries relations that save() would follow
      const request = await this.lock(manager, id);
      const loaded = await this.load(manager, id);
      const who = await this.actorOf(manager, actor);
      this.assertMayRead(who, loaded);
      assertVersion(request, dto.version);
      const problem = jobhuntingTransitionProblem(request.status, dto.to);
      if (problem) {
        throw new DomainException(ErrorCode.InvalidTransition, problem, {
          objectType: OBJECT,
          objectId: id,
        });
      }
      const notAllowed = transitionActorProblem(who, dto.to, {
        accountManagerId: request.accountManagerId,
        klantmanagerId: loaded.candidate.klantmanagerId,
        primarySector: request.primarySector,
      });
      if (notAllowed) throw DomainException.forbidden(notAllowed, OBJECT, id);
      assertReason(dto);
      if (
        dto.to === 'accepted' &&
        request.accountManagerId === null &&
        who.role !== Role.AccountManager
      ) {
        throw new DomainException(
          ErrorCode.Conflict,
          `Jobhunting request ${id} has no accountmanager yet: assign one first (POST /jobhunting-requests/${id}/assign), who then accepts it`,
          { objectType: OBJECT, objectId: id },
        );
      }

      const from = request.status;
      const now = new Date();
      const takes = dto.to === 'accepted' && request.accountManagerId === null;
      if (takes) {
        request.accountManagerId = actor.userId;
        request.assignedAt = now;
      }
      request.status = dto.to;
      if (dto.to === 'accepted') request.acceptedAt = now;
      if (dto.to === 'placed' || dto.to === 'closed') request.endedAt = now;
      if (dto.to === 'closed') request.closeReason = dto.reason ?? null;
      await manager.getRepository(JobhuntingRequestEntity).save(request);
      await this.history(manager, request, actor, 'status', from, {
        accountManagerId: takes ? actor.userId : null,
        reason: dto.reason ?? null,
        note: dto.note ?? (takes ? 'Opgepakt door een accountmanager van de sector' : null),
      });

      if (dto.to === 'accepted') {
        await this.plan(
          manager,
          request,
          noProgressFollowUp(now),
          request.accountManagerId as string,
          'Het jobhuntverzoek is geaccepteerd',
        );
      } else if (dto.to === 'placed' || dto.to === 'closed') {
        await this.followUps.cancelOpen(
          manager,
          JOBHUNTING_SUBJECT,
          id,
          undefined,
          `Het jobhuntverzoek is ${JOBHUNTING_STATUS_LABELS[dto.to]}`,
        );
        await this.notifyOutcome(manager, loaded, who.role, dto);
      }
      await this.audit.record(
        actor,
        {
          action: 'jobhunting-request.transition',
          objectType: OBJECT,
          objectId: id,
          details: {
            from,
            to: dto.to,
            ...(dto.reason !== undefined && { reason: dto.reason }),
            ...(takes && { accountManagerId: actor.userId }),
          },
        },
        manager,
      );
      return this.detail(manager, await this.load(manager, id), actor);
    });
  }

  async addActivity(
    actor: Actor,
    id: string,
    dto: CreateJobhuntingActivityDto,
  ): Promise<JobhuntingRequestDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      // change the locked row itself: the loaded one carries relations that save() would follow
      const request = await this.lock(manager, id);
      const loaded = await this.load(manager, id);
      const who = await this.actorOf(manager, actor);
      this.assertMayRead(who, loaded);
      const notAllowed = activityProblem(who, scopeOf(loaded));
      if (notAllowed) throw DomainException.forbidden(notAllowed, OBJECT, id);
      if (request.status === 'open') {
        throw new DomainException(
          ErrorCode.Conflict,
          `Jobhunting request ${id} is open: the assigned accountmanager accepts it first ` +
            `(POST /jobhunting-requests/${id}/transitions {"to":"accepted"}), then records activities`,
          { objectType: OBJECT, objectId: id },
        );
      }
      if (isFinalJobhuntingStatus(request.status)) {
        throw new DomainException(
          ErrorCode.Conflict,
          `Jobhunting request ${id} is ${request.status}, which is final; file a new request to search again`,
          { objectType: OBJECT, objectId: id },
        );
      }
      const employerId = await this.checkActivityReferences(manager, dto);

      const now = new Date();
      const activity = await manager.getRepository(JobhuntingActivityEntity).save(
        manager.getRepository(JobhuntingActivityEntity).create({
          requestId: id,
          kind: dto.kind,
          employerId,
          vacancyId: dto.vacancyId ?? null,
          outcome: dto.outcome ?? null,
          text: dto.text,
          actorId: actor.userId,
        }),
      );
      const from = request.status;
      request.lastActivityAt = now;
      if (from === 'accepted') request.status = 'in-progress';
      await manager.getRepository(JobhuntingRequestEntity).save(request);
      if (from === 'accepted') {
        await this.history(manager, request, actor, 'status', from, {
          note: `Eerste activiteit: ${ACTIVITY_KIND_LABELS[dto.kind]}`,
        });
      }
      await this.plan(
        manager,
        request,
        noProgressFollowUp(now),
        request.accountManagerId as string,
        'Er is een nieuwe activiteit vastgelegd',
      );
      await this.audit.record(
        actor,
        {
          action: 'jobhunting-request.activity',
          objectType: OBJECT,
          objectId: id,
          details: {
            activityId: activity.id,
            kind: dto.kind,
            employerId,
            vacancyId: dto.vacancyId ?? null,
            ...(from !== request.status && { status: { from, to: request.status } }),
          },
        },
        manager,
      );
      return this.detail(manager, await this.load(manager, id), actor);
    });
  }

  /**
   * Cancels the open follow-ups of the same kind and schedules the new one: at any time a request
   * has at most one open follow-up of each kind, with the right owner and due date.
   */
  private async plan(
    manager: EntityManager,
    request: JobhuntingRequestEntity,
    planned: PlannedFollowUp,
    ownerId: string,
    why = 'Opnieuw gepland',
  ): Promise<void> {
    const kinds: PlannedFollowUp['kind'][] =
      planned.kind === 'jobhunting-no-progress'
        ? ['jobhunting-unanswered', 'jobhunting-no-progress']
        : ['jobhunting-unanswered'];
    await this.followUps.cancelOpen(manager, JOBHUNTING_SUBJECT, request.id, kinds, why);
    await this.followUps.schedule(manager, {
      kind: planned.kind,
      subjectType: JOBHUNTING_SUBJECT,
      subjectId: request.id,
      ownerId,
      dueAt: planned.dueAt,
      title: planned.title,
      details: planned.details,
    });
  }

  /** Tells the other side that the request ended: the klantmanager, or the accountmanager when the klantmanager withdrew it. */
  private async notifyOutcome(
    manager: EntityManager,
    loaded: Loaded,
    actorRole: Role,
    dto: JobhuntingTransitionDto,
  ): Promise<void> {
    const outcome = dto.to as 'placed' | 'closed';
    const byKlantmanager = actorRole === Role.ClientManager;
    const ownerId = byKlantmanager
      ? loaded.request.accountManagerId
      : loaded.candidate.klantmanagerId;
    if (!ownerId) return;
    const notice = outcomeNotice(
      outcome,
      dto.reason ? CLOSE_REASONS[dto.reason] : null,
      byKlantmanager
        ? 'klantmanager'
        : actorRole === Role.Coordinator
          ? 'coordinator'
          : 'accountmanager',
    );
    await this.followUps.notify(manager, {
      subjectType: JOBHUNTING_SUBJECT,
      subjectId: loaded.request.id,
      ownerId,
      title: notice.title,
      details: notice.details,
    });
  }

  private async history(
    manager: EntityManager,
    request: JobhuntingRequestEntity,
    actor: Actor,
    event: JobhuntingEvent,
    from: JobhuntingStatus | null,
    extra: { accountManagerId?: string | null; reason?: CloseReason | null; note?: string | null },
  ): Promise<void> {
    await manager.getRepository(JobhuntingTransitionEntity).insert({
      requestId: request.id,
      event,
      fromStatus: from,
      toStatus: request.status,
      accountManagerId: extra.accountManagerId ?? null,
      reason: extra.reason ?? null,
      note: extra.note ?? null,
      actorId: actor.userId,
    });
  }

  /** Occupations and the postcode must exist in the taxonomy; each unknown one is named. */
  private async checkPreferences(
    manager: EntityManager,
    dto: CreateJobhuntingRequestDto,
    errors: FieldErrors,
  ): Promise<void> {
    const occupations = dto.preferences.occupations ?? [];
    errors.addUnknown(
      'occupation',
      await this.references.unknown('occupation', occupations, manager),
      (uri) =>
        occupations.flatMap((value, i) => (value === uri ? [`preferences.occupations.${i}`] : [])),
    );
    if (dto.preferences.pc4 !== undefined) {
      errors.addUnknown(
        'postcode',
        await this.references.unknown('postcode', [dto.preferences.pc4], manager),
        () => ['preferences.pc4'],
      );
    }
  }

  /** The employer of the activity (given, or the vacancy's); unknown ids are a 400 naming the field. */
  private async checkActivityReferences(
    manager: EntityManager,
    dto: CreateJobhuntingActivityDto,
  ): Promise<string | null> {
    const errors = new FieldErrors();
    if (dto.kind === 'employer-approached' && !dto.employerId) {
      errors.add('employerId', 'employerId is required for employer-approached: which employer?');
    }
    if (dto.kind === 'vacancy-considered' && !dto.vacancyId) {
      errors.add('vacancyId', 'vacancyId is required for vacancy-considered: which vacancy?');
    }
    if (dto.kind === 'nomination' && !dto.employerId && !dto.vacancyId) {
      errors.add(
        'vacancyId',
        'a nomination names the vacancy (vacancyId) or the employer (employerId)',
      );
    }
    let employerId = dto.employerId ?? null;
    if (
      dto.employerId &&
      !(await manager.getRepository(EmployerEntity).exists({ where: { id: dto.employerId } }))
    ) {
      errors.add('employerId', `employer ${dto.employerId} does not exist`);
    }
    if (dto.vacancyId) {
      const vacancy = await manager
        .getRepository(VacancyEntity)
        .findOne({ where: { id: dto.vacancyId }, select: { id: true, employerId: true } });
      if (!vacancy) {
        errors.add('vacancyId', `vacancy ${dto.vacancyId} does not exist`);
      } else if (dto.employerId && dto.employerId !== vacancy.employerId) {
        errors.add(
          'vacancyId',
          `vacancy ${dto.vacancyId} belongs to employer ${vacancy.employerId}, not to employerId ${dto.employerId}; leave employerId out or correct it`,
        );
      } else {
        employerId = vacancy.employerId;
      }
    }
    errors.throwIfAny();
    return employerId;
  }

  private assertMayRead(who: JobhuntingActor, loaded: Loaded): void {
    const problem = readProblem(who, scopeOf(loaded));
    if (problem) throw DomainException.forbidden(problem, OBJECT, loaded.request.id);
  }

  private async actorOf(manager: EntityManager, actor: Actor): Promise<JobhuntingActor> {
    return {
      userId: actor.userId,
      role: actor.role,
      sectors: actor.role === Role.AccountManager ? await this.sectorsOf(manager, actor) : [],
    };
  }

  private async sectorsOf(manager: EntityManager, actor: Actor): Promise<string[]> {
    const user = await manager
      .getRepository(UserEntity)
      .findOne({ where: { id: actor.userId }, select: { id: true, sectors: true } });
    return user?.sectors ?? [];
  }

  private activeAccountManager(manager: EntityManager, id: string): Promise<UserEntity | null> {
    return manager
      .getRepository(UserEntity)
      .findOne({ where: { id, role: Role.AccountManager, active: true } });
  }

  /** Active accountmanagers serving `sector`, with their number of running requests. */
  private async accountManagersFor(
    manager: EntityManager,
    sector: string,
  ): Promise<AssignableAccountManager[]> {
    const rows: { id: string; sectors: string[]; open: number }[] = await manager.query(
      `SELECT u.id, u.sectors, count(r.id)::int AS open
         FROM users u
         LEFT JOIN jobhunting_requests r
           ON r.account_manager_id = u.id AND r.status = ANY($3::text[])
        WHERE u.role = $1 AND u.active AND $2 = ANY(u.sectors)
        GROUP BY u.id`,
      [Role.AccountManager, sector, OPEN],
    );
    return rows.map((row) => ({
      id: row.id,
      active: true,
      sectors: row.sectors,
      openRequests: row.open,
    }));
  }

  /**
   * Who answers for an unassigned request: the first active coordinator by account creation
   * (then id), so the same person every time.
   */
  private async firstCoordinator(manager: EntityManager): Promise<string | null> {
    const coordinator = await manager.getRepository(UserEntity).findOne({
      where: { role: Role.Coordinator, active: true },
      order: { createdAt: 'ASC', id: 'ASC' },
      select: { id: true },
    });
    return coordinator?.id ?? null;
  }

  private select(manager: EntityManager): SelectQueryBuilder<JobhuntingRequestEntity> {
    return manager
      .getRepository(JobhuntingRequestEntity)
      .createQueryBuilder('r')
      .innerJoin('r.candidate', 'c')
      .addSelect([
        'c.id',
        'c.firstName',
        'c.lastName',
        'c.klantmanagerId',
        'c.availableForMatching',
        'c.programmeStatus',
      ])
      .leftJoin('r.accountManager', 'am')
      .addSelect(['am.id', 'am.displayName']);
  }

  private loadedOf(request: JobhuntingRequestEntity): Loaded {
    return {
      request,
      candidate: request.candidate as CandidateEntity,
      accountManagerName: request.accountManager?.displayName ?? null,
    };
  }

  private async load(manager: EntityManager, id: string): Promise<Loaded> {
    const request = await this.select(manager).where('r.id = :id', { id }).getOne();
    if (!request) throw DomainException.notFound(OBJECT, id);
    return this.loadedOf(request);
  }

  private async lock(manager: EntityManager, id: string): Promise<JobhuntingRequestEntity> {
    const request = await manager
      .getRepository(JobhuntingRequestEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!request) throw DomainException.notFound(OBJECT, id);
    return request;
  }

  private async detail(
    manager: EntityManager,
    loaded: Loaded,
    actor: Actor,
  ): Promise<JobhuntingRequestDetailDto> {
    const id = loaded.request.id;
    const transitions = await manager
      .getRepository(JobhuntingTransitionEntity)
      .find({ where: { requestId: id }, order: { id: 'ASC' } });
    const activities = await manager
      .getRepository(JobhuntingActivityEntity)
      .createQueryBuilder('a')
      .leftJoin('a.employer', 'e')
      .addSelect(['e.id', 'e.name'])
      .leftJoin('a.vacancy', 'v')
      .addSelect(['v.id', 'v.title'])
      .where('a.requestId = :id', { id })
      .orderBy('a.at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .getMany();
    return {
      ...toResponse(loaded, actor),
      transitions: transitions.map(toTransitionResponse),
      activities: activities.map(toActivityResponse),
    };
  }
}

function scopeOf(loaded: Loaded): JobhuntingScope {
  return {
    klantmanagerId: loaded.candidate.klantmanagerId,
    accountManagerId: loaded.request.accountManagerId,
    status: loaded.request.status,
    primarySector: loaded.request.primarySector,
  };
}

/** Jobhunting is matching: the client must have agreed and be in a matchable programme status. */
function assertMatchable(candidate: CandidateEntity): void {
  if (isMatchable(candidate)) return;
  const why = !candidate.availableForMatching
    ? 'the client has not agreed to be matched and proposed to employers (availableForMatching is false); record their consent in the profile first'
    : `the client is in programme status ${candidate.programmeStatus} (${PROGRAMME_STATUS_LABELS[candidate.programmeStatus]}); jobhunting needs one of ${MATCHABLE_STATUSES.join(', ')}`;
  throw new DomainException(
    ErrorCode.Conflict,
    `This client is not available for matching, so no jobhunting request can be filed: ${why}`,
    { objectType: 'candidate', objectId: candidate.id },
  );
}

function assertVersion(request: JobhuntingRequestEntity, version: number): void {
  if (request.version === version) return;
  throw new DomainException(
    ErrorCode.Conflict,
    `Jobhunting request ${request.id} has changed since you read it (you sent version ${version}, it is at version ${request.version}); reload it and try again`,
    { objectType: OBJECT, objectId: request.id, currentVersion: request.version },
  );
}

/** Closing needs a reason from the list (with an explanation for "other"); other moves take none. */
function assertReason(dto: JobhuntingTransitionDto): void {
  const errors = new FieldErrors();
  if (dto.to === 'closed' && dto.reason === undefined) {
    errors.add(
      'reason',
      `closing a jobhunting request needs a reason, one of: ${Object.entries(CLOSE_REASONS)
        .map(([code, label]) => `${code} (${label})`)
        .join('; ')}`,
    );
  }
  if (dto.to === 'closed' && dto.reason === 'other' && !dto.note) {
    errors.add('note', 'reason other needs an explanation in note');
  }
  if (dto.to !== 'closed' && dto.reason !== undefined) {
    errors.add('reason', `a reason belongs to closing only; leave it out for ${dto.to} (use note)`);
  }
  errors.throwIfAny();
}

function lastProgressOf(request: JobhuntingRequestEntity): Date {
  return request.lastActivityAt ?? request.acceptedAt ?? request.assignedAt ?? request.createdAt;
}

function preferencesOf(
  dto: CreateJobhuntingRequestDto,
  candidate: CandidateEntity,
): JobhuntingPreferences {
  const p = dto.preferences;
  return {
    sectors: p.sectors,
    occupations: p.occupations ?? [],
    hoursMin: p.hoursMin ?? null,
    hoursMax: p.hoursMax ?? null,
    pc4: p.pc4 ?? candidate.homePc4,
    maxDistanceKm: p.maxDistanceKm ?? null,
    notes: p.notes ?? null,
  };
}

function toResponse(loaded: Loaded, actor: Pick<Actor, 'role'>): JobhuntingRequestResponseDto {
  const { request, candidate } = loaded;
  // an accountmanager sees the name only while the client agrees to be matched
  const named = actor.role !== Role.AccountManager || isMatchable(candidate);
  return {
    id: request.id,
    candidate: {
      id: candidate.id,
      name: named ? `${candidate.firstName} ${candidate.lastName}` : null,
      klantmanagerId: candidate.klantmanagerId,
    },
    filedById: request.filedById,
    motivation: request.motivation,
    preferences: request.preferences,
    primarySector: request.primarySector,
    preferredAccountManagerId: request.preferredAccountManagerId,
    accountManagerId: request.accountManagerId,
    accountManagerName: loaded.accountManagerName,
    assignedAt: request.assignedAt,
    status: request.status,
    statusLabel: JOBHUNTING_STATUS_LABELS[request.status],
    acceptedAt: request.acceptedAt,
    lastActivityAt: request.lastActivityAt,
    endedAt: request.endedAt,
    closeReason: request.closeReason,
    closeReasonLabel: request.closeReason ? CLOSE_REASONS[request.closeReason] : null,
    allowedTransitions: [...JOBHUNTING_TRANSITIONS[request.status]],
    createdAt: request.createdAt,
    updatedAt: request.updatedAt,
    version: request.version,
  };
}

function toTransitionResponse(row: JobhuntingTransitionEntity): JobhuntingTransitionResponseDto {
  return {
    id: row.id,
    event: row.event,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    accountManagerId: row.accountManagerId,
    reason: row.reason,
    reasonLabel: row.reason ? CLOSE_REASONS[row.reason] : null,
    note: row.note,
    actorId: row.actorId,
    at: row.at,
  };
}

function toActivityResponse(row: JobhuntingActivityEntity): JobhuntingActivityResponseDto {
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: ACTIVITY_KIND_LABELS[row.kind],
    employerId: row.employerId,
    employerName: row.employer?.name ?? null,
    vacancyId: row.vacancyId,
    vacancyTitle: row.vacancy?.title ?? null,
    outcome: row.outcome,
    outcomeLabel: row.outcome ? ACTIVITY_OUTCOMES[row.outcome] : null,
    text: row.text,
    actorId: row.actorId,
    at: row.at,
  };
}
