import { Enterprise } from '../enterprises/enterprise.entity';

/** Every entity the app maps; migrations must create exactly these tables (see the schema test). */
export const ENTITIES = [Enterprise];
