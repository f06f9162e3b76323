import { CandidateLanguage } from '../candidates/candidate.entity';
import { CEFR_LEVELS, CefrLevel, LANGUAGE_CODES } from '../taxonomy/reference-lists';
import { LanguageRequirement, VacancySkill } from '../vacancies/vacancy.entity';
import { CandidateProfile, Evidence } from './candidate-evidence';
import { TaxonomyGraph } from './taxonomy-graph';

export const REQUIREMENT_KINDS = ['required', 'wished', 'occupation'] as const;
export type RequirementKind = (typeof REQUIREMENT_KINDS)[number];

/** A skill the work asks for: listed on the vacancy, or essential to its ESCO occupation. */
export interface Requirement {
  uri: string;
  kind: RequirementKind;
  weight: number;
}

const KIND_WEIGHT: Record<RequirementKind, number> = { required: 1, wished: 0.5, occupation: 1 };
/**
 * The essential skills of the vacancy's ESCO occupation together weigh this share of the skills
 * the vacancy lists itself: the employer's own list comes first, the occupation adds context.
 */
export const OCCUPATION_SHARE = 0.5;

/**
 * The weights of the score; they add up to 1. A language the employer asks for and the
 * candidate lacks also weighs on the whole match: the score is multiplied by
 * 1 - LANGUAGE_PENALTY * (1 - languages), so no other strength makes up for it entirely.
 */
export const SCORE_WEIGHTS = { skills: 0.55, occupation: 0.3, languages: 0.1, interest: 0.05 };
export const LANGUAGE_PENALTY = 0.25;

/** Labels mean the same on every vacancy: they read the score, never the rank. */
export const LABEL_THRESHOLDS = { sterk: 0.7, goed: 0.5, mogelijk: 0.3 } as const;
export type MatchLabel = keyof typeof LABEL_THRESHOLDS;

/** Credit through a related skill (ESCO hierarchy) from which a requirement counts as related. */
const RELATED = 0.3;

export interface VacancyWork {
  occupationUri: string;
  sector: string;
  skills: readonly VacancySkill[];
  languages: readonly LanguageRequirement[];
}

export function requirement(uri: string, kind: RequirementKind, graph: TaxonomyGraph): Requirement {
  return { uri, kind, weight: KIND_WEIGHT[kind] * (0.4 + 0.6 * graph.skillWeight(uri)) };
}

/** The essential skills of an occupation, weighted by rarity (before scaling to the vacancy). */
export function occupationRequirements(occupationUri: string, graph: TaxonomyGraph): Requirement[] {
  return (graph.occupation(occupationUri)?.essential ?? []).map((uri) =>
    requirement(uri, 'occupation', graph),
  );
}

/**
 * The factor on the occupation's requirement weights: together they weigh OCCUPATION_SHARE of
 * the listed skills, or 1 when the vacancy lists none.
 */
export function occupationScale(listedWeight: number, occupationWeight: number): number {
  if (occupationWeight === 0) return 0;
  return (listedWeight > 0 ? OCCUPATION_SHARE * listedWeight : 1) / occupationWeight;
}

/**
 * The vacancy's requirements: its listed skills plus the essential skills of its occupation
 * (pass `ofOccupation` to reuse those across vacancies), scaled by occupationScale.
 */
export function vacancyRequirements(
  vacancy: Pick<VacancyWork, 'occupationUri' | 'skills'>,
  graph: TaxonomyGraph,
  ofOccupation: Requirement[] = occupationRequirements(vacancy.occupationUri, graph),
): Requirement[] {
  const listed = new Map<string, Requirement>();
  for (const skill of vacancy.skills) {
    if (!listed.has(skill.uri))
      listed.set(skill.uri, requirement(skill.uri, skill.required ? 'required' : 'wished', graph));
  }
  const extra = ofOccupation.filter((r) => !listed.has(r.uri));
  const scale = occupationScale(sumOfWeights([...listed.values()]), sumOfWeights(extra));
  return [...listed.values(), ...extra.map((r) => ({ ...r, weight: r.weight * scale }))];
}

