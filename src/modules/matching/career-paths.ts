import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../../infra/audit/audit.service';
import { Actor } from '../../infra/auth/role';
import { CandidateProfile, candidateProfile } from './candidate-evidence';
import { CareerPathDto, CareerPathsResponse } from './dto/matching-response.dto';
import { CareerPathsQueryDto } from './dto/matching-query.dto';
import { explainMatch, joinDutch, sectorRef } from './match-explanation';
import { MatchPool } from './match-pool';
import { occupationFit, requirement, requirementFits, skillCoverage } from './match-score';
import { MatchingService } from './matching.service';
import { TaxonomyGraph } from './taxonomy-graph';
import { viability } from './transitions';

/**
 * A path's score is on the scale of the occupation transitions (and gets their viability label):
 * how well everything the candidate has shown covers the destination's essential skills, and how
 * close the nearest earlier occupation is. Below MIN_PATH_SCORE too little carries over to show.
 */
const PATH_WEIGHTS = { skills: 0.65, occupation: 0.35 } as const;
const MIN_PATH_SCORE = 0.15;

function pathScore(skills: number, occupation: number): number {
  return (
    Math.round((PATH_WEIGHTS.skills * skills + PATH_WEIGHTS.occupation * occupation) * 1000) / 1000
  );
}

/** A recorded skill shared by more occupations than this says little about where to go next. */
const DISTINCTIVE_SKILL_OCCUPATIONS = 60;
const CARRY_OVER_SHOWN = 6;
const GAPS_SHOWN = 5;

/**
 * Occupations that fit a candidate's whole history: the precomputed ESCO transitions from every
 * earlier occupation, plus occupations for which a distinctive recorded skill (often from a hobby
 * or volunteer work) is essential; each scored on how well everything the candidate has shown
 * covers its essential skills.
 */
@Injectable()
export class CareerPaths {
  private reverseGraph: TaxonomyGraph | null = null;
  private readonly essentialFor = new Map<string, string[]>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly matching: MatchingService,
    private readonly pool: MatchPool,
    private readonly audit: AuditService,
  ) {}

  async forCandidate(
    actor: Actor,
    candidateId: string,
    query: CareerPathsQueryDto,
  ): Promise<CareerPathsResponse> {
    const candidate = await this.matching.readableCandidate(actor, candidateId);
    const context = await this.matching.context();
    const { graph } = context;
    const profile = candidateProfile(candidate, graph);
    const destinations = await this.destinations(
      graph,
      profile,
      candidate.skills.map((s) => s.uri),
    );
    const openByOccupation = new Map<string, number>();
    for (const vacancy of await this.pool.allVacancies()) {
      if (vacancy.status === 'open')
        openByOccupation.set(
          vacancy.occupationUri,
          (openByOccupation.get(vacancy.occupationUri) ?? 0) + 1,
        );
    }

    const items: CareerPathDto[] = [];
    for (const uri of destinations) {
      const occupation = graph.occupation(uri);
      if (!occupation) continue;
      const mainSector = occupation.sectors[0] ?? null;
      const otherSector = mainSector !== null && !profile.sectors.includes(mainSector);
      if (!otherSector && !query.includeSameSector) continue;
      const fits = requirementFits(
        occupation.essential.map((skill) => requirement(skill, 'occupation', graph)),
        profile,
        graph,
      );
      const fit = occupationFit(profile, uri, context.similarity);
      const score = pathScore(skillCoverage(fits), fit.score);
      if (score < MIN_PATH_SCORE) continue;
      const explanation = explainMatch(
        {
          score,
          label: null,
          parts: { skills: 0, occupation: fit.score, languages: 1, interest: 0 },
          fits,
          occupation: fit,
          languages: [],
          failed: [],
          distanceKm: null,
          crossSector: otherSector,
          fromSectors: profile.sectors,
        },
        graph,
      );
      const carryOver = explanation.coveredSkills.slice(0, CARRY_OVER_SHOWN);
      const gaps = explanation.missingSkills.slice(0, GAPS_SHOWN);
      items.push({
        occupation: {
          uri,
          code: occupation.code,
          label: occupation.labelNl,
          sector: mainSector ? sectorRef(mainSector) : null,
        },
        otherSector,
        score,
        viability: viability(score),
        carryOver,
        gaps,
        openVacancies: openByOccupation.get(uri) ?? 0,
        summary: pathSummary(occupation.labelNl, mainSector, carryOver, gaps),
      });
    }
    items.sort((a, b) => b.score - a.score || a.occupation.code.localeCompare(b.occupation.code));
    await this.audit.record(actor, {
      action: 'candidate.career-paths',
      objectType: 'candidate',
      objectId: candidateId,
    });
    return {
      candidate: {
        id: candidate.id,
        firstName: candidate.firstName,
        lastName: candidate.lastName,
        klantmanagerId: candidate.klantmanagerId,
      },
      fromSectors: profile.sectors.map(sectorRef),
      items: items.slice(0, query.limit),
    };
  }

  private async destinations(
    graph: TaxonomyGraph,
    profile: CandidateProfile,
    recordedSkills: string[],
  ): Promise<Set<string>> {
    const past = profile.occupations.map((o) => o.uri);
    const rows = await this.dataSource.query<{ to_uri: string }[]>(
      'SELECT DISTINCT to_uri FROM occupation_transitions WHERE from_uri = ANY($1::text[])',
      [past],
    );
    const found = new Set(rows.map((r) => r.to_uri));
    const reverse = this.occupationsByEssentialSkill(graph);
    for (const skill of recordedSkills) {
      const occupations = reverse.get(skill) ?? [];
      if (occupations.length <= DISTINCTIVE_SKILL_OCCUPATIONS)
        occupations.forEach((o) => found.add(o));
    }
    for (const uri of past) found.delete(uri);
    return found;
  }

  private occupationsByEssentialSkill(graph: TaxonomyGraph): Map<string, string[]> {
    if (this.reverseGraph !== graph) {
      this.reverseGraph = graph;
      this.essentialFor.clear();
      for (const occupation of graph.occupations()) {
        for (const skill of occupation.essential) {
          const list = this.essentialFor.get(skill);
          if (list) list.push(occupation.uri);
          else this.essentialFor.set(skill, [occupation.uri]);
        }
      }
    }
    return this.essentialFor;
  }
}

function pathSummary(
  label: string,
  sector: string | null,
  carryOver: { label: string; evidence: string }[],
  gaps: { label: string; bridgeable: boolean }[],
): string {
  const where = sector ? ` (${sectorRef(sector).label.toLowerCase()})` : '';
  const parts = [`${label}${where}.`];
  if (carryOver.length) {
    parts.push(
      `Neemt mee: ${joinDutch(carryOver.slice(0, 3).map((s) => `${s.label} (${s.evidence})`))}.`,
    );
  }
  if (gaps.length) {
    parts.push(
      `Nog te leren: ${joinDutch(gaps.slice(0, 3).map((g) => (g.bridgeable ? `${g.label} (korte cursus)` : g.label)))}.`,
    );
  }
  return parts.join(' ');
}
