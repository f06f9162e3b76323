import { Module } from '@nestjs/common';
import { EmployersModule } from '../employers/employers.module';
import { VacanciesController } from './vacancies.controller';
import { VacanciesService } from './vacancies.service';

/** vacatures, with their status lifecycle; changed by whoever may change the employer. */
@Module({
  imports: [EmployersModule],
  controllers: [VacanciesController],
  providers: [VacanciesService],
})
export class VacanciesModule {}
