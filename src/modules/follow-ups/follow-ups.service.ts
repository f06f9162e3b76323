import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../infra/audit/audit.service';
import { Actor, Role, STAFF_ROLES } from '../../infra/auth/role';
import { DomainException, ErrorCode } from '../../infra/http/domain.exception';
import { Page, pageOf, skipOf } from '../../infra/http/pagination';
import { OutgoingEmailEntity } from '../../infra/mail/outgoing-email.entity';
import { UserEntity } from '../accounts/user.entity';
import {
  CancelFollowUpDto,
  CreateFollowUpDto,
  FollowUpEmailDto,
  FollowUpQueryDto,
  FollowUpResponseDto,
  SnoozeFollowUpDto,
} from './dto/follow-up.dto';
import {
  FOLLOW_UP_KINDS,
  FOLLOW_UP_SUBJECTS,
  FollowUpEntity,
  FollowUpKind,
  FollowUpStatus,
  FollowUpSubject,
  OPEN_FOLLOW_UP_STATUSES,
} from './follow-up.entity';
import { actionProblem, FollowUpAction, snoozeProblem } from './follow-up-rules';

export const FOLLOW_UP_TITLE_MAX = 200;
export const FOLLOW_UP_DETAILS_MAX = 4000;

/** What a module hands over to schedule a follow-up. */
export interface ScheduleFollowUp {
  kind: FollowUpKind;
  subjectType: FollowUpSubject;
  subjectId: string;
  /** users.id of the person who must act (usually an accountmanager or klantmanager). */
  ownerId: string;
  dueAt: Date;
  /** Dutch, shown in the task list and e-mailed: refer to records, never name a client. */
  title: string;
  details?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_CANCEL_REASON = 'Niet meer nodig: de situatie is gewijzigd';
/** A manual follow-up may be dated this far back (it then fires at once) or ahead. */
const MANUAL_PAST_MS = 24 * 3600 * 1000;
const MANUAL_AHEAD_MS = 2 * 366 * 24 * 3600 * 1000;

/**
 * Follow-ups for the other modules. Every method writes inside the caller's transaction (pass
 * its EntityManager): a rollback leaves nothing, a commit wakes the worker, which puts the
 * delayed job on the queue. Nothing here talks to Redis.
 */
@Injectable()
export class FollowUpsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Schedules one follow-up; it fires (task list + e-mail to the owner) at `dueAt`. */
  async schedule(manager: EntityManager, spec: ScheduleFollowUp): Promise<FollowUpEntity> {
    const [created] = await this.scheduleMany(manager, [spec]);
    return created;
  }

  /** Schedules many in one INSERT (same rules as {@link schedule}). */
  async scheduleMany(manager: EntityManager, specs: ScheduleFollowUp[]): Promise<FollowUpEntity[]> {
    if (specs.length === 0) return [];
    const rows = specs.map((spec) => checkSpec(spec));
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(FollowUpEntity)
      .values(rows)
      .returning('*')
      .execute();
    const raw = result.raw as Record<string, unknown>[];
    return raw.map((row) => manager.getRepository(FollowUpEntity).create(fromRaw(row)));
  }

  /**
   * Cancels the subject's open follow-ups (scheduled, snoozed or due), optionally only of these
   * kinds, e.g. when a nomination is answered. Returns how many were cancelled.
   */
  async cancelOpen(
    manager: EntityManager,
    subjectType: FollowUpSubject,
    subjectId: string,
    kinds?: FollowUpKind[],
    reason?: string,
  ): Promise<number> {
    if (kinds && kinds.length === 0) return 0;
    const params: unknown[] = [
      subjectType,
      subjectId,
      (reason ?? DEFAULT_CANCEL_REASON).slice(0, FOLLOW_UP_DETAILS_MAX),
    ];
    let kindFilter = '';
    if (kinds) {
      params.push(kinds);
      kindFilter = `AND kind = ANY($4::text[])`;
    }
    const [, affected] = await manager.query<[unknown[], number]>(
      `UPDATE follow_ups
       SET status = 'cancelled', cancelled_reason = $3, version = version + 1, updated_at = now()
       WHERE subject_type = $1 AND subject_id = $2 AND status IN ('scheduled', 'snoozed', 'due')
       ${kindFilter}`,
      params,
    );
    return affected;
  }

