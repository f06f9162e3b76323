import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../infra/audit/audit.service';
import { Actor } from '../../infra/auth/role';
import { DomainException, ErrorCode } from '../../infra/http/domain.exception';
import { RequestValidationException } from '../../infra/http/validation';
import { FollowUpKind } from '../follow-ups/follow-up.entity';
import { FollowUpsService, ScheduleFollowUp } from '../follow-ups/follow-ups.service';
import { TrialPlacementInputDto } from '../nominations/dto/nomination.dto';
import { nominationReadAccess } from '../nominations/nomination-access';
import { NominationEntity } from '../nominations/nomination.entity';
import { assertAccess, loadNominationScope, sectorsOf } from '../nominations/nomination-scope';
import { CandidateEntity } from '../candidates/candidate.entity';
import { dutchDate, dutchMorning, maxDate, minDate } from '../../infra/time/calendar-dates';
import {
  CreateEvaluationDto,
  EvaluationResponseDto,
  ExtendTrialPlacementDto,
  TrialPlacementResponseDto,
} from './dto/placement.dto';
import { PlacementEntity } from './placement.entity';
import { TrialPlacementEvaluationEntity } from './trial-placement-evaluation.entity';
import { TrialPlacementEntity, TrialPlacementStatus } from './trial-placement.entity';
import {
  defaultTrialEnd,
  latestTrialEnd,
  trialEndProblem,
  trialSchedule,
} from './trial-placement-rules';

const TRIAL_DEADLINE_KINDS = ['trial-decision-due', 'trial-last-day'] as const;
/** The trial's own follow-ups (messages to the klantmanager stay until they are handled). */
const TRIAL_KINDS: FollowUpKind[] = ['trial-midway-evaluation', ...TRIAL_DEADLINE_KINDS];

