import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainException, ErrorCode } from '../../infra/http/domain.exception';
import { sectorLabel } from '../taxonomy/sectors';
import { parseOccupationId } from '../taxonomy/taxonomy-search';
import {
  TransitionDto,
  TransitionListDto,
  TransitionOccupationDto,
  TransitionSkillDto,
  TransitionsQueryDto,
} from './dto/transitions.dto';
import { TaxonomyGraphService } from './taxonomy-graph.service';
import { LISTED_SKILLS, viability } from './transitions';

interface OccupationRow {
  uri: string;
  code: string;
  label: string;
  sectors: string[];
}

interface TransitionQueryRow {
  toUri: string;
  code: string;
  label: string;
  sectors: string[];
  score: number;
  otherSector: boolean;
}

/** Shared skills and gaps named in the one-sentence explanation. */
const EXPLAINED_SHARED = 3;
const EXPLAINED_MISSING = 2;

/**
 * Occupations a worker can move to from an occupation: which ones and their scores from
 * `occupation_transitions`, the shared skills and gaps of each from the taxonomy graph (one
 * coverage vector for the origin, then a few microseconds per destination).
 */
@Injectable()
export class TransitionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly graphs: TaxonomyGraphService,
  ) {}

  async transitions(id: string, query: TransitionsQueryDto): Promise<TransitionListDto> {
    const key = parseOccupationId(id);
    const [origin] = await this.dataSource.query<OccupationRow[]>(
      `SELECT uri, code, label_nl AS label, sectors FROM occupations WHERE ${'code' in key ? 'code' : 'uri'} = $1`,
      ['code' in key ? key.code : key.uri],
    );
    if (!origin) {
      const what = 'code' in key ? `ESCO code ${key.code}` : `URI ${key.uri}`;
      throw new DomainException(
        ErrorCode.NotFound,
        `There is no occupation with ${what}; look occupations up with GET /taxonomy/occupations?q=…`,
        { objectType: 'occupation', objectId: 'code' in key ? key.code : key.uri },
      );
    }
    const [graph, rows] = await Promise.all([
      this.graphs.graph(),
      this.dataSource.query<TransitionQueryRow[]>(
        `SELECT t.to_uri AS "toUri", o.code, o.label_nl AS label, o.sectors, t.score,
                t.other_sector AS "otherSector"
           FROM occupation_transitions t JOIN occupations o ON o.uri = t.to_uri
          WHERE t.from_uri = $1 AND ($2::boolean IS FALSE OR t.other_sector)
          ORDER BY t.rank
          LIMIT $3`,
        [origin.uri, query.otherSectorOnly, query.limit],
      ),
    ]);
    // Dutch label, else the English one
    const skills = (uris: string[]): TransitionSkillDto[] =>
      uris.slice(0, LISTED_SKILLS).map((uri) => ({ uri, label: graph.skill(uri)?.label ?? uri }));
    return {
      occupation: toOccupation(origin),
      items: rows.map((row): TransitionDto => {
        // the coverage vector of the origin is computed once and cached in the graph
        const similarity = graph.occupationSimilarity(origin.uri, row.toUri);
        const sharedSkills = skills(similarity.shared);
        const missingEssentialSkills = skills(similarity.missingEssential);
        // the label follows the score as shown: 0.448 reads 0.45, zeer goed haalbaar
        const score = Math.round(row.score * 100) / 100;
        return {
          occupation: toOccupation({ ...row, uri: row.toUri }),
          score,
          viability: viability(score),
          otherSector: row.otherSector,
          sharedSkills,
          missingEssentialSkills,
          explanation: explainTransition(
            origin.label,
            row.label,
            sharedSkills.map((skill) => skill.label),
            missingEssentialSkills.map((skill) => skill.label),
          ),
        };
      }),
    };
  }
}

function toOccupation(row: OccupationRow): TransitionOccupationDto {
  return {
    uri: row.uri,
    code: row.code,
    label: row.label,
    sectors: row.sectors.map((code) => ({ code, label: sectorLabel(code) })),
  };
}

/**
 * One plain Dutch sentence: what the worker brings along and what is still missing, e.g.
 * "Een digitaal drukker brengt ‘a’, ‘b’ en ‘c’ mee; voor offsetdrukker ontbreken nog ‘d’ en ‘e’."
 */
export function explainTransition(
  from: string,
  to: string,
  shared: string[],
  missing: string[],
): string {
  const brings =
    shared.length > 0
      ? `Een ${from} brengt ${dutchList(shared.slice(0, EXPLAINED_SHARED))} mee`
      : `Een ${from} heeft weinig vaardigheden die ${to} vraagt`;
  if (missing.length === 0) {
    return `${brings} en heeft daarmee alle essentiële vaardigheden voor ${to}.`;
  }
  const named = missing.slice(0, EXPLAINED_MISSING);
  const rest = missing.length - named.length;
  const gaps = rest > 0 ? `${named.map(quote).join(', ')} en meer` : dutchList(named);
  const verb = missing.length === 1 ? 'ontbreekt' : 'ontbreken';
  return `${brings}; voor ${to} ${verb} nog ${gaps}.`;
}

function quote(label: string): string {
  return `‘${label}’`;
}

function dutchList(labels: string[]): string {
  const quoted = labels.map(quote);
  return quoted.length <= 1
    ? quoted.join('')
    : `${quoted.slice(0, -1).join(', ')} en ${quoted[quoted.length - 1]}`;
}
