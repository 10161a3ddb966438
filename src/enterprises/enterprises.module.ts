import { Module } from '@nestjs/common';
import { EnterprisesController } from './enterprises.controller';
import { EnterprisesRepository } from './enterprises.repository';
import { EnterprisesService } from './enterprises.service';
import { TownshipResolver } from './township-resolver';
import { OrgUnitsModule } from '../org-units/org-units.module';

@Module({
  imports: [OrgUnitsModule],
  controllers: [EnterprisesController],
  providers: [EnterprisesRepository, EnterprisesService, TownshipResolver],
  exports: [EnterprisesRepository, EnterprisesService, TownshipResolver],
})
export class EnterprisesModule {}
