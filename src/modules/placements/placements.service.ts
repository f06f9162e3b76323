import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../infra/audit/audit.service';
import { Actor, Role } from '../../infra/auth/role';
import { DomainException, ErrorCode } from '../../infra/http/domain.exception';
import { RequestValidationException } from '../../infra/http/validation';
import { isMatchable } from '../candidates/candidate-access';
import { CandidateEntity } from '../candidates/candidate.entity';
import { FollowUpsService } from '../follow-ups/follow-ups.service';
import { PlacementInputDto } from '../nominations/dto/nomination.dto';
import { nominationReadAccess } from '../nominations/nomination-access';
import { NominationEntity } from '../nominations/nomination.entity';
import { assertAccess, loadNominationScope, sectorsOf } from '../nominations/nomination-scope';
import { CONTRACT_TYPE_LABELS } from '../taxonomy/reference-lists';
import { addMonths, dutchDate, dutchMorning } from '../../infra/time/calendar-dates';
import { CandidateOutcomesDto, EndPlacementDto, PlacementResponseDto } from './dto/placement.dto';
import { outcomeMeasures } from './outcome-measures';
import { placementEndReasonLabel } from './placement-end-reasons';
import { PlacementEntity } from './placement.entity';
import { TrialPlacementEntity } from './trial-placement.entity';

/** Placement checks after the start of the work, in months. */
export const PLACEMENT_CHECKS = [
  { kind: 'placement-check-1m', months: 1 },
  { kind: 'placement-check-3m', months: 3 },
  { kind: 'placement-check-6m', months: 6 },
] as const;

