import { CreateEnterprises1764000000000 } from './1764000000000-create-enterprises';

/** Every migration, oldest first. Listed as classes so the same list works from src and dist. */
export const MIGRATIONS = [CreateEnterprises1764000000000];
