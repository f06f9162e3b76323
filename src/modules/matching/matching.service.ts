import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../../infra/audit/audit.service';
import { Actor, Role } from '../../infra/auth/role';
import { DomainException } from '../../infra/http/domain.exception';
import { readAccess } from '../candidates/candidate-access';
import { CandidateEntity } from '../candidates/candidate.entity';
import { MATCHABLE_STATUSES } from '../candidates/candidate-rules';
import { VacancyEntity } from '../vacancies/vacancy.entity';
import { ACTIVE_VACANCY_STATUSES } from '../vacancies/vacancy-status';
import { CandidateProfile, candidateProfile, EVIDENCE_STRENGTH } from './candidate-evidence';
import {
  CandidateMatchDto,
  CandidateMatchesResponse,
  ConstraintCountDto,
  ExplanationDto,
  MatchCandidateRefDto,
  VacancyMatchDto,
  VacancyMatchesResponse,
  VacancyRefDto,
} from './dto/matching-response.dto';
import { MatchesQueryDto } from './dto/matching-query.dto';
import { EmployerProspects } from './employer-prospects';
import { Constraint, CONSTRAINTS, failedMask, maskConstraints } from './hard-constraints';
import {
  assessMatch,
  constraintFacts,
  MatchAssessment,
  MatchCandidate,
  MatchContext,
  MatchVacancy,
} from './match-assessment';
import { explainMatch, sectorRef } from './match-explanation';
import { MatchPool, PooledCandidate, PooledVacancy } from './match-pool';
import {
  combinedScore,
  interestFromMask,
  interestScore,
  languageScoreOf,
  languageScoreOfRanks,
  rankedRequirements,
  occupationRequirements,
  occupationScale,
  requirement,
  Requirement,
  SCORE_WEIGHTS,
  sectorBit,
  sumOfWeights,
  vacancyRequirements,
  withLanguages,
} from './match-score';
import { SimilarityMemo } from './similarity-memo';
import { TaxonomyGraph } from './taxonomy-graph';
import { TaxonomyGraphService } from './taxonomy-graph.service';

/** How many of the first pass are read from the database and scored in full, per item asked. */
const FULL_SCORING_PER_ITEM = 5;
const MIN_FULL_SCORING = 100;
/** How many that fail a hard constraint are scored in full for `includeExcluded`. */
const EXCLUDED_SCORING = 60;
/** A first-pass score below this has no skill or occupation in common worth showing. */
const RELEVANT = 0.15;

const CANDIDATE_FIELDS = [
  'id',
  'firstName',
  'lastName',
  'klantmanagerId',
  'availableForMatching',
  'programmeStatus',
  'homePc4',
  'maxCommuteKm',
  'hoursMin',
  'hoursMax',
  'experiences',
  'skills',
  'languages',
  'certificates',
  'drivingLicences',
  'workCapacity',
  'sectorsRefused',
  'sectorsOfInterest',
  'availableFrom',
] as const satisfies readonly (keyof CandidateEntity)[];

type LoadedCandidate = Pick<CandidateEntity, (typeof CANDIDATE_FIELDS)[number]>;

interface Ranked {
  id: string;
  first: number;
}

/**
 * Two-way matching. A first pass scores every candidate (or open vacancy) in memory on what the
 * database can tell cheaply (past occupations, recorded skills, languages, hard constraints);
 * the best few hundred are then read again and scored in full, with the ESCO skills hierarchy,
 * and explained. Age, birth year, names, notes and health details are never read for ranking.
 */
