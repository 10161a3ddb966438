import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthService } from './auth.service';
import { Public } from '../access/decorators';
import { LoginDto, LoginResponse } from './dto/login.dto';
import { ApiErrors } from '../common/http/error-response';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in; answers a bearer token for the other routes' })
  @ApiOkResponse({ type: LoginResponse })
  @ApiErrors({
    401: 'AUTH.BAD_CREDENTIALS: wrong username or password (an unknown or deactivated user looks the same)',
    429: 'AUTH.TOO_MANY_FAILURES: 5 failures for this user from this address within 15 minutes; see Retry-After',
  })
  login(@Body() dto: LoginDto, @Ip() ip: string): Promise<LoginResponse> {
    return this.auth.login(dto, ip);
  }
}
