import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditService } from '../../infra/audit/audit.service';
import { TokenService } from '../../infra/auth/token.service';
import { DomainException, ErrorCode } from '../../infra/http/domain.exception';
import { LoginDto, LoginResponseDto } from './dto/login.dto';
import { LoginThrottleService } from './login-throttle.service';
import { verifyPassword } from './password';
import { UserEntity } from './user.entity';
import { toUserResponse } from './users.service';

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
  ) {}

  async login(dto: LoginDto, ip: string, requestId: string): Promise<LoginResponseDto> {
    const email = dto.email.trim().toLowerCase();
    await this.throttle.assertAllowed(email, ip);
    const user = await this.users.findOne({ where: { email } });
    const valid = await verifyPassword(user?.passwordHash ?? null, dto.password);
    if (!user || !valid || !user.active) {
      await this.throttle.recordFailure(email, ip);
      await this.audit.record(
        user ? { userId: user.id, role: user.role, requestId } : { requestId },
        {
          action: 'auth.login',
          objectType: 'user',
          objectId: user?.id ?? null,
          result: 'denied',
          details: {
            reason: !user ? 'unknown account' : !valid ? 'wrong password' : 'inactive account',
          },
        },
      );
      throw new DomainException(
        ErrorCode.Unauthenticated,
        'E-mail or password is wrong, or the account is inactive',
      );
    }
    await this.throttle.reset(email);
    await this.audit.record(
      { userId: user.id, role: user.role, requestId },
      { action: 'auth.login', objectType: 'user', objectId: user.id },
    );
    const { active: _active, createdAt: _createdAt, ...session } = toUserResponse(user);
    return {
      accessToken: this.tokens.sign({ sub: user.id, role: user.role }),
      tokenType: 'Bearer',
      expiresIn: this.tokens.ttlSeconds,
      user: session,
    };
  }
}
