/**
 * What an employer sees of a shortlist: pseudonymised, every text in Dutch and ready to show.
 * The JSON view, the web page and the PDF all render this one shape, so what is left out here
 * (name, age, birth year, BSN, address, health, benefit status, dates that give age away) is
 * left out everywhere.
 */

export const SHORTLIST_STATUSES = ['draft', 'sent', 'answered', 'closed'] as const;
export type ShortlistStatus = (typeof SHORTLIST_STATUSES)[number];

export const ANSWER_KINDS = ['invite', 'question', 'not-suitable'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];

export const ANSWER_KIND_LABELS: Record<AnswerKind, string> = {
  invite: 'Uitnodigen voor een gesprek',
  question: 'Een vraag stellen',
  'not-suitable': 'Niet geschikt',
};

export interface ReasonOption {
  code: string;
  label: string;
}

export interface ExperienceLine {
  /** ESCO occupation, Dutch label: "magazijnmedewerker" (never the person's own job title) */
  occupation: string;
  /** Sector in Dutch: "Vervoer en opslag", or null when unknown */
  sector: string | null;
  /** A band, never years or dates: "10+ jaar" */
  band: string;
  /** Worked in it during the last five years */
  recent: boolean;
}

export interface SkillLine {
  /** Dutch label: "orderpicken" */
  label: string;
  /** Structured evidence in Dutch, never free text: "uit werk als magazijnmedewerker", "hobby" */
  evidence: string;
  /** Asked for in the vacancy */
  forVacancy: boolean;
}

export interface LanguageLine {
  /** "Nederlands" */
  name: string;
  /** CEFR level: "B1" */
  level: string;
}

export interface ArrangementLine {
  /** e.g. "no-risk-policy" */
  kind: string;
  /** Dutch name: "No-riskpolis" */
  label: string;
  /** In Dutch, what it costs or saves the employer */
  summary: string;
}

export interface AnswerView {
  kind: AnswerKind;
  /** Dutch: "Uitgenodigd voor een gesprek" */
  label: string;
  /** ISO timestamp */
  at: string;
  /** For not-suitable: the reason's Dutch label */
  reason: string | null;
  text: string | null;
  /** For invite: the proposed interview moment, ISO timestamp */
  interviewAt: string | null;
}

export interface EmployerCandidateView {
  entryId: string;
  /** "Kandidaat A" */
  label: string;
  /** Only after the candidate's consent and the accountmanager's action: "Jan de Vries" */
  revealedName: string | null;
  /** The accountmanager's recommendation, checked for identifying details before sending */
  pitch: string;
  /** sterk, goed, mogelijk; null for a shortlist without a vacancy */
  matchLabel: string | null;
  experience: ExperienceLine[];
  skills: SkillLine[];
  languages: LanguageLine[];
  certificates: string[];
  drivingLicences: string[];
  /** "mbo niveau 2", or null */
  educationLevel: string | null;
  /** "24 tot 32 uur per week" */
  hours: string;
  /** "5 tot 10 km", or null when unknown or without a work location */
  commute: string | null;
  /** "Direct beschikbaar" or "Beschikbaar vanaf 1 februari 2027" */
  availability: string;
  /** The arrangements that apply to this candidate for this employer */
  arrangements: ArrangementLine[];
  /** The employer's latest answer, or null */
  answer: AnswerView | null;
}

export interface EmployerShortlistView {
  shortlistId: string;
  /** "Kandidaten voor de vacature Orderpicker" */
  title: string;
  employerName: string;
  vacancy: { title: string; hours: string; place: string | null } | null;
  accountManager: { name: string; email: string };
  /** The accountmanager's introduction, checked like the pitches; may be null */
  introduction: string | null;
  status: ShortlistStatus;
  /** ISO dates (YYYY-MM-DD) */
  sentOn: string | null;
  expiresOn: string;
  candidates: EmployerCandidateView[];
  /** The reasons an employer can choose for "not suitable" */
  notSuitableReasons: ReasonOption[];
}