/** plaatsingen (hires) and the outcome measures derived from them. */
@Injectable()
export class PlacementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly followUps: FollowUpsService,
  ) {}

  /** Creates the placement of a nomination moving to `hired` (caller's transaction). */
  async createForHire(
    manager: EntityManager,
    actor: Actor,
    nomination: NominationEntity,
    input: PlacementInputDto,
    trial: TrialPlacementEntity | null,
    employerName: string,
  ): Promise<PlacementEntity> {
    if (trial && input.startDate < trial.startDate) {
      throw new RequestValidationException([
        {
          field: 'placement.startDate',
          problems: [
            `placement.startDate must be on or after the trial placement's start ${trial.startDate}`,
          ],
        },
      ]);
    }
    const repo = manager.getRepository(PlacementEntity);
    const placement = await repo.save(
      repo.create({
        nominationId: nomination.id,
        candidateId: nomination.candidateId,
        employerId: nomination.employerId,
        vacancyId: nomination.vacancyId,
        trialPlacementId: trial?.id ?? null,
        accountManagerId: nomination.accountManagerId,
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        hoursPerWeek: input.hoursPerWeek,
        contractType: input.contractType,
        createdById: actor.userId,
      }),
    );
    const today = dutchDate();
    await this.followUps.scheduleMany(
      manager,
      PLACEMENT_CHECKS.map(({ kind, months }) => ({
        kind,
        date: addMonths(placement.startDate, months),
        months,
      }))
        .filter(({ date }) => date >= today)
        .map(({ kind, date, months }) => ({
          kind,
          subjectType: 'placement' as const,
          subjectId: placement.id,
          ownerId: nomination.accountManagerId,
          dueAt: dutchMorning(date),
          title:
            `Plaatsing bij ${employerName}: controle na ${months} ${months === 1 ? 'maand' : 'maanden'}`.slice(
              0,
              200,
            ),
          details:
            'Vraag werkgever en werknemer hoe het gaat en of er steun nodig is (jobcoach, aanpassing).',
        })),
    );
    await this.audit.record(
      actor,
      {
        action: 'placement.create',
        objectType: 'placement',
        objectId: placement.id,
        details: {
          nominationId: nomination.id,
          startDate: placement.startDate,
          contractType: placement.contractType,
          hoursPerWeek: placement.hoursPerWeek,
          trialPlacementId: placement.trialPlacementId,
        },
      },
      manager,
    );
    return placement;
  }

  async get(actor: Actor, id: string): Promise<PlacementResponseDto> {
    const manager = this.dataSource.manager;
    const placement = await this.load(manager, id);
    await this.assertMayRead(manager, actor, placement);
    return toPlacementResponse(placement);
  }

  /** The work ended (before or at the contract's end): cancels the remaining checks. */
  async end(actor: Actor, id: string, dto: EndPlacementDto): Promise<PlacementResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const placement = await manager
        .getRepository(PlacementEntity)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!placement) throw DomainException.notFound('placement', id);
      await this.assertMayRead(manager, actor, placement);
      if (dto.version !== placement.version) {
        throw new DomainException(
          ErrorCode.Conflict,
          `Placement ${id} was changed by someone else meanwhile (it is now version ${placement.version}, you sent ${dto.version}): reload it and try again`,
          { objectType: 'placement', objectId: id },
        );
      }
      if (placement.endedOn !== null) {
        throw new DomainException(
          ErrorCode.Conflict,
          `Placement ${id} has already ended on ${placement.endedOn}`,
          { objectType: 'placement', objectId: id },
        );
      }
      if (dto.endedOn < placement.startDate) {
        throw new RequestValidationException([
          {
            field: 'endedOn',
            problems: [`endedOn must be on or after the start ${placement.startDate}`],
          },
        ]);
      }
      placement.endedOn = dto.endedOn;
      placement.endReason = dto.reason;
      placement.endReasonText = dto.reasonText;
      await manager.getRepository(PlacementEntity).save(placement);
      await this.followUps.cancelOpen(
        manager,
        'placement',
        id,
        PLACEMENT_CHECKS.map((check) => check.kind),
        `Plaatsing beëindigd per ${dto.endedOn}`,
      );
      const rows = await manager.query<
        { klantmanagerId: string; clientNumber: string; employerName: string }[]
      >(
        `SELECT c.klantmanager_id AS "klantmanagerId", c.client_number AS "clientNumber", e.name AS "employerName"
           FROM candidates c, employers e WHERE c.id = $1 AND e.id = $2`,
        [placement.candidateId, placement.employerId],
      );
      const who = rows[0];
      await this.followUps.notify(manager, {
        subjectType: 'placement',
        subjectId: id,
        ownerId: who.klantmanagerId,
        title: `Plaatsing bij ${who.employerName} beëindigd`.slice(0, 200),
        details: `Cliënt ${who.clientNumber}. Laatste werkdag ${dto.endedOn}. Reden: ${placementEndReasonLabel(dto.reason)}. ${dto.reasonText}\nKijk of de programmastatus van de cliënt moet veranderen.`,
      });
      await this.audit.record(
        actor,
        {
          action: 'placement.end',
          objectType: 'placement',
          objectId: id,
          details: { endedOn: dto.endedOn, reason: dto.reason },
        },
        manager,
      );
      return toPlacementResponse(await this.load(manager, id));
    });
  }

  /**
   * The research's measures for one client: its klantmanager and coordinators; accountmanagers
   * for a profile open to matching or one they nominated (or to their employers or sectors).
   */
  async outcomes(actor: Actor, candidateId: string): Promise<CandidateOutcomesDto> {
    const manager = this.dataSource.manager;
    const candidate = await manager.getRepository(CandidateEntity).findOne({
      where: { id: candidateId },
      select: {
        id: true,
        klantmanagerId: true,
        availableForMatching: true,
        programmeStatus: true,
      },
    });
    if (!candidate) throw DomainException.notFound('candidate', candidateId);
    await this.assertMayReadOutcomes(manager, actor, candidate);
    const placements = await manager.getRepository(PlacementEntity).find({
      where: { candidateId },
      relations: { employer: true },
      order: { startDate: 'ASC', createdAt: 'ASC' },
    });
    const today = dutchDate();
    return {
      candidateId,
      asOf: today,
      measures: outcomeMeasures(
        placements.map((p) => ({
          id: p.id,
          employerId: p.employerId,
          employerName: p.employer?.name ?? null,
          startDate: p.startDate,
          endDate: p.endDate,
          endedOn: p.endedOn,
          hoursPerWeek: p.hoursPerWeek,
        })),
        today,
      ),
      placements: placements.map(toPlacementResponse),
    };
  }

  private async assertMayReadOutcomes(
    manager: EntityManager,
    actor: Actor,
    candidate: Pick<
      CandidateEntity,
      'id' | 'klantmanagerId' | 'availableForMatching' | 'programmeStatus'
    >,
  ): Promise<void> {
    if (actor.role === Role.Coordinator) return;
    if (actor.role === Role.ClientManager && candidate.klantmanagerId === actor.userId) return;
    if (actor.role === Role.AccountManager) {
      if (isMatchable(candidate)) return;
      const sectors = await sectorsOf(manager, actor);
      const rows = await manager.query<unknown[]>(
        `SELECT 1 FROM nominations n JOIN employers e ON e.id = n.employer_id
          WHERE n.candidate_id = $1
            AND (n.account_manager_id = $2 OR e.account_manager_id = $2 OR e.sector = ANY($3::text[]))
          LIMIT 1`,
        [candidate.id, actor.userId, sectors],
      );
      if (rows.length > 0) return;
    }
    throw DomainException.forbidden(
      actor.role === Role.ClientManager
        ? "This client is in another klantmanager's caseload: you see your own clients' outcomes only"
        : actor.role === Role.AccountManager
          ? 'You see outcomes of profiles open to matching and of candidates nominated by you or to your employers or sectors'
          : `Role ${actor.role} may not see outcomes`,
      'candidate',
      candidate.id,
    );
  }

  private async load(manager: EntityManager, id: string): Promise<PlacementEntity> {
    const placement = await manager
      .getRepository(PlacementEntity)
      .findOne({ where: { id }, relations: { employer: true } });
    if (!placement) throw DomainException.notFound('placement', id);
    return placement;
  }

  private async assertMayRead(
    manager: EntityManager,
    actor: Actor,
    placement: PlacementEntity,
  ): Promise<void> {
    const scope = await loadNominationScope(manager, placement.nominationId);
    if (!scope) throw DomainException.notFound('placement', placement.id);
    const sectors = await sectorsOf(manager, actor);
    assertAccess(nominationReadAccess(actor, sectors, scope), 'placement', placement.id);
  }
}

export function toPlacementResponse(placement: PlacementEntity): PlacementResponseDto {
  return {
    id: placement.id,
    nominationId: placement.nominationId,
    candidateId: placement.candidateId,
    employerId: placement.employerId,
    employerName: placement.employer?.name ?? null,
    vacancyId: placement.vacancyId,
    trialPlacementId: placement.trialPlacementId,
    accountManagerId: placement.accountManagerId,
    startDate: placement.startDate,
    endDate: placement.endDate,
    hoursPerWeek: placement.hoursPerWeek,
    contractType: placement.contractType,
    endedOn: placement.endedOn,
    endReason: placement.endReason,
    endReasonLabel: placement.endReason ? placementEndReasonLabel(placement.endReason) : null,
    endReasonText: placement.endReasonText,
    createdAt: placement.createdAt,
    updatedAt: placement.updatedAt,
    version: placement.version,
  };
}

export function placementSummary(placement: PlacementEntity): string {
  return `Start ${placement.startDate}, ${placement.hoursPerWeek} uur per week, ${CONTRACT_TYPE_LABELS[placement.contractType]}${placement.endDate ? ` tot en met ${placement.endDate}` : ''}.`;
}
