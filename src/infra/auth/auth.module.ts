import { Global, Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { AuthUsers } from './auth-users';
import { RouteAccessVerifier } from './route-access.verifier';
import { TokenService } from './token.service';

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    TokenService,
    AuthUsers,
    RouteAccessVerifier,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenService, AuthUsers],
})
export class AuthModule {}
