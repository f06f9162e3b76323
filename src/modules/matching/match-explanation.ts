import { SkillSource } from '../candidates/candidate.entity';
import { CEFR_LEVEL_LABELS, CefrLevel, LANGUAGES } from '../taxonomy/reference-lists';
import { sectorLabel } from '../taxonomy/sectors';
import { formatKm } from './hard-constraints';
import { MatchAssessment } from './match-assessment';
import { MatchLabel, RequirementFit, RequirementKind } from './match-score';
import { TaxonomyGraph } from './taxonomy-graph';

const SHORT_COURSE_REUSE = new Set(['transversal', 'cross-sector']);

export interface SkillRef {
  uri: string;
  label: string;
}

export interface CoveredSkill extends SkillRef {
  requirement: RequirementKind;
  /** covered: the candidate has it; related: a related skill from the ESCO hierarchy */
  status: 'covered' | 'related';
  source: SkillSource;
  /** "hobby: repareert fietsen", "werk als drukker" */
  evidence: string;
  /** For a related skill: the skill the candidate has. */
  relatedSkill: SkillRef | null;
}

export interface MissingSkill extends SkillRef {
  requirement: RequirementKind;
  /** A short course (maatwerkbudget) could bridge it. */
  bridgeable: boolean;
}

export interface LanguageLine {
  language: string;
  name: string;
  required: CefrLevel;
  has: CefrLevel | null;
  met: boolean;
}

export interface SectorRef {
  code: string;
  label: string;
}

export interface Explanation {
  summary: string;
  coveredSkills: CoveredSkill[];
  missingSkills: MissingSkill[];
  languages: LanguageLine[];
  earlierWork: {
    title: string;
    occupationUri: string;
    sector: SectorRef;
    similarity: number;
  } | null;
  distanceKm: number | null;
  crossSector: boolean;
  fromSectors: SectorRef[];
}

export const LABEL_WORDS: Record<MatchLabel, string> = {
  sterk: 'Sterke match',
  goed: 'Goede match',
  mogelijk: 'Mogelijke match',
};

const KIND_ORDER: Record<RequirementKind, number> = { required: 0, wished: 1, occupation: 2 };

export function sectorRef(code: string): SectorRef {
  return { code, label: sectorLabel(code) };
}

function skillRef(graph: TaxonomyGraph, uri: string): SkillRef {
  return { uri, label: graph.skill(uri)?.label ?? uri };
}

function byImportance(a: RequirementFit, b: RequirementFit): number {
  return (
    KIND_ORDER[a.requirement.kind] - KIND_ORDER[b.requirement.kind] ||
    b.requirement.weight - a.requirement.weight
  );
}

/** A missing skill that many occupations share (transversal, cross-sector) is learnt in a short course. */
export function isBridgeable(graph: TaxonomyGraph, skillUri: string): boolean {
  return SHORT_COURSE_REUSE.has(graph.skill(skillUri)?.reuseLevel ?? '');
}

/**
 * The evidence of a match in Dutch: the skills covered and by what (job, hobby, volunteer work,
 * course), the languages, the earlier work and sector, and what is missing and how to bridge it.
 */
