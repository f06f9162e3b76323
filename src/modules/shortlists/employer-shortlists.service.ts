import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../../infra/audit/audit.service';
import { Actor, Role } from '../../infra/auth/role';
import { DomainException, ErrorCode } from '../../infra/http/domain.exception';
import { RequestValidationException } from '../../infra/http/validation';
import { addDays, dutchDate, dutchTime } from '../../infra/time/calendar-dates';
import { addWorkingDays } from '../../infra/time/working-days';
import { CandidateEntity } from '../candidates/candidate.entity';
import { FollowUpsService } from '../follow-ups/follow-ups.service';
import { reasonLabel } from '../nominations/nomination-reasons';
import { NominationsService } from '../nominations/nominations.service';
import { EmployerAnswerDto } from './dto/shortlist.dto';
import { EmployerShortlistView } from './employer-shortlist-view';
import { candidateLabel } from './pseudonymise';
import { AnswerChannel, ShortlistAnswerEntity } from './shortlist-answer.entity';
import { CandidateSnapshot, ShortlistEntryEntity } from './shortlist-entry.entity';
import { ShortlistLinkEntity } from './shortlist-link.entity';
import { ShortlistLoader } from './shortlist-loader';
import {
  ANSWER_FOLLOW_UP_WORKING_DAYS,
  closedToEmployer,
  INTERVIEW_MAX_DAYS_AHEAD,
  isDecisive,
  NotSuitableReason,
  OPEN_TO_EMPLOYER,
} from './shortlist-rules';
import { isLinkTokenFormat, linkTokenHash } from './shortlist-tokens';
import { employerView, LoadedShortlist } from './shortlist-views';
import { ShortlistEntity } from './shortlist.entity';

/** How the employer came in: a link (no account) or their employer-contact account. */
export type EmployerAccess =
  | { channel: 'link'; shortlistId: string; linkId: string; requestId: string }
  | { channel: 'account'; shortlistId: string; actor: Actor };

/** Why a link or account cannot open a shortlist: a Dutch title and message, and the status. */
export class ShortlistClosedError extends DomainException {
  constructor(
    readonly title: string,
    message: string,
    readonly status: 404 | 410,
  ) {
    super(status === 404 ? ErrorCode.NotFound : ErrorCode.Gone, message);
  }
}

export type ViewFormat = 'json' | 'html' | 'pdf';

/**
 * The employer's side: open a shortlist through a link or an account, see it pseudonymised
 * (every view audited), and answer per candidate. An invitation creates or advances the
 * nomination and plans a follow-up; "not suitable" goes back to the klantmanager.
 */
