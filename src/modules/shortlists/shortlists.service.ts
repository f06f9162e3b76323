import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../../infra/audit/audit.service';
import { Actor, Role } from '../../infra/auth/role';
import { AppConfig } from '../../infra/config/app-config';
import { APP_CONFIG } from '../../infra/config/config.module';
import { DomainException, ErrorCode } from '../../infra/http/domain.exception';
import { Page, pageOf, skipOf } from '../../infra/http/pagination';
import { RequestValidationException } from '../../infra/http/validation';
import { addDays, dutchDate } from '../../infra/time/calendar-dates';
import { addWorkingDays } from '../../infra/time/working-days';
import { isMatchable, readAccess } from '../candidates/candidate-access';
import { CandidateEntity } from '../candidates/candidate.entity';
import { EmployerAccessService } from '../employers/employer-access.service';
import { EmployerEntity } from '../employers/employer.entity';
import { FieldErrors } from '../employers/field-errors';
import { FollowUpsService } from '../follow-ups/follow-ups.service';
import { VacancyEntity } from '../vacancies/vacancy.entity';
import {
  AddShortlistEntryDto,
  CloseShortlistDto,
  CreateShortlistDto,
  MAX_SHORTLIST_CANDIDATES,
  NewShortlistLinkDto,
  RecordConsentDto,
  ReorderShortlistDto,
  SentShortlistDto,
  ShortlistDetailDto,
  ShortlistEntryResponseDto,
  ShortlistQueryDto,
  ShortlistResponseDto,
  UpdateShortlistDto,
  UpdateShortlistEntryDto,
  VersionDto,
} from './dto/shortlist.dto';
import { EmployerShortlistView } from './employer-shortlist-view';
import { findIdentifyingDetails, IdentifyingFinding } from './identifying-details';
import { candidateLabel } from './pseudonymise';
import { ShortlistAnswerEntity } from './shortlist-answer.entity';
import { CandidateSnapshot, ShortlistEntryEntity } from './shortlist-entry.entity';
import { ShortlistLinkEntity } from './shortlist-link.entity';
import { ShortlistLoader } from './shortlist-loader';
import { ShortlistProfiles } from './shortlist-profiles';
import {
  DEFAULT_VALID_DAYS,
  expiryProblem,
  OPEN_TO_EMPLOYER,
  SHORTLIST_NO_ANSWER_WORKING_DAYS,
} from './shortlist-rules';
import { newLinkToken } from './shortlist-tokens';
import {
  answerDto,
  answeredCount,
  employerView,
  knownIdentifiers,
  linkDto,
  LoadedShortlist,
  shortlistResponse,
} from './shortlist-views';
import { ShortlistEntity } from './shortlist.entity';

const VACANCY_STATUSES_FOR_SHORTLISTS = ['open', 'on-hold'];

/**
 * The accountmanager's side of shortlists: compose from match results, order, pitch, preview,
 * send with a link, record consent, reveal a name, close. Every change is one transaction and
 * audited; reading the candidates' names on a shortlist is audited too.
 */