/** proefplaatsingen: started and ended by nomination moves; extended and evaluated here. */
@Injectable()
export class TrialPlacementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly followUps: FollowUpsService,
  ) {}

  async get(actor: Actor, id: string): Promise<TrialPlacementResponseDto> {
    const manager = this.dataSource.manager;
    const trial = await manager.getRepository(TrialPlacementEntity).findOne({ where: { id } });
    if (!trial) throw DomainException.notFound('trial-placement', id);
    await this.assertMayRead(manager, actor, trial);
    return this.view(manager, trial);
  }

  /** Starts a trial placement for a nomination moving to `trial-placement` (caller's transaction). */
  async start(
    manager: EntityManager,
    actor: Actor,
    nomination: NominationEntity,
    candidate: CandidateEntity,
    input: TrialPlacementInputDto,
    employerName: string,
  ): Promise<TrialPlacementEntity> {
    const endDate = input.endDate ?? defaultTrialEnd(input.startDate);
    const repo = manager.getRepository(TrialPlacementEntity);
    const trial = await repo.save(
      repo.create({
        nominationId: nomination.id,
        candidateId: nomination.candidateId,
        employerId: nomination.employerId,
        startDate: input.startDate,
        endDate,
        originalEndDate: endDate,
        hoursPerWeek: input.hoursPerWeek,
        supervisorName: input.supervisorName,
        supervisorRole: input.supervisorRole,
        employerIntentToOffer: input.employerIntentToOffer,
        employerIntentDate: input.employerIntentDate,
        status: 'active',
        previousProgrammeStatus: candidate.programmeStatus,
        extensions: [],
        createdById: actor.userId,
      }),
    );
    await this.schedule(manager, trial, nomination.accountManagerId, employerName, 'all');
    await this.audit.record(
      actor,
      {
        action: 'trial-placement.create',
        objectType: 'trial-placement',
        objectId: trial.id,
        details: { nominationId: nomination.id, startDate: trial.startDate, endDate },
      },
      manager,
    );
    return trial;
  }

  /** The active trial of a nomination, locked (null when there is none). */
  async lockActiveOf(
    manager: EntityManager,
    nominationId: string,
  ): Promise<TrialPlacementEntity | null> {
    return manager.getRepository(TrialPlacementEntity).findOne({
      where: { nominationId, status: 'active' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** A hire after a trial needs at least one evaluation: the employer decides on what was seen. */
  async assertEvaluated(manager: EntityManager, trial: TrialPlacementEntity): Promise<void> {
    const count = await manager
      .getRepository(TrialPlacementEvaluationEntity)
      .countBy({ trialPlacementId: trial.id });
    if (count === 0) {
      throw new DomainException(
        ErrorCode.RuleViolation,
        `Trial placement ${trial.id} has no evaluation yet: record the mid-way evaluation (due ${trialSchedule(trial).midwayEvaluationDue}) with POST /trial-placements/${trial.id}/evaluations before the hire`,
        { objectType: 'trial-placement', objectId: trial.id },
      );
    }
  }

  /** Ends the trial with the nomination's outcome and cancels its open follow-ups. */
  async finish(
    manager: EntityManager,
    trial: TrialPlacementEntity,
    status: Exclude<TrialPlacementStatus, 'active'>,
  ): Promise<TrialPlacementEntity> {
    trial.status = status;
    trial.endedOn = maxDate(trial.startDate, minDate(dutchDate(), trial.endDate));
    await manager.getRepository(TrialPlacementEntity).save(trial);
    await this.followUps.cancelOpen(
      manager,
      'trial-placement',
      trial.id,
      TRIAL_KINDS,
      `Proefplaatsing beëindigd: ${status}`,
    );
    return trial;
  }

  async extend(
    actor: Actor,
    id: string,
    dto: ExtendTrialPlacementDto,
  ): Promise<TrialPlacementResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const trial = await this.lockActive(manager, actor, id, dto.version);
      const problems: string[] = [];
      if (dto.endDate <= trial.endDate) {
        problems.push(
          `endDate must be after the current last day ${trial.endDate}: an extension makes the trial longer`,
        );
      }
      const capProblem = trialEndProblem(trial.startDate, dto.endDate);
      if (capProblem) problems.push(capProblem);
      if (problems.length > 0) {
        throw new RequestValidationException([{ field: 'endDate', problems }]);
      }
      const previous = trial.endDate;
      trial.endDate = dto.endDate;
      trial.extensions = [
        ...trial.extensions,
        {
          fromEndDate: previous,
          toEndDate: dto.endDate,
          reason: dto.reason,
          byId: actor.userId,
          at: new Date().toISOString(),
        },
      ];
      await manager.getRepository(TrialPlacementEntity).save(trial);
      await this.followUps.cancelOpen(
        manager,
        'trial-placement',
        id,
        [...TRIAL_DEADLINE_KINDS],
        `Proefplaatsing verlengd tot ${dto.endDate}: opnieuw gepland`,
      );
      const { accountManagerId, employerName } = await this.ownerOf(manager, trial);
      await this.schedule(manager, trial, accountManagerId, employerName, 'deadlines');
      await this.audit.record(
        actor,
        {
          action: 'trial-placement.extend',
          objectType: 'trial-placement',
          objectId: id,
          details: { endDate: { from: previous, to: dto.endDate } },
        },
        manager,
      );
      return this.view(manager, trial);
    });
  }

  async evaluate(
    actor: Actor,
    id: string,
    dto: CreateEvaluationDto,
  ): Promise<EvaluationResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const trial = await this.lockActive(manager, actor, id, null);
      const today = dutchDate();
      if (today < trial.startDate) {
        throw new DomainException(
          ErrorCode.RuleViolation,
          `Trial placement ${id} starts on ${trial.startDate}: evaluate it once it has started`,
          { objectType: 'trial-placement', objectId: id },
        );
      }
      const repo = manager.getRepository(TrialPlacementEvaluationEntity);
      const evaluation = await repo.save(
        repo.create({
          trialPlacementId: id,
          evaluatedOn: today,
          outcome: dto.outcome,
          notes: dto.notes,
          createdById: actor.userId,
        }),
      );
      await this.followUps.cancelOpen(
        manager,
        'trial-placement',
        id,
        ['trial-midway-evaluation'],
        'Tussenevaluatie vastgelegd',
      );
      if (dto.outcome === 'concerns') {
        const owner = await this.ownerOf(manager, trial);
        await this.followUps.notify(manager, {
          subjectType: 'trial-placement',
          subjectId: id,
          ownerId: owner.klantmanagerId,
          title: `Zorgen bij proefplaatsing bij ${owner.employerName}`.slice(0, 200),
          details: `Cliënt ${owner.clientNumber}. Evaluatie van ${today}: ${dto.notes}`,
        });
      }
      await this.audit.record(
        actor,
        {
          action: 'trial-placement.evaluate',
          objectType: 'trial-placement',
          objectId: id,
          details: { evaluationId: evaluation.id, outcome: dto.outcome },
        },
        manager,
      );
      return toEvaluationResponse(evaluation);
    });
  }

  async view(
    manager: EntityManager,
    trial: TrialPlacementEntity,
  ): Promise<TrialPlacementResponseDto> {
    const evaluations = await manager
      .getRepository(TrialPlacementEvaluationEntity)
      .find({ where: { trialPlacementId: trial.id }, order: { createdAt: 'ASC' } });
    const placement = await manager
      .getRepository(PlacementEntity)
      .findOne({ where: { trialPlacementId: trial.id }, select: { id: true } });
    const schedule = trialSchedule(trial);
    return {
      id: trial.id,
      nominationId: trial.nominationId,
      candidateId: trial.candidateId,
      employerId: trial.employerId,
      status: trial.status,
      startDate: trial.startDate,
      endDate: trial.endDate,
      originalEndDate: trial.originalEndDate,
      latestEndDate: latestTrialEnd(trial.startDate),
      midwayEvaluationDue: schedule.midwayEvaluationDue,
      decisionDue: schedule.decisionDue,
      hoursPerWeek: trial.hoursPerWeek,
      supervisorName: trial.supervisorName,
      supervisorRole: trial.supervisorRole,
      employerIntentToOffer: trial.employerIntentToOffer,
      employerIntentDate: trial.employerIntentDate,
      endedOn: trial.endedOn,
      extensions: trial.extensions,
      evaluations: evaluations.map(toEvaluationResponse),
      placementId: placement?.id ?? null,
      createdAt: trial.createdAt,
      updatedAt: trial.updatedAt,
      version: trial.version,
    };
  }

  /** Follow-ups on the trial's dates for the accountmanager; dates already past are skipped. */
  private async schedule(
    manager: EntityManager,
    trial: TrialPlacementEntity,
    ownerId: string,
    employerName: string,
    which: 'all' | 'deadlines',
  ): Promise<void> {
    const dates = trialSchedule(trial);
    const at = ` bij ${employerName}`;
    const specs: ScheduleFollowUp[] = [
      ...(which === 'all'
        ? [
            {
              kind: 'trial-midway-evaluation' as const,
              date: dates.midwayEvaluationDue,
              title: `Tussenevaluatie proefplaatsing (week 4)${at}`,
              details: 'Plan de evaluatie met werkgever, kandidaat en begeleider en leg hem vast.',
            },
          ]
        : []),
      {
        kind: 'trial-decision-due' as const,
        date: dates.decisionDue,
        title: `Besluit over proefplaatsing nodig${at}`,
        details: `De proefplaatsing eindigt op ${trial.endDate}: vraag de werkgever om een besluit over het contract.`,
      },
      {
        kind: 'trial-last-day' as const,
        date: dates.lastDay,
        title: `Laatste dag proefplaatsing${at}`,
        details: 'Leg de uitkomst vast: aangenomen of niet aangenomen.',
      },
    ]
      .filter((spec) => spec.date >= dutchDate())
      .map(({ kind, date, title, details }) => ({
        kind,
        subjectType: 'trial-placement' as const,
        subjectId: trial.id,
        ownerId,
        dueAt: dutchMorning(date),
        title: title.slice(0, 200),
        details,
      }));
    await this.followUps.scheduleMany(manager, specs);
  }

  private async ownerOf(manager: EntityManager, trial: TrialPlacementEntity) {
    const rows = await manager.query<
      {
        accountManagerId: string;
        employerName: string;
        klantmanagerId: string;
        clientNumber: string;
      }[]
    >(
      `SELECT n.account_manager_id AS "accountManagerId", e.name AS "employerName",
              c.klantmanager_id AS "klantmanagerId", c.client_number AS "clientNumber"
         FROM nominations n
         JOIN employers e ON e.id = n.employer_id
         JOIN candidates c ON c.id = n.candidate_id
        WHERE n.id = $1`,
      [trial.nominationId],
    );
    return rows[0];
  }

  private async assertMayRead(
    manager: EntityManager,
    actor: Actor,
    trial: TrialPlacementEntity,
  ): Promise<void> {
    const scope = await loadNominationScope(manager, trial.nominationId);
    if (!scope) throw DomainException.notFound('trial-placement', trial.id);
    const sectors = await sectorsOf(manager, actor);
    assertAccess(nominationReadAccess(actor, sectors, scope), 'trial-placement', trial.id);
  }

  /** Locks an active trial the actor may change, optionally checking the version read. */
  private async lockActive(
    manager: EntityManager,
    actor: Actor,
    id: string,
    version: number | null,
  ): Promise<TrialPlacementEntity> {
    const trial = await manager
      .getRepository(TrialPlacementEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!trial) throw DomainException.notFound('trial-placement', id);
    await this.assertMayRead(manager, actor, trial);
    if (version !== null && version !== trial.version) {
      throw new DomainException(
        ErrorCode.Conflict,
        `Trial placement ${id} was changed by someone else meanwhile (it is now version ${trial.version}, you sent ${version}): reload it and try again`,
        { objectType: 'trial-placement', objectId: id },
      );
    }
    if (trial.status !== 'active') {
      throw new DomainException(
        ErrorCode.Conflict,
        `Trial placement ${id} has ended (${trial.status}) and cannot change any more`,
        { objectType: 'trial-placement', objectId: id },
      );
    }
    return trial;
  }
}

function toEvaluationResponse(evaluation: TrialPlacementEvaluationEntity): EvaluationResponseDto {
  return {
    id: evaluation.id,
    evaluatedOn: evaluation.evaluatedOn,
    outcome: evaluation.outcome,
    notes: evaluation.notes,
    createdById: evaluation.createdById,
    createdAt: evaluation.createdAt,
  };
}
