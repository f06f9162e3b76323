import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, QueryFailedError } from 'typeorm';
import { AuditService } from '../../infra/audit/audit.service';
import { Actor, Role } from '../../infra/auth/role';
import { DomainException, ErrorCode } from '../../infra/http/domain.exception';
import { Page, pageOf, skipOf } from '../../infra/http/pagination';
import { RequestValidationException } from '../../infra/http/validation';
import { OutboxService } from '../../infra/outbox/outbox.service';
import { isMatchable, readAccess } from '../candidates/candidate-access';
import { CandidateEntity } from '../candidates/candidate.entity';
import { MATCHABLE_STATUSES } from '../candidates/candidate-rules';
import { EmployerAccessService } from '../employers/employer-access.service';
import { EmployerEntity } from '../employers/employer.entity';
import { FieldErrors } from '../employers/field-errors';
import { FollowUpsService } from '../follow-ups/follow-ups.service';
import { dutchDate } from '../../infra/time/calendar-dates';
import { changeProgrammeStatus, lockCandidate } from '../placements/candidate-programme';
import { PlacementEntity } from '../placements/placement.entity';
import { PlacementsService, placementSummary } from '../placements/placements.service';
import { TrialPlacementEntity } from '../placements/trial-placement.entity';
import { TrialPlacementsService } from '../placements/trial-placements.service';
import { addWorkingDays } from '../../infra/time/working-days';
import { VacancyEntity } from '../vacancies/vacancy.entity';
import {
  CreateNominationDto,
  NominationDetailDto,
  NominationQueryDto,
  NominationResponseDto,
  NominationTransitionDto,
  NominationTransitionResponseDto,
} from './dto/nomination.dto';
import { nominationChangeAccess, nominationReadAccess } from './nomination-access';
import { NominationReason, reasonLabel } from './nomination-reasons';
import { transitionFieldErrors } from './nomination-rules';
import { assertAccess, loadNominationScope, sectorsOf } from './nomination-scope';
import {
  isFinal,
  NOMINATION_STATUS_LABELS,
  NOMINATION_TRANSITIONS,
  NominationStatus,
  nominationTransitionProblem,
} from './nomination-status';
import { NominationTransitionEntity } from './nomination-transition.entity';
import { NominationEntity } from './nomination.entity';

/** Vacancy statuses a nomination may be prepared for; proposing needs an open vacancy. */
export const NOMINATABLE_VACANCY_STATUSES = ['open', 'on-hold'] as const;
/** Working days an employer has to answer a proposal before the accountmanager follows up. */
export const NO_ANSWER_WORKING_DAYS = 5;

const OPEN_UNIQUE_INDEXES = ['UQ_nominations_open_per_vacancy', 'UQ_nominations_open_per_employer'];

/** Who moved a nomination: a user, or the employer through a shortlist link (no user). */
type TransitionActor = { userId: string | null; role: Role };

/** The candidate and employer (or vacancy) an answer on a shortlist is about. */
export interface ShortlistAnswerRef {
  candidateId: string;
  employerId: string;
  vacancyId: string | null;
  /** The employer contact's account, or null when answered through the link. */
  employerUserId: string | null;
}

export interface ShortlistInvite extends ShortlistAnswerRef {
  accountManagerId: string;
  /** The accountmanager's pitch: the nomination's motivation when one is created. */
  motivation: string;
  interviewAt: Date;
  note: string | null;
}

