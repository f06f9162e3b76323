import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, Actor } from '../../infra/auth/role';
import { Public, Roles } from '../../infra/auth/access.decorator';
import { AuthenticatedRequest, CurrentActor } from '../../infra/auth/current-actor.decorator';
import { AuthService } from './auth.service';
import { LoginDto, LoginResponseDto } from './dto/login.dto';
import { UserResponseDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  login(@Body() dto: LoginDto, @Req() request: AuthenticatedRequest): Promise<LoginResponseDto> {
    return this.auth.login(dto, request.ip ?? 'unknown', String(request.id ?? ''));
  }

  @Get('me')
  @Roles(...ALL_ROLES)
  @ApiBearerAuth()
  @ApiOkResponse({ type: UserResponseDto })
  me(@CurrentActor() actor: Actor): Promise<UserResponseDto> {
    return this.users.get(actor.userId);
  }
}
