import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth-user';
import { CurrentUser, Public } from '../decorators/auth.decorators';
import { DemoLoginDto } from '../dtos/demo-login.dto';
import { AuthService, IssuedToken } from '../services/auth.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('demo-login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in as a demo user (demo mode only)' })
  demoLogin(@Body() body: DemoLoginDto): Promise<IssuedToken> {
    return this.auth.demoLogin(body);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user' })
  me(@CurrentUser() user: AuthUser): AuthUser {
    return user;
  }
}