@Injectable()
export class ShortlistsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly employerAccess: EmployerAccessService,
    private readonly followUps: FollowUpsService,
    private readonly profiles: ShortlistProfiles,
    private readonly loader: ShortlistLoader,
  ) {}

  async create(actor: Actor, dto: CreateShortlistDto): Promise<ShortlistDetailDto> {
    const prepared = await this.prepareCreate(dto);
    return this.dataSource.transaction(async (manager) => {
      const { employer, vacancy } = prepared;
      await this.employerAccess.assertMayChange(actor, employer, manager, 'shortlist', undefined);
      const repo = manager.getRepository(ShortlistEntity);
      const shortlist = await repo.save(
        repo.create({
          employerId: employer.id,
          vacancyId: vacancy?.id ?? null,
          accountManagerId:
            actor.role === Role.AccountManager ? actor.userId : employer.accountManagerId,
          title: dto.title ?? `Kandidaten voor ${vacancy ? vacancy.title : employer.name}`,
          introduction: dto.introduction ?? null,
          status: 'draft',
          expiresOn: dto.expiresOn ?? addDays(dutchDate(), DEFAULT_VALID_DAYS),
          sentAt: null,
          closedAt: null,
          closeNote: null,
          createdById: actor.userId,
        }),
      );
      for (const candidateId of dto.candidateIds ?? []) {
        await this.insertEntry(manager, actor, shortlist, vacancy, { candidateId });
      }
      await this.audit.record(
        actor,
        {
          action: 'shortlist.create',
          objectType: 'shortlist',
          objectId: shortlist.id,
          details: { employerId: employer.id, vacancyId: vacancy?.id ?? null },
        },
        manager,
      );
      return this.detail(manager, shortlist);
    });
  }

  async list(actor: Actor, query: ShortlistQueryDto): Promise<Page<ShortlistResponseDto>> {
    const qb = this.dataSource
      .getRepository(ShortlistEntity)
      .createQueryBuilder('s')
      .innerJoin(EmployerEntity, 'e', 'e.id = s.employer_id')
      .leftJoin(VacancyEntity, 'v', 'v.id = s.vacancy_id')
      .addSelect(['e.name AS employer_name', 'v.title AS vacancy_title'])
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id', 'ASC');
    if (actor.role === Role.AccountManager) {
      qb.andWhere('(s.account_manager_id = :me OR e.account_manager_id = :me)', {
        me: actor.userId,
      });
    }
    if (query.status) qb.andWhere('s.status = :status', { status: query.status });
    if (query.employerId) qb.andWhere('s.employer_id = :employerId', query);
    if (query.vacancyId) qb.andWhere('s.vacancy_id = :vacancyId', query);
    const total = await qb.getCount();
    const { entities, raw } = await qb
      .offset(skipOf(query))
      .limit(query.pageSize)
      .getRawAndEntities();
    const ids = entities.map((s) => s.id);
    const counts = await this.counts(this.dataSource.manager, ids);
    const today = dutchDate();
    const items = entities.map((shortlist, i) =>
      shortlistResponse(
        shortlist,
        {
          employer: (raw[i] as { employer_name: string }).employer_name,
          vacancy: (raw[i] as { vacancy_title: string | null }).vacancy_title,
        },
        counts.get(shortlist.id) ?? { candidates: 0, answered: 0 },
        today,
      ),
    );
    return pageOf(items, total, query);
  }

  async get(actor: Actor, id: string): Promise<ShortlistDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      const shortlist = await this.findManaged(manager, actor, id);
      const detail = await this.detail(manager, shortlist);
      await this.audit.record(
        actor,
        {
          action: 'shortlist.read',
          objectType: 'shortlist',
          objectId: id,
          details: { candidates: detail.entries.map((entry) => entry.candidate.id) },
        },
        manager,
      );
      return detail;
    });
  }

  async update(actor: Actor, id: string, dto: UpdateShortlistDto): Promise<ShortlistDetailDto> {
    return this.change(actor, id, dto.version, (_manager, shortlist) => {
      const textChange = dto.title !== undefined || dto.introduction !== undefined;
      if (textChange) this.assertDraft(shortlist, 'change the title or introduction');
      if (shortlist.status === 'closed') this.assertDraft(shortlist, 'change the expiry date');
      if (dto.expiresOn !== undefined) {
        const problem = expiryProblem(dto.expiresOn, dutchDate());
        if (problem)
          throw new RequestValidationException([{ field: 'expiresOn', problems: [problem] }]);
        shortlist.expiresOn = dto.expiresOn;
      }
      if (dto.title !== undefined) shortlist.title = dto.title;
      if (dto.introduction !== undefined) shortlist.introduction = dto.introduction || null;
      return Promise.resolve({ action: 'shortlist.update', details: { fields: Object.keys(dto) } });
    });
  }

  async addEntry(actor: Actor, id: string, dto: AddShortlistEntryDto): Promise<ShortlistDetailDto> {
    return this.change(actor, id, null, async (manager, shortlist) => {
      this.assertDraft(shortlist, 'add candidates');
      const vacancy = shortlist.vacancyId
        ? await manager.getRepository(VacancyEntity).findOneByOrFail({ id: shortlist.vacancyId })
        : null;
      await this.insertEntry(manager, actor, shortlist, vacancy, dto);
      return { action: 'shortlist.entry.add', details: { candidateId: dto.candidateId } };
    });
  }

  async updateEntry(
    actor: Actor,
    id: string,
    entryId: string,
    dto: UpdateShortlistEntryDto,
  ): Promise<ShortlistDetailDto> {
    return this.change(actor, id, null, async (manager, shortlist) => {
      this.assertDraft(shortlist, 'change a pitch');
      const entry = await this.entryOf(manager, shortlist, entryId);
      entry.pitch = dto.pitch;
      await manager.getRepository(ShortlistEntryEntity).save(entry);
      return { action: 'shortlist.entry.update', details: { entryId } };
    });
  }

  async removeEntry(actor: Actor, id: string, entryId: string): Promise<ShortlistDetailDto> {
    return this.change(actor, id, null, async (manager, shortlist) => {
      this.assertDraft(shortlist, 'remove candidates');
      const entry = await this.entryOf(manager, shortlist, entryId);
      const repo = manager.getRepository(ShortlistEntryEntity);
      await repo.delete({ id: entry.id });
      const rest = await repo.find({ where: { shortlistId: id }, order: { position: 'ASC' } });
      await this.renumber(
        manager,
        rest.map((e) => e.id),
      );
      return { action: 'shortlist.entry.remove', details: { candidateId: entry.candidateId } };
    });
  }

  async reorder(actor: Actor, id: string, dto: ReorderShortlistDto): Promise<ShortlistDetailDto> {
    return this.change(actor, id, null, async (manager, shortlist) => {
      this.assertDraft(shortlist, 'change the order');
      const entries = await manager
        .getRepository(ShortlistEntryEntity)
        .find({ where: { shortlistId: id }, select: { id: true } });
      const known = new Set(entries.map((e) => e.id));
      if (dto.entryIds.length !== known.size || dto.entryIds.some((e) => !known.has(e))) {
        throw new RequestValidationException([
          {
            field: 'entryIds',
            problems: [
              `entryIds must list every entry of this shortlist exactly once (${known.size}): ${[...known].join(', ')}`,
            ],
          },
        ]);
      }
      await this.renumber(manager, dto.entryIds);
      return { action: 'shortlist.reorder', details: { entryIds: dto.entryIds } };
    });
  }

  /** Exactly what the employer sees (or would see, for a draft). */
  async preview(actor: Actor, id: string): Promise<EmployerShortlistView> {
    return this.dataSource.transaction(async (manager) => {
      const shortlist = await this.findManaged(manager, actor, id);
      const loaded = await this.loader.load(manager, shortlist);
      const view = employerView(
        loaded,
        await this.snapshots(manager, loaded),
        await this.loader.revealedNames(manager, loaded.entries),
      );
      await this.audit.record(
        actor,
        { action: 'shortlist.preview', objectType: 'shortlist', objectId: id },
        manager,
      );
      return view;
    });
  }

  /**
   * Sends a draft: every candidate must still be open to matching, every text free of
   * identifying details, the vacancy open. The profiles are frozen as the employer will see
   * them, a link is made (its token returned once), and a follow-up is planned for when the
   * employer has not answered after 5 working days.
   */
  async send(actor: Actor, id: string, dto: VersionDto): Promise<SentShortlistDto> {
    let link: NewShortlistLinkDto | undefined;
    const shortlist = await this.change(actor, id, dto.version, async (manager, shortlist) => {
      this.assertDraft(shortlist, 'send it again; make a new link instead');
      const today = dutchDate();
      const expiry = expiryProblem(shortlist.expiresOn, today);
      if (expiry) {
        throw new DomainException(
          ErrorCode.RuleViolation,
          `The expiry date does not fit: ${expiry}. Change it with PATCH /shortlists/${id}`,
          { objectType: 'shortlist', objectId: id },
        );
      }
      const loaded = await this.loader.load(manager, shortlist);
      if (loaded.entries.length === 0) {
        throw new DomainException(
          ErrorCode.RuleViolation,
          'A shortlist needs at least one candidate before it is sent',
          { objectType: 'shortlist', objectId: id },
        );
      }
      await this.assertVacancyOpen(manager, shortlist);
      const candidates = await this.candidatesOf(manager, loaded.entries);
      this.assertAllMatchable(loaded.entries, candidates);
      this.assertNoIdentifyingDetails(loaded, candidates);

      const snapshots = await this.snapshots(manager, loaded);
      for (const entry of loaded.entries) {
        await manager
          .getRepository(ShortlistEntryEntity)
          .update({ id: entry.id }, { snapshot: snapshots.get(entry.id) });
      }
      shortlist.status = 'sent';
      shortlist.sentAt = new Date();
      link = await this.makeLink(manager, actor, shortlist);
      await this.followUps.schedule(manager, {
        kind: 'shortlist-no-answer',
        subjectType: 'shortlist',
        subjectId: id,
        ownerId: shortlist.accountManagerId,
        dueAt: addWorkingDays(new Date(), SHORTLIST_NO_ANSWER_WORKING_DAYS),
        title: `Geen antwoord van ${loaded.employerName} op shortlist`.slice(0, 200),
        details: `Shortlist "${shortlist.title}" (${loaded.entries.length} kandidaten) is ${SHORTLIST_NO_ANSWER_WORKING_DAYS} werkdagen geleden verstuurd zonder antwoord. Bel de werkgever, of sluit de shortlist.`,
      });
      return { action: 'shortlist.send', details: { candidates: loaded.entries.length } };
    });
    if (!link) throw new Error('The link was not made');
    return { shortlist, link };
  }

  /** A new link for a sent shortlist; earlier links stop working. */
  async newLink(actor: Actor, id: string): Promise<SentShortlistDto> {
    let link: NewShortlistLinkDto | undefined;
    const shortlist = await this.change(actor, id, null, async (manager, shortlist) => {
      if (!OPEN_TO_EMPLOYER.includes(shortlist.status)) {
        throw new DomainException(
          ErrorCode.InvalidTransition,
          `Shortlist ${id} is ${shortlist.status}: links exist for sent shortlists only`,
          { objectType: 'shortlist', objectId: id },
        );
      }
      const revoked = await this.revokeLinks(manager, actor, id);
      link = await this.makeLink(manager, actor, shortlist);
      return { action: 'shortlist.link.create', details: { revoked } };
    });
    if (!link) throw new Error('The link was not made');
    return { shortlist, link };
  }

  async revokeLink(actor: Actor, id: string, linkId: string): Promise<ShortlistDetailDto> {
    return this.change(actor, id, null, async (manager) => {
      const link = await manager
        .getRepository(ShortlistLinkEntity)
        .findOne({ where: { id: linkId, shortlistId: id } });
      if (!link) throw DomainException.notFound('shortlist link', linkId);
      if (link.revokedAt) {
        throw new DomainException(ErrorCode.Conflict, `Link ${linkId} was revoked already`, {
          objectType: 'shortlist',
          objectId: id,
        });
      }
      await manager
        .getRepository(ShortlistLinkEntity)
        .update({ id: linkId }, { revokedAt: new Date(), revokedById: actor.userId });
      return { action: 'shortlist.link.revoke', details: { linkId } };
    });
  }

  async close(actor: Actor, id: string, dto: CloseShortlistDto): Promise<ShortlistDetailDto> {
    return this.change(actor, id, dto.version, async (manager, shortlist) => {
      if (shortlist.status === 'closed') {
        throw new DomainException(
          ErrorCode.InvalidTransition,
          `Shortlist ${id} is closed already`,
          {
            objectType: 'shortlist',
            objectId: id,
          },
        );
      }
      shortlist.status = 'closed';
      shortlist.closedAt = new Date();
      shortlist.closeNote = dto.note ?? null;
      await this.followUps.cancelOpen(manager, 'shortlist', id, undefined, 'Shortlist gesloten');
      return { action: 'shortlist.close', details: {} };
    });
  }

  /**
   * Records that the candidate agreed to be introduced by name to this employer: their
   * klantmanager, or the accountmanager who spoke with them.
   */
  async recordConsent(
    actor: Actor,
    id: string,
    entryId: string,
    dto: RecordConsentDto,
  ): Promise<ShortlistEntryResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const shortlist = await this.loader.lock(manager, id);
      const entry = await this.entryOf(manager, shortlist, entryId);
      const candidate = await manager
        .getRepository(CandidateEntity)
        .findOneByOrFail({ id: entry.candidateId });
      if (actor.role === Role.ClientManager) {
        if (candidate.klantmanagerId !== actor.userId) {
          throw DomainException.forbidden(
            'Only the klantmanager of this candidate (or the accountmanager of the shortlist) records consent',
            'shortlist',
            id,
          );
        }
      } else {
        await this.assertMayManage(manager, actor, shortlist);
      }
      if (shortlist.status === 'closed' || shortlist.status === 'draft') {
        throw new DomainException(
          ErrorCode.InvalidTransition,
          `Shortlist ${id} is ${shortlist.status}: consent to be introduced is recorded on a sent shortlist`,
          { objectType: 'shortlist', objectId: id },
        );
      }
      entry.consentRecordedAt = new Date();
      entry.consentRecordedById = actor.userId;
      entry.consentNote = dto.note ?? null;
      await manager.getRepository(ShortlistEntryEntity).save(entry);
      await this.audit.record(
        actor,
        {
          action: 'shortlist.consent',
          objectType: 'shortlist',
          objectId: id,
          details: { entryId, candidateId: entry.candidateId },
        },
        manager,
      );
      const answers = await manager
        .getRepository(ShortlistAnswerEntity)
        .find({ where: { entryId }, order: { at: 'ASC' } });
      return this.entryResponse(entry, candidate, answers, []);
    });
  }

  /** Shows the candidate's name to the employer: only after their recorded consent. */
  async reveal(actor: Actor, id: string, entryId: string): Promise<ShortlistDetailDto> {
    return this.change(actor, id, null, async (manager, shortlist) => {
      if (!OPEN_TO_EMPLOYER.includes(shortlist.status)) {
        throw new DomainException(
          ErrorCode.InvalidTransition,
          `Shortlist ${id} is ${shortlist.status}: a name is revealed on a sent shortlist`,
          { objectType: 'shortlist', objectId: id },
        );
      }
      const entry = await this.entryOf(manager, shortlist, entryId);
      if (!entry.consentRecordedAt) {
        throw new DomainException(
          ErrorCode.RuleViolation,
          'The candidate has not agreed to be introduced by name yet: ask the klantmanager to record the consent first (POST .../consent)',
          { objectType: 'shortlist', objectId: id },
        );
      }
      if (entry.revealedAt) {
        throw new DomainException(
          ErrorCode.Conflict,
          'This name is shown to the employer already',
          {
            objectType: 'shortlist',
            objectId: id,
          },
        );
      }
      entry.revealedAt = new Date();
      entry.revealedById = actor.userId;
      await manager.getRepository(ShortlistEntryEntity).save(entry);
      return { action: 'shortlist.reveal', details: { entryId, candidateId: entry.candidateId } };
    });
  }

  // ---- helpers

  /** Runs one change in a transaction: lock, access, version, audit, fresh detail. */
  private async change(
    actor: Actor,
    id: string,
    version: number | null,
    work: (
      manager: EntityManager,
      shortlist: ShortlistEntity,
    ) => Promise<{ action: string; details: Record<string, unknown> }>,
  ): Promise<ShortlistDetailDto> {
    return this.dataSource.transaction(async (manager) => {
      const shortlist = await this.loader.lock(manager, id);
      await this.assertMayManage(manager, actor, shortlist);
      if (version !== null && version !== shortlist.version) {
        throw new DomainException(
          ErrorCode.Conflict,
          `Shortlist ${id} was changed meanwhile (it is now version ${shortlist.version}, status ${shortlist.status}; you sent version ${version}): reload it and try again`,
          { objectType: 'shortlist', objectId: id },
        );
      }
      const { action, details } = await work(manager, shortlist);
      // every change, an entry's too, moves the shortlist's version on
      shortlist.updatedAt = new Date();
      await manager.getRepository(ShortlistEntity).save(shortlist);
      await this.audit.record(
        actor,
        { action, objectType: 'shortlist', objectId: id, details },
        manager,
      );
      return this.detail(manager, shortlist);
    });
  }

  private async prepareCreate(
    dto: CreateShortlistDto,
  ): Promise<{ employer: EmployerEntity; vacancy: VacancyEntity | null }> {
    const errors = new FieldErrors();
    const manager = this.dataSource.manager;
    const vacancy = dto.vacancyId
      ? await manager.getRepository(VacancyEntity).findOneBy({ id: dto.vacancyId })
      : null;
    if (dto.vacancyId && !vacancy)
      errors.add('vacancyId', `vacancy ${dto.vacancyId} does not exist`);
    if (!dto.vacancyId && !dto.employerId) {
      errors.add(
        'employerId',
        'employerId is required without a vacancy: give vacancyId or employerId',
      );
    }
    if (vacancy && dto.employerId && dto.employerId !== vacancy.employerId) {
      errors.add(
        'employerId',
        `vacancy ${vacancy.id} belongs to employer ${vacancy.employerId}, not ${dto.employerId}; leave employerId out`,
      );
    }
    if (vacancy && !VACANCY_STATUSES_FOR_SHORTLISTS.includes(vacancy.status)) {
      errors.add(
        'vacancyId',
        `vacancy ${vacancy.id} is ${vacancy.status}: shortlists are for open or on-hold vacancies`,
      );
    }
    const employerId = vacancy?.employerId ?? dto.employerId;
    const employer = employerId
      ? await manager.getRepository(EmployerEntity).findOneBy({ id: employerId })
      : null;
    if (employerId && !employer) errors.add('employerId', `employer ${employerId} does not exist`);
    if (dto.expiresOn) {
      const problem = expiryProblem(dto.expiresOn, dutchDate());
      if (problem) errors.add('expiresOn', problem);
    }
    errors.throwIfAny();
    return { employer: employer as EmployerEntity, vacancy };
  }

  private async insertEntry(
    manager: EntityManager,
    actor: Actor,
    shortlist: ShortlistEntity,
    vacancy: VacancyEntity | null,
    dto: AddShortlistEntryDto,
  ): Promise<void> {
    const candidate = await manager
      .getRepository(CandidateEntity)
      .findOneBy({ id: dto.candidateId });
    if (!candidate) {
      throw new RequestValidationException([
        { field: 'candidateId', problems: [`candidate ${dto.candidateId} does not exist`] },
      ]);
    }
    const access = readAccess(actor, candidate);
    if (!access.allowed) throw DomainException.forbidden(access.reason, 'candidate', candidate.id);
    if (!isMatchable(candidate)) {
      throw new DomainException(
        ErrorCode.RuleViolation,
        `Candidate ${candidate.id} cannot be put on a shortlist: the profile must be open to matching (the client agreed) and active`,
        { objectType: 'candidate', objectId: candidate.id },
      );
    }
    const repo = manager.getRepository(ShortlistEntryEntity);
    const existing = await repo.find({
      where: { shortlistId: shortlist.id },
      select: { id: true, candidateId: true },
    });
    if (existing.some((e) => e.candidateId === candidate.id)) {
      throw new DomainException(
        ErrorCode.Conflict,
        `Candidate ${candidate.id} is on this shortlist already`,
        { objectType: 'shortlist', objectId: shortlist.id },
      );
    }
    if (existing.length >= MAX_SHORTLIST_CANDIDATES) {
      throw new DomainException(
        ErrorCode.RuleViolation,
        `A shortlist holds at most ${MAX_SHORTLIST_CANDIDATES} candidates: a short, curated list is what convinces an employer`,
        { objectType: 'shortlist', objectId: shortlist.id },
      );
    }
    const fit = await this.profiles.fit(vacancy, candidate.id);
    await repo.insert({
      shortlistId: shortlist.id,
      candidateId: candidate.id,
      position: existing.length,
      pitch: dto.pitch ?? (await this.profiles.prefillPitch(fit, candidate)),
      matchScore: fit.score,
      matchLabel: fit.label,
      snapshot: null,
    });
  }

  private async makeLink(
    manager: EntityManager,
    actor: Actor,
    shortlist: ShortlistEntity,
  ): Promise<NewShortlistLinkDto> {
    const { token, hash } = newLinkToken();
    await manager
      .getRepository(ShortlistLinkEntity)
      .insert({ shortlistId: shortlist.id, tokenHash: hash, createdById: actor.userId });
    return { url: `${this.config.publicUrl}/s/${token}`, token, expiresOn: shortlist.expiresOn };
  }

  private async revokeLinks(manager: EntityManager, actor: Actor, id: string): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(ShortlistLinkEntity)
      .set({ revokedAt: () => 'now()', revokedById: actor.userId })
      .where('shortlist_id = :id AND revoked_at IS NULL', { id })
      .execute();
    return result.affected ?? 0;
  }

  private async renumber(manager: EntityManager, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(
      `UPDATE shortlist_entries e SET position = o.position - 1
       FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, position) WHERE e.id = o.id`,
      [ids],
    );
  }

  private async findManaged(
    manager: EntityManager,
    actor: Actor,
    id: string,
  ): Promise<ShortlistEntity> {
    const shortlist = await manager.getRepository(ShortlistEntity).findOneBy({ id });
    if (!shortlist) throw DomainException.notFound('shortlist', id);
    await this.assertMayManage(manager, actor, shortlist);
    return shortlist;
  }

  private async assertMayManage(
    manager: EntityManager,
    actor: Actor,
    shortlist: ShortlistEntity,
  ): Promise<void> {
    if (actor.role === Role.AccountManager && shortlist.accountManagerId === actor.userId) return;
    const employer = await manager
      .getRepository(EmployerEntity)
      .findOneByOrFail({ id: shortlist.employerId });
    await this.employerAccess.assertMayChange(actor, employer, manager, 'shortlist', shortlist.id);
  }

  private assertDraft(shortlist: ShortlistEntity, what: string): void {
    if (shortlist.status !== 'draft') {
      throw new DomainException(
        ErrorCode.InvalidTransition,
        `Shortlist ${shortlist.id} is ${shortlist.status}: you can ${what} only while it is a draft`,
        { objectType: 'shortlist', objectId: shortlist.id },
      );
    }
  }

  private async assertVacancyOpen(
    manager: EntityManager,
    shortlist: ShortlistEntity,
  ): Promise<void> {
    if (!shortlist.vacancyId) return;
    const vacancy = await manager
      .getRepository(VacancyEntity)
      .findOneByOrFail({ id: shortlist.vacancyId });
    if (vacancy.status !== 'open') {
      throw new DomainException(
        ErrorCode.RuleViolation,
        `Vacancy ${vacancy.id} is ${vacancy.status}: send a shortlist for an open vacancy only`,
        { objectType: 'vacancy', objectId: vacancy.id },
      );
    }
  }

  private assertAllMatchable(
    entries: ShortlistEntryEntity[],
    candidates: Map<string, CandidateEntity>,
  ): void {
    const gone = entries
      .map((entry, i) => ({ entry, label: candidateLabel(i) }))
      .filter(({ entry }) => !isMatchable(candidates.get(entry.candidateId) as CandidateEntity));
    if (gone.length > 0) {
      throw new DomainException(
        ErrorCode.RuleViolation,
        `Not every candidate can be proposed now (no longer open to matching, or no longer active): ${gone
          .map(({ entry, label }) => `${label} (entry ${entry.id})`)
          .join(', ')}. Remove them from the shortlist first`,
      );
    }
  }

  private assertNoIdentifyingDetails(
    loaded: LoadedShortlist,
    candidates: Map<string, CandidateEntity>,
  ): void {
    const problems: string[] = [];
    const all = [...candidates.values()];
    for (const finding of introductionFindings(loaded.shortlist, all)) {
      problems.push(`introductie: ${finding.message}`);
    }
    loaded.entries.forEach((entry, i) => {
      const candidate = candidates.get(entry.candidateId) as CandidateEntity;
      for (const finding of findIdentifyingDetails(entry.pitch, knownIdentifiers([candidate]))) {
        problems.push(`${candidateLabel(i)} (pitch): ${finding.message}`);
      }
    });
    if (problems.length > 0) {
      throw new DomainException(
        ErrorCode.RuleViolation,
        `Pas deze teksten aan voor verzending, ze kunnen de kandidaat herkenbaar maken: ${problems.join(' | ')}`,
        { objectType: 'shortlist', objectId: loaded.shortlist.id },
      );
    }
  }

  private async candidatesOf(
    manager: EntityManager,
    entries: ShortlistEntryEntity[],
  ): Promise<Map<string, CandidateEntity>> {
    if (entries.length === 0) return new Map();
    const rows = await manager
      .getRepository(CandidateEntity)
      .find({ where: { id: In(entries.map((e) => e.candidateId)) } });
    return new Map(rows.map((c) => [c.id, c]));
  }

  /** Frozen profiles for a sent shortlist; fresh ones for a draft. */
  private async snapshots(
    manager: EntityManager,
    loaded: LoadedShortlist,
  ): Promise<Map<string, CandidateSnapshot>> {
    const result = new Map<string, CandidateSnapshot>();
    const fresh = loaded.entries.filter((entry) => !entry.snapshot);
    for (const entry of loaded.entries) if (entry.snapshot) result.set(entry.id, entry.snapshot);
    if (fresh.length === 0) return result;
    const candidates = await this.candidatesOf(manager, fresh);
    const vacancy = loaded.shortlist.vacancyId
      ? await manager
          .getRepository(VacancyEntity)
          .findOneByOrFail({ id: loaded.shortlist.vacancyId })
      : null;
    const employer = await manager
      .getRepository(EmployerEntity)
      .findOneByOrFail({ id: loaded.shortlist.employerId });
    const rules = await this.profiles.rules(manager);
    for (const entry of fresh) {
      const candidate = candidates.get(entry.candidateId) as CandidateEntity;
      result.set(
        entry.id,
        await this.profiles.snapshot({
          candidate,
          label: candidateLabel(entry.position),
          pitch: entry.pitch,
          fit: await this.profiles.fit(vacancy, candidate.id),
          vacancy,
          employer,
          rules,
        }),
      );
    }
    return result;
  }

  private async counts(
    manager: EntityManager,
    ids: string[],
  ): Promise<Map<string, { candidates: number; answered: number }>> {
    if (ids.length === 0) return new Map();
    const rows = await manager.query<{ id: string; candidates: string; answered: string }[]>(
      `SELECT e.shortlist_id AS id, count(*) AS candidates,
              count(*) FILTER (WHERE EXISTS (
                SELECT 1 FROM shortlist_answers a
                WHERE a.entry_id = e.id AND a.kind IN ('invite', 'not-suitable'))) AS answered
       FROM shortlist_entries e WHERE e.shortlist_id = ANY($1::uuid[]) GROUP BY e.shortlist_id`,
      [ids],
    );
    return new Map(
      rows.map((r) => [r.id, { candidates: Number(r.candidates), answered: Number(r.answered) }]),
    );
  }

  private async entryOf(
    manager: EntityManager,
    shortlist: ShortlistEntity,
    entryId: string,
  ): Promise<ShortlistEntryEntity> {
    const entry = await manager
      .getRepository(ShortlistEntryEntity)
      .findOne({ where: { id: entryId, shortlistId: shortlist.id } });
    if (!entry) throw DomainException.notFound('shortlist entry', entryId);
    return entry;
  }

  private entryResponse(
    entry: ShortlistEntryEntity,
    candidate: CandidateEntity,
    answers: ShortlistAnswerEntity[],
    findings: IdentifyingFinding[],
  ): ShortlistEntryResponseDto {
    return {
      id: entry.id,
      position: entry.position,
      label: candidateLabel(entry.position),
      candidate: {
        id: candidate.id,
        firstName: candidate.firstName,
        lastName: candidate.lastName,
        klantmanagerId: candidate.klantmanagerId,
      },
      pitch: entry.pitch,
      pitchFindings: findings,
      matchScore: entry.matchScore,
      matchLabel: entry.matchLabel,
      consentRecordedAt: entry.consentRecordedAt,
      consentRecordedById: entry.consentRecordedById,
      revealedAt: entry.revealedAt,
      nominationId: entry.nominationId,
      answers: answers.map(answerDto),
    };
  }

  private async detail(
    manager: EntityManager,
    shortlist: ShortlistEntity,
  ): Promise<ShortlistDetailDto> {
    const loaded = await this.loader.load(manager, shortlist);
    const candidates = await this.candidatesOf(manager, loaded.entries);
    const links = await manager
      .getRepository(ShortlistLinkEntity)
      .find({ where: { shortlistId: shortlist.id }, order: { createdAt: 'ASC' } });
    const today = dutchDate();
    const open = OPEN_TO_EMPLOYER.includes(shortlist.status) && today <= shortlist.expiresOn;
    return {
      ...shortlistResponse(
        shortlist,
        { employer: loaded.employerName, vacancy: loaded.vacancy?.title ?? null },
        { candidates: loaded.entries.length, answered: answeredCount(loaded.answers) },
        today,
      ),
      introductionFindings: introductionFindings(shortlist, [...candidates.values()]),
      entries: loaded.entries.map((entry) => {
        const candidate = candidates.get(entry.candidateId) as CandidateEntity;
        return this.entryResponse(
          entry,
          candidate,
          loaded.answers.get(entry.id) ?? [],
          findIdentifyingDetails(entry.pitch, knownIdentifiers([candidate])),
        );
      }),
      links: links.map((link) => linkDto(link, open)),
    };
  }
}

function introductionFindings(
  shortlist: ShortlistEntity,
  candidates: CandidateEntity[],
): IdentifyingFinding[] {
  return shortlist.introduction
    ? findIdentifyingDetails(shortlist.introduction, knownIdentifiers(candidates))
    : [];
}
