import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { DomainException, ErrorCode } from '../../infra/http/domain.exception';
import { ATTRIBUTION } from './attribution';
import {
  AttributionDto,
  OccupationDetailDto,
  OccupationMatchListDto,
  OccupationSummaryDto,
  PostcodeDto,
  PostcodeListDto,
  ReferenceListsDto,
  SectorDto,
  SectorListDto,
  SKILL_OCCUPATIONS_LIMIT,
  SkillDetailDto,
  SkillMatchListDto,
  SkillSummaryDto,
} from './dto/taxonomy-response.dto';
import { SEARCH_MIN_LENGTH, TaxonomySearchQueryDto } from './dto/taxonomy-query.dto';
import { IscoGroupEntity } from './isco-group.entity';
import { escapeLike, normalizeLabel } from './label-normalization';
import { OccupationEntity } from './occupation.entity';
import { PostcodeEntity } from './postcode.entity';
import {
  CEFR_LEVEL_LABELS,
  CEFR_LEVELS,
  CERTIFICATES,
  CONTRACT_TYPE_LABELS,
  CONTRACT_TYPES,
  DRIVING_LICENCE_LABELS,
  DRIVING_LICENCES,
  EDUCATION_LEVEL_LABELS,
  EDUCATION_LEVELS,
  LANGUAGES,
  PHYSICAL_LOAD_LABELS,
  SHIFT_LABELS,
  SHIFTS,
} from './reference-lists';
import { SECTOR_CODES, sectorLabel } from './sectors';
import { SkillGroupEntity } from './skill-group.entity';
import { SkillEntity } from './skill.entity';
import { TaxonomyImportEntity } from './taxonomy-import.entity';
import { labelSearch, parseOccupationId, parsePc4, parseSkillId } from './taxonomy-search';

interface LabelHit {
  conceptUri: string;
  label: string;
  language: 'nl' | 'en';
}