@Injectable()
export class EmployerShortlistsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly loader: ShortlistLoader,
    private readonly followUps: FollowUpsService,
    private readonly nominations: NominationsService,
  ) {}

  /** The shortlist a link token opens, or why it does not (no data either way). */
  async byToken(token: string, requestId: string): Promise<EmployerAccess> {
    const notFound = new ShortlistClosedError(
      'Deze link bestaat niet',
      'Controleer of u de hele link hebt overgenomen, of vraag uw accountmanager om een nieuwe.',
      404,
    );
    if (!isLinkTokenFormat(token)) throw notFound;
    const link = await this.dataSource
      .getRepository(ShortlistLinkEntity)
      .findOne({ where: { tokenHash: linkTokenHash(token) } });
    if (!link) throw notFound;
    if (link.revokedAt) {
      throw new ShortlistClosedError(
        'Deze link is ingetrokken',
        'De accountmanager heeft deze link ingetrokken. Vraag uw accountmanager om een nieuwe link.',
        410,
      );
    }
    const shortlist = await this.dataSource
      .getRepository(ShortlistEntity)
      .findOneByOrFail({ id: link.shortlistId });
    this.assertOpen(shortlist);
    return { channel: 'link', shortlistId: shortlist.id, linkId: link.id, requestId };
  }

  /** An employer contact's own employer's shortlist. */
  async byAccount(actor: Actor, shortlistId: string): Promise<EmployerAccess> {
    const shortlist = await this.dataSource
      .getRepository(ShortlistEntity)
      .findOneBy({ id: shortlistId });
    if (!shortlist || shortlist.employerId !== actor.employerId || shortlist.status === 'draft') {
      // someone else's shortlist looks exactly like one that does not exist
      throw DomainException.notFound('shortlist', shortlistId);
    }
    this.assertOpen(shortlist);
    return { channel: 'account', shortlistId, actor };
  }

  /** The open shortlists of the contact's employer. */
  async listForAccount(actor: Actor): Promise<EmployerShortlistSummary[]> {
    const today = dutchDate();
    const rows = await this.dataSource.getRepository(ShortlistEntity).find({
      where: { employerId: actor.employerId ?? '', status: In([...OPEN_TO_EMPLOYER]) },
      order: { sentAt: 'DESC' },
    });
    const open = rows.filter((row) => row.expiresOn >= today);
    const counts = await this.dataSource.query<{ id: string; candidates: string }[]>(
      `SELECT shortlist_id AS id, count(*) AS candidates FROM shortlist_entries
       WHERE shortlist_id = ANY($1::uuid[]) GROUP BY shortlist_id`,
      [open.map((row) => row.id)],
    );
    await this.audit.record(actor, {
      action: 'shortlist.list',
      objectType: 'employer',
      objectId: actor.employerId,
      details: { shortlists: open.map((row) => row.id) },
    });
    return open.map((row) => ({
      id: row.id,
      title: row.title,
      status: row.status,
      sentOn: row.sentAt ? dutchDate(row.sentAt) : null,
      expiresOn: row.expiresOn,
      candidates: Number(counts.find((c) => c.id === row.id)?.candidates ?? 0),
    }));
  }

  /** The pseudonymised view; every view is audited with what was shown and how. */
  async view(access: EmployerAccess, format: ViewFormat): Promise<EmployerShortlistView> {
    return this.dataSource.transaction(async (manager) => {
      const shortlist = await manager
        .getRepository(ShortlistEntity)
        .findOneByOrFail({ id: access.shortlistId });
      const view = await this.viewOf(manager, await this.loader.load(manager, shortlist));
      if (access.channel === 'link') {
        await manager
          .getRepository(ShortlistLinkEntity)
          .update({ id: access.linkId }, { lastOpenedAt: new Date() });
      }
      await this.audit.record(
        this.auditActor(access),
        {
          action: 'shortlist.view',
          objectType: 'shortlist',
          objectId: shortlist.id,
          details: {
            channel: access.channel,
            format,
            ...(access.channel === 'link' && { linkId: access.linkId }),
            candidates: view.candidates.map((c) => c.entryId),
            revealed: view.candidates.filter((c) => c.revealedName).map((c) => c.entryId),
          },
        },
        manager,
      );
      return view;
    });
  }

  /** One answer on one candidate, with its consequences, in one transaction. */
  async answer(
    access: EmployerAccess,
    entryId: string,
    dto: EmployerAnswerDto,
  ): Promise<EmployerShortlistView> {
    const interviewAt = dto.kind === 'invite' ? parseInterviewAt(dto.interviewAt ?? '') : null;
    return this.dataSource.transaction(async (manager) => {
      const shortlist = await this.loader.lock(manager, access.shortlistId);
      this.assertOpen(shortlist);
      const loaded = await this.loader.load(manager, shortlist);
      const index = loaded.entries.findIndex((entry) => entry.id === entryId);
      if (index < 0) throw DomainException.notFound('shortlist entry', entryId);
      const entry = loaded.entries[index];
      const label = candidateLabel(index);
      const earlier = loaded.answers.get(entry.id) ?? [];
      const decided = earlier.find((answer) => isDecisive(answer.kind));
      if (decided && isDecisive(dto.kind)) {
        throw new DomainException(
          ErrorCode.Conflict,
          `U hebt over ${label} al geantwoord (${decided.kind === 'invite' ? 'uitgenodigd' : 'niet geschikt'}). Wilt u iets wijzigen, neem dan contact op met ${loaded.accountManager.name} (${loaded.accountManager.email}).`,
          { objectType: 'shortlist', objectId: shortlist.id },
        );
      }
      const userId = access.channel === 'account' ? access.actor.userId : null;
      const answer = await manager.getRepository(ShortlistAnswerEntity).save(
        manager.getRepository(ShortlistAnswerEntity).create({
          entryId: entry.id,
          kind: dto.kind,
          reason: dto.kind === 'not-suitable' ? (dto.reason ?? null) : null,
          text: dto.text ?? null,
          interviewAt,
          channel: access.channel satisfies AnswerChannel,
          userId,
        }),
      );
      loaded.answers.set(entry.id, [...earlier, answer]);
      const candidate = await manager
        .getRepository(CandidateEntity)
        .findOneByOrFail({ id: entry.candidateId });
      const where = `${loaded.employerName}${loaded.vacancy ? ` (${loaded.vacancy.title})` : ''}`;
      const consequence = { answer: dto.kind } as Record<string, unknown>;

      if (dto.kind === 'invite') {
        const result = await this.nominations.inviteFromShortlist(manager, {
          candidateId: entry.candidateId,
          employerId: shortlist.employerId,
          vacancyId: shortlist.vacancyId,
          employerUserId: userId,
          accountManagerId: shortlist.accountManagerId,
          motivation: entry.pitch,
          interviewAt: interviewAt as Date,
          note: dto.text ?? null,
        });
        const problem = 'problem' in result ? result.problem : null;
        const nominationId = 'nomination' in result ? result.nomination.id : null;
        if (nominationId) {
          entry.nominationId = nominationId;
          await manager.getRepository(ShortlistEntryEntity).save(entry);
          consequence.nominationId = nominationId;
        }
        const when = formatMoment(interviewAt as Date);
        await this.followUps.schedule(manager, {
          kind: 'shortlist-invitation',
          subjectType: 'shortlist-entry',
          subjectId: entry.id,
          ownerId: shortlist.accountManagerId,
          dueAt: addWorkingDays(new Date(), ANSWER_FOLLOW_UP_WORKING_DAYS),
          title: `${where} nodigt ${label} uit voor een gesprek`.slice(0, 200),
          details: [
            `Voorgesteld moment: ${when}.`,
            dto.text ? `Bericht van de werkgever: ${dto.text}` : null,
            problem
              ? `Er is geen voordracht gemaakt: ${problem}`
              : `Voordracht ${nominationId} staat op "gesprek gepland". Bevestig het moment met de werkgever en de klantmanager.`,
            `Cliënt ${candidate.clientNumber}. Vraag de kandidaat om toestemming om de naam aan de werkgever te tonen (shortlist ${shortlist.id}, kandidaat ${entry.id}).`,
          ]
            .filter(Boolean)
            .join('\n')
            .slice(0, 4000),
        });
        await this.followUps.notify(manager, {
          subjectType: 'shortlist-entry',
          subjectId: entry.id,
          ownerId: candidate.klantmanagerId,
          title: `Uitnodiging voor een gesprek: ${where}`.slice(0, 200),
          details:
            `Cliënt ${candidate.clientNumber} is uitgenodigd voor een gesprek op ${when}. Bereid het gesprek met de cliënt voor en leg vast of de cliënt instemt met het tonen van de naam aan de werkgever (shortlist ${shortlist.id}, kandidaat ${entry.id}).`.slice(
              0,
              4000,
            ),
        });
      } else if (dto.kind === 'question') {
        await this.followUps.schedule(manager, {
          kind: 'shortlist-question',
          subjectType: 'shortlist-entry',
          subjectId: entry.id,
          ownerId: shortlist.accountManagerId,
          dueAt: addWorkingDays(new Date(), ANSWER_FOLLOW_UP_WORKING_DAYS),
          title: `Vraag van ${where} over ${label}`.slice(0, 200),
          details: `Vraag: ${dto.text ?? ''}\nCliënt ${candidate.clientNumber}.`.slice(0, 4000),
        });
      } else {
        const reason = dto.reason as NotSuitableReason;
        const rejected = await this.nominations.rejectFromShortlist(manager, {
          candidateId: entry.candidateId,
          employerId: shortlist.employerId,
          vacancyId: shortlist.vacancyId,
          employerUserId: userId,
          reason,
          reasonText: dto.text ?? '',
        });
        consequence.rejectedNominationId = rejected?.id ?? null;
        if (!rejected) {
          // without a running nomination the feedback goes to the klantmanager from here
          await this.followUps.notify(manager, {
            subjectType: 'shortlist-entry',
            subjectId: entry.id,
            ownerId: candidate.klantmanagerId,
            title: `Niet geschikt bevonden: ${where}`.slice(0, 200),
            details:
              `Cliënt ${candidate.clientNumber} stond als ${label} op een shortlist. Reden: ${reasonLabel(reason)}. ${dto.text ?? ''}`.slice(
                0,
                4000,
              ),
          });
        }
      }

      await this.followUps.cancelOpen(
        manager,
        'shortlist',
        shortlist.id,
        ['shortlist-no-answer'],
        'De werkgever heeft geantwoord',
      );
      const allDecided = loaded.entries.every((e) =>
        (loaded.answers.get(e.id) ?? []).some((a) => isDecisive(a.kind)),
      );
      if (allDecided && shortlist.status === 'sent') {
        shortlist.status = 'answered';
        await manager.getRepository(ShortlistEntity).save(shortlist);
      }
      await this.audit.record(
        this.auditActor(access),
        {
          action: 'shortlist.answer',
          objectType: 'shortlist',
          objectId: shortlist.id,
          details: { entryId, channel: access.channel, ...consequence },
        },
        manager,
      );
      return this.viewOf(manager, { ...loaded, shortlist });
    });
  }

  private async viewOf(
    manager: EntityManager,
    loaded: LoadedShortlist,
  ): Promise<EmployerShortlistView> {
    const snapshots = new Map<string, CandidateSnapshot>();
    for (const entry of loaded.entries) {
      if (!entry.snapshot)
        throw new Error(`Sent shortlist entry ${entry.id} has no frozen profile`);
      snapshots.set(entry.id, entry.snapshot);
    }
    return employerView(
      loaded,
      snapshots,
      await this.loader.revealedNames(manager, loaded.entries),
    );
  }

  private assertOpen(shortlist: ShortlistEntity): void {
    const closed = closedToEmployer(shortlist, dutchDate());
    if (closed) {
      throw new ShortlistClosedError(
        closed.title,
        closed.message,
        shortlist.status === 'draft' ? 404 : 410,
      );
    }
  }

  private auditActor(access: EmployerAccess): Partial<Actor> {
    return access.channel === 'account'
      ? access.actor
      : { role: Role.Employer, requestId: access.requestId, purpose: 'shortlist-link' };
  }
}

