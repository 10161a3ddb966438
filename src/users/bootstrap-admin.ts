import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { SYSTEM_ACTOR } from '../access/actor';
import { type UsersConfig, usersConfig } from './users.config';
import { DuplicateUsernameError } from './users.errors';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/**
 * A new installation has no users and so no way in: the first start creates `admin`, with
 * BOOTSTRAP_ADMIN_PASSWORD or, without it, a generated password printed once.
 */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger('Bootstrap');

  constructor(
    private readonly users: UsersRepository,
    private readonly usersService: UsersService,
    @Inject(usersConfig.KEY) private readonly config: UsersConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if ((await this.users.count()) > 0) return;
    const given = this.config.bootstrapAdminPassword;
    const password = given ?? randomBytes(12).toString('base64url');
    try {
      await this.usersService.create(
        { username: 'admin', displayName: '系统管理员', role: 'admin', password, email: null },
        SYSTEM_ACTOR,
      );
    } catch (error) {
      if (error instanceof DuplicateUsernameError) return; // another instance got there first
      throw error;
    }
    if (given) {
      this.logger.log('created user "admin" with the password from BOOTSTRAP_ADMIN_PASSWORD');
    } else {
      // On its own, outside the JSON log lines, so that nobody has to dig it out of them.
      process.stdout.write(generatedPasswordNotice(password));
      this.logger.warn('created user "admin" with a generated password (printed above, once)');
    }
  }
}

/** The console notice of the first admin's generated password (one line starts `password: `). */
export function generatedPasswordNotice(password: string): string {
  const rule = '='.repeat(64);
  return [
    '',
    rule,
    '  The first user has been created. Sign in with:',
    '    user:     admin',
    `    password: ${password}`,
    '  It is shown only this once: change it after signing in (个人设置 / Profile).',
    rule,
    '',
    '',
  ].join('\n');
}