@Injectable()
export class MatchingService {
  private readonly similarity = new SimilarityMemo();
  private readonly occupationRequirementsOf = new Map<string, Requirement[]>();
  private requirementsGraph: TaxonomyGraph | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly graphs: TaxonomyGraphService,
    private readonly pool: MatchPool,
    private readonly prospects: EmployerProspects,
    private readonly audit: AuditService,
  ) {}

  async vacancyMatches(
    actor: Actor,
    vacancyId: string,
    query: MatchesQueryDto,
  ): Promise<VacancyMatchesResponse> {
    const vacancy = await this.dataSource.getRepository(VacancyEntity).findOne({
      where: { id: vacancyId },
      relations: { employer: true },
    });
    if (!vacancy) throw DomainException.notFound('vacancy', vacancyId);
    if (
      actor.role === Role.ClientManager &&
      !(ACTIVE_VACANCY_STATUSES as readonly string[]).includes(vacancy.status)
    ) {
      throw DomainException.forbidden(
        `This vacancy is ${vacancy.status}: klantmanagers match their clients against open and on-hold vacancies only`,
        'vacancy',
        vacancyId,
      );
    }
    const context = await this.context();
    const work = await this.matchVacancy(vacancy);
    const requirements = this.requirements(context.graph, work);
    const pooled = await this.pool.allCandidates();
    const first = this.firstPassCandidates(actor, pooled, work, requirements, context, query.limit);

    const fitting = (
      await this.scoreCandidates(actor, first.passing, work, requirements, context)
    ).filter(({ assessment }) => assessment.failed.length === 0);
    const items = fitting
      .slice(0, query.limit)
      .map(({ candidate, assessment }) => this.candidateItem(candidate, assessment, context.graph));

    const response: VacancyMatchesResponse = {
      vacancy: vacancyRef(vacancy),
      considered: first.considered,
      items,
      excludedBy: first.excludedBy,
    };
    if (query.includeExcluded) {
      const excluded = await this.scoreCandidates(
        actor,
        first.failing.slice(0, EXCLUDED_SCORING),
        work,
        requirements,
        context,
      );
      response.excluded = excluded
        .filter(({ assessment }) => assessment.failed.length > 0)
        .slice(0, query.limit)
        .map(({ candidate, assessment }) => ({
          ...this.candidateItem(candidate, assessment, context.graph),
          failedConstraints: assessment.failed,
        }));
    }
    if (items.length === 0) response.message = nothingFoundMessage('kandidaten', first);
    await this.audit.record(actor, {
      action: 'vacancy.matches',
      objectType: 'vacancy',
      objectId: vacancyId,
      details: {
        shown: items.map((item) => item.candidate.id),
        excludedShown: response.excluded?.map((item) => item.candidate.id) ?? [],
      },
    });
    return response;
  }

  async candidateMatches(
    actor: Actor,
    candidateId: string,
    query: MatchesQueryDto,
  ): Promise<CandidateMatchesResponse> {
    const candidate = await this.readableCandidate(actor, candidateId);
    const context = await this.context();
    const home = await this.pool.point(candidate.homePc4);
    const subject: MatchCandidate = { ...candidate, home };
    const profile = candidateProfile(candidate, context.graph);
    const pooled = await this.pool.allVacancies();
    const first = this.firstPassVacancies(pooled, subject, profile, context, query.limit);

    const scored = await this.scoreVacancies(first.passing, subject, profile, context);
    const fitting = scored.filter(({ assessment }) => assessment.failed.length === 0);
    const response: CandidateMatchesResponse = {
      candidate: candidateRef(candidate),
      considered: first.considered,
      vacancies: fitting
        .slice(0, query.limit)
        .map(({ vacancy, assessment }) => this.vacancyItem(vacancy, assessment, context.graph)),
      employers: await this.prospects.forCandidate(subject, profile, context, query.limit),
      excludedBy: first.excludedBy,
    };
    if (query.includeExcluded) {
      const excluded = await this.scoreVacancies(
        first.failing.slice(0, EXCLUDED_SCORING),
        subject,
        profile,
        context,
      );
      response.excluded = excluded
        .filter(({ assessment }) => assessment.failed.length > 0)
        .slice(0, query.limit)
        .map(({ vacancy, assessment }) => ({
          ...this.vacancyItem(vacancy, assessment, context.graph),
          failedConstraints: assessment.failed,
        }));
    }
    if (response.vacancies.length === 0)
      response.message = nothingFoundMessage('open vacatures', first);
    await this.audit.record(actor, {
      action: 'candidate.matches',
      objectType: 'candidate',
      objectId: candidateId,
      details: { vacancies: response.vacancies.length, employers: response.employers.length },
    });
    return response;
  }

  /**
   * One candidate against one vacancy, scored and explained in full (shortlists). Access is the
   * caller's business; the result may carry failed hard constraints.
   */
  async assessPair(
    vacancy: VacancyEntity,
    candidateId: string,
  ): Promise<{ assessment: MatchAssessment; explanation: ExplanationDto }> {
    const context = await this.context();
    const work = await this.matchVacancy(vacancy);
    const candidate = await this.dataSource
      .getRepository(CandidateEntity)
      .findOneOrFail({ where: { id: candidateId }, select: [...CANDIDATE_FIELDS] });
    const home = await this.pool.point(candidate.homePc4);
    const assessment = assessMatch(
      { ...candidate, home },
      work,
      this.requirements(context.graph, work),
      context,
    );
    return { assessment, explanation: explainMatch(assessment, context.graph) };
  }

  /** A candidate the actor may read (klantmanager: own caseload; accountmanager: consent given). */
  async readableCandidate(actor: Actor, candidateId: string): Promise<LoadedCandidate> {
    const candidate = await this.dataSource
      .getRepository(CandidateEntity)
      .findOne({ where: { id: candidateId }, select: [...CANDIDATE_FIELDS] });
    if (!candidate) throw DomainException.notFound('candidate', candidateId);
    const access = readAccess(actor, candidate);
    if (!access.allowed) throw DomainException.forbidden(access.reason, 'candidate', candidateId);
    return candidate;
  }

  async context(): Promise<MatchContext> {
    const graph = await this.graphs.graph();
    return { graph, similarity: this.similarity.for(graph) };
  }

  /** The essential skills of an occupation as requirements, remembered per graph. */
  requirementsOfOccupation(graph: TaxonomyGraph, occupationUri: string): Requirement[] {
    if (this.requirementsGraph !== graph) {
      this.requirementsGraph = graph;
      this.occupationRequirementsOf.clear();
    }
    let requirements = this.occupationRequirementsOf.get(occupationUri);
    if (!requirements) {
      requirements = occupationRequirements(occupationUri, graph);
      this.occupationRequirementsOf.set(occupationUri, requirements);
    }
    return requirements;
  }

  private requirements(graph: TaxonomyGraph, work: MatchVacancy): Requirement[] {
    return vacancyRequirements(
      work,
      graph,
      this.requirementsOfOccupation(graph, work.occupationUri),
    );
  }

  private async matchVacancy(vacancy: VacancyEntity): Promise<MatchVacancy> {
    return {
      occupationUri: vacancy.occupationUri,
      sector: vacancy.sector,
      skills: vacancy.skills,
      languages: vacancy.languages,
      hoursMin: vacancy.hoursMin,
      hoursMax: vacancy.hoursMax,
      location: await this.pool.point(vacancy.pc4),
      certificates: vacancy.certificates,
      drivingLicences: vacancy.drivingLicences,
      physicalDemands: vacancy.physicalDemands,
      shifts: vacancy.shifts,
      startDate: vacancy.startDate,
    };
  }

  private firstPassCandidates(
    actor: Actor,
    pooled: readonly PooledCandidate[],
    work: MatchVacancy,
    requirements: Requirement[],
    { graph, similarity }: MatchContext,
    limit: number,
  ): FirstPass {
    const keys = this.pool.keys;
    const totalWeight = sumOfWeights(requirements) || 1;
    const explicit = new Float64Array(keys.size);
    for (const r of requirements) {
      const key = keys.find(r.uri);
      if (key !== undefined) explicit[key] = (SCORE_WEIGHTS.skills * r.weight) / totalWeight;
    }
    const occupationParts = new Float64Array(keys.size).fill(NaN);
    const occupationPart = (uri: string): number => {
      const occupation = graph.occupation(uri);
      const essential = new Set(occupation?.essential);
      const optional = new Set(occupation?.optional);
      let implied = 0;
      for (const r of requirements) {
        const strength = essential.has(r.uri)
          ? EVIDENCE_STRENGTH.occupationEssential
          : optional.has(r.uri)
            ? EVIDENCE_STRENGTH.occupationOptional
            : 0;
        implied += (r.weight / totalWeight) * strength;
      }
      const fit = uri === work.occupationUri ? 1 : similarity(uri, work.occupationUri);
      return SCORE_WEIGHTS.occupation * fit + SCORE_WEIGHTS.skills * implied;
    };
    const pass = new FirstPass(fullScoring(limit));
    const bit = sectorBit(work.sector);
    const languages = rankedRequirements(work.languages);
    for (let c = 0; c < pooled.length; c++) {
      const candidate = pooled[c];
      if (!inScope(actor, candidate)) continue;
      pass.consider();
      let first = 0;
      const occupations = candidate.occupationKeys;
      for (let i = 0; i < occupations.length; i++) {
        let part = occupationParts[occupations[i]];
        if (Number.isNaN(part))
          part = occupationParts[occupations[i]] = occupationPart(keys.uri(occupations[i]));
        if (part > first) first = part;
      }
      let recorded = 0;
      const skills = candidate.skillKeys;
      for (let i = 0; i < skills.length; i++) recorded += explicit[skills[i]];
      first = withLanguages(
        first +
          Math.min(recorded, SCORE_WEIGHTS.skills) +
          SCORE_WEIGHTS.interest * interestFromMask(bit, candidate.interestMask),
        languageScoreOfRanks(languages, candidate.languageRanks),
      );
      if (first >= RELEVANT) pass.add(candidate.id, first, failedMask(candidate.facts, work));
    }
    return pass.done();
  }

  private firstPassVacancies(
    pooled: readonly PooledVacancy[],
    candidate: MatchCandidate,
    profile: CandidateProfile,
    { graph, similarity }: MatchContext,
    limit: number,
  ): FirstPass {
    const byOccupation = new Map<string, { fit: number; implied: number; weight: number }>();
    const occupationPart = (uri: string) => {
      let part = byOccupation.get(uri);
      if (!part) {
        let fit = 0;
        for (const past of profile.occupations)
          fit = Math.max(fit, past.uri === uri ? 1 : similarity(past.uri, uri));
        let implied = 0;
        let weight = 0;
        for (const r of this.requirementsOfOccupation(graph, uri)) {
          implied += r.weight * (profile.held.get(r.uri)?.strength ?? 0);
          weight += r.weight;
        }
        part = { fit, implied, weight };
        byOccupation.set(uri, part);
      }
      return part;
    };
    const facts = constraintFacts(candidate);
    const pass = new FirstPass(fullScoring(limit));
    for (const vacancy of pooled) {
      if (vacancy.status !== 'open') continue;
      pass.consider();
      const part = occupationPart(vacancy.occupationUri);
      let listedImplied = 0;
      let listedWeight = 0;
      for (const skill of vacancy.skills) {
        const { weight } = requirement(skill.uri, skill.required ? 'required' : 'wished', graph);
        listedImplied += weight * (profile.held.get(skill.uri)?.strength ?? 0);
        listedWeight += weight;
      }
      const scale = occupationScale(listedWeight, part.weight);
      const weight = listedWeight + scale * part.weight;
      const implied = listedImplied + scale * part.implied;
      const first = combinedScore({
        skills: weight > 0 ? implied / weight : 1,
        occupation: part.fit,
        languages: languageScoreOf(vacancy.languages, candidate.languages),
        interest: interestScore(vacancy.sector, candidate.sectorsOfInterest),
      });
      if (first >= RELEVANT) pass.add(vacancy.id, first, failedMask(facts, vacancy.facts));
    }
    return pass.done();
  }

  private async scoreCandidates(
    actor: Actor,
    ranked: Ranked[],
    work: MatchVacancy,
    requirements: Requirement[],
    context: MatchContext,
  ): Promise<{ candidate: LoadedCandidate; assessment: MatchAssessment }[]> {
    if (ranked.length === 0) return [];
    const rows = await this.dataSource.getRepository(CandidateEntity).find({
      where: { id: In(ranked.map((r) => r.id)) },
      select: [...CANDIDATE_FIELDS],
    });
    const scored = [];
    for (const candidate of rows) {
      if (!inScope(actor, scopeOf(candidate))) continue;
      const home = await this.pool.point(candidate.homePc4);
      const assessment = assessMatch({ ...candidate, home }, work, requirements, context);
      if (assessment.label) scored.push({ candidate, assessment });
    }
    return scored.sort(
      (a, b) =>
        b.assessment.score - a.assessment.score || a.candidate.id.localeCompare(b.candidate.id),
    );
  }

  private async scoreVacancies(
    ranked: Ranked[],
    candidate: MatchCandidate,
    profile: CandidateProfile,
    context: MatchContext,
  ): Promise<{ vacancy: VacancyEntity; assessment: MatchAssessment }[]> {
    if (ranked.length === 0) return [];
    const rows = await this.dataSource.getRepository(VacancyEntity).find({
      where: { id: In(ranked.map((r) => r.id)), status: 'open' },
      relations: { employer: true },
    });
    const scored = [];
    for (const vacancy of rows) {
      const work = await this.matchVacancy(vacancy);
      const assessment = assessMatch(
        candidate,
        work,
        this.requirements(context.graph, work),
        context,
        profile,
      );
      if (assessment.label) scored.push({ vacancy, assessment });
    }
    return scored.sort(
      (a, b) => b.assessment.score - a.assessment.score || a.vacancy.id.localeCompare(b.vacancy.id),
    );
  }

  private candidateItem(
    candidate: LoadedCandidate,
    assessment: MatchAssessment,
    graph: TaxonomyGraph,
  ): CandidateMatchDto {
    return {
      candidate: candidateRef(candidate),
      score: assessment.score,
      label: assessment.label!,
      crossSector: assessment.crossSector,
      explanation: explainMatch(assessment, graph),
    };
  }

  private vacancyItem(
    vacancy: VacancyEntity,
    assessment: MatchAssessment,
    graph: TaxonomyGraph,
  ): VacancyMatchDto {
    return {
      vacancy: vacancyRef(vacancy),
      score: assessment.score,
      label: assessment.label!,
      crossSector: assessment.crossSector,
      explanation: explainMatch(assessment, graph),
    };
  }
}