export interface EmployerShortlistSummary {
  id: string;
  title: string;
  status: string;
  sentOn: string | null;
  expiresOn: string;
  candidates: number;
}

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;

/** An ISO moment; without a zone (a datetime-local field) it is Dutch time. Must lie ahead. */
export function parseInterviewAt(value: string): Date {
  const local = LOCAL_DATE_TIME.exec(value);
  const moment = local ? dutchTime(local[1], Number(local[2]), Number(local[3])) : new Date(value);
  const problems: string[] = [];
  if (Number.isNaN(moment.getTime())) {
    problems.push('interviewAt must be a date and time like 2027-01-14T10:00');
  } else if (moment.getTime() < Date.now()) {
    problems.push('interviewAt lies in the past: propose a moment in the future');
  } else if (dutchDate(moment) > addDays(dutchDate(), INTERVIEW_MAX_DAYS_AHEAD)) {
    problems.push(`interviewAt lies more than ${INTERVIEW_MAX_DAYS_AHEAD} days ahead`);
  }
  if (problems.length > 0)
    throw new RequestValidationException([{ field: 'interviewAt', problems }]);
  return moment;
}

const MOMENT = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  dateStyle: 'full',
  timeStyle: 'short',
});

function formatMoment(moment: Date): string {
  return MOMENT.format(moment);
}
