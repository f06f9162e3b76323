import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainException, ErrorCode } from '../http/domain.exception';
import { ACCESS_KEY, AccessRule } from './access.decorator';
import { AuthUsers } from './auth-users';
import { AuthenticatedRequest } from './current-actor.decorator';
import { Role } from './role';
import { TokenService } from './token.service';

const PURPOSE_MAX = 200;

/**
 * Global guard: a route without an access rule is refused (and the app refuses to boot, see
 * RouteAccessVerifier). Authenticated routes need a valid bearer token of an active user whose
 * role is allowed; object-level rules are checked in the services.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly users: AuthUsers,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) throw DomainException.forbidden('This route declares no access rule and is closed');
    if (rule.public) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const claims = this.tokens.verify(bearerToken(request) ?? '');
    if (!claims) {
      throw new DomainException(
        ErrorCode.Unauthenticated,
        'Missing, invalid or expired bearer token: log in at POST /auth/login and send "Authorization: Bearer <token>"',
      );
    }
    const user = await this.users.find(claims.sub);
    if (!user || !user.active || user.role !== claims.role) {
      throw new DomainException(
        ErrorCode.Unauthenticated,
        'This account is no longer active or its role changed: log in again',
      );
    }
    request.actor = {
      userId: user.id,
      role: user.role,
      employerId: user.employerId,
      requestId: String(request.id ?? ''),
      purpose: purposeHeader(request),
    };
    if (!rule.roles.includes(user.role)) {
      throw DomainException.forbidden(
        `Role ${user.role} may not call this route; allowed: ${rule.roles.join(', ')}`,
      );
    }
    return true;
  }
}

function bearerToken(request: AuthenticatedRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const [scheme, token] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : null;
}

function purposeHeader(request: AuthenticatedRequest): string | null {
  const raw = request.headers['x-purpose'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value ? value.replace(/[\r\n]/g, ' ').slice(0, PURPOSE_MAX) : null;
}

export function isRole(value: unknown): value is Role {
  return Object.values(Role).includes(value as Role);
}
