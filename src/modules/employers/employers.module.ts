import { Module } from '@nestjs/common';
import { EmployerAccessService } from './employer-access.service';
import { EmployersController } from './employers.controller';
import { EmployersService } from './employers.service';

/** werkgevers: records, locations, contacts, contact history and who may change them. */
@Module({
  controllers: [EmployersController],
  providers: [EmployersService, EmployerAccessService],
  exports: [EmployerAccessService],
})
export class EmployersModule {}