  /** A message for the owner now: lands in their task list (status due) and is e-mailed. */
  async notify(
    manager: EntityManager,
    spec: Omit<ScheduleFollowUp, 'kind' | 'dueAt'>,
  ): Promise<FollowUpEntity> {
    return this.schedule(manager, { ...spec, kind: 'notification', dueAt: new Date() });
  }

  // ---- the API: people see and handle their follow-ups ----

  /** The task list: one's own follow-ups; a coordinator sees everyone's unless `mine`. */
  async list(actor: Actor, query: FollowUpQueryDto): Promise<Page<FollowUpResponseDto>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (actor.role !== Role.Coordinator || query.mine) add('f.owner_id = ?', actor.userId);
    if (query.status) add('f.status = ?', query.status);
    else add('f.status = ANY(?::text[])', OPEN_FOLLOW_UP_STATUSES);
    if (query.subjectType) add('f.subject_type = ?', query.subjectType);
    if (query.subjectId) add('f.subject_id = ?', query.subjectId);
    const filter = where.join(' AND ');
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM follow_ups f WHERE ${filter}`,
      params,
    );
    // due first, then by when they (will) fire
    const rows = await this.dataSource.query<Record<string, unknown>[]>(
      `SELECT f.*, u.display_name AS owner_name FROM follow_ups f JOIN users u ON u.id = f.owner_id
       WHERE ${filter}
       ORDER BY (f.status = 'due') DESC,
                CASE WHEN f.status = 'snoozed' THEN f.snoozed_until ELSE f.due_at END, f.id
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, skipOf(query)],
    );
    return pageOf(rows.map(toResponse), total, query);
  }

  async get(actor: Actor, id: string): Promise<FollowUpResponseDto> {
    const row = await this.load(this.dataSource.manager, id, false);
    this.checkAccess(actor, row, 'read');
    return toResponse(row);
  }

  /** The e-mails a follow-up sent (one per firing), with their delivery status. */
  async emails(actor: Actor, id: string): Promise<FollowUpEmailDto[]> {
    const row = await this.load(this.dataSource.manager, id, false);
    this.checkAccess(actor, row, 'read');
    const emails = await this.dataSource.getRepository(OutgoingEmailEntity).find({
      where: { followUpId: id },
      order: { createdAt: 'ASC' },
    });
    return emails.map((e) => ({
      id: e.id,
      toAddress: e.toAddress,
      subject: e.subject,
      status: e.status,
      attempts: e.attempts,
      lastError: e.lastError,
      smtpResponse: e.smtpResponse,
      messageId: e.messageId,
      sentAt: e.sentAt,
      createdAt: e.createdAt,
    }));
  }

  /** A follow-up a person sets for themselves or a colleague. */
  async create(actor: Actor, dto: CreateFollowUpDto): Promise<FollowUpResponseDto> {
    const dueAt = new Date(dto.dueAt);
    const now = Date.now();
    if (dueAt.getTime() < now - MANUAL_PAST_MS || dueAt.getTime() > now + MANUAL_AHEAD_MS)
      throw new DomainException(
        ErrorCode.ValidationFailed,
        'dueAt must lie between yesterday and two years ahead',
      );
    const ownerId = dto.ownerId ?? actor.userId;
    return this.dataSource.transaction(async (manager) => {
      const owner = await manager.getRepository(UserEntity).findOne({ where: { id: ownerId } });
      if (!owner || !owner.active || !STAFF_ROLES.includes(owner.role))
        throw new DomainException(
          ErrorCode.InvalidReference,
          `ownerId ${ownerId} is not an active staff user`,
        );
      const created = await this.schedule(manager, {
        kind: 'manual',
        subjectType: dto.subjectType,
        subjectId: dto.subjectId,
        ownerId,
        dueAt,
        title: dto.title,
        details: dto.details ?? null,
      });
      await this.audit.record(
        actor,
        {
          action: 'follow-up.create',
          objectType: 'follow-up',
          objectId: created.id,
          details: { ownerId, subjectType: dto.subjectType, subjectId: dto.subjectId },
        },
        manager,
      );
      return toResponse({ ...rawOf(created), owner_name: owner.displayName });
    });
  }

  complete(actor: Actor, id: string): Promise<FollowUpResponseDto> {
    return this.change(actor, id, 'complete', {}, (params) => {
      params.push(actor.userId);
      return `status = 'done', completed_at = now(), completed_by = $${params.length}`;
    });
  }

  snooze(actor: Actor, id: string, dto: SnoozeFollowUpDto): Promise<FollowUpResponseDto> {
    const until = new Date(dto.until);
    const problem = snoozeProblem(until, new Date());
    if (problem) throw new DomainException(ErrorCode.ValidationFailed, problem);
    return this.change(actor, id, 'snooze', { until: until.toISOString() }, (params) => {
      params.push(until);
      return `status = 'snoozed', snoozed_until = $${params.length}`;
    });
  }

  cancel(actor: Actor, id: string, dto: CancelFollowUpDto): Promise<FollowUpResponseDto> {
    return this.change(actor, id, 'cancel', {}, (params) => {
      params.push(dto.reason);
      return `status = 'cancelled', cancelled_reason = $${params.length}`;
    });
  }

  /** Locks the row, checks who and whether, applies `set`, bumps the version, audits. */
  private change(
    actor: Actor,
    id: string,
    action: FollowUpAction,
    details: Record<string, unknown>,
    set: (params: unknown[]) => string,
  ): Promise<FollowUpResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const row = await this.load(manager, id, true);
      this.checkAccess(actor, row, action);
      const problem = actionProblem(row.status as FollowUpStatus, action);
      if (problem)
        throw new DomainException(ErrorCode.InvalidTransition, problem, {
          objectType: 'follow-up',
          objectId: id,
        });
      const params: unknown[] = [id];
      const assignments = set(params);
      // (TypeORM answers an UPDATE with [rows, count])
      const [[updated]] = await manager.query<[Record<string, unknown>[], number]>(
        `UPDATE follow_ups SET ${assignments}, version = version + 1, updated_at = now()
         WHERE id = $1 RETURNING *`,
        params,
      );
      await this.audit.record(
        actor,
        {
          action: `follow-up.${action}`,
          objectType: 'follow-up',
          objectId: id,
          details: { from: row.status, ...details },
        },
        manager,
      );
      return toResponse({ ...updated, owner_name: row.owner_name });
    });
  }

  private async load(
    manager: EntityManager,
    id: string,
    forUpdate: boolean,
  ): Promise<Record<string, unknown>> {
    const [row] = await manager.query<Record<string, unknown>[]>(
      `SELECT f.*, u.display_name AS owner_name FROM follow_ups f JOIN users u ON u.id = f.owner_id
       WHERE f.id = $1 ${forUpdate ? 'FOR UPDATE OF f' : ''}`,
      [id],
    );
    if (!row) throw DomainException.notFound('follow-up', id);
    return row;
  }

  /** Only the owner, or a coordinator, may see or handle a follow-up. */
  private checkAccess(actor: Actor, row: Record<string, unknown>, what: string): void {
    if (actor.role === Role.Coordinator || row.owner_id === actor.userId) return;
    throw DomainException.forbidden(
      `Only the owner of this follow-up or a coordinator may ${what === 'read' ? 'see' : what} it`,
      'follow-up',
      row.id as string,
    );
  }
}