type Scope = Pick<PooledCandidate, 'klantmanagerId' | 'availableForMatching' | 'statusMatchable'>;

/** Which candidates a role matches: the klantmanager's own caseload, otherwise consent given. */
function inScope(actor: Pick<Actor, 'role' | 'userId'>, candidate: Scope): boolean {
  if (!candidate.statusMatchable) return false;
  switch (actor.role) {
    case Role.ClientManager:
      return candidate.klantmanagerId === actor.userId;
    case Role.AccountManager:
    case Role.Coordinator:
      return candidate.availableForMatching;
    case Role.Employer:
      return false;
  }
}

function scopeOf(candidate: LoadedCandidate): Scope {
  return {
    klantmanagerId: candidate.klantmanagerId,
    availableForMatching: candidate.availableForMatching,
    statusMatchable: MATCHABLE_STATUSES.includes(candidate.programmeStatus),
  };
}

function fullScoring(limit: number): number {
  return Math.max(MIN_FULL_SCORING, FULL_SCORING_PER_ITEM * limit);
}

/** Ranked a before b: higher score first, then lower id. */
function before(a: Ranked, b: Ranked): boolean {
  return a.first > b.first || (a.first === b.first && a.id < b.id);
}

/**
 * The best `n` seen, in a min-heap whose root is the worst kept: a profile that does not beat
 * it costs one comparison (the pass sees 100,000).
 */
