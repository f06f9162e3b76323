import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { GeoPoint, SearchDocument } from '../../infra/search/search-engine';
import { CandidateEntity } from '../candidates/candidate.entity';
import { EmployerEntity } from '../employers/employer.entity';
import { OccupationEntity } from '../taxonomy/occupation.entity';
import { PostcodeEntity } from '../taxonomy/postcode.entity';
import { sectorLabel } from '../taxonomy/sectors';
import { SkillEntity } from '../taxonomy/skill.entity';
import { VacancyEntity } from '../vacancies/vacancy.entity';

/** Columns a candidate document is built from: no name, birth year, BSN, contact or health. */
const CANDIDATE_COLUMNS: (keyof CandidateEntity)[] = [
  'id',
  'klantmanagerId',
  'homePc4',
  'hoursMin',
  'hoursMax',
  'experiences',
  'skills',
  'languages',
  'activities',
  'educationLevel',
  'certificates',
  'drivingLicences',
  'availableFrom',
  'sectorsOfInterest',
  'programmeStatus',
  'availableForMatching',
  'updatedAt',
];

/** Open vacancies are what klantmanagers hunt in; the count tells employers apart. */
const OPEN_STATUSES = ['open'];

/** Dates as numbers (yyyymmdd) so both engines can filter ranges; no date is 0 ("now"). */
export function dateNumber(date: string | null): number {
  return date ? Number(date.replaceAll('-', '')) : 0;
}

const epochSeconds = (date: Date) => Math.floor(date.getTime() / 1000);
const unique = <T>(values: T[]) => [...new Set(values)];

/** Labels of the taxonomy concepts a batch of documents refers to, loaded once per batch. */
interface Labels {
  occupation(uri: string): OccupationEntity | undefined;
  skill(uri: string): string | undefined;
  point(pc4: string): GeoPoint | null;
}

/**
 * Builds search documents from the database, by id: a record that no longer exists yields
 * no document (the indexer then deletes it from the index).
 */
