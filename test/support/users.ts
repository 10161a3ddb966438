import { JwtService } from '@nestjs/jwt';
import { PasswordHasher } from '../../src/users/password-hasher';
import type { Role } from '../../src/access/roles';
import { User } from '../../src/users/user.entity';
import type { TestApp } from './test-app';

export const TEST_PASSWORD = 'correct horse battery';

export interface SignedInUser {
  id: number;
  username: string;
  role: Role;
  token: string;
  /** `{ Authorization: 'Bearer …' }` for supertest's `.set()`. */
  auth: { Authorization: string };
}

let hashOfTestPassword: Promise<string> | undefined;
let counter = 0;

/**
 * A user stored directly (hashing once per process keeps suites fast) with a token signed the
 * way login signs it. Login itself is exercised over HTTP in auth.e2e-spec.ts.
 */
export async function aSignedInUser(
  sut: TestApp,
  role: Role,
  fields: Partial<User> = {},
): Promise<SignedInUser> {
  hashOfTestPassword ??= sut.app.get(PasswordHasher).hash(TEST_PASSWORD);
  counter += 1;
  const user = await sut.dataSource.getRepository(User).save(
    sut.dataSource.getRepository(User).create({
      username: `${role}.${counter}`,
      displayName: `测试${role}${counter}`,
      email: `${role}.${counter}@example.cn`,
      role,
      language: 'zh-CN',
      digestOptOut: false,
      active: true,
      tokenVersion: 0,
      passwordHash: await hashOfTestPassword,
      ...fields,
    }),
  );
  const token = await sut.app
    .get(JwtService)
    .signAsync({ sub: user.id, tv: user.tokenVersion }, { expiresIn: 3600 });
  return { id: user.id, username: user.username, role, token, auth: { Authorization: `Bearer ${token}` } };
}