class TopK {
  private readonly heap: Ranked[] = [];
  count = 0;

  constructor(private readonly n: number) {}

  push(id: string, first: number): void {
    this.count++;
    const heap = this.heap;
    if (heap.length === this.n) {
      const worst = heap[0];
      if (!(first > worst.first || (first === worst.first && id < worst.id))) return;
      heap[0] = { id, first };
      this.down(0);
      return;
    }
    heap.push({ id, first });
    for (let i = heap.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!before(heap[parent], heap[i])) break;
      [heap[parent], heap[i]] = [heap[i], heap[parent]];
      i = parent;
    }
  }

  /** Best first. */
  sorted(): Ranked[] {
    return [...this.heap].sort((a, b) => (before(a, b) ? -1 : 1));
  }

  private down(i: number): void {
    const heap = this.heap;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < heap.length && before(heap[worst], heap[left])) worst = left;
      if (right < heap.length && before(heap[worst], heap[right])) worst = right;
      if (worst === i) return;
      [heap[worst], heap[i]] = [heap[i], heap[worst]];
      i = worst;
    }
  }
}

/**
 * The first pass over the relevant ones (first-pass score at least RELEVANT): who passes the
 * hard constraints and who does not, each kept to the best `keep`, and how many each
 * constraint kept out.
 */
