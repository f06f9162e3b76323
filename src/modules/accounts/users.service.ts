import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../infra/audit/audit.service';
import { AuthUsers } from '../../infra/auth/auth-users';
import { Actor, Role } from '../../infra/auth/role';
import { DomainException, ErrorCode } from '../../infra/http/domain.exception';
import { Page, pageOf, skipOf } from '../../infra/http/pagination';
import { CreateUserDto, UpdateUserDto, UserQueryDto, UserResponseDto } from './dto/user.dto';
import { hashPassword } from './password';
import { UserEntity } from './user.entity';

/** Coordinators manage accounts; every change is audited in the same transaction. */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly authUsers: AuthUsers,
  ) {}

  async list(query: UserQueryDto): Promise<Page<UserResponseDto>> {
    const [rows, total] = await this.dataSource.getRepository(UserEntity).findAndCount({
      where: query.role ? { role: query.role } : {},
      order: { displayName: 'ASC', id: 'ASC' },
      skip: skipOf(query),
      take: query.pageSize,
    });
    return pageOf(rows.map(toUserResponse), total, query);
  }

  async get(id: string): Promise<UserResponseDto> {
    return toUserResponse(await this.find(this.dataSource.manager, id));
  }

  async create(actor: Actor, dto: CreateUserDto): Promise<UserResponseDto> {
    const passwordHash = await hashPassword(dto.password);
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(UserEntity);
      if (await repo.exists({ where: { email: dto.email } })) {
        throw new DomainException(
          ErrorCode.Conflict,
          `An account with e-mail ${dto.email} already exists`,
        );
      }
      const user = repo.create({
        email: dto.email,
        passwordHash,
        role: dto.role,
        displayName: dto.displayName,
        sectors: dto.sectors ?? [],
        employerId: dto.employerId ?? null,
        active: true,
      });
      assertRoleShape(user);
      await repo.save(user);
      await this.audit.record(
        actor,
        {
          action: 'user.create',
          objectType: 'user',
          objectId: user.id,
          details: { role: user.role },
        },
        manager,
      );
      return toUserResponse(user);
    });
  }

  async update(actor: Actor, id: string, dto: UpdateUserDto): Promise<UserResponseDto> {
    const passwordHash = dto.password ? await hashPassword(dto.password) : undefined;
    const updated = await this.dataSource.transaction(async (manager) => {
      const user = await this.find(manager, id);
      if (
        dto.email &&
        dto.email !== user.email &&
        (await manager.getRepository(UserEntity).exists({ where: { email: dto.email } }))
      ) {
        throw new DomainException(
          ErrorCode.Conflict,
          `An account with e-mail ${dto.email} already exists`,
        );
      }
      if (id === actor.userId && (dto.active === false || (dto.role && dto.role !== user.role))) {
        throw new DomainException(
          ErrorCode.RuleViolation,
          'You cannot deactivate yourself or change your own role; ask another coordinator',
        );
      }
      const changed = Object.keys(dto).filter((key) => key !== 'password');
      Object.assign(user, {
        email: dto.email ?? user.email,
        role: dto.role ?? user.role,
        displayName: dto.displayName ?? user.displayName,
        sectors: dto.sectors ?? user.sectors,
        employerId: dto.employerId !== undefined ? dto.employerId : user.employerId,
        active: dto.active ?? user.active,
        passwordHash: passwordHash ?? user.passwordHash,
      });
      assertRoleShape(user);
      await manager.getRepository(UserEntity).save(user);
      await this.audit.record(
        actor,
        {
          action: 'user.update',
          objectType: 'user',
          objectId: id,
          details: { fields: changed, passwordChanged: !!passwordHash },
        },
        manager,
      );
      return toUserResponse(user);
    });
    // committed: this process reads the account again at once (the others when notified)
    this.authUsers.forget(id);
    return updated;
  }

  private async find(manager: EntityManager, id: string): Promise<UserEntity> {
    const user = await manager.getRepository(UserEntity).findOne({ where: { id } });
    if (!user) throw DomainException.notFound('user', id);
    return user;
  }
}

function assertRoleShape(user: UserEntity): void {
  if (user.role === Role.Employer && !user.employerId) {
    throw new DomainException(
      ErrorCode.ValidationFailed,
      'An account with role werkgever needs employerId',
    );
  }
  if (user.role !== Role.Employer && user.employerId) {
    throw new DomainException(
      ErrorCode.ValidationFailed,
      'Only accounts with role werkgever can have an employerId',
    );
  }
}

export function toUserResponse(user: UserEntity): UserResponseDto {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    displayName: user.displayName,
    sectors: user.sectors,
    employerId: user.employerId,
    active: user.active,
    createdAt: user.createdAt,
  };
}
