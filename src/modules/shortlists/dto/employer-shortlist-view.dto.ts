import { ApiProperty } from '@nestjs/swagger';
import {
  ANSWER_KINDS,
  AnswerKind,
  AnswerView,
  ArrangementLine,
  EmployerCandidateView,
  EmployerShortlistView,
  ExperienceLine,
  LanguageLine,
  ReasonOption,
  SHORTLIST_STATUSES,
  ShortlistStatus,
  SkillLine,
} from '../employer-shortlist-view';

// OpenAPI descriptions of the employer's view (employer-shortlist-view.ts is the source).

class ReasonOptionDto implements ReasonOption {
  @ApiProperty() code: string;
  @ApiProperty() label: string;
}

class ExperienceLineDto implements ExperienceLine {
  @ApiProperty({ example: 'magazijnmedewerker' }) occupation: string;
  @ApiProperty({ type: String, nullable: true, example: 'Vervoer en opslag' })
  sector: string | null;
  @ApiProperty({ example: '10+ jaar', description: 'A band, never years or dates' }) band: string;
  @ApiProperty({ description: 'Worked in it during the last five years' }) recent: boolean;
}

class SkillLineDto implements SkillLine {
  @ApiProperty({ example: 'orderpicken' }) label: string;
  @ApiProperty({ example: 'uit vrijwilligerswerk' }) evidence: string;
  @ApiProperty() forVacancy: boolean;
}

class LanguageLineViewDto implements LanguageLine {
  @ApiProperty({ example: 'Turks' }) name: string;
  @ApiProperty({ example: 'moedertaal' }) level: string;
}

class ArrangementLineDto implements ArrangementLine {
  @ApiProperty({ example: 'no-risk-policy' }) kind: string;
  @ApiProperty({ example: 'No-riskpolis' }) label: string;
  @ApiProperty() summary: string;
}

class AnswerViewDto implements AnswerView {
  @ApiProperty({ enum: ANSWER_KINDS }) kind: AnswerKind;
  @ApiProperty() label: string;
  @ApiProperty() at: string;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, nullable: true }) text: string | null;
  @ApiProperty({ type: String, nullable: true }) interviewAt: string | null;
}

class EmployerCandidateViewDto implements EmployerCandidateView {
  @ApiProperty() entryId: string;
  @ApiProperty({ example: 'Kandidaat A' }) label: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Only after the candidate consented and the accountmanager revealed it',
  })
  revealedName: string | null;
  @ApiProperty() pitch: string;
  @ApiProperty({ type: String, nullable: true }) matchLabel: string | null;
  @ApiProperty({ type: [ExperienceLineDto] }) experience: ExperienceLine[];
  @ApiProperty({ type: [SkillLineDto] }) skills: SkillLine[];
  @ApiProperty({ type: [LanguageLineViewDto] }) languages: LanguageLine[];
  @ApiProperty({ type: [String] }) certificates: string[];
  @ApiProperty({ type: [String] }) drivingLicences: string[];
  @ApiProperty({ type: String, nullable: true }) educationLevel: string | null;
  @ApiProperty({ example: '24 tot 32 uur per week' }) hours: string;
  @ApiProperty({ type: String, nullable: true, example: '5 tot 10 km' }) commute: string | null;
  @ApiProperty({ example: 'Direct beschikbaar' }) availability: string;
  @ApiProperty({ type: [ArrangementLineDto] }) arrangements: ArrangementLine[];
  @ApiProperty({ type: AnswerViewDto, nullable: true }) answer: AnswerView | null;
}

class VacancyViewDto {
  @ApiProperty() title: string;
  @ApiProperty() hours: string;
  @ApiProperty({ type: String, nullable: true }) place: string | null;
}

class AccountManagerViewDto {
  @ApiProperty() name: string;
  @ApiProperty() email: string;
}

export class EmployerShortlistViewDto implements EmployerShortlistView {
  @ApiProperty() shortlistId: string;
  @ApiProperty() title: string;
  @ApiProperty() employerName: string;
  @ApiProperty({ type: VacancyViewDto, nullable: true }) vacancy: VacancyViewDto | null;
  @ApiProperty({ type: AccountManagerViewDto }) accountManager: AccountManagerViewDto;
  @ApiProperty({ type: String, nullable: true }) introduction: string | null;
  @ApiProperty({ enum: SHORTLIST_STATUSES }) status: ShortlistStatus;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) sentOn: string | null;
  @ApiProperty({ format: 'date' }) expiresOn: string;
  @ApiProperty({ type: [EmployerCandidateViewDto] }) candidates: EmployerCandidateView[];
  @ApiProperty({ type: [ReasonOptionDto] }) notSuitableReasons: ReasonOption[];
}

export class EmployerShortlistSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: SHORTLIST_STATUSES }) status: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) sentOn: string | null;
  @ApiProperty({ format: 'date' }) expiresOn: string;
  @ApiProperty() candidates: number;
}
