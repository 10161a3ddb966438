import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { orgUnitsConfig } from './org-units.config';
import { OrgUnitsController } from './org-units.controller';
import { OrgUnitsRegistryService } from './org-units-registry.service';
import { OrgUnitsRepository } from './org-units.repository';
import { OrgUnitsService } from './org-units.service';
import { RootUnitBootstrap } from './root-unit.bootstrap';

/** The federation hierarchy: organisation units, who governs what, targets per unit. */
@Module({
  imports: [ConfigModule.forFeature(orgUnitsConfig)],
  controllers: [OrgUnitsController],
  providers: [OrgUnitsRepository, OrgUnitsService, OrgUnitsRegistryService, RootUnitBootstrap],
  exports: [OrgUnitsRepository, OrgUnitsService, OrgUnitsRegistryService],
})
export class OrgUnitsModule {}
