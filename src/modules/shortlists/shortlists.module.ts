import { Module } from '@nestjs/common';
import { AuditModule } from '../../infra/audit/audit.module';
import { EmployersModule } from '../employers/employers.module';
import { FollowUpsModule } from '../follow-ups/follow-ups.module';
import { MatchingModule } from '../matching/matching.module';
import { TransitionsModule } from '../matching/transitions.module';
import { NominationsModule } from '../nominations/nominations.module';
import { EmployerShortlistsController } from './employer-shortlists.controller';
import { EmployerShortlistsService } from './employer-shortlists.service';
import { ShortlistLinkController } from './shortlist-link.controller';
import { ShortlistLoader } from './shortlist-loader';
import { ShortlistProfiles } from './shortlist-profiles';
import { ShortlistsController } from './shortlists.controller';
import { ShortlistsService } from './shortlists.service';

/** Curated, pseudonymised shortlists for employers: composed, sent, opened, answered. */
@Module({
  imports: [
    AuditModule,
    EmployersModule,
    FollowUpsModule,
    MatchingModule,
    NominationsModule,
    TransitionsModule,
  ],
  controllers: [ShortlistsController, EmployerShortlistsController, ShortlistLinkController],
  providers: [ShortlistsService, EmployerShortlistsService, ShortlistLoader, ShortlistProfiles],
})
export class ShortlistsModule {}