export function sumOfWeights(requirements: readonly Requirement[]): number {
  return requirements.reduce((sum, r) => sum + r.weight, 0);
}

export interface RequirementFit {
  requirement: Requirement;
  /** 0..1: how well the candidate covers it */
  credit: number;
  status: 'covered' | 'related' | 'missing';
  /** The skill the candidate holds that gives the credit, with its evidence. */
  via: { uri: string; evidence: Evidence } | null;
}

export function requirementFits(
  requirements: readonly Requirement[],
  profile: CandidateProfile,
  graph: TaxonomyGraph,
): RequirementFit[] {
  return requirements.map((requirement) => {
    const direct = profile.held.get(requirement.uri);
    let credit = 0;
    let via: RequirementFit['via'] = null;
    if (direct) {
      credit = direct.strength;
      via = { uri: requirement.uri, evidence: direct };
    } else {
      const best = graph.bestCredit(profile.heldSet, requirement.uri);
      const evidence = best.via ? profile.held.get(best.via) : undefined;
      if (best.via && evidence) {
        credit = best.credit * evidence.strength;
        via = { uri: best.via, evidence };
      }
    }
    const status = direct ? 'covered' : credit >= RELATED ? 'related' : 'missing';
    return { requirement, credit, status, via: status === 'missing' ? null : via };
  });
}

/** Weighted share of the requirements covered, 0..1 (1 when the vacancy asks for nothing). */
export function skillCoverage(fits: readonly RequirementFit[]): number {
  const total = sumOfWeights(fits.map((fit) => fit.requirement));
  if (total === 0) return 1;
  return fits.reduce((sum, fit) => sum + fit.requirement.weight * fit.credit, 0) / total;
}

export interface OccupationFit {
  /** 0..1 */
  score: number;
  /** The earlier job that fits best. */
  from: { uri: string; title: string; sector: string } | null;
}

/** How close the candidate's best earlier occupation is to the vacancy's (1 for the same one). */
export function occupationFit(
  profile: CandidateProfile,
  occupationUri: string,
  similarity: (from: string, to: string) => number,
): OccupationFit {
  let best: OccupationFit = { score: 0, from: null };
  for (const past of profile.occupations) {
    const score = past.uri === occupationUri ? 1 : similarity(past.uri, occupationUri);
    if (score > best.score) best = { score, from: past };
  }
  return best;
}

export interface LanguageFit {
  language: string;
  required: LanguageRequirement['minLevel'];
  has: CandidateLanguage['level'] | null;
  met: boolean;
}

export function languageFits(
  required: readonly LanguageRequirement[],
  spoken: readonly CandidateLanguage[],
): LanguageFit[] {
  return required.map(({ language, minLevel }) => {
    const has = spoken.find((s) => s.language === language)?.level ?? null;
    return {
      language,
      required: minLevel,
      has,
      met: has !== null && LEVEL_RANK[has] >= LEVEL_RANK[minLevel],
    };
  });
}

const LEVEL_RANK: Record<CefrLevel, number> = Object.fromEntries(
  CEFR_LEVELS.map((level, rank) => [level, rank]),
) as Record<CefrLevel, number>;

/** 1 for a requirement met, 0.5 for one level short, else 0 (levels as ranks, -1 for none). */
function languagePoints(requiredRank: number, hasRank: number): number {
  if (hasRank < 0) return 0;
  const short = requiredRank - hasRank;
  return short <= 0 ? 1 : short === 1 ? 0.5 : 0;
}

const rankOf = (level: CefrLevel | null) => (level === null ? -1 : LEVEL_RANK[level]);

