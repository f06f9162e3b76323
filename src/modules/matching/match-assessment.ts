import { CandidateEntity } from '../candidates/candidate.entity';
import { CandidateProfile, candidateProfile } from './candidate-evidence';
import {
  CandidateFacts,
  checkConstraints,
  FailedConstraint,
  Point,
  VacancyFacts,
} from './hard-constraints';
import {
  combinedScore,
  interestScore,
  LanguageFit,
  languageFits,
  languageScore,
  MatchLabel,
  matchLabel,
  OccupationFit,
  occupationFit,
  Requirement,
  RequirementFit,
  requirementFits,
  ScoreParts,
  skillCoverage,
  VacancyWork,
} from './match-score';
import { TaxonomyGraph } from './taxonomy-graph';

/** The candidate fields matching reads. Name, birth year, contact and notes are not among them. */
export type MatchCandidate = Pick<
  CandidateEntity,
  | 'experiences'
  | 'skills'
  | 'languages'
  | 'hoursMin'
  | 'hoursMax'
  | 'maxCommuteKm'
  | 'certificates'
  | 'drivingLicences'
  | 'workCapacity'
  | 'sectorsRefused'
  | 'sectorsOfInterest'
  | 'availableFrom'
> & { home: Point | null };

export type MatchVacancy = VacancyWork &
  Omit<VacancyFacts, 'location'> & { location: Point | null };

export interface MatchAssessment {
  score: number;
  label: MatchLabel | null;
  parts: ScoreParts;
  fits: RequirementFit[];
  occupation: OccupationFit;
  languages: LanguageFit[];
  failed: FailedConstraint[];
  distanceKm: number | null;
  /** The vacancy lies in a sector the candidate has not worked in. */
  crossSector: boolean;
  /** Sectors of the candidate's earlier work. */
  fromSectors: string[];
}

export interface MatchContext {
  graph: TaxonomyGraph;
  /** Occupation similarity from -> to (memoised by the caller). */
  similarity: (from: string, to: string) => number;
}

export function constraintFacts(candidate: MatchCandidate): CandidateFacts {
  return {
    hoursMin: candidate.hoursMin,
    hoursMax: candidate.hoursMax,
    home: candidate.home,
    maxCommuteKm: candidate.maxCommuteKm,
    certificates: candidate.certificates,
    drivingLicences: candidate.drivingLicences,
    workCapacity: candidate.workCapacity,
    sectorsRefused: candidate.sectorsRefused,
    availableFrom: candidate.availableFrom,
  };
}

/** One candidate against one vacancy: hard constraints, score, label and the evidence for both. */
export function assessMatch(
  candidate: MatchCandidate,
  vacancy: MatchVacancy,
  requirements: readonly Requirement[],
  context: MatchContext,
  profile: CandidateProfile = candidateProfile(candidate, context.graph),
): MatchAssessment {
  const constraints = checkConstraints(constraintFacts(candidate), vacancy);
  const fits = requirementFits(requirements, profile, context.graph);
  const occupation = occupationFit(profile, vacancy.occupationUri, context.similarity);
  const languages = languageFits(vacancy.languages, candidate.languages);
  const parts: ScoreParts = {
    skills: skillCoverage(fits),
    occupation: occupation.score,
    languages: languageScore(languages),
    interest: interestScore(vacancy.sector, candidate.sectorsOfInterest),
  };
  const score = combinedScore(parts);
  return {
    score,
    label: matchLabel(score),
    parts,
    fits,
    occupation,
    languages,
    failed: constraints.failed,
    distanceKm: constraints.distanceKm,
    crossSector: profile.sectors.length > 0 && !profile.sectors.includes(vacancy.sector),
    fromSectors: profile.sectors,
  };
}
