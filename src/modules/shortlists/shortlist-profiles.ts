import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { dutchDate } from '../../infra/time/calendar-dates';
import { eligibility } from '../arrangements/arrangement-eligibility';
import {
  ARRANGEMENT_KIND_LABELS,
  ArrangementKind,
  ArrangementRuleEntity,
} from '../arrangements/arrangement-rule.entity';
import { CandidateEntity } from '../candidates/candidate.entity';
import { EmployerEntity } from '../employers/employer.entity';
import { ExplanationDto } from '../matching/dto/matching-response.dto';
import { LABEL_WORDS } from '../matching/match-explanation';
import { MatchLabel } from '../matching/match-score';
import { MatchingService } from '../matching/matching.service';
import { TaxonomyGraph } from '../matching/taxonomy-graph';
import { TaxonomyGraphService } from '../matching/taxonomy-graph.service';
import {
  CERTIFICATES,
  DRIVING_LICENCE_LABELS,
  DrivingLicence,
  EDUCATION_LEVEL_LABELS,
  LANGUAGES,
} from '../taxonomy/reference-lists';
import { sectorLabel } from '../taxonomy/sectors';
import { VacancyEntity } from '../vacancies/vacancy.entity';
import { ArrangementLine, SkillLine } from './employer-shortlist-view';
import {
  availabilityText,
  distanceBand,
  hoursText,
  mergeExperience,
  skillEvidence,
} from './pseudonymise';
import { CandidateSnapshot } from './shortlist-entry.entity';

/** The arrangements an employer hears of, in this order; the others concern the client only. */
const EMPLOYER_ARRANGEMENTS: readonly ArrangementKind[] = [
  'trial-placement',
  'no-risk-policy',
  'jobcoach',
  'wage-cost-subsidy',
];
const MAX_SKILLS = 12;

/** How a candidate fits the shortlist's vacancy: prefills the pitch and orders the list. */
export interface ShortlistFit {
  score: number | null;
  label: MatchLabel | null;
  explanation: ExplanationDto | null;
}

/**
 * Builds what an employer sees of a candidate, from structured data only: ESCO labels, bands,
 * reference lists and the municipality's own texts. Free text typed about a person (job titles
 * with employers' names, skill evidence, notes) never reaches it; the pitch is the one free
 * text, and it is checked before sending.
 */
