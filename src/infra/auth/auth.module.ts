import { Global, Module } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { RouteAccessVerifier } from './route-access.verifier';
import { TokenService } from './token.service';

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [TokenService, RouteAccessVerifier, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenService],
})
export class AuthModule {}