class FirstPass {
  considered = 0;
  passing: Ranked[] = [];
  failing: Ranked[] = [];
  excludedBy: ConstraintCountDto[] = [];
  private readonly passed: TopK;
  private readonly failed: TopK;
  private readonly masks = new Map<number, number>();

  constructor(keep: number) {
    this.passed = new TopK(keep);
    this.failed = new TopK(keep);
  }

  /** Counts one in scope; `add` it too when it is relevant. */
  consider(): void {
    this.considered++;
  }

  add(id: string, first: number, mask: number): void {
    if (mask === 0) {
      this.passed.push(id, first);
      return;
    }
    this.failed.push(id, first);
    this.masks.set(mask, (this.masks.get(mask) ?? 0) + 1);
  }

  /** How many relevant ones fail at least one hard constraint. */
  get excluded(): number {
    return this.failed.count;
  }

  done(): this {
    this.passing = this.passed.sorted();
    this.failing = this.failed.sorted();
    const counts = new Map<Constraint, number>();
    for (const [mask, count] of this.masks)
      for (const constraint of maskConstraints(mask))
        counts.set(constraint, (counts.get(constraint) ?? 0) + count);
    this.excludedBy = CONSTRAINTS.filter((c) => counts.has(c)).map((constraint) => ({
      constraint,
      count: counts.get(constraint)!,
    }));
    return this;
  }
}