/** Lookups in the ESCO taxonomy, postcodes and the fixed reference lists. Read-only. */
@Injectable()
export class TaxonomyService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async searchOccupations(query: TaxonomySearchQueryDto): Promise<OccupationMatchListDto> {
    const hits = await this.searchLabels('occupation', query);
    const byUri = await this.findByUri(OccupationEntity, hits);
    return {
      items: hits.flatMap((hit) => {
        const occupation = byUri.get(hit.conceptUri);
        return occupation
          ? [
              {
                ...toOccupationSummary(occupation),
                matchedLabel: hit.label,
                matchedLanguage: hit.language,
              },
            ]
          : [];
      }),
    };
  }

  async searchSkills(query: TaxonomySearchQueryDto): Promise<SkillMatchListDto> {
    const hits = await this.searchLabels('skill', query);
    const byUri = await this.findByUri(SkillEntity, hits);
    return {
      items: hits.flatMap((hit) => {
        const skill = byUri.get(hit.conceptUri);
        return skill
          ? [{ ...toSkillSummary(skill), matchedLabel: hit.label, matchedLanguage: hit.language }]
          : [];
      }),
    };
  }

  async getOccupation(id: string): Promise<OccupationDetailDto> {
    const key = parseOccupationId(id);
    const occupation = await this.dataSource
      .getRepository(OccupationEntity)
      .findOne({ where: key });
    if (!occupation) {
      const what = 'code' in key ? `ESCO code ${key.code}` : `URI ${key.uri}`;
      throw new DomainException(
        ErrorCode.NotFound,
        `There is no occupation with ${what}; look occupations up with GET /taxonomy/occupations?q=…`,
        { objectType: 'occupation', objectId: 'code' in key ? key.code : key.uri },
      );
    }
    const [isco, skills] = await Promise.all([
      this.dataSource
        .getRepository(IscoGroupEntity)
        .findOne({ where: { code: occupation.iscoGroup } }),
      this.dataSource.query<(SkillRowWithFlag & { essential: boolean })[]>(
        `SELECT s.uri, s.skill_type AS "skillType", s.reuse_level AS "reuseLevel", s.label_nl AS "labelNl",
                s.label_en AS "labelEn", s.group_labels_nl AS "groupLabelsNl", os.essential
           FROM occupation_skills os JOIN skills s ON s.uri = os.skill_uri
          WHERE os.occupation_uri = $1`,
        [occupation.uri],
      ),
    ]);
    const summaries = (essential: boolean) =>
      sortSkills(skills.filter((skill) => skill.essential === essential).map(toSkillSummary));
    return {
      ...toOccupationSummary(occupation),
      altLabelsNl: occupation.altLabelsNl,
      altLabelsEn: occupation.altLabelsEn,
      isco: isco ? { code: isco.code, labelNl: isco.labelNl, labelEn: isco.labelEn } : null,
      naceCodes: occupation.naceCodes,
      brc:
        occupation.brcClass && occupation.brcClassLabel
          ? {
              classCode: occupation.brcClass,
              classLabel: occupation.brcClassLabel,
              groupCode: occupation.brcGroup,
              groupLabel: occupation.brcGroupLabel,
            }
          : null,
      skillsBasedSector: occupation.skillsBasedSector,
      essentialSkills: summaries(true),
      optionalSkills: summaries(false),
    };
  }

  async getSkill(id: string): Promise<SkillDetailDto> {
    const uri = parseSkillId(id);
    const skill = await this.dataSource.getRepository(SkillEntity).findOne({ where: { uri } });
    if (!skill) {
      throw new DomainException(
        ErrorCode.NotFound,
        `There is no skill with URI ${uri}; look skills up with GET /taxonomy/skills?q=…`,
        { objectType: 'skill', objectId: uri },
      );
    }
    const [groups, broader, occupations] = await Promise.all([
      this.dataSource.getRepository(SkillGroupEntity).find({
        where: { code: In(skill.groupCodes) },
        order: { code: 'ASC', uri: 'ASC' },
      }),
      this.dataSource.query<SkillRowWithFlag[]>(
        `SELECT s.uri, s.skill_type AS "skillType", s.reuse_level AS "reuseLevel", s.label_nl AS "labelNl",
                s.label_en AS "labelEn", s.group_labels_nl AS "groupLabelsNl"
           FROM skill_broader b JOIN skills s ON s.uri = b.broader_uri
          WHERE b.skill_uri = $1`,
        [uri],
      ),
      this.dataSource.query<{ uri: string; code: string; label: string; essential: boolean }[]>(
        `SELECT o.uri, o.code, o.label_nl AS label, os.essential
           FROM occupation_skills os JOIN occupations o ON o.uri = os.occupation_uri
          WHERE os.skill_uri = $1
          ORDER BY os.essential DESC, o.label_nl, o.code
          LIMIT $2`,
        [uri, SKILL_OCCUPATIONS_LIMIT],
      ),
    ]);
    return {
      ...toSkillSummary(skill),
      altLabelsNl: skill.altLabelsNl,
      altLabelsEn: skill.altLabelsEn,
      groups: groups.map((g) => ({
        uri: g.uri,
        code: g.code,
        labelNl: g.labelNl,
        labelEn: g.labelEn,
      })),
      broaderSkills: sortSkills(broader.map(toSkillSummary)),
      occupationCount: skill.occupationCount,
      occupations,
    };
  }

  async getPostcode(value: string): Promise<PostcodeDto> {
    const pc4 = parsePc4(value);
    const postcode = await this.dataSource
      .getRepository(PostcodeEntity)
      .findOne({ where: { pc4 } });
    if (!postcode) {
      throw new DomainException(
        ErrorCode.NotFound,
        `There is no PC4 postcode ${pc4} in the reference data; look postcodes up with GET /taxonomy/postcodes?q=…`,
        { objectType: 'postcode', objectId: pc4 },
      );
    }
    return toPostcode(postcode);
  }

  /** Postcodes starting with the digits given, or in a place or municipality starting with the text. */
  async searchPostcodes(query: TaxonomySearchQueryDto): Promise<PostcodeListDto> {
    const text = query.q.trim();
    const rows = /^\d+$/.test(text)
      ? await this.dataSource.query<PostcodeEntity[]>(
          'SELECT * FROM postcodes WHERE pc4 LIKE $1 ORDER BY pc4 LIMIT $2',
          [`${escapeLike(text)}%`, query.limit],
        )
      : await this.dataSource.query<PostcodeEntity[]>(
          `SELECT * FROM postcodes
            WHERE lower(unaccent(place)) LIKE $1 ESCAPE '\\' OR lower(unaccent(municipality)) LIKE $1 ESCAPE '\\'
            ORDER BY lower(unaccent(place)) <> $2, place, pc4 LIMIT $3`,
          [`${escapeLike(normalizeLabel(text))}%`, normalizeLabel(text), query.limit],
        );
    return { items: rows.map(toPostcode) };
  }

  sectors(): SectorListDto {
    return { items: SECTOR_CODES.map(toSector) };
  }

  referenceLists(): ReferenceListsDto {
    const pairs = (
      labels: Record<string, string>,
      codes: readonly string[] = Object.keys(labels),
    ) => codes.map((code) => ({ code, label: labels[code] }));
    return {
      languages: pairs(LANGUAGES),
      cefrLevels: pairs(CEFR_LEVEL_LABELS, CEFR_LEVELS),
      certificates: pairs(CERTIFICATES),
      drivingLicences: pairs(DRIVING_LICENCE_LABELS, DRIVING_LICENCES),
      shifts: pairs(SHIFT_LABELS, SHIFTS),
      contractTypes: pairs(CONTRACT_TYPE_LABELS, CONTRACT_TYPES),
      educationLevels: pairs(EDUCATION_LEVEL_LABELS, EDUCATION_LEVELS),
      physicalLoad: pairs(PHYSICAL_LOAD_LABELS),
    };
  }

  async attribution(): Promise<AttributionDto> {
    const latest = await this.dataSource
      .getRepository(TaxonomyImportEntity)
      .find({ order: { importedAt: 'DESC', id: 'DESC' }, take: 1 });
    return {
      items: ATTRIBUTION.map(({ source, licence, text }) => ({ source, licence, text })),
      taxonomy: latest[0] ? { version: latest[0].version, importedAt: latest[0].importedAt } : null,
    };
  }

  private searchLabels(
    conceptType: 'occupation' | 'skill',
    query: TaxonomySearchQueryDto,
  ): Promise<LabelHit[]> {
    // e.g. only accents or spaces: nothing to search for
    if (normalizeLabel(query.q).length < SEARCH_MIN_LENGTH) return Promise.resolve([]);
    const { sql, parameters } = labelSearch(conceptType, query.q, query.limit);
    return this.dataSource.query<LabelHit[]>(sql, parameters);
  }

  private async findByUri<T extends { uri: string }>(
    entity: new () => T,
    hits: LabelHit[],
  ): Promise<Map<string, T>> {
    if (hits.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository<{ uri: string }>(entity)
      .findBy({ uri: In(hits.map((hit) => hit.conceptUri)) });
    return new Map(rows.map((row) => [row.uri, row as T]));
  }
}

