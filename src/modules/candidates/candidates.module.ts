import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CandidateEntity } from './candidate.entity';
import { CandidatesController } from './candidates.controller';
import { CandidatesService } from './candidates.service';

/** Candidate competence profiles (kandidaatprofielen) and their privacy rules. */
@Module({
  imports: [TypeOrmModule.forFeature([CandidateEntity])],
  controllers: [CandidatesController],
  providers: [CandidatesService],
  exports: [CandidatesService],
})
export class CandidatesModule {}