const CONSTRAINT_WORDS: Record<Constraint, string> = {
  hours: 'uren',
  distance: 'reisafstand',
  certificate: 'certificaten',
  drivingLicence: 'rijbewijs',
  workCapacity: 'belastbaarheid',
  refusedSector: 'sector',
  availability: 'beschikbaarheid',
};

/** Never a silent empty list: says how many relevant ones each hard constraint kept out. */
function nothingFoundMessage(what: string, first: FirstPass): string {
  if (first.excluded === 0) {
    return `Geen ${what} met vaardigheden of ervaring die hierbij passen (${first.considered} bekeken).`;
  }
  const reasons = first.excludedBy
    .map((c) => `${CONSTRAINT_WORDS[c.constraint]} ${c.count}`)
    .join(', ');
  return `Geen ${what} die aan alle harde eisen voldoen. ${first.excluded} passende vallen af op: ${reasons}. Vraag met includeExcluded=true wie er zou passen en wat daarvoor nodig is.`;
}

function candidateRef(candidate: LoadedCandidate): MatchCandidateRefDto {
  return {
    id: candidate.id,
    firstName: candidate.firstName,
    lastName: candidate.lastName,
    klantmanagerId: candidate.klantmanagerId,
  };
}

function vacancyRef(vacancy: VacancyEntity): VacancyRefDto {
  return {
    id: vacancy.id,
    title: vacancy.title,
    employerId: vacancy.employerId,
    employerName: vacancy.employer?.name,
    occupationUri: vacancy.occupationUri,
    sector: sectorRef(vacancy.sector),
    pc4: vacancy.pc4,
  };
}