/** Callers are code, not users: a bad spec is a programming error, reported plainly. */
function checkSpec(spec: ScheduleFollowUp): Partial<FollowUpEntity> {
  const problems: string[] = [];
  if (!FOLLOW_UP_KINDS.includes(spec.kind)) problems.push(`unknown kind ${String(spec.kind)}`);
  if (!FOLLOW_UP_SUBJECTS.includes(spec.subjectType))
    problems.push(`unknown subjectType ${String(spec.subjectType)}`);
  if (!UUID.test(spec.subjectId ?? '')) problems.push('subjectId must be a uuid');
  if (!UUID.test(spec.ownerId ?? '')) problems.push('ownerId must be a uuid');
  if (!(spec.dueAt instanceof Date) || Number.isNaN(spec.dueAt.getTime()))
    problems.push('dueAt must be a valid Date');
  const title = (spec.title ?? '').trim();
  if (title.length === 0 || title.length > FOLLOW_UP_TITLE_MAX)
    problems.push(`title must be 1-${FOLLOW_UP_TITLE_MAX} characters`);
  if (spec.details && spec.details.length > FOLLOW_UP_DETAILS_MAX)
    problems.push(`details must be at most ${FOLLOW_UP_DETAILS_MAX} characters`);
  if (problems.length > 0)
    throw new DomainException(ErrorCode.ValidationFailed, `Follow-up: ${problems.join('; ')}`);
  return {
    kind: spec.kind,
    subjectType: spec.subjectType,
    subjectId: spec.subjectId,
    ownerId: spec.ownerId,
    dueAt: spec.dueAt,
    title,
    details: spec.details?.trim() || null,
    status: 'scheduled',
    version: 1,
    queuedVersion: null,
  };
}

