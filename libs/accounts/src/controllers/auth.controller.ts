import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth-user';
import { AllowedBeforePasswordChange, CurrentUser, Public } from '../decorators/auth.decorators';
import { ChangePasswordDto, LoginDto, LogoutDto, RefreshDto } from '../dtos/auth.dto';
import { DemoLoginDto } from '../dtos/demo-login.dto';
import { AuthService } from '../services/auth.service';
import { PasswordService } from '../services/password.service';
import type { IssuedToken } from '../services/token.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly passwords: PasswordService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with a password; wrong passwords are throttled, then the name is locked for a while (429)' })
  login(@Body() body: LoginDto): Promise<IssuedToken> {
    return this.auth.login(body);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Swap a refresh token for a new pair (the old one stops working; reusing it ends the session)' })
  refresh(@Body() body: RefreshDto): Promise<IssuedToken> {
    return this.auth.refresh(body.refreshToken);
  }

  @Public()
  @Post('demo-login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in as a demo user without a password (demo mode only)' })
  demoLogin(@Body() body: DemoLoginDto): Promise<IssuedToken> {
    return this.auth.demoLogin(body);
  }

  @Post('logout')
  @HttpCode(200)
  @AllowedBeforePasswordChange()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End this session (or every session with everywhere=true); its tokens stop working at once' })
  logout(@CurrentUser() user: AuthUser, @Body() body: LogoutDto) {
    return this.auth.logout(user, { everywhere: body.everywhere ?? false });
  }

  @Post('password')
  @HttpCode(200)
  @AllowedBeforePasswordChange()
  @ApiBearerAuth()
  @ApiOperation({ summary: "Change one's own password; every other session ends" })
  changePassword(@CurrentUser() user: AuthUser, @Body() body: ChangePasswordDto) {
    return this.passwords.change(user, body);
  }

  @Get('me')
  @AllowedBeforePasswordChange()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user' })
  me(@CurrentUser() user: AuthUser): AuthUser {
    return user;
  }
}
