import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { randomBytes } from 'node:crypto';
import { Command, CommandRunner, Option } from 'nest-commander';
import { SYSTEM_ACTOR } from '../access/actor';
import { AppError } from '../common/errors/app-error';
import { CreateUserDto } from '../users/dto/create-user.dto';
import { UsersService } from '../users/users.service';

interface CreateUserOptions {
  username?: string;
  displayName?: string;
  role?: string;
  email?: string;
  language?: string;
  password?: string;
}

/** `npm run cli -- users:create --username wang.li --display-name 王丽 --role instructor [--email …]` */
@Command({
  name: 'users:create',
  description:
    'create a user; the password comes from --password, WAGETRACK_PASSWORD, or is generated and printed',
})
export class UsersCreateCommand extends CommandRunner {
  constructor(private readonly users: UsersService) {
    super();
  }

  async run(_params: string[], options: CreateUserOptions = {}): Promise<void> {
    const generated = !options.password && !process.env.WAGETRACK_PASSWORD;
    const password =
      options.password ?? process.env.WAGETRACK_PASSWORD ?? randomBytes(12).toString('base64url');
    const dto = plainToInstance(CreateUserDto, { ...options, password });
    const problems = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (problems.length > 0) {
      const messages = problems.flatMap((p) => Object.values(p.constraints ?? {}));
      return this.fail(messages.join('\n'));
    }
    try {
      const user = await this.users.create(dto, SYSTEM_ACTOR);
      console.log(`created ${user.role} ${user.username} (id ${user.id})`);
      if (generated) console.log(`password: ${password}  (shown once: pass it on and have it changed)`);
    } catch (error) {
      if (error instanceof AppError) return this.fail(error.message);
      throw error;
    }
  }

  private fail(message: string): void {
    console.error(`users:create: ${message}`);
    process.exitCode = 1;
  }

  @Option({ flags: '-u, --username <username>', description: '3–32 of a-z 0-9 . _ -', required: true })
  parseUsername(value: string): string {
    return value;
  }

  @Option({ flags: '-n, --display-name <name>', description: 'name shown to people', required: true })
  parseDisplayName(value: string): string {
    return value;
  }

  @Option({ flags: '-r, --role <role>', description: 'admin, supervisor or instructor', required: true })
  parseRole(value: string): string {
    return value;
  }

  @Option({ flags: '-e, --email <email>', description: 'for reminder e-mails' })
  parseEmail(value: string): string {
    return value;
  }

  @Option({ flags: '-l, --language <language>', description: 'zh-CN (default) or en' })
  parseLanguage(value: string): string {
    return value;
  }

  @Option({
    flags: '-p, --password <password>',
    description: 'at least 10 characters (prefer WAGETRACK_PASSWORD)',
  })
  parsePassword(value: string): string {
    return value;
  }
}
