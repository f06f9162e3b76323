import { Inject, Injectable, Logger } from '@nestjs/common';
import { Actor, Role } from '../../infra/auth/role';
import { DomainException, ErrorCode } from '../../infra/http/domain.exception';
import { skipOf } from '../../infra/http/pagination';
import { RequestValidationException } from '../../infra/http/validation';
import {
  GeoPoint,
  SEARCH_ENGINE,
  SearchEngine,
  SearchFilter,
  SearchIndexName,
  SearchQuery,
  SearchResult,
  SearchSort,
} from '../../infra/search/search-engine';
import { SEARCH_SCHEMAS } from '../../infra/search/search-indexes';
import { MATCHABLE_STATUSES } from '../candidates/candidate-rules';
import { FieldErrors } from '../employers/field-errors';
import { CEFR_LEVELS, CefrLevel } from '../taxonomy/reference-lists';
import { ReferenceTables } from '../taxonomy/reference-tables.service';
import {
  TaxonomyReferencesService,
  unknownReferenceProblem,
} from '../taxonomy/taxonomy-references.service';
import { ACTIVE_VACANCY_STATUSES } from '../vacancies/vacancy-status';
import {
  CandidateSearchQueryDto,
  EmployerSearchQueryDto,
  ProfileSearchQueryDto,
  SearchQueryBaseDto,
  VacancySearchQueryDto,
} from './dto/search-query.dto';
import { SearchResponse, toSearchItem } from './dto/search-response.dto';
import { facetLabeller } from './facet-labels';
import { dateNumber } from './search-documents.service';

const DEFAULT_RADIUS_KM = 15;

/**
 * One thing the user asked for, in the words of the API (`parameter`) and in Dutch (`label`).
 * When nothing is found, each criterion is left out in turn to tell what would find something.
 */
interface Criterion {
  parameter: string;
  label: string;
  text?: string;
  filters?: SearchFilter[];
  near?: SearchQuery['near'];
}

interface Plan {
  index: SearchIndexName;
  /** Role rules: always applied, never relaxed. */
  scope: SearchFilter[];
  criteria: Criterion[];
  sort: SearchSort;
  facets: string[];
  offset: number;
  limit: number;
}

const anyOf = (field: string, values: string[]): SearchFilter => ({
  kind: 'anyOf',
  field,
  values,
});

/** Language codes with their levels at or above `minimum` (`tr:B1` -> tr:B1 … tr:native). */
function levelsFrom(language: string, minimum: CefrLevel): string[] {
  return CEFR_LEVELS.slice(CEFR_LEVELS.indexOf(minimum)).map((level) => `${language}:${level}`);
}

/** Language codes with their levels up to `maximum` (a vacancy asking B1 suits a C2 speaker). */
function levelsUpTo(language: string, maximum: CefrLevel): string[] {
  return CEFR_LEVELS.slice(0, CEFR_LEVELS.indexOf(maximum) + 1).map(
    (level) => `${language}:${level}`,
  );
}

function splitLanguage(value: string): [string, CefrLevel | undefined] {
  const [language, level] = value.split(':');
  return [language, level as CefrLevel | undefined];
}

/**
 * The search API: turns validated query parameters into engine queries, applies the role rules,
 * refuses unknown references with a 400 instead of finding nothing, and says which criterion to
 * drop when nothing is found.
 */
