import { CandidateEntity } from '../candidates/candidate.entity';
import { reasonLabel } from '../nominations/nomination-reasons';
import { ShortlistAnswerDto, ShortlistLinkDto, ShortlistResponseDto } from './dto/shortlist.dto';
import {
  ANSWER_KIND_LABELS,
  AnswerView,
  EmployerCandidateView,
  EmployerShortlistView,
} from './employer-shortlist-view';
import { earlierEmployerNames, KnownIdentifiers } from './identifying-details';
import { ShortlistAnswerEntity } from './shortlist-answer.entity';
import { CandidateSnapshot, ShortlistEntryEntity } from './shortlist-entry.entity';
import { ShortlistLinkEntity } from './shortlist-link.entity';
import { isDecisive, NOT_SUITABLE_REASONS } from './shortlist-rules';
import { ShortlistEntity } from './shortlist.entity';

/** A shortlist with what its views need, loaded once. */
export interface LoadedShortlist {
  shortlist: ShortlistEntity;
  employerName: string;
  vacancy: { id: string; title: string; hours: string; place: string | null } | null;
  accountManager: { name: string; email: string };
  entries: ShortlistEntryEntity[];
  answers: Map<string, ShortlistAnswerEntity[]>;
}

/** What the employer reads: the frozen (or, for a preview, fresh) profiles and the answers. */
export function employerView(
  loaded: LoadedShortlist,
  snapshots: Map<string, CandidateSnapshot>,
  revealedNames: Map<string, string>,
): EmployerShortlistView {
  const { shortlist } = loaded;
  return {
    shortlistId: shortlist.id,
    title: shortlist.title,
    employerName: loaded.employerName,
    vacancy: loaded.vacancy
      ? { title: loaded.vacancy.title, hours: loaded.vacancy.hours, place: loaded.vacancy.place }
      : null,
    accountManager: loaded.accountManager,
    introduction: shortlist.introduction,
    status: shortlist.status,
    sentOn: shortlist.sentAt ? shortlist.sentAt.toISOString().slice(0, 10) : null,
    expiresOn: shortlist.expiresOn,
    candidates: loaded.entries.map((entry): EmployerCandidateView => {
      const snapshot = snapshots.get(entry.id);
      if (!snapshot) throw new Error(`No profile for shortlist entry ${entry.id}`);
      return {
        ...snapshot,
        entryId: entry.id,
        revealedName: entry.revealedAt ? (revealedNames.get(entry.id) ?? null) : null,
        answer: answerView(latestAnswer(loaded.answers.get(entry.id) ?? [])),
      };
    }),
    notSuitableReasons: NOT_SUITABLE_REASONS,
  };
}

/** The answer the employer sees as theirs: the decisive one, else the latest question. */
export function latestAnswer(answers: ShortlistAnswerEntity[]): ShortlistAnswerEntity | null {
  const decisive = answers.filter((answer) => isDecisive(answer.kind));
  return decisive.at(-1) ?? answers.at(-1) ?? null;
}

function answerView(answer: ShortlistAnswerEntity | null): AnswerView | null {
  if (!answer) return null;
  return {
    kind: answer.kind,
    label: ANSWER_LABELS[answer.kind],
    at: answer.at.toISOString(),
    reason: answer.reason ? reasonLabel(answer.reason) : null,
    text: answer.text,
    interviewAt: answer.interviewAt ? answer.interviewAt.toISOString() : null,
  };
}

const ANSWER_LABELS: Record<keyof typeof ANSWER_KIND_LABELS, string> = {
  invite: 'Uitgenodigd voor een gesprek',
  question: 'Vraag gesteld',
  'not-suitable': 'Niet geschikt',
};

export function answerDto(answer: ShortlistAnswerEntity): ShortlistAnswerDto {
  return {
    id: answer.id,
    kind: answer.kind,
    reason: answer.reason,
    reasonLabel: answer.reason ? reasonLabel(answer.reason) : null,
    text: answer.text,
    interviewAt: answer.interviewAt,
    channel: answer.channel,
    userId: answer.userId,
    at: answer.at,
  };
}

export function linkDto(link: ShortlistLinkEntity, shortlistOpen: boolean): ShortlistLinkDto {
  return {
    id: link.id,
    createdAt: link.createdAt,
    revokedAt: link.revokedAt,
    lastOpenedAt: link.lastOpenedAt,
    active: shortlistOpen && link.revokedAt === null,
  };
}

export function answeredCount(answers: Map<string, ShortlistAnswerEntity[]>): number {
  let count = 0;
  for (const list of answers.values()) if (list.some((a) => isDecisive(a.kind))) count++;
  return count;
}

export function shortlistResponse(
  shortlist: ShortlistEntity,
  names: { employer: string; vacancy: string | null },
  counts: { candidates: number; answered: number },
  today: string,
): ShortlistResponseDto {
  return {
    id: shortlist.id,
    employer: { id: shortlist.employerId, name: names.employer },
    vacancy: shortlist.vacancyId ? { id: shortlist.vacancyId, name: names.vacancy ?? '' } : null,
    accountManagerId: shortlist.accountManagerId,
    title: shortlist.title,
    introduction: shortlist.introduction,
    status: shortlist.status,
    expiresOn: shortlist.expiresOn,
    expired: today > shortlist.expiresOn,
    sentAt: shortlist.sentAt,
    closedAt: shortlist.closedAt,
    candidates: counts.candidates,
    answered: counts.answered,
    version: shortlist.version,
    createdAt: shortlist.createdAt,
    updatedAt: shortlist.updatedAt,
  };
}

/** What identifies a candidate in free text: names, earlier employers, contact details. */
export function knownIdentifiers(
  candidates: Pick<
    CandidateEntity,
    'firstName' | 'lastName' | 'experiences' | 'clientNumber' | 'email' | 'phone' | 'homePc4'
  >[],
): KnownIdentifiers {
  const known: KnownIdentifiers = { names: [], employerNames: [], values: [] };
  for (const c of candidates) {
    known.names.push(c.firstName, c.lastName);
    known.employerNames.push(...earlierEmployerNames(c.experiences.map((e) => e.title)));
    for (const value of [c.clientNumber, c.email, c.phone, c.homePc4]) {
      if (value) known.values.push(value);
    }
  }
  return known;
}
