import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { writeTransaction } from '../database/transactions';
import { OrgUnitsService } from '../org-units/org-units.service';
import { UserResponse } from '../users/dto/user.response';
import { PasswordHasher } from '../users/password-hasher';
import { UsersRepository } from '../users/users.repository';
import type { Actor } from '../access/actor';
import { type AuthConfig, authConfig } from './auth.config';
import { BadCredentialsError, TooManyLoginFailuresError, UnauthenticatedError } from './auth.errors';
import { LoginDto, LoginResponse } from './dto/login.dto';
import { LoginThrottle } from './login-throttle';
import { isTokenClaims, TokenClaims } from './token-claims';
import { VerifiedTokens } from './verified-tokens';

@Injectable()
export class AuthService {
  private readonly verified = new VerifiedTokens<TokenClaims>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
    private readonly orgUnits: OrgUnitsService,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {}

  async login(dto: LoginDto, ip: string): Promise<LoginResponse> {
    const username = dto.username.trim().toLowerCase();
    const wait = await this.throttle.retryAfterSeconds(username, ip);
    if (wait > 0) throw new TooManyLoginFailuresError(wait);

    const user = await this.users.findByUsername(username);
    // Unknown user, inactive user and wrong password look the same from outside.
    const valid = (await this.hasher.verify(user?.passwordHash ?? null, dto.password)) && user!.active;
    const attempt = { entityType: 'auth' as const, entityId: username };
    if (!valid || !user) {
      await writeTransaction(this.dataSource, async (manager) => {
        await this.throttle.recordFailure(manager, username, ip);
        await this.audit.record(manager, null, { action: 'auth.login_failed', ...attempt, ip });
      });
      throw new BadCredentialsError();
    }
    await writeTransaction(this.dataSource, async (manager) => {
      await this.throttle.reset(manager, username, ip);
      await this.audit.record(
        manager,
        { id: user.id, username, role: user.role, ip, orgUnitId: user.orgUnitId, governedUnitIds: null },
        { action: 'auth.login', ...attempt },
      );
    });
    const claims: TokenClaims = { sub: user.id, tv: user.tokenVersion };
    const expiresIn = this.config.tokenTtlSeconds;
    const accessToken = await this.jwt.signAsync(claims, { expiresIn });
    return { accessToken, expiresIn, user: UserResponse.from(user) };
  }

  /** The actor behind a bearer token, if the token is genuine, current and its user active. */
  async authenticate(token: string, ip: string | null): Promise<Actor> {
    const claims = this.verified.get(token, Date.now()) ?? (await this.verify(token));
    const user = await this.users.findRecentById(claims.sub, this.config.userCacheMs);
    if (!user || !user.active || user.tokenVersion !== claims.tv) {
      throw new UnauthenticatedError('the token is no longer valid');
    }
    const governedUnitIds = await this.orgUnits.governedUnitIds(user.orgUnitId, this.config.userCacheMs);
    return {
      id: user.id,
      username: user.username,
      role: user.role,
      ip,
      orgUnitId: user.orgUnitId,
      governedUnitIds,
    };
  }

  /** The token's claims if its signature and expiry hold (then remembered until it expires). */
  private async verify(token: string): Promise<TokenClaims> {
    let claims: unknown;
    try {
      claims = await this.jwt.verifyAsync<object>(token);
    } catch (error) {
      const expired = error instanceof Error && error.name === 'TokenExpiredError';
      throw new UnauthenticatedError(expired ? 'the token has expired' : 'the token is not valid');
    }
    if (!isTokenClaims(claims)) throw new UnauthenticatedError('the token is not valid');
    this.verified.remember(token, claims);
    return claims;
  }
}