/** 1 when every language requirement is met; a level one step short counts half. */
export function languageScore(fits: readonly LanguageFit[]): number {
  if (fits.length === 0) return 1;
  return (
    fits.reduce((sum, fit) => sum + languagePoints(LEVEL_RANK[fit.required], rankOf(fit.has)), 0) /
    fits.length
  );
}

/** languageScore straight from the requirements (no intermediate objects). */
export function languageScoreOf(
  required: readonly LanguageRequirement[],
  spoken: readonly CandidateLanguage[],
): number {
  if (required.length === 0) return 1;
  let sum = 0;
  for (const { language, minLevel } of required) {
    let has: CefrLevel | null = null;
    for (const s of spoken) if (s.language === language) has = s.level;
    sum += languagePoints(LEVEL_RANK[minLevel], rankOf(has));
  }
  return sum / required.length;
}

const LANGUAGE_INDEX = new Map(LANGUAGE_CODES.map((code, index) => [code, index]));

/** A candidate's languages as ranks per language (LANGUAGE_CODES order, -1: not spoken). */
export function languageRanks(spoken: readonly CandidateLanguage[]): Int8Array {
  const ranks = new Int8Array(LANGUAGE_CODES.length).fill(-1);
  for (const { language, level } of spoken) {
    const index = LANGUAGE_INDEX.get(language);
    if (index !== undefined) ranks[index] = LEVEL_RANK[level];
  }
  return ranks;
}

export interface RankedRequirement {
  index: number;
  rank: number;
}

export function rankedRequirements(required: readonly LanguageRequirement[]): RankedRequirement[] {
  return required.map(({ language, minLevel }) => ({
    index: LANGUAGE_INDEX.get(language) ?? -1,
    rank: LEVEL_RANK[minLevel],
  }));
}

/** languageScore on ranks (for the first pass over every profile). */
export function languageScoreOfRanks(
  required: readonly RankedRequirement[],
  ranks: Int8Array,
): number {
  if (required.length === 0) return 1;
  let sum = 0;
  for (const { index, rank } of required)
    sum += languagePoints(rank, index < 0 ? -1 : ranks[index]);
  return sum / required.length;
}

/** 1 when the sector is one the client named, 0.5 when they named none, else 0. */
export function interestScore(sector: string, sectorsOfInterest: readonly string[]): number {
  return interestFromMask(sectorBit(sector), sectorMask(sectorsOfInterest));
}

/** interestScore on bit masks of NACE sections (for the first pass over every profile). */
export function interestFromMask(sectorBit: number, interestMask: number): number {
  if (interestMask === 0) return 0.5;
  return interestMask & sectorBit ? 1 : 0;
}

/** The bit of a NACE section letter (A = bit 0 … U = bit 20). */
export function sectorBit(sector: string): number {
  return 1 << (sector.charCodeAt(0) - 65);
}

export function sectorMask(sectors: readonly string[]): number {
  let mask = 0;
  for (const sector of sectors) mask |= sectorBit(sector);
  return mask;
}

export interface ScoreParts {
  skills: number;
  occupation: number;
  languages: number;
  interest: number;
}

/** The score from its parts, between 0 and 1 (three decimals). */
export function combinedScore(parts: ScoreParts): number {
  const base =
    SCORE_WEIGHTS.skills * parts.skills +
    SCORE_WEIGHTS.occupation * parts.occupation +
    SCORE_WEIGHTS.interest * parts.interest;
  const score = withLanguages(base, parts.languages);
  return Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
}

/** Adds the language score (0..1) to a score without it, and the penalty for a shortfall. */
export function withLanguages(base: number, languages: number): number {
  return (base + SCORE_WEIGHTS.languages * languages) * (1 - LANGUAGE_PENALTY * (1 - languages));
}

export function matchLabel(score: number): MatchLabel | null {
  if (score >= LABEL_THRESHOLDS.sterk) return 'sterk';
  if (score >= LABEL_THRESHOLDS.goed) return 'goed';
  if (score >= LABEL_THRESHOLDS.mogelijk) return 'mogelijk';
  return null;
}