@Injectable()
export class ShortlistProfiles {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly matching: MatchingService,
    private readonly graphs: TaxonomyGraphService,
  ) {}

  async fit(vacancy: VacancyEntity | null, candidateId: string): Promise<ShortlistFit> {
    if (!vacancy) return { score: null, label: null, explanation: null };
    const { assessment, explanation } = await this.matching.assessPair(vacancy, candidateId);
    return { score: assessment.score, label: assessment.label, explanation };
  }

  /** A first pitch in Dutch, from the match; the accountmanager edits it. */
  async prefillPitch(fit: ShortlistFit, candidate: CandidateEntity): Promise<string> {
    const graph = await this.graphs.graph();
    const sentences: string[] = [];
    const e = fit.explanation;
    if (e) {
      const all = [...e.coveredSkills, ...e.missingSkills];
      const listed = all.filter((skill) => skill.requirement !== 'occupation');
      const asked = listed.length > 0 ? listed : all;
      const covered = e.coveredSkills.filter(
        (skill) => skill.status === 'covered' && asked.includes(skill),
      );
      const examples = covered.slice(0, 3).map((skill) => skill.label);
      if (covered.length > 0) {
        const opening = fit.label ? `${LABEL_WORDS[fit.label]}: heeft` : 'Heeft';
        sentences.push(
          `${opening} ${covered.length} van de ${asked.length} gevraagde vaardigheden, zoals ${joinDutch(examples)}.`,
        );
      }
      if (e.earlierWork) {
        const label = graph.occupation(e.earlierWork.occupationUri)?.labelNl;
        if (label) {
          sentences.push(
            e.crossSector
              ? `Brengt ervaring mee als ${label} uit een andere sector (${e.earlierWork.sector.label.toLowerCase()}): vaardigheden die meegaan naar dit werk.`
              : `Brengt ervaring mee als ${label}.`,
          );
        }
      }
      const languages = e.languages.filter((line) => line.met).map((line) => line.name);
      if (languages.length > 0) sentences.push(`Spreekt ${joinDutch(languages)}.`);
    } else {
      const work = mergeExperience(this.experienceFacts(candidate, graph), dutchDate());
      if (work.length > 0) sentences.push(`Ervaring als ${work[0].occupation} (${work[0].band}).`);
      const skills = this.recordedSkills(candidate, graph, new Set()).slice(0, 3);
      if (skills.length > 0)
        sentences.push(`Sterk in ${joinDutch(skills.map((skill) => skill.label))}.`);
    }
    return sentences.join(' ');
  }

  /** The employer's view of one candidate, as it would be sent now. */
  async snapshot(input: {
    candidate: CandidateEntity;
    label: string;
    pitch: string;
    fit: ShortlistFit;
    vacancy: VacancyEntity | null;
    employer: EmployerEntity;
    /** from {@link rules}, read once per shortlist */
    rules: ArrangementRuleEntity[];
  }): Promise<CandidateSnapshot> {
    const { candidate, fit, vacancy, employer } = input;
    const graph = await this.graphs.graph();
    const today = dutchDate();
    const forVacancy: SkillLine[] = (fit.explanation?.coveredSkills ?? []).map((skill) => ({
      label: skill.label,
      evidence: skillEvidence(skill.source, null),
      forVacancy: true,
    }));
    const shown = new Set(forVacancy.map((skill) => skill.label));
    const skills = [...forVacancy, ...this.recordedSkills(candidate, graph, shown)].slice(
      0,
      MAX_SKILLS,
    );
    return {
      label: input.label,
      pitch: input.pitch,
      matchLabel: fit.label,
      experience: mergeExperience(this.experienceFacts(candidate, graph), today),
      skills,
      languages: candidate.languages.map((line) => ({
        name: LANGUAGES[line.language] ?? line.language,
        level: line.level === 'native' ? 'moedertaal' : line.level,
      })),
      certificates: candidate.certificates.map((code) => CERTIFICATES[code] ?? code),
      drivingLicences: candidate.drivingLicences.map(
        (code) => DRIVING_LICENCE_LABELS[code as DrivingLicence] ?? `Rijbewijs ${code}`,
      ),
      educationLevel: EDUCATION_LEVEL_LABELS[candidate.educationLevel] ?? null,
      hours: hoursText(candidate.hoursMin, candidate.hoursMax),
      commute: distanceBand(fit.explanation?.distanceKm ?? null),
      availability: availabilityText(candidate.availableFrom, today),
      arrangements: arrangements(input.rules, candidate, vacancy, employer, today),
    };
  }

  /** Every version of the arrangement rules, newest first. */
  rules(manager: EntityManager): Promise<ArrangementRuleEntity[]> {
    return manager.getRepository(ArrangementRuleEntity).find({ order: { validFrom: 'DESC' } });
  }

  private experienceFacts(candidate: CandidateEntity, graph: TaxonomyGraph) {
    return candidate.experiences.map((experience) => ({
      occupation: graph.occupation(experience.occupationUri)?.labelNl ?? 'werkervaring',
      sector: experience.sector ? sectorLabel(experience.sector) : null,
      years: experience.years,
      lastYearWorked: experience.lastYearWorked,
    }));
  }

  private recordedSkills(
    candidate: CandidateEntity,
    graph: TaxonomyGraph,
    shown: Set<string>,
  ): SkillLine[] {
    const lines: SkillLine[] = [];
    for (const skill of candidate.skills) {
      const label = graph.skill(skill.uri)?.label;
      if (!label || shown.has(label)) continue;
      shown.add(label);
      lines.push({ label, evidence: skillEvidence(skill.source, null), forVacancy: false });
    }
    return lines;
  }
}

/**
 * The arrangements that apply to this candidate now, one per kind, named by kind and told in the
 * municipality's words for employers. Why one applies (benefit, register) is not shown.
 */
function arrangements(
  rules: ArrangementRuleEntity[],
  candidate: CandidateEntity,
  vacancy: VacancyEntity | null,
  employer: EmployerEntity,
  today: string,
): ArrangementLine[] {
  const trialPossible = vacancy ? vacancy.trialPlacementPossible : employer.acceptsTrialPlacements;
  const lines: ArrangementLine[] = [];
  for (const kind of EMPLOYER_ARRANGEMENTS) {
    if (kind === 'trial-placement' && !trialPossible) continue;
    const rule = rules.find((r) => r.kind === kind && eligibility(r, candidate, today).applies);
    if (!rule) continue;
    lines.push({
      kind,
      label: capitalise(ARRANGEMENT_KIND_LABELS[kind]),
      summary: rule.employerSummary,
    });
  }
  return lines;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "a", "a en b", "a, b en c" */
export function joinDutch(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}
