import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { distanceKm } from '../../infra/search/search-text';
import { OpennessTo45Plus } from '../employers/employer.entity';
import { VacancyStatus } from '../vacancies/vacancy.entity';
import { CandidateProfile } from './candidate-evidence';
import { EmployerMatchDto } from './dto/matching-response.dto';
import { DEFAULT_MAX_COMMUTE_KM, formatKm } from './hard-constraints';
import { MatchCandidate, MatchContext } from './match-assessment';
import { joinDutch, sectorRef } from './match-explanation';
import { MatchPool } from './match-pool';
import {
  combinedScore,
  interestScore,
  LABEL_THRESHOLDS,
  matchLabel,
  occupationFit,
  occupationRequirements,
  requirementFits,
  skillCoverage,
} from './match-score';

const MAX_EMPLOYERS = 10;

interface ProspectRow {
  id: string;
  name: string;
  sector: string;
  openness: OpennessTo45Plus;
  trial: boolean;
  past: { occupation: string; status: VacancyStatus; title: string }[];
  pc4s: string[];
}

const STATUS_WORDS: Record<VacancyStatus, string> = {
  draft: 'in voorbereiding',
  open: 'open',
  'on-hold': 'aangehouden',
  filled: 'vervuld',
  closed: 'gesloten',
};

/**
 * Employers to approach for one candidate (jobhunting): no open vacancy now, not closed to 45+,
 * within commuting distance, in a sector the candidate does not refuse, and whose earlier
 * vacancies (filled ones are earlier hires) fit the candidate's skills, or whose sector is one
 * the candidate asked for.
 */
@Injectable()
export class EmployerProspects {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly pool: MatchPool,
  ) {}

  async forCandidate(
    candidate: MatchCandidate,
    profile: CandidateProfile,
    { graph, similarity }: MatchContext,
    limit: number,
  ): Promise<EmployerMatchDto[]> {
    const rows = await this.dataSource.query<ProspectRow[]>(
      `SELECT e.id, e.name, e.sector, e.openness_to45_plus AS openness, e.accepts_trial_placements AS trial,
              COALESCE((SELECT jsonb_agg(jsonb_build_object('occupation', v.occupation_uri, 'status', v.status, 'title', v.title) ORDER BY v.created_at DESC)
                          FROM vacancies v WHERE v.employer_id = e.id), '[]'::jsonb) AS past,
              ARRAY(SELECT l.pc4 FROM employer_locations l WHERE l.employer_id = e.id) AS pc4s
         FROM employers e
        WHERE e.openness_to45_plus <> 'not-open'
          AND NOT (e.sector = ANY($1::text[]))
          AND NOT EXISTS (SELECT 1 FROM vacancies o WHERE o.employer_id = e.id AND o.status IN ('open', 'on-hold'))`,
      [candidate.sectorsRefused],
    );
    const fitOf = new Map<string, number>();
    const occupationScore = (uri: string, sector: string): number => {
      const key = `${uri}|${sector}`;
      let score = fitOf.get(key);
      if (score === undefined) {
        const fits = requirementFits(occupationRequirements(uri, graph), profile, graph);
        score = combinedScore({
          skills: skillCoverage(fits),
          occupation: occupationFit(profile, uri, similarity).score,
          languages: 1,
          interest: interestScore(sector, candidate.sectorsOfInterest),
        });
        fitOf.set(key, score);
      }
      return score;
    };

    const prospects: EmployerMatchDto[] = [];
    for (const row of rows) {
      const distance = await this.nearest(candidate, row.pc4s);
      if (distance !== null && distance > (candidate.maxCommuteKm ?? DEFAULT_MAX_COMMUTE_KM))
        continue;
      const reasons: string[] = [];
      let score = 0;
      let best: ProspectRow['past'][number] | null = null;
      for (const past of row.past) {
        const value = occupationScore(past.occupation, row.sector);
        if (value > score) {
          score = value;
          best = past;
        }
      }
      if (best && score >= LABEL_THRESHOLDS.mogelijk) {
        const label = graph.occupation(best.occupation)?.labelNl ?? best.title;
        reasons.push(
          `had eerder een vacature als ${label} (${STATUS_WORDS[best.status]}) die past bij de ervaring`,
        );
      }
      const asked = candidate.sectorsOfInterest.includes(row.sector);
      if (asked) {
        reasons.push(
          `werkt in de sector ${sectorRef(row.sector).label.toLowerCase()}, waar de klant graag wil werken`,
        );
        score = Math.max(score, LABEL_THRESHOLDS.mogelijk);
      }
      const label = matchLabel(score);
      if (!label || reasons.length === 0) continue;
      if (row.openness === 'open') reasons.push('staat open voor 45-plussers');
      if (row.trial) reasons.push('biedt proefplaatsingen aan');
      if (distance !== null) reasons.push(`${formatKm(distance)} van huis`);
      prospects.push({
        id: row.id,
        name: row.name,
        sector: sectorRef(row.sector),
        score,
        label,
        distanceKm: distance,
        reasons,
        summary: `Benaderen: ${joinDutch(reasons)}.`,
      });
    }
    const open = new Set(rows.filter((r) => r.openness === 'open').map((r) => r.id));
    const openness = (p: EmployerMatchDto) => (open.has(p.id) ? 0 : 1);
    return prospects
      .sort(
        (a, b) =>
          b.score - a.score || openness(a) - openness(b) || a.name.localeCompare(b.name, 'nl'),
      )
      .slice(0, Math.min(limit, MAX_EMPLOYERS));
  }

  private async nearest(candidate: MatchCandidate, pc4s: string[]): Promise<number | null> {
    if (!candidate.home) return null;
    let nearest: number | null = null;
    for (const pc4 of pc4s) {
      const point = await this.pool.point(pc4);
      if (!point) continue;
      const km = distanceKm(candidate.home, point);
      if (nearest === null || km < nearest) nearest = km;
    }
    return nearest;
  }
}
