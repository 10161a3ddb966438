import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { EnterprisesController } from './enterprises.controller';
import { EnterprisesRepository } from './enterprises.repository';
import { EnterprisesService } from './enterprises.service';

@Module({
  imports: [UsersModule],
  controllers: [EnterprisesController],
  providers: [EnterprisesRepository, EnterprisesService],
  exports: [EnterprisesRepository, EnterprisesService],
})
export class EnterprisesModule {}
