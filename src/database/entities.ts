import { AuditEntry } from '../audit/audit-entry.entity';
import { LoginFailure } from '../auth/login-failure.entity';
import { Enterprise } from '../enterprises/enterprise.entity';
import { User } from '../users/user.entity';

/** Every entity the app maps; migrations must create exactly these tables (see the schema test). */
export const ENTITIES = [User, Enterprise, AuditEntry, LoginFailure];
