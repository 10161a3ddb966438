import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isUniqueViolation } from '../database/database-errors';
import { writeTransaction } from '../database/transactions';
import { type OrgUnitsConfig, orgUnitsConfig } from './org-units.config';
import { OrgUnitsRepository } from './org-units.repository';

/**
 * A deployment needs a root unit for its enterprises to sit in: the first start creates it
 * from ROOT_UNIT_CODE/NAME/LEVEL (default: the county 本县), as it creates the first admin.
 */
@Injectable()
export class RootUnitBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('Bootstrap');

  constructor(
    private readonly dataSource: DataSource,
    private readonly units: OrgUnitsRepository,
    @Inject(orgUnitsConfig.KEY) private readonly config: OrgUnitsConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if ((await this.units.count()) > 0) return;
    const root = this.config.rootUnit;
    try {
      await writeTransaction(this.dataSource, (manager) => this.units.insert(root, null, manager));
    } catch (error) {
      if (isUniqueViolation(error)) return; // another instance got there first
      throw error;
    }
    this.logger.log(`created the root unit ${root.name} (${root.level} ${root.code})`);
  }
}