export function explainMatch(assessment: MatchAssessment, graph: TaxonomyGraph): Explanation {
  const fits = [...assessment.fits].sort(byImportance);
  const coveredSkills: CoveredSkill[] = fits
    .filter((fit) => fit.status !== 'missing' && fit.via)
    .map((fit) => ({
      ...skillRef(graph, fit.requirement.uri),
      requirement: fit.requirement.kind,
      status: fit.status as 'covered' | 'related',
      source: fit.via!.evidence.source,
      evidence: fit.via!.evidence.text,
      relatedSkill: fit.via!.uri === fit.requirement.uri ? null : skillRef(graph, fit.via!.uri),
    }));
  const missingSkills: MissingSkill[] = fits
    .filter((fit) => fit.status === 'missing')
    .map((fit) => ({
      ...skillRef(graph, fit.requirement.uri),
      requirement: fit.requirement.kind,
      bridgeable: isBridgeable(graph, fit.requirement.uri),
    }));
  const languages: LanguageLine[] = assessment.languages.map((fit) => ({
    language: fit.language,
    name: LANGUAGES[fit.language] ?? fit.language,
    required: fit.required,
    has: fit.has,
    met: fit.met,
  }));
  const from = assessment.occupation.from;
  const explanation: Omit<Explanation, 'summary'> = {
    coveredSkills,
    missingSkills,
    languages,
    earlierWork: from
      ? {
          title: from.title,
          occupationUri: from.uri,
          sector: sectorRef(from.sector),
          similarity: round2(assessment.occupation.score),
        }
      : null,
    distanceKm: assessment.distanceKm,
    crossSector: assessment.crossSector,
    fromSectors: assessment.fromSectors.map(sectorRef),
  };
  return { summary: summarize(assessment, explanation), ...explanation };
}

function summarize(assessment: MatchAssessment, e: Omit<Explanation, 'summary'>): string {
  const sentences: string[] = [];
  const listed = assessment.fits.filter((fit) => fit.requirement.kind !== 'occupation');
  const counted = listed.length > 0 ? listed : assessment.fits;
  const covered = counted.filter((fit) => fit.status === 'covered').length;
  const opening = assessment.label ? LABEL_WORDS[assessment.label] : 'Zwakke match';
  const examples = e.coveredSkills
    .filter((skill) => skill.status === 'covered')
    .filter((skill) => listed.length === 0 || skill.requirement !== 'occupation')
    .slice(0, 3)
    .map((skill) => `${skill.label} (${skill.evidence})`);
  sentences.push(
    counted.length === 0
      ? `${opening}.`
      : `${opening}: heeft ${covered} van de ${counted.length} gevraagde vaardigheden` +
          (examples.length ? `, zoals ${joinDutch(examples)}.` : '.'),
  );
  const related = e.coveredSkills.filter((skill) => skill.status === 'related').slice(0, 2);
  if (related.length) {
    sentences.push(
      `Verwante ervaring: ${joinDutch(related.map((s) => `${s.relatedSkill?.label ?? ''} voor ${s.label}`))}.`,
    );
  }
  if (e.earlierWork) {
    sentences.push(
      e.crossSector
        ? `Komt uit een andere sector (${e.earlierWork.sector.label.toLowerCase()}), als ${e.earlierWork.title}.`
        : `Eerder werk als ${e.earlierWork.title}.`,
    );
  }
  const metLanguages = e.languages.filter((l) => l.met && l.has);
  if (metLanguages.length) {
    sentences.push(
      `Spreekt ${joinDutch(metLanguages.map((l) => `${l.name} (${levelWord(l.has!)})`))}, zoals gevraagd.`,
    );
  }
  const shortLanguages = e.languages.filter((l) => !l.met);
  if (shortLanguages.length) {
    sentences.push(
      `Taal: ${joinDutch(shortLanguages.map((l) => `${l.name} gevraagd op ${l.required}${l.has ? `, heeft ${l.has}` : ''}`))}.`,
    );
  }
  if (e.distanceKm !== null) sentences.push(`${formatKm(e.distanceKm)} reizen.`);
  const gaps = e.missingSkills.filter((s) => s.requirement !== 'occupation').slice(0, 3);
  if (gaps.length) {
    sentences.push(
      `Mist nog ${joinDutch(gaps.map((s) => (s.bridgeable ? `${s.label} (te leren met een korte cursus)` : s.label)))}.`,
    );
  }
  return sentences.join(' ');
}

function levelWord(level: CefrLevel): string {
  return level === 'native' ? CEFR_LEVEL_LABELS.native : level;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** "a", "a en b", "a, b en c" */
export function joinDutch(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}