@Injectable()
export class SearchService {
  private readonly logger = new Logger('Search');

  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly references: TaxonomyReferencesService,
    private readonly tables: ReferenceTables,
  ) {}

  async candidates(actor: Actor, dto: CandidateSearchQueryDto): Promise<SearchResponse> {
    const scope: SearchFilter[] = [];
    switch (actor.role) {
      case Role.Coordinator:
        break;
      case Role.ClientManager:
        scope.push(anyOf('klantmanagerId', [actor.userId]));
        break;
      case Role.AccountManager:
        scope.push(anyOf('availableForMatching', ['true']));
        scope.push(anyOf('programmeStatus', [...MATCHABLE_STATUSES]));
        break;
      case Role.Employer:
        throw DomainException.forbidden('Employer contacts cannot search candidates');
    }
    const criteria = await this.profileCriteria('candidates', dto);
    for (const value of dto.language ?? []) {
      const [language, level] = splitLanguage(value);
      criteria.push({
        parameter: 'language',
        label: `taal ${value}`,
        filters: [
          level
            ? anyOf('languages', levelsFrom(language, level))
            : anyOf('languageCodes', [language]),
        ],
      });
    }
    this.addUpTo(criteria, 'availableBy', 'beschikbaarheid', 'availableFrom', dto.availableBy);
    this.addAnyOf(criteria, 'sector', 'sector', 'sectors', dto.sector);
    this.addAnyOf(criteria, 'status', 'status', 'programmeStatus', dto.status);
    this.addAnyOf(
      criteria,
      'educationLevel',
      'opleidingsniveau',
      'educationLevel',
      dto.educationLevel,
    );
    this.addAllOf(criteria, 'certificate', 'certificaat', 'certificates', dto.certificate);
    this.addAllOf(criteria, 'drivingLicence', 'rijbewijs', 'drivingLicences', dto.drivingLicence);
    return this.run({ index: 'candidates', scope, criteria, ...this.paging('candidates', dto) });
  }

  async vacancies(actor: Actor, dto: VacancySearchQueryDto): Promise<SearchResponse> {
    const scope: SearchFilter[] = [];
    switch (actor.role) {
      case Role.ClientManager:
        scope.push(anyOf('status', [...ACTIVE_VACANCY_STATUSES]));
        break;
      case Role.AccountManager:
      case Role.Coordinator:
        break;
      case Role.Employer:
        throw DomainException.forbidden('Employer contacts cannot search vacancies');
    }
    const criteria = await this.profileCriteria('vacancies', dto);
    if (dto.language?.length) {
      criteria.push({
        parameter: 'language',
        label: 'taal',
        filters: [
          anyOf(
            'languages',
            dto.language.flatMap((value) => {
              const [language, level] = splitLanguage(value);
              return levelsUpTo(language, level ?? 'native');
            }),
          ),
        ],
      });
    }
    this.addUpTo(criteria, 'startBy', 'startdatum', 'startDate', dto.startBy);
    this.addAnyOf(criteria, 'sector', 'sector', 'sector', dto.sector);
    this.addAnyOf(criteria, 'status', 'status', 'status', dto.status);
    this.addAnyOf(criteria, 'contractType', 'contractvorm', 'contractType', dto.contractType);
    this.addAnyOf(criteria, 'kind', 'soort vacature', 'kind', dto.kind && [dto.kind]);
    this.addBoolean(
      criteria,
      'trialPlacementPossible',
      'proefplaatsing',
      dto.trialPlacementPossible,
    );
    return this.run({ index: 'vacancies', scope, criteria, ...this.paging('vacancies', dto) });
  }

  async employers(actor: Actor, dto: EmployerSearchQueryDto): Promise<SearchResponse> {
    if (actor.role === Role.Employer) {
      throw DomainException.forbidden('Employer contacts cannot search employers');
    }
    const criteria = await this.baseCriteria(dto);
    this.addAnyOf(criteria, 'sector', 'sector', 'sector', dto.sector);
    this.addAnyOf(
      criteria,
      'opennessTo45Plus',
      'openheid voor 45+',
      'opennessTo45Plus',
      dto.opennessTo45Plus,
    );
    this.addBoolean(
      criteria,
      'acceptsTrialPlacements',
      'proefplaatsingen',
      dto.acceptsTrialPlacements,
    );
    this.addBoolean(criteria, 'hasOpenVacancies', 'open vacatures', dto.hasOpenVacancies);
    return this.run({ index: 'employers', scope: [], criteria, ...this.paging('employers', dto) });
  }

  private async run(plan: Plan): Promise<SearchResponse> {
    const result = await this.query(plan, plan.criteria, plan.limit, plan.facets);
    const labels = facetLabeller(await this.tables.iscoGroupLabels());
    return {
      engine: this.engine.kind,
      items: result.hits.map((hit) => toSearchItem(plan.index, hit)),
      total: result.total,
      totalIsExact: result.totalIsExact,
      page: plan.offset / plan.limit + 1,
      pageSize: plan.limit,
      facets: Object.fromEntries(
        Object.entries(result.facets).map(([field, counts]) => [
          field,
          Object.entries(counts)
            .map(([value, count]) => ({ value, label: labels(field, value), count }))
            .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
        ]),
      ),
      relaxations: result.total === 0 ? await this.relaxations(plan) : [],
      corrections: result.corrections?.map(({ word, searchedAs }) => ({
        word,
        searchedAs,
        message: `"${word}" komt nergens voor; gezocht op ${searchedAs.map((term) => `"${term}"`).join(' of ')}.`,
      })),
    };
  }

  /**
   * Nothing found: how many each criterion left out would find, best first. The searches run
   * side by side (the engine bounds how many run at once).
   */
  private async relaxations(plan: Plan): Promise<SearchResponse['relaxations']> {
    const counted = await Promise.all(
      plan.criteria.map(async (left) => {
        const rest = plan.criteria.filter((criterion) => criterion !== left);
        const { total, totalIsExact } = await this.query({ ...plan, offset: 0 }, rest, 1, []);
        const count = totalIsExact ? `${total}` : `meer dan ${total}`;
        return {
          parameter: left.parameter,
          label: left.label,
          total,
          totalIsExact,
          message: `Zonder ${left.label} zijn er ${count} resultaten.`,
        };
      }),
    );
    return counted.filter((relaxation) => relaxation.total > 0).sort((a, b) => b.total - a.total);
  }

  private async query(
    plan: Plan,
    criteria: Criterion[],
    limit: number,
    facets: string[],
  ): Promise<SearchResult> {
    const text = criteria.find((criterion) => criterion.text !== undefined)?.text;
    const near = criteria.find((criterion) => criterion.near)?.near;
    try {
      return await this.engine.search(plan.index, {
        text,
        near,
        filters: [...plan.scope, ...criteria.flatMap((criterion) => criterion.filters ?? [])],
        facets,
        sort: plan.sort.by === 'distance' && !near ? { by: 'relevance' } : plan.sort,
        offset: plan.offset,
        limit,
      });
    } catch (error) {
      this.logger.error(`Search engine ${this.engine.kind} failed: ${(error as Error).message}`);
      throw new DomainException(
        ErrorCode.Unavailable,
        'Zoeken is tijdelijk niet beschikbaar (the search engine does not answer); try again in a minute',
      );
    }
  }

  /** Text and distance, for every index. Refuses an unknown PC4 instead of finding nothing. */
  private async baseCriteria(dto: SearchQueryBaseDto): Promise<Criterion[]> {
    const criteria: Criterion[] = [];
    if (dto.q) criteria.push({ parameter: 'q', label: `"${dto.q}"`, text: dto.q });
    if (dto.radiusKm !== undefined && !dto.nearPc4) {
      const errors = new FieldErrors();
      errors.add('radiusKm', 'radiusKm needs nearPc4: the postcode area to measure from');
      errors.throwIfAny();
    }
    if (dto.nearPc4) {
      const centre = await this.centreOf(dto.nearPc4);
      const radiusKm = dto.radiusKm ?? DEFAULT_RADIUS_KM;
      criteria.push({
        parameter: 'radiusKm',
        label: `afstand (${radiusKm} km van ${dto.nearPc4})`,
        near: { centre, radiusKm },
      });
    }
    return criteria;
  }

  /** Base criteria plus occupation, ISCO group, skills and hours, after checking the ESCO references. */
  private async profileCriteria(
    index: 'candidates' | 'vacancies',
    dto: ProfileSearchQueryDto,
  ): Promise<Criterion[]> {
    const errors = new FieldErrors();
    errors.addUnknown(
      'occupation',
      await this.references.unknown('occupation', dto.occupation ?? []),
      () => ['occupation'],
    );
    errors.addUnknown('skill', await this.references.unknown('skill', dto.skill ?? []), () => [
      'skill',
    ]);
    errors.throwIfAny();
    const criteria = await this.baseCriteria(dto);
    const fields =
      index === 'candidates'
        ? { occupation: 'occupations', isco: 'iscoGroups' }
        : { occupation: 'occupation', isco: 'iscoGroup' };
    this.addAnyOf(criteria, 'occupation', 'beroep', fields.occupation, dto.occupation);
    this.addAnyOf(criteria, 'iscoGroup', 'beroepsgroep', fields.isco, dto.iscoGroup);
    this.addAllOf(criteria, 'skill', 'vaardigheid', 'skills', dto.skill);
    if (dto.hoursMin !== undefined || dto.hoursMax !== undefined) {
      // the document's range of hours overlaps the range asked for
      criteria.push({
        parameter: 'hours',
        label: 'uren',
        filters: [
          { kind: 'range', field: 'hoursMax', min: dto.hoursMin },
          { kind: 'range', field: 'hoursMin', max: dto.hoursMax },
        ],
      });
    }
    return criteria;
  }

  private addAnyOf(
    criteria: Criterion[],
    parameter: string,
    label: string,
    field: string,
    values: string[] | undefined,
  ): void {
    if (values?.length) criteria.push({ parameter, label, filters: [anyOf(field, values)] });
  }

  /** Each value must be present: one filter per value. */
  private addAllOf(
    criteria: Criterion[],
    parameter: string,
    label: string,
    field: string,
    values: string[] | undefined,
  ): void {
    if (values?.length) {
      criteria.push({ parameter, label, filters: values.map((value) => anyOf(field, [value])) });
    }
  }

  /** A date field on or before `date` (no date counts as "now"). */
  private addUpTo(
    criteria: Criterion[],
    parameter: string,
    label: string,
    field: string,
    date: string | undefined,
  ): void {
    if (date) {
      criteria.push({
        parameter,
        label,
        filters: [{ kind: 'range', field, max: dateNumber(date) }],
      });
    }
  }

  private addBoolean(
    criteria: Criterion[],
    parameter: string,
    label: string,
    value: boolean | undefined,
  ): void {
    if (value !== undefined) {
      criteria.push({ parameter, label, filters: [anyOf(parameter, [String(value)])] });
    }
  }

  private paging(
    index: SearchIndexName,
    dto: SearchQueryBaseDto & { sort: string },
  ): Pick<Plan, 'sort' | 'facets' | 'offset' | 'limit'> {
    const allowed = SEARCH_SCHEMAS[index].facets;
    const unknown = (dto.facets ?? []).filter((facet) => !allowed.includes(facet));
    if (unknown.length > 0) {
      const errors = new FieldErrors();
      errors.add(
        'facets',
        `unknown facet ${unknown.join(', ')}; choose from ${allowed.join(', ')}`,
      );
      errors.throwIfAny();
    }
    const sort: SearchSort =
      dto.sort === 'relevance' || dto.sort === 'distance'
        ? { by: dto.sort }
        : { by: 'field', field: dto.sort, direction: dto.sort === 'updatedAt' ? 'desc' : 'asc' };
    return { sort, facets: dto.facets ?? [], offset: skipOf(dto), limit: dto.pageSize };
  }

  private async centreOf(pc4: string): Promise<GeoPoint> {
    const centre = (await this.tables.postcodeCentres()).get(pc4);
    if (centre) return centre;
    throw new RequestValidationException([
      { field: 'nearPc4', problems: [unknownReferenceProblem('postcode', pc4)] },
    ]);
  }
}