/** voordrachten: the lifecycle through one transitions endpoint, every move recorded and audited. */
@Injectable()
export class NominationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly employerAccess: EmployerAccessService,
    private readonly followUps: FollowUpsService,
    private readonly trials: TrialPlacementsService,
    private readonly placements: PlacementsService,
  ) {}

  async create(actor: Actor, dto: CreateNominationDto): Promise<NominationDetailDto> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const errors = new FieldErrors();
        const candidate = await manager
          .getRepository(CandidateEntity)
          .findOne({ where: { id: dto.candidateId } });
        if (!candidate) {
          errors.add('candidateId', `candidate ${dto.candidateId} does not exist`);
        }
        const vacancy = dto.vacancyId
          ? await manager.getRepository(VacancyEntity).findOne({ where: { id: dto.vacancyId } })
          : null;
        if (dto.vacancyId && !vacancy) {
          errors.add('vacancyId', `vacancy ${dto.vacancyId} does not exist`);
        }
        if (!dto.vacancyId && !dto.employerId) {
          errors.add(
            'employerId',
            'employerId is required when there is no vacancy: nominate to a vacancy or to an employer',
          );
        }
        if (vacancy && dto.employerId && dto.employerId !== vacancy.employerId) {
          errors.add(
            'employerId',
            `vacancy ${vacancy.id} belongs to employer ${vacancy.employerId}, not ${dto.employerId}; leave employerId out`,
          );
        }
        const employerId = vacancy?.employerId ?? dto.employerId;
        const employer = employerId
          ? await manager.getRepository(EmployerEntity).findOne({ where: { id: employerId } })
          : null;
        if (employerId && !employer && !vacancy) {
          errors.add('employerId', `employer ${employerId} does not exist`);
        }
        errors.throwIfAny();
        const client = candidate as CandidateEntity;
        const owner = employer as EmployerEntity;

        await this.employerAccess.assertMayChange(actor, owner, manager, 'nomination', undefined);
        const read = readAccess(actor, client);
        if (!read.allowed) throw DomainException.forbidden(read.reason, 'candidate', client.id);
        if (
          vacancy &&
          !(NOMINATABLE_VACANCY_STATUSES as readonly string[]).includes(vacancy.status)
        ) {
          throw new DomainException(
            ErrorCode.RuleViolation,
            `Vacancy ${vacancy.id} is ${vacancy.status}: nominate only to a vacancy that is ${NOMINATABLE_VACANCY_STATUSES.join(' or ')}`,
            { objectType: 'vacancy', objectId: vacancy.id },
          );
        }
        await this.assertNoOpenDuplicate(manager, client.id, owner.id, vacancy?.id ?? null);

        const repo = manager.getRepository(NominationEntity);
        const nomination = await repo.save(
          repo.create({
            candidateId: client.id,
            employerId: owner.id,
            vacancyId: vacancy?.id ?? null,
            accountManagerId:
              actor.role === Role.AccountManager ? actor.userId : owner.accountManagerId,
            status: 'draft',
            motivation: dto.motivation,
            interviewAt: null,
            endReason: null,
            endReasonText: null,
            endedAt: null,
            createdById: actor.userId,
          }),
        );
        await this.recordTransition(manager, actor, nomination.id, null, 'draft', {});
        await this.audit.record(
          actor,
          {
            action: 'nomination.create',
            objectType: 'nomination',
            objectId: nomination.id,
            details: {
              candidateId: client.id,
              employerId: owner.id,
              vacancyId: vacancy?.id ?? null,
              status: 'draft',
            },
          },
          manager,
        );
        return this.detail(manager, nomination.id);
      });
    } catch (error) {
      throw this.duplicateConflict(error, dto.candidateId);
    }
  }

  async list(actor: Actor, query: NominationQueryDto): Promise<Page<NominationResponseDto>> {
    const manager = this.dataSource.manager;
    const qb = this.select(manager);
    if (actor.role === Role.AccountManager) {
      const sectors = await sectorsOf(manager, actor);
      qb.andWhere(
        '(n.accountManagerId = :me OR employer.accountManagerId = :me OR employer.sector IN (:...sectors))',
        { me: actor.userId, sectors: sectors.length > 0 ? sectors : ['-'] },
      );
    }
    if (actor.role === Role.ClientManager) {
      if (query.candidateId) {
        const candidate = await manager.getRepository(CandidateEntity).findOne({
          where: { id: query.candidateId },
          select: { id: true, klantmanagerId: true },
        });
        if (candidate && candidate.klantmanagerId !== actor.userId) {
          throw DomainException.forbidden(
            "This client is in another klantmanager's caseload: you see your own clients' nominations only",
            'candidate',
            candidate.id,
          );
        }
      }
      qb.andWhere('candidate.klantmanagerId = :me', { me: actor.userId });
    }
    if (query.candidateId) qb.andWhere('n.candidateId = :candidateId', query);
    if (query.vacancyId) qb.andWhere('n.vacancyId = :vacancyId', query);
    if (query.employerId) qb.andWhere('n.employerId = :employerId', query);
    if (query.status) qb.andWhere('n.status = :status', query);
    const [rows, total] = await qb
      .orderBy('n.createdAt', 'DESC')
      .addOrderBy('n.id', 'ASC')
      .skip(skipOf(query))
      .take(query.pageSize)
      .getManyAndCount();
    const links = await this.linksOf(
      manager,
      rows.map((row) => row.id),
    );
    return pageOf(
      rows.map((row) => toResponse(row, links)),
      total,
      query,
    );
  }

  async get(actor: Actor, id: string): Promise<NominationDetailDto> {
    const manager = this.dataSource.manager;
    const scope = await loadNominationScope(manager, id);
    if (!scope) throw DomainException.notFound('nomination', id);
    assertAccess(
      nominationReadAccess(actor, await sectorsOf(manager, actor), scope),
      'nomination',
      id,
    );
    return this.detail(manager, id);
  }

  async transition(
    actor: Actor,
    id: string,
    dto: NominationTransitionDto,
  ): Promise<NominationDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      const nomination = await manager
        .getRepository(NominationEntity)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!nomination) throw DomainException.notFound('nomination', id);
      const scope = await loadNominationScope(manager, id);
      if (!scope) throw DomainException.notFound('nomination', id);
      assertAccess(
        nominationChangeAccess(actor, await sectorsOf(manager, actor), scope, dto.to),
        'nomination',
        id,
      );
      const from = nomination.status;
      if (dto.version !== nomination.version) {
        throw new DomainException(
          ErrorCode.Conflict,
          `Nomination ${id} was changed by someone else meanwhile (it is now version ${nomination.version}, status ${from}; you sent version ${dto.version}): reload it and try again`,
          { objectType: 'nomination', objectId: id },
        );
      }
      const problem = nominationTransitionProblem(from, dto.to);
      if (problem) {
        throw new DomainException(ErrorCode.InvalidTransition, problem, {
          objectType: 'nomination',
          objectId: id,
          allowed: NOMINATION_TRANSITIONS[from],
        });
      }
      const fieldErrors = transitionFieldErrors(dto, dutchDate());
      if (fieldErrors.length > 0) throw new RequestValidationException(fieldErrors);

      const candidate = await lockCandidate(manager, nomination.candidateId);
      const employer = await manager
        .getRepository(EmployerEntity)
        .findOneOrFail({ where: { id: nomination.employerId } });
      const vacancy = nomination.vacancyId
        ? await manager
            .getRepository(VacancyEntity)
            .findOneOrFail({ where: { id: nomination.vacancyId } })
        : null;
      const services = { audit: this.audit, outbox: this.outbox };
      let placement: PlacementEntity | null = null;

      switch (dto.to) {
        case 'proposed':
          this.assertMayPropose(candidate, vacancy);
          break;
        case 'interview-planned':
          nomination.interviewAt = new Date(dto.interviewAt as string);
          break;
        case 'trial-placement': {
          if (!dto.trialPlacement) break;
          await this.trials.start(
            manager,
            actor,
            nomination,
            candidate,
            dto.trialPlacement,
            employer.name,
          );
          await changeProgrammeStatus(manager, services, actor, candidate, 'trial-placement', id);
          break;
        }
        case 'hired': {
          if (!dto.placement) break;
          const trial = await this.trials.lockActiveOf(manager, id);
          if (trial) await this.trials.assertEvaluated(manager, trial);
          placement = await this.placements.createForHire(
            manager,
            actor,
            nomination,
            dto.placement,
            trial,
            employer.name,
          );
          if (trial) await this.trials.finish(manager, trial, 'hired');
          await changeProgrammeStatus(manager, services, actor, candidate, 'placed', id);
          break;
        }
        case 'not-hired':
        case 'withdrawn': {
          const trial = await this.trials.lockActiveOf(manager, id);
          if (trial) {
            await this.trials.finish(manager, trial, dto.to);
            if (candidate.programmeStatus === 'trial-placement') {
              await changeProgrammeStatus(
                manager,
                services,
                actor,
                candidate,
                trial.previousProgrammeStatus ?? 'active',
                id,
              );
            }
          }
          break;
        }
        case 'draft':
        case 'rejected':
          break;
      }

      nomination.status = dto.to;
      if (isFinal(dto.to)) {
        nomination.endedAt = new Date();
        nomination.endReason = dto.reason ?? null;
        nomination.endReasonText = dto.reasonText ?? null;
      }
      await manager.getRepository(NominationEntity).save(nomination);
      await this.recordTransition(manager, actor, id, from, dto.to, dto);

      if (from !== 'draft') {
        await this.followUps.cancelOpen(
          manager,
          'nomination',
          id,
          ['nomination-no-answer'],
          `Voordracht ${NOMINATION_STATUS_LABELS[dto.to]}`,
        );
      }
      if (dto.to === 'proposed') {
        await this.followUps.schedule(manager, {
          kind: 'nomination-no-answer',
          subjectType: 'nomination',
          subjectId: id,
          ownerId: nomination.accountManagerId,
          dueAt: addWorkingDays(new Date(), NO_ANSWER_WORKING_DAYS),
          title: `Geen antwoord van ${employer.name} op voordracht`.slice(0, 200),
          details: `${vacancy ? `Vacature: ${vacancy.title}. ` : ''}Vraag de werkgever na ${NO_ANSWER_WORKING_DAYS} werkdagen om een beslissing, of trek de voordracht in (reden: geen reactie van de werkgever).`,
        });
      }
      if (isFinal(dto.to)) {
        await this.notifyKlantmanager(
          manager,
          nomination,
          candidate,
          employer,
          vacancy,
          dto,
          placement,
        );
      }
      await this.audit.record(
        actor,
        {
          action: 'nomination.transition',
          objectType: 'nomination',
          objectId: id,
          details: {
            from,
            to: dto.to,
            ...(dto.reason !== undefined && { reason: dto.reason }),
            ...(placement && { placementId: placement.id }),
          },
        },
        manager,
      );
      return this.detail(manager, id);
    });
  }

  /**
   * The employer invites a candidate from a shortlist: the running nomination, or a new one,
   * moves on to interview-planned with the proposed moment, each step recorded as the
   * employer's. A nomination further along is left as it is. When the candidate cannot be
   * proposed now nothing changes and the reason comes back.
   */
  async inviteFromShortlist(
    manager: EntityManager,
    invite: ShortlistInvite,
  ): Promise<{ nomination: NominationEntity } | { problem: string }> {
    const repo = manager.getRepository(NominationEntity);
    let nomination = await this.openNomination(manager, invite);
    if (nomination && !['draft', 'proposed'].includes(nomination.status)) return { nomination };

    const candidate = await lockCandidate(manager, invite.candidateId);
    const vacancy = invite.vacancyId
      ? await manager
          .getRepository(VacancyEntity)
          .findOneOrFail({ where: { id: invite.vacancyId } })
      : null;
    try {
      this.assertMayPropose(candidate, vacancy);
    } catch (error) {
      if (error instanceof DomainException) return { problem: error.message };
      throw error;
    }
    const by: TransitionActor = { userId: invite.employerUserId, role: Role.Employer };
    const note = 'Uitnodiging van de werkgever via de shortlist';
    // the steps share one transaction (one now()): a millisecond apart, they keep their order
    const at = (step: number) => new Date(Date.now() - 2 + step);
    if (!nomination) {
      nomination = await repo.save(
        repo.create({
          candidateId: invite.candidateId,
          employerId: invite.employerId,
          vacancyId: invite.vacancyId,
          accountManagerId: invite.accountManagerId,
          status: 'draft',
          motivation: invite.motivation,
          interviewAt: null,
          endReason: null,
          endReasonText: null,
          endedAt: null,
          createdById: invite.accountManagerId,
        }),
      );
      await this.recordTransition(manager, by, nomination.id, null, 'draft', { note }, at(0));
    }
    if (nomination.status === 'draft') {
      await this.recordTransition(manager, by, nomination.id, 'draft', 'proposed', { note }, at(1));
    }
    await this.recordTransition(
      manager,
      by,
      nomination.id,
      'proposed',
      'interview-planned',
      { note: invite.note ? `${note}: ${invite.note}` : note },
      at(2),
    );
    nomination.status = 'interview-planned';
    nomination.interviewAt = invite.interviewAt;
    await repo.save(nomination);
    await this.followUps.cancelOpen(
      manager,
      'nomination',
      nomination.id,
      ['nomination-no-answer'],
      'Voordracht gesprek gepland',
    );
    return { nomination };
  }

  /**
   * The employer finds a candidate not suitable: a running nomination that waits for the
   * employer (proposed, interview planned) is rejected with the reason, and the klantmanager
   * hears of it. Returns the nomination, or null when none was waiting.
   */
  async rejectFromShortlist(
    manager: EntityManager,
    answer: ShortlistAnswerRef & { reason: NominationReason; reasonText: string },
  ): Promise<NominationEntity | null> {
    const nomination = await this.openNomination(manager, answer);
    if (!nomination || !['proposed', 'interview-planned'].includes(nomination.status)) return null;
    const from = nomination.status;
    const move = { to: 'rejected' as const, reason: answer.reason, reasonText: answer.reasonText };
    nomination.status = 'rejected';
    nomination.endedAt = new Date();
    nomination.endReason = answer.reason;
    nomination.endReasonText = answer.reasonText;
    await manager.getRepository(NominationEntity).save(nomination);
    const by: TransitionActor = { userId: answer.employerUserId, role: Role.Employer };
    await this.recordTransition(manager, by, nomination.id, from, 'rejected', {
      ...move,
      note: 'Antwoord van de werkgever via de shortlist',
    });
    await this.followUps.cancelOpen(
      manager,
      'nomination',
      nomination.id,
      ['nomination-no-answer'],
      'Voordracht afgewezen',
    );
    const candidate = await manager
      .getRepository(CandidateEntity)
      .findOneOrFail({ where: { id: nomination.candidateId } });
    const employer = await manager
      .getRepository(EmployerEntity)
      .findOneOrFail({ where: { id: nomination.employerId } });
    const vacancy = nomination.vacancyId
      ? await manager.getRepository(VacancyEntity).findOneBy({ id: nomination.vacancyId })
      : null;
    await this.notifyKlantmanager(
      manager,
      nomination,
      candidate,
      employer,
      vacancy,
      { ...move, version: nomination.version },
      null,
    );
    return nomination;
  }

  private async openNomination(
    manager: EntityManager,
    ref: ShortlistAnswerRef,
  ): Promise<NominationEntity | null> {
    return manager.getRepository(NominationEntity).findOne({
      where: {
        candidateId: ref.candidateId,
        ...(ref.vacancyId
          ? { vacancyId: ref.vacancyId }
          : { employerId: ref.employerId, vacancyId: IsNull() }),
        status: In(OPEN_STATUSES),
      },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Proposing needs the client's consent (matchable profile) and an open vacancy. */
  private assertMayPropose(candidate: CandidateEntity, vacancy: VacancyEntity | null): void {
    if (!isMatchable(candidate)) {
      throw new DomainException(
        ErrorCode.RuleViolation,
        `The candidate cannot be proposed now: the profile must be available for matching (the client agreed) and in status ${MATCHABLE_STATUSES.join(', ')}; it is ${candidate.programmeStatus}${candidate.availableForMatching ? '' : ', without consent'}. Ask the klantmanager`,
        { objectType: 'candidate', objectId: candidate.id },
      );
    }
    if (vacancy && vacancy.status !== 'open') {
      throw new DomainException(
        ErrorCode.RuleViolation,
        `Vacancy ${vacancy.id} is ${vacancy.status}: a candidate can be proposed only to an open vacancy; wait until it is open again, or withdraw the nomination`,
        { objectType: 'vacancy', objectId: vacancy.id },
      );
    }
  }

  /** Every ending (hired too) goes to the client's klantmanager, with the reason. */
  private async notifyKlantmanager(
    manager: EntityManager,
    nomination: NominationEntity,
    candidate: CandidateEntity,
    employer: EmployerEntity,
    vacancy: VacancyEntity | null,
    dto: NominationTransitionDto,
    placement: PlacementEntity | null,
  ): Promise<void> {
    const where = `${employer.name}${vacancy ? ` (${vacancy.title})` : ''}`;
    const outcome =
      dto.to === 'hired' && placement
        ? `Aangenomen. ${placementSummary(placement)}`
        : `Reden: ${reasonLabel(dto.reason ?? '')}. ${dto.reasonText ?? ''}`;
    await this.followUps.notify(manager, {
      subjectType: 'nomination',
      subjectId: nomination.id,
      ownerId: candidate.klantmanagerId,
      title: `Voordracht ${NOMINATION_STATUS_LABELS[dto.to]}: ${where}`.slice(0, 200),
      details:
        `Cliënt ${candidate.clientNumber}. ${outcome}${dto.note ? `\nNotitie: ${dto.note}` : ''}`.slice(
          0,
          4000,
        ),
    });
  }

  private async assertNoOpenDuplicate(
    manager: EntityManager,
    candidateId: string,
    employerId: string,
    vacancyId: string | null,
  ): Promise<void> {
    const existing = await manager.getRepository(NominationEntity).findOne({
      where: {
        candidateId,
        ...(vacancyId ? { vacancyId } : { employerId, vacancyId: IsNull() }),
        status: In(OPEN_STATUSES),
      },
      select: { id: true, status: true },
    });
    if (existing) throw duplicateError(candidateId, existing.id, existing.status);
  }

  /** A race past the check above ends at the partial unique index: the same 409. */
  private duplicateConflict(error: unknown, candidateId: string): unknown {
    if (
      error instanceof QueryFailedError &&
      OPEN_UNIQUE_INDEXES.includes(
        (error.driverError as { constraint?: string } | undefined)?.constraint ?? '',
      )
    ) {
      return duplicateError(candidateId, null, null);
    }
    return error;
  }

  private async recordTransition(
    manager: EntityManager,
    actor: TransitionActor,
    nominationId: string,
    from: NominationStatus | null,
    to: NominationStatus,
    dto: Partial<NominationTransitionDto>,
    at?: Date,
  ): Promise<void> {
    await manager.getRepository(NominationTransitionEntity).insert({
      ...(at && { at }),
      nominationId,
      fromStatus: from,
      toStatus: to,
      reason: dto.reason ?? null,
      reasonText: dto.reasonText ?? null,
      note: dto.note ?? null,
      actorId: actor.userId || null,
      actorRole: actor.role,
    });
  }

  private select(manager: EntityManager) {
    return manager
      .getRepository(NominationEntity)
      .createQueryBuilder('n')
      .innerJoin('n.employer', 'employer')
      .addSelect(['employer.id', 'employer.name', 'employer.sector', 'employer.accountManagerId'])
      .innerJoin('n.candidate', 'candidate')
      .leftJoin('n.vacancy', 'vacancy')
      .addSelect(['vacancy.id', 'vacancy.title']);
  }

  private async linksOf(manager: EntityManager, ids: string[]): Promise<Links> {
    if (ids.length === 0) return { trials: new Map(), placements: new Map() };
    const trials = await manager.getRepository(TrialPlacementEntity).find({
      where: { nominationId: In(ids) },
      select: { id: true, nominationId: true },
    });
    const placements = await manager.getRepository(PlacementEntity).find({
      where: { nominationId: In(ids) },
      select: { id: true, nominationId: true },
    });
    return {
      trials: new Map(trials.map((t) => [t.nominationId, t.id])),
      placements: new Map(placements.map((p) => [p.nominationId, p.id])),
    };
  }

  private async detail(manager: EntityManager, id: string): Promise<NominationDetailDto> {
    const nomination = await this.select(manager).where('n.id = :id', { id }).getOne();
    if (!nomination) throw DomainException.notFound('nomination', id);
    const transitions = await manager
      .getRepository(NominationTransitionEntity)
      .find({ where: { nominationId: id }, order: { at: 'ASC', id: 'ASC' } });
    return {
      ...toResponse(nomination, await this.linksOf(manager, [id])),
      transitions: transitions.map(toTransitionResponse),
    };
  }
}

const OPEN_STATUSES = Object.entries(NOMINATION_TRANSITIONS)
  .filter(([, moves]) => moves.length > 0)
  .map(([status]) => status as NominationStatus);

interface Links {
  trials: Map<string, string>;
  placements: Map<string, string>;
}

function duplicateError(
  candidateId: string,
  existingId: string | null,
  status: NominationStatus | null,
): DomainException {
  return new DomainException(
    ErrorCode.Conflict,
    existingId
      ? `Candidate ${candidateId} already has an open nomination here (${existingId}, ${status}): continue that one, or end it before nominating again`
      : `Candidate ${candidateId} already has an open nomination here: continue that one, or end it before nominating again`,
    { objectType: 'nomination', ...(existingId && { objectId: existingId, existingId }) },
  );
}

function toResponse(nomination: NominationEntity, links: Links): NominationResponseDto {
  return {
    id: nomination.id,
    candidateId: nomination.candidateId,
    employerId: nomination.employerId,
    employerName: nomination.employer?.name ?? null,
    vacancyId: nomination.vacancyId,
    vacancyTitle: nomination.vacancy?.title ?? null,
    accountManagerId: nomination.accountManagerId,
    status: nomination.status,
    statusLabel: NOMINATION_STATUS_LABELS[nomination.status],
    allowedTransitions: [...NOMINATION_TRANSITIONS[nomination.status]],
    motivation: nomination.motivation,
    interviewAt: nomination.interviewAt,
    endReason: nomination.endReason,
    endReasonLabel: nomination.endReason ? reasonLabel(nomination.endReason) : null,
    endReasonText: nomination.endReasonText,
    endedAt: nomination.endedAt,
    trialPlacementId: links.trials.get(nomination.id) ?? null,
    placementId: links.placements.get(nomination.id) ?? null,
    createdById: nomination.createdById,
    createdAt: nomination.createdAt,
    updatedAt: nomination.updatedAt,
    version: nomination.version,
  };
}

function toTransitionResponse(row: NominationTransitionEntity): NominationTransitionResponseDto {
  return {
    id: row.id,
    from: row.fromStatus,
    to: row.toStatus,
    reason: row.reason,
    reasonLabel: row.reason ? reasonLabel(row.reason) : null,
    reasonText: row.reasonText,
    note: row.note,
    actorId: row.actorId,
    actorRole: row.actorRole,
    at: row.at,
  };
}