/** A RETURNING * row (snake_case) as entity fields. */
export function fromRaw(row: Record<string, unknown>): Partial<FollowUpEntity> {
  return {
    id: row.id as string,
    kind: row.kind as FollowUpKind,
    subjectType: row.subject_type as FollowUpSubject,
    subjectId: row.subject_id as string,
    ownerId: row.owner_id as string,
    dueAt: row.due_at as Date,
    status: row.status as FollowUpEntity['status'],
    title: row.title as string,
    details: row.details as string | null,
    firedAt: row.fired_at as Date | null,
    completedAt: row.completed_at as Date | null,
    completedBy: row.completed_by as string | null,
    snoozedUntil: row.snoozed_until as Date | null,
    cancelledReason: row.cancelled_reason as string | null,
    createdAt: row.created_at as Date,
    updatedAt: row.updated_at as Date,
    version: row.version as number,
    queuedVersion: row.queued_version as number | null,
  };
}

function rawOf(entity: FollowUpEntity): Record<string, unknown> {
  return {
    id: entity.id,
    kind: entity.kind,
    subject_type: entity.subjectType,
    subject_id: entity.subjectId,
    owner_id: entity.ownerId,
    due_at: entity.dueAt,
    status: entity.status,
    title: entity.title,
    details: entity.details,
    fired_at: entity.firedAt,
    completed_at: entity.completedAt,
    completed_by: entity.completedBy,
    snoozed_until: entity.snoozedUntil,
    cancelled_reason: entity.cancelledReason,
    created_at: entity.createdAt,
    updated_at: entity.updatedAt,
    version: entity.version,
  };
}

function toResponse(row: Record<string, unknown>): FollowUpResponseDto {
  const f = fromRaw(row) as FollowUpEntity;
  return {
    id: f.id,
    kind: f.kind,
    subjectType: f.subjectType,
    subjectId: f.subjectId,
    ownerId: f.ownerId,
    ownerName: (row.owner_name as string | undefined) ?? null,
    dueAt: f.dueAt,
    status: f.status,
    title: f.title,
    details: f.details ?? null,
    firedAt: f.firedAt ?? null,
    completedAt: f.completedAt ?? null,
    completedBy: f.completedBy ?? null,
    snoozedUntil: f.snoozedUntil ?? null,
    cancelledReason: f.cancelledReason ?? null,
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
    version: f.version,
  };
}
