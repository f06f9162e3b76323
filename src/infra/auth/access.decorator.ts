import { SetMetadata } from '@nestjs/common';
import { Role } from './role';

export const ACCESS_KEY = 'werkspoor:access';

export type AccessRule = { public: true } | { public: false; roles: Role[] };

/** Deny by default: every route must carry exactly one of these. */
export const Public = () => SetMetadata(ACCESS_KEY, { public: true } satisfies AccessRule);

/** Only callers with one of these roles may call the route (object-level rules live in services). */
export const Roles = (...roles: Role[]) =>
  SetMetadata(ACCESS_KEY, { public: false, roles } satisfies AccessRule);
