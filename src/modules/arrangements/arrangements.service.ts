import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../../infra/audit/audit.service';
import { addDays, addMonths, dutchDate } from '../../infra/time/calendar-dates';
import { Actor } from '../../infra/auth/role';
import { DomainException, ErrorCode } from '../../infra/http/domain.exception';
import { readAccess } from '../candidates/candidate-access';
import { CandidateEntity } from '../candidates/candidate.entity';
import { FieldErrors } from '../employers/field-errors';
import { NominationEntity } from '../nominations/nomination.entity';
import { eligibility } from './arrangement-eligibility';
import {
  ARRANGEMENT_KIND_LABELS,
  ArrangementKind,
  ArrangementRuleEntity,
} from './arrangement-rule.entity';
import { ArrangementEntity, ArrangementStatus } from './arrangement.entity';
import {
  ArrangementDecisionDto,
  ArrangementDto,
  ArrangementRuleDto,
  BudgetDto,
  CandidateArrangementsResponse,
  CreateArrangementDto,
  CreateArrangementRuleDto,
  EligibilityResponse,
  EndArrangementDto,
} from './dto/arrangement.dto';

/** Statuses whose amount counts against the tailored budget. */
const SPENDING: ArrangementStatus[] = ['requested', 'active', 'ended'];
const TAILORED_BUDGET: ArrangementKind = 'tailored-budget';

type Facts = Pick<
  CandidateEntity,
  | 'id'
  | 'klantmanagerId'
  | 'availableForMatching'
  | 'programmeStatus'
  | 'benefitType'
  | 'targetGroupRegister'
  | 'birthYear'
>;
const FACT_FIELDS: (keyof Facts)[] = [
  'id',
  'klantmanagerId',
  'availableForMatching',
  'programmeStatus',
  'benefitType',
  'targetGroupRegister',
  'birthYear',
];

/**
 * Arrangements around a placement and the rules that decide who gets them. Every request is
 * checked against the rule versions in force on its start date; one that applies to no version
 * is refused with the reasons in Dutch. The tailored budget is capped per client over the whole
 * programme (the candidate row is locked while the sum is checked) and needs a coordinator.
 */
