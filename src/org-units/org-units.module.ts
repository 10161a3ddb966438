import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { orgUnitsConfig } from './org-units.config';
import { OrgUnitsRepository } from './org-units.repository';
import { OrgUnitsService } from './org-units.service';
import { RootUnitBootstrap } from './root-unit.bootstrap';

/** The federation hierarchy: organisation units, who governs what, targets per unit. */
@Module({
  imports: [ConfigModule.forFeature(orgUnitsConfig)],
  providers: [OrgUnitsRepository, OrgUnitsService, RootUnitBootstrap],
  exports: [OrgUnitsRepository, OrgUnitsService],
})
export class OrgUnitsModule {}