type SkillRowWithFlag = Pick<
  SkillEntity,
  'uri' | 'skillType' | 'reuseLevel' | 'labelNl' | 'labelEn' | 'groupLabelsNl'
>;

function toSector(code: string): SectorDto {
  return { code, label: sectorLabel(code) };
}

export function toOccupationSummary(occupation: OccupationEntity): OccupationSummaryDto {
  return {
    uri: occupation.uri,
    code: occupation.code,
    label: occupation.labelNl,
    labelEn: occupation.labelEn,
    iscoGroup: occupation.iscoGroup,
    sectors: occupation.sectors.map(toSector),
  };
}

/** Dutch label where ESCO has one; otherwise the English label, shown with its Dutch skill group. */
export function toSkillSummary(skill: SkillRowWithFlag): SkillSummaryDto {
  const hasDutchLabel = !!skill.labelNl;
  const label = skill.labelNl || skill.labelEn;
  const groups = skill.groupLabelsNl.slice(0, 2).join('; ');
  return {
    uri: skill.uri,
    label,
    hasDutchLabel,
    labelEn: skill.labelEn,
    groupLabelsNl: skill.groupLabelsNl,
    displayLabel: hasDutchLabel || !groups ? label : `${label} (${groups})`,
    skillType: skill.skillType,
    reuseLevel: skill.reuseLevel,
  };
}

/** Skills with a Dutch label first, then alphabetically as a Dutch reader expects. */
export function sortSkills(skills: SkillSummaryDto[]): SkillSummaryDto[] {
  return [...skills].sort(
    (a, b) =>
      Number(b.hasDutchLabel) - Number(a.hasDutchLabel) ||
      a.label.localeCompare(b.label, 'nl') ||
      a.uri.localeCompare(b.uri),
  );
}

function toPostcode(postcode: PostcodeEntity): PostcodeDto {
  return {
    pc4: postcode.pc4,
    lat: postcode.lat,
    lon: postcode.lon,
    place: postcode.place,
    municipality: postcode.municipality,
    province: postcode.province,
  };
}