@Injectable()
export class SearchDocumentsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async candidates(ids: string[]): Promise<SearchDocument[]> {
    const candidates = await this.dataSource
      .getRepository(CandidateEntity)
      .find({ select: CANDIDATE_COLUMNS, where: { id: In(ids) } });
    const labels = await this.labels(
      candidates.flatMap((c) => c.experiences.map((e) => e.occupationUri)),
      candidates.flatMap((c) => c.skills.map((s) => s.uri)),
      candidates.map((c) => c.homePc4),
    );
    return candidates.map((candidate) => {
      const occupations = unique(candidate.experiences.map((e) => e.occupationUri))
        .map((uri) => labels.occupation(uri))
        .filter((o): o is OccupationEntity => o !== undefined);
      return {
        id: candidate.id,
        geo: labels.point(candidate.homePc4),
        fields: {
          occupations: occupations.map((o) => o.uri),
          iscoGroups: unique(occupations.map((o) => o.iscoGroup)),
          occupationLabels: occupations.map((o) => o.labelNl),
          occupationAltLabels: unique(occupations.flatMap((o) => o.altLabelsNl)),
          experienceTitles: candidate.experiences.map((e) => e.title),
          skills: unique(candidate.skills.map((s) => s.uri)),
          skillLabels: unique(candidate.skills.map((s) => labels.skill(s.uri) ?? '')).filter(
            Boolean,
          ),
          skillEvidence: candidate.skills.flatMap((s) => (s.evidence ? [s.evidence] : [])),
          activities: candidate.activities.map((a) => a.description),
          languages: candidate.languages.map((l) => `${l.language}:${l.level}`),
          languageCodes: unique(candidate.languages.map((l) => l.language)),
          certificates: candidate.certificates,
          drivingLicences: candidate.drivingLicences,
          sectors: unique(candidate.experiences.map((e) => e.sector)),
          sectorsOfInterest: candidate.sectorsOfInterest,
          programmeStatus: candidate.programmeStatus,
          educationLevel: candidate.educationLevel,
          klantmanagerId: candidate.klantmanagerId,
          availableForMatching: String(candidate.availableForMatching),
          hoursMin: candidate.hoursMin,
          hoursMax: candidate.hoursMax,
          availableFrom: dateNumber(candidate.availableFrom),
          updatedAt: epochSeconds(candidate.updatedAt),
        },
      };
    });
  }

  async vacancies(ids: string[]): Promise<SearchDocument[]> {
    const vacancies = await this.dataSource
      .getRepository(VacancyEntity)
      .find({ where: { id: In(ids) }, relations: { employer: true } });
    const labels = await this.labels(
      vacancies.map((v) => v.occupationUri),
      vacancies.flatMap((v) => v.skills.map((s) => s.uri)),
      vacancies.map((v) => v.pc4),
    );
    return vacancies.map((vacancy) => {
      const occupation = labels.occupation(vacancy.occupationUri);
      return {
        id: vacancy.id,
        geo: labels.point(vacancy.pc4),
        fields: {
          title: vacancy.title,
          description: vacancy.description,
          occupation: vacancy.occupationUri,
          iscoGroup: occupation?.iscoGroup ?? null,
          occupationLabel: occupation?.labelNl ?? null,
          occupationAltLabels: occupation?.altLabelsNl ?? [],
          skills: vacancy.skills.map((s) => s.uri),
          requiredSkills: vacancy.skills.filter((s) => s.required).map((s) => s.uri),
          skillLabels: vacancy.skills.map((s) => labels.skill(s.uri) ?? '').filter(Boolean),
          languages: vacancy.languages.map((l) => `${l.language}:${l.minLevel}`),
          languageCodes: unique(vacancy.languages.map((l) => l.language)),
          certificates: vacancy.certificates,
          drivingLicences: vacancy.drivingLicences,
          sector: vacancy.sector,
          status: vacancy.status,
          kind: vacancy.kind,
          contractType: vacancy.contractType,
          shifts: vacancy.shifts,
          employerId: vacancy.employerId,
          employerName: vacancy.employer?.name ?? null,
          trialPlacementPossible: String(vacancy.trialPlacementPossible),
          pc4: vacancy.pc4,
          hoursMin: vacancy.hoursMin,
          hoursMax: vacancy.hoursMax,
          startDate: dateNumber(vacancy.startDate),
          updatedAt: epochSeconds(vacancy.updatedAt),
        },
      };
    });
  }

  async employers(ids: string[]): Promise<SearchDocument[]> {
    const employers = await this.dataSource
      .getRepository(EmployerEntity)
      .find({ where: { id: In(ids) }, relations: { locations: true } });
    const openVacancies = await this.dataSource.getRepository(VacancyEntity).find({
      select: ['employerId', 'title'],
      where: { employerId: In(ids), status: In(OPEN_STATUSES) },
    });
    const labels = await this.labels(
      [],
      [],
      employers.flatMap((e) => e.locations.map((l) => l.pc4)),
    );
    return employers.map((employer) => {
      const titles = openVacancies.filter((v) => v.employerId === employer.id).map((v) => v.title);
      const locations = [...employer.locations].sort((a, b) => a.name.localeCompare(b.name));
      return {
        id: employer.id,
        geo: locations.length > 0 ? labels.point(locations[0].pc4) : null,
        fields: {
          name: employer.name,
          sector: employer.sector,
          sectorLabel: sectorLabel(employer.sector),
          sbiCode: employer.sbiCode,
          opennessTo45Plus: employer.opennessTo45Plus,
          acceptsTrialPlacements: String(employer.acceptsTrialPlacements),
          accountManagerId: employer.accountManagerId,
          hasOpenVacancies: String(titles.length > 0),
          openVacancies: titles.length,
          vacancyTitles: titles,
          places: unique(locations.map((l) => l.city ?? '').filter(Boolean)),
          updatedAt: epochSeconds(employer.updatedAt),
        },
      };
    });
  }

  /** Ids of the employers these vacancies belong to (their open-vacancy counts follow). */
  async employersOfVacancies(vacancyIds: string[]): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(VacancyEntity)
      .find({ select: ['employerId'], where: { id: In(vacancyIds) } });
    return unique(rows.map((row) => row.employerId));
  }

  /** Ids of the vacancies of these employers (their documents carry the employer's name). */
  async vacanciesOfEmployers(employerIds: string[]): Promise<string[]> {
    const rows = await this.dataSource
      .getRepository(VacancyEntity)
      .find({ select: ['id'], where: { employerId: In(employerIds) } });
    return rows.map((row) => row.id);
  }

  private async labels(
    occupationUris: string[],
    skillUris: string[],
    pc4s: string[],
  ): Promise<Labels> {
    // employers name no occupation or skill: no query for an empty list
    const load = <T>(keys: string[], find: (keys: string[]) => Promise<T[]>): Promise<T[]> =>
      keys.length > 0 ? find(unique(keys)) : Promise.resolve([]);
    const [occupations, skills, postcodes] = await Promise.all([
      load(occupationUris, (uris) =>
        this.dataSource.getRepository(OccupationEntity).find({
          select: ['uri', 'iscoGroup', 'labelNl', 'altLabelsNl'],
          where: { uri: In(uris) },
        }),
      ),
      load(skillUris, (uris) =>
        this.dataSource.getRepository(SkillEntity).find({
          select: ['uri', 'labelNl', 'labelEn'],
          where: { uri: In(uris) },
        }),
      ),
      load(pc4s, (keys) =>
        this.dataSource.getRepository(PostcodeEntity).find({ where: { pc4: In(keys) } }),
      ),
    ]);
    const occupationByUri = new Map(occupations.map((o) => [o.uri, o]));
    const skillLabel = new Map(skills.map((s) => [s.uri, s.labelNl ?? s.labelEn]));
    const points = new Map(postcodes.map((p) => [p.pc4, { lat: p.lat, lng: p.lon }]));
    return {
      occupation: (uri) => occupationByUri.get(uri),
      skill: (uri) => skillLabel.get(uri),
      point: (pc4) => points.get(pc4) ?? null,
    };
  }
}
