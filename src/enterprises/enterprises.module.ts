import { Module } from '@nestjs/common';
import { EnterprisesController } from './enterprises.controller';
import { EnterprisesRepository } from './enterprises.repository';
import { EnterprisesService } from './enterprises.service';

@Module({
  controllers: [EnterprisesController],
  providers: [EnterprisesRepository, EnterprisesService],
  exports: [EnterprisesRepository, EnterprisesService],
})
export class EnterprisesModule {}
