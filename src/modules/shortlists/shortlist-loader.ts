import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { DomainException } from '../../infra/http/domain.exception';
import { UserEntity } from '../accounts/user.entity';
import { CandidateEntity } from '../candidates/candidate.entity';
import { EmployerEntity } from '../employers/employer.entity';
import { PostcodeEntity } from '../taxonomy/postcode.entity';
import { VacancyEntity } from '../vacancies/vacancy.entity';
import { hoursText } from './pseudonymise';
import { ShortlistAnswerEntity } from './shortlist-answer.entity';
import { ShortlistEntryEntity } from './shortlist-entry.entity';
import { LoadedShortlist } from './shortlist-views';
import { ShortlistEntity } from './shortlist.entity';

/** Reads a shortlist with its entries, answers and the names its views show. */
@Injectable()
export class ShortlistLoader {
  async lock(manager: EntityManager, id: string): Promise<ShortlistEntity> {
    const shortlist = await manager
      .getRepository(ShortlistEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!shortlist) throw DomainException.notFound('shortlist', id);
    return shortlist;
  }

  async load(manager: EntityManager, shortlist: ShortlistEntity): Promise<LoadedShortlist> {
    const employer = await manager
      .getRepository(EmployerEntity)
      .findOneOrFail({ where: { id: shortlist.employerId }, select: { id: true, name: true } });
    const vacancy = shortlist.vacancyId
      ? await manager.getRepository(VacancyEntity).findOneOrFail({
          where: { id: shortlist.vacancyId },
          select: { id: true, title: true, hoursMin: true, hoursMax: true, pc4: true },
        })
      : null;
    const place = vacancy
      ? await manager.getRepository(PostcodeEntity).findOne({ where: { pc4: vacancy.pc4 } })
      : null;
    const accountManager = await manager.getRepository(UserEntity).findOneOrFail({
      where: { id: shortlist.accountManagerId },
      select: { id: true, displayName: true, email: true },
    });
    const entries = await manager
      .getRepository(ShortlistEntryEntity)
      .find({ where: { shortlistId: shortlist.id }, order: { position: 'ASC' } });
    const answers = new Map<string, ShortlistAnswerEntity[]>();
    if (entries.length > 0) {
      const rows = await manager.getRepository(ShortlistAnswerEntity).find({
        where: { entryId: In(entries.map((entry) => entry.id)) },
        order: { at: 'ASC', id: 'ASC' },
      });
      for (const row of rows) answers.set(row.entryId, [...(answers.get(row.entryId) ?? []), row]);
    }
    return {
      shortlist,
      employerName: employer.name,
      vacancy: vacancy
        ? {
            id: vacancy.id,
            title: vacancy.title,
            hours: hoursText(vacancy.hoursMin, vacancy.hoursMax),
            place: place?.place ?? null,
          }
        : null,
      accountManager: { name: accountManager.displayName, email: accountManager.email },
      entries,
      answers,
    };
  }

  /** The names the employer may see: of entries revealed after consent, by entry id. */
  async revealedNames(
    manager: EntityManager,
    entries: ShortlistEntryEntity[],
  ): Promise<Map<string, string>> {
    const revealed = entries.filter((entry) => entry.revealedAt);
    if (revealed.length === 0) return new Map();
    const people = await manager.getRepository(CandidateEntity).find({
      where: { id: In(revealed.map((entry) => entry.candidateId)) },
      select: { id: true, firstName: true, lastName: true },
    });
    const byId = new Map(people.map((c) => [c.id, `${c.firstName} ${c.lastName}`]));
    const names = new Map<string, string>();
    for (const entry of revealed) {
      const name = byId.get(entry.candidateId);
      if (name) names.set(entry.id, name);
    }
    return names;
  }
}