@Injectable()
export class ArrangementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async rules(): Promise<ArrangementRuleDto[]> {
    const rules = await this.dataSource
      .getRepository(ArrangementRuleEntity)
      .find({ order: { kind: 'ASC', code: 'ASC', validFrom: 'ASC' } });
    return rules.map(toRuleDto);
  }

  async addRule(actor: Actor, dto: CreateArrangementRuleDto): Promise<ArrangementRuleDto> {
    if (dto.validTo && dto.validTo < dto.validFrom) {
      const errors = new FieldErrors();
      errors.add('validTo', 'validTo must be on or after validFrom');
      errors.throwIfAny();
    }
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(ArrangementRuleEntity);
      // the version in force until now ends the day before the new one starts
      const previous = await repo.findOne({
        where: { code: dto.code },
        order: { validFrom: 'DESC' },
      });
      if (previous && previous.validFrom >= dto.validFrom) {
        throw new DomainException(
          ErrorCode.Conflict,
          `Rule ${dto.code} already has a version from ${previous.validFrom}; a new version must start later`,
        );
      }
      if (previous && (previous.validTo === null || previous.validTo >= dto.validFrom)) {
        previous.validTo = addDays(dto.validFrom, -1);
        await repo.save(previous);
      }
      const rule = await repo.save(
        repo.create({
          ...dto,
          validTo: dto.validTo ?? null,
          maxAmountEur: dto.maxAmountEur ?? null,
          maxMonths: dto.maxMonths ?? null,
        }),
      );
      await this.audit.record(
        actor,
        { action: 'arrangement-rule.create', objectType: 'arrangement-rule', objectId: rule.id },
        manager,
      );
      return toRuleDto(rule);
    });
  }

  /** Every rule version with whether it applies to this client on `date`, and why. */
  async eligibility(
    actor: Actor,
    candidateId: string,
    date = dutchDate(),
  ): Promise<EligibilityResponse> {
    const candidate = await this.readableCandidate(this.dataSource.manager, actor, candidateId);
    const rules = await this.rules();
    await this.audit.record(actor, {
      action: 'candidate.arrangements.eligibility',
      objectType: 'candidate',
      objectId: candidateId,
      details: { fields: ['benefitType', 'targetGroupRegister'] },
    });
    return {
      candidateId,
      date,
      items: rules.map((rule) => ({ rule, ...eligibility(rule, candidate, date) })),
      budget: await this.budget(this.dataSource.manager, candidateId),
    };
  }

  async forCandidate(actor: Actor, candidateId: string): Promise<CandidateArrangementsResponse> {
    await this.readableCandidate(this.dataSource.manager, actor, candidateId);
    const items = await this.dataSource.getRepository(ArrangementEntity).find({
      where: { candidateId },
      relations: { rule: true },
      order: { startDate: 'ASC', createdAt: 'ASC' },
    });
    return {
      candidateId,
      budget: await this.budget(this.dataSource.manager, candidateId),
      items: items.map(toDto),
    };
  }

  async create(actor: Actor, dto: CreateArrangementDto): Promise<ArrangementDto> {
    const errors = new FieldErrors();
    if (dto.endDate && dto.endDate < dto.startDate)
      errors.add('endDate', 'endDate must be on or after startDate');
    if (dto.kind === 'jobcoach') {
      if (dto.hoursPerWeek === undefined)
        errors.add('hoursPerWeek', 'a jobcoach needs hours per week');
      if (!dto.provider) errors.add('provider', 'a jobcoach needs a provider');
      if (!dto.endDate) errors.add('endDate', 'a jobcoach needs a period: give the end date');
    }
    if (dto.kind === TAILORED_BUDGET) {
      if (dto.amountEur === undefined)
        errors.add('amountEur', 'the tailored budget needs an amount');
      if (!dto.purpose) errors.add('purpose', 'say what the tailored budget pays for');
    }
    errors.throwIfAny();

    const arrangement = await this.dataSource.transaction(async (manager) => {
      const candidate = await this.readableCandidate(manager, actor, dto.candidateId, true);
      if (dto.nominationId) await this.assertNomination(manager, dto.nominationId, dto.candidateId);
      const rule = await this.applicableRule(manager, candidate, dto.kind, dto.startDate);
      if (rule.maxMonths && dto.endDate && dto.endDate > addMonths(dto.startDate, rule.maxMonths)) {
        throw new DomainException(
          ErrorCode.RuleViolation,
          `${rule.label} lasts at most ${rule.maxMonths} months: end on or before ${addMonths(dto.startDate, rule.maxMonths)}`,
        );
      }
      if (rule.maxAmountEur !== null && dto.amountEur !== undefined) {
        await this.assertWithinCap(manager, candidate.id, rule, dto.amountEur);
      }
      const repo = manager.getRepository(ArrangementEntity);
      const saved = await repo.save(
        repo.create({
          candidateId: candidate.id,
          ruleId: rule.id,
          kind: dto.kind,
          nominationId: dto.nominationId ?? null,
          startDate: dto.startDate,
          endDate: dto.endDate ?? null,
          amountEur: dto.amountEur ?? null,
          details: {
            ...(dto.hoursPerWeek !== undefined ? { hoursPerWeek: dto.hoursPerWeek } : {}),
            ...(dto.provider ? { provider: dto.provider } : {}),
            ...(dto.purpose ? { purpose: dto.purpose } : {}),
            ...(dto.note ? { note: dto.note } : {}),
          },
          status: rule.requiresApproval ? 'requested' : 'active',
          requestedById: actor.userId,
          decidedById: null,
          decidedAt: null,
          decisionNote: null,
        }),
      );
      await this.audit.record(
        actor,
        {
          action: 'arrangement.create',
          objectType: 'arrangement',
          objectId: saved.id,
          details: { candidateId: candidate.id, kind: dto.kind, rule: rule.code },
        },
        manager,
      );
      return { ...saved, rule };
    });
    return toDto(arrangement);
  }

  /** A coordinator approves or rejects a requested arrangement (the tailored budget). */
  async decide(actor: Actor, id: string, dto: ArrangementDecisionDto): Promise<ArrangementDto> {
    if (!dto.approve && !dto.note) {
      const errors = new FieldErrors();
      errors.add('note', 'say why the request is rejected');
      errors.throwIfAny();
    }
    const arrangement = await this.dataSource.transaction(async (manager) => {
      const found = await this.lockArrangement(manager, id);
      // lock the client before the budget sum, as create does
      await this.readableCandidate(manager, actor, found.candidateId, true);
      if (found.status !== 'requested') {
        throw new DomainException(
          ErrorCode.InvalidTransition,
          `This arrangement is ${found.status}; only a requested one can be approved or rejected`,
        );
      }
      if (dto.approve && found.rule!.maxAmountEur !== null && found.amountEur !== null) {
        await this.assertWithinCap(manager, found.candidateId, found.rule!, 0);
      }
      found.status = dto.approve ? 'active' : 'rejected';
      found.decidedById = actor.userId;
      found.decidedAt = new Date();
      found.decisionNote = dto.note ?? null;
      const saved = await manager.getRepository(ArrangementEntity).save(found);
      await this.audit.record(
        actor,
        {
          action: dto.approve ? 'arrangement.approve' : 'arrangement.reject',
          objectType: 'arrangement',
          objectId: id,
        },
        manager,
      );
      return saved;
    });
    return toDto(arrangement);
  }

  async end(actor: Actor, id: string, dto: EndArrangementDto): Promise<ArrangementDto> {
    const arrangement = await this.dataSource.transaction(async (manager) => {
      const found = await this.lockArrangement(manager, id);
      await this.readableCandidate(manager, actor, found.candidateId);
      if (found.status !== 'active') {
        throw new DomainException(
          ErrorCode.InvalidTransition,
          `This arrangement is ${found.status}; only an active one can be ended`,
        );
      }
      if (dto.endDate < found.startDate) {
        const errors = new FieldErrors();
        errors.add('endDate', `endDate must be on or after the start, ${found.startDate}`);
        errors.throwIfAny();
      }
      found.status = 'ended';
      found.endDate = dto.endDate;
      if (dto.note) found.details = { ...found.details, note: dto.note };
      const saved = await manager.getRepository(ArrangementEntity).save(found);
      await this.audit.record(
        actor,
        { action: 'arrangement.end', objectType: 'arrangement', objectId: id },
        manager,
      );
      return saved;
    });
    return toDto(arrangement);
  }

  private async lockArrangement(manager: EntityManager, id: string): Promise<ArrangementEntity> {
    const found = await manager.getRepository(ArrangementEntity).findOne({
      where: { id },
      relations: { rule: true },
      lock: { mode: 'pessimistic_write', tables: ['arrangements'] },
    });
    if (!found) throw DomainException.notFound('arrangement', id);
    return found;
  }

  /**
   * The client, if the actor may see them: their klantmanager, an accountmanager when the client
   * agreed to matching, a coordinator. `lock` takes a row lock, so budget sums do not race.
   */
  private async readableCandidate(
    manager: EntityManager,
    actor: Actor,
    candidateId: string,
    lock = false,
  ): Promise<Facts> {
    const candidate = await manager.getRepository(CandidateEntity).findOne({
      where: { id: candidateId },
      select: FACT_FIELDS,
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!candidate) throw DomainException.notFound('candidate', candidateId);
    const access = readAccess(actor, candidate);
    if (!access.allowed) throw DomainException.forbidden(access.reason, 'candidate', candidateId);
    return candidate;
  }

  private async assertNomination(
    manager: EntityManager,
    nominationId: string,
    candidateId: string,
  ): Promise<void> {
    const nomination = await manager
      .getRepository(NominationEntity)
      .findOne({ where: { id: nominationId }, select: ['id', 'candidateId'] });
    if (!nomination || nomination.candidateId !== candidateId) {
      const errors = new FieldErrors();
      errors.add('nominationId', `nomination ${nominationId} does not exist for this candidate`);
      errors.throwIfAny();
    }
  }

  /** The version of a rule of this kind in force on `date` that applies; else a 422 saying why not. */
  private async applicableRule(
    manager: EntityManager,
    candidate: Facts,
    kind: ArrangementKind,
    date: string,
  ): Promise<ArrangementRuleEntity> {
    const versions = await manager
      .getRepository(ArrangementRuleEntity)
      .find({ where: { kind }, order: { code: 'ASC', validFrom: 'ASC' } });
    const checked = versions.map((rule) => ({ rule, ...eligibility(rule, candidate, date) }));
    const applying = checked.find((c) => c.applies);
    if (applying) return applying.rule;
    const why = checked.map((c) => `${c.rule.label}: ${c.reasons.join('; ')}`).join(' | ');
    throw new DomainException(
      ErrorCode.RuleViolation,
      `No ${ARRANGEMENT_KIND_LABELS[kind]} applies to this client for a start on ${date}. ${why || 'There is no rule for it.'}`,
      {
        objectType: 'candidate',
        objectId: candidate.id,
        reasons: checked.map((c) => ({ rule: c.rule.code, reasons: c.reasons })),
      },
    );
  }

  private async assertWithinCap(
    manager: EntityManager,
    candidateId: string,
    rule: ArrangementRuleEntity,
    adding: number,
  ): Promise<void> {
    const budget = await this.budget(manager, candidateId, rule.maxAmountEur!);
    const committed = budget.approvedEur + budget.requestedEur;
    if (committed + adding > rule.maxAmountEur!) {
      throw new DomainException(
        ErrorCode.RuleViolation,
        `${rule.label}: at most € ${rule.maxAmountEur} per client over the programme; € ${committed} is approved or requested, € ${Math.max(0, rule.maxAmountEur! - committed)} remains, this asks € ${adding}`,
        { objectType: 'candidate', objectId: candidateId },
      );
    }
  }

  private async budget(
    manager: EntityManager,
    candidateId: string,
    cap?: number,
  ): Promise<BudgetDto> {
    const capEur =
      cap ??
      (
        await manager
          .getRepository(ArrangementRuleEntity)
          .findOne({ where: { kind: TAILORED_BUDGET }, order: { validFrom: 'DESC' } })
      )?.maxAmountEur ??
      0;
    const rows = await manager.getRepository(ArrangementEntity).find({
      where: { candidateId, kind: TAILORED_BUDGET, status: In(SPENDING) },
      select: ['amountEur', 'status'],
    });
    const sum = (statuses: ArrangementStatus[]) =>
      rows.filter((r) => statuses.includes(r.status)).reduce((s, r) => s + (r.amountEur ?? 0), 0);
    const approvedEur = sum(['active', 'ended']);
    const requestedEur = sum(['requested']);
    return {
      capEur,
      approvedEur,
      requestedEur,
      remainingEur: Math.max(0, capEur - approvedEur - requestedEur),
    };
  }
}

function toRuleDto(rule: ArrangementRuleEntity): ArrangementRuleDto {
  return {
    id: rule.id,
    code: rule.code,
    kind: rule.kind,
    label: rule.label,
    employerSummary: rule.employerSummary,
    validFrom: rule.validFrom,
    validTo: rule.validTo,
    conditions: rule.conditions,
    maxAmountEur: rule.maxAmountEur,
    maxMonths: rule.maxMonths,
    requiresApproval: rule.requiresApproval,
    source: rule.source,
  };
}

function toDto(arrangement: ArrangementEntity): ArrangementDto {
  return {
    id: arrangement.id,
    candidateId: arrangement.candidateId,
    kind: arrangement.kind,
    rule: toRuleDto(arrangement.rule!),
    nominationId: arrangement.nominationId,
    startDate: arrangement.startDate,
    endDate: arrangement.endDate,
    amountEur: arrangement.amountEur,
    details: arrangement.details,
    status: arrangement.status,
    requestedById: arrangement.requestedById,
    decidedById: arrangement.decidedById,
    decisionNote: arrangement.decisionNote,
    version: arrangement.version,
  };
}
