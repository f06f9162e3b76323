import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, Role } from '../../infra/auth/role';
import { DomainException } from '../../infra/http/domain.exception';
import { UserEntity } from '../accounts/user.entity';
import { sectorLabel } from '../taxonomy/sectors';

/** What the access rules need to know of an employer. */
export interface EmployerScope {
  id: string;
  name: string;
  sector: string;
  accountManagerId: string;
}

/**
 * May `actor` change this employer and its vacancies? Coordinators may change all; an
 * accountmanager the employers they own and those in the sectors they serve; nobody else.
 */
export function mayChangeEmployer(
  actor: Pick<Actor, 'role' | 'userId'>,
  actorSectors: readonly string[],
  employer: Pick<EmployerScope, 'sector' | 'accountManagerId'>,
): boolean {
  switch (actor.role) {
    case Role.Coordinator:
      return true;
    case Role.AccountManager:
      return employer.accountManagerId === actor.userId || actorSectors.includes(employer.sector);
    case Role.ClientManager:
    case Role.Employer:
      return false;
  }
}

/** May `actor` read this employer's record? Staff read all; an employer contact only their own. */
export function mayReadEmployer(
  actor: Pick<Actor, 'role' | 'employerId'>,
  employer: Pick<EmployerScope, 'id'>,
): boolean {
  return actor.role !== Role.Employer || actor.employerId === employer.id;
}

/**
 * Object-level access to employers, shared with vacancies (a vacancy may be changed by whoever
 * may change its employer). Denials are DomainException.forbidden naming the object, so the
 * exception filter writes them to the audit log.
 */
@Injectable()
export class EmployerAccessService {
  async assertMayChange(
    actor: Actor,
    employer: EmployerScope,
    manager: EntityManager,
    objectType = 'employer',
    objectId: string | undefined = employer.id || undefined,
  ): Promise<void> {
    const sectors = await this.sectorsOf(actor, manager);
    if (mayChangeEmployer(actor, sectors, employer)) return;
    const what =
      objectType === 'employer' ? 'this employer' : `this ${objectType} of ${employer.name}`;
    throw DomainException.forbidden(
      actor.role === Role.AccountManager
        ? `You may change ${what} only if you own the employer or serve its sector ` +
            `${employer.sector} (${sectorLabel(employer.sector)}); your sectors: ` +
            `${sectors.length > 0 ? sectors.join(', ') : 'none'}. Ask the owning accountmanager or a coordinator`
        : `Role ${actor.role} may not change ${what}`,
      objectType,
      objectId,
    );
  }

  assertMayRead(actor: Actor, employer: EmployerScope): void {
    if (mayReadEmployer(actor, employer)) return;
    throw DomainException.forbidden(
      'An employer contact may only see their own employer',
      'employer',
      employer.id,
    );
  }

  /** The sectors an accountmanager serves, read fresh so a change by a coordinator counts at once. */
  private async sectorsOf(actor: Actor, manager: EntityManager): Promise<string[]> {
    if (actor.role !== Role.AccountManager) return [];
    const user = await manager
      .getRepository(UserEntity)
      .findOne({ where: { id: actor.userId }, select: { id: true, sectors: true } });
    return user?.sectors ?? [];
  }
}
