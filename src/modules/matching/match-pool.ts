import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProgrammeStatus } from '../candidates/candidate.entity';
import { MATCHABLE_STATUSES } from '../candidates/candidate-rules';
import { CefrLevel, PhysicalLoad, Shift } from '../taxonomy/reference-lists';
import { ReferenceTables } from '../taxonomy/reference-tables.service';
import { LanguageRequirement, VacancySkill, VacancyStatus } from '../vacancies/vacancy.entity';
import { CandidateFacts, Point, VacancyFacts } from './hard-constraints';
import { languageRanks, sectorMask } from './match-score';

/**
 * What the first pass of matching reads of one candidate: the hard-constraint facts and the
 * ESCO keys (past occupations, recorded skills). Never a name, birth year or contact detail.
 */
export interface PooledCandidate {
  id: string;
  klantmanagerId: string;
  availableForMatching: boolean;
  /** in a status in which the profile may be matched (MATCHABLE_STATUSES) */
  statusMatchable: boolean;
  facts: CandidateFacts;
  /** ConceptKeys of the past occupations and of the recorded skills */
  occupationKeys: Int32Array;
  skillKeys: Int32Array;
  /** languageRanks of the languages spoken */
  languageRanks: Int8Array;
  /** sectorMask of the sectors the client would like to work in */
  interestMask: number;
}

export interface PooledVacancy {
  id: string;
  employerId: string;
  status: VacancyStatus;
  occupationUri: string;
  sector: string;
  skills: VacancySkill[];
  languages: LanguageRequirement[];
  facts: VacancyFacts;
}

/**
 * Changes are read again this long after they were first due: a transaction stamps its rows with
 * its start time, so one that started before a refresh may commit after it. Writes to profiles
 * and vacancies are short transactions; a longer one is caught by the next full reload.
 */
const OVERLAP_SECONDS = 5;
/** Everything is read again this often, which also forgets deleted rows. */
const FULL_RELOAD_MS = 15 * 60 * 1000;

/**
 * Small integers for ESCO URIs, so the first pass indexes typed arrays instead of hashing
 * strings. Keys are only ever added, for the life of the process.
 */
export class ConceptKeys {
  private readonly byUri = new Map<string, number>();
  private readonly uris: string[] = [];

  get size(): number {
    return this.uris.length;
  }

  find(uri: string): number | undefined {
    return this.byUri.get(uri);
  }

  uri(key: number): string {
    return this.uris[key];
  }

  keysOf(uris: readonly string[]): Int32Array {
    return Int32Array.from(uris, (uri) => {
      let key = this.byUri.get(uri);
      if (key === undefined) {
        key = this.uris.push(uri) - 1;
        this.byUri.set(uri, key);
      }
      return key;
    });
  }
}

interface Loaded<T> {
  rows: Map<string, T>;
  /** the values of `rows`, for fast iteration */
  list: T[];
  /** database time at the start of the last refresh */
  since: string | null;
  loadedAt: number;
}

interface CandidateRow {
  id: string;
  klantmanager_id: string;
  available_for_matching: boolean;
  programme_status: ProgrammeStatus;
  hours_min: number;
  hours_max: number;
  home_pc4: string;
  max_commute_km: number | null;
  certificates: string[];
  driving_licences: string[];
  work_capacity: PhysicalLoad;
  sectors_refused: string[];
  sectors_of_interest: string[];
  available_from: string | null;
  languages: { language: string; level: CefrLevel }[];
  occupations: string[];
  skills: string[];
}

interface VacancyRow {
  id: string;
  employer_id: string;
  status: VacancyStatus;
  occupation_uri: string;
  sector: string;
  skills: VacancySkill[];
  languages: LanguageRequirement[];
  hours_min: number;
  hours_max: number;
  pc4: string;
  certificates: string[];
  driving_licences: string[];
  physical_demands: PhysicalLoad;
  shifts: Shift[];
  start_date: string | null;
}

const CANDIDATE_COLUMNS = `id, klantmanager_id, available_for_matching, programme_status, hours_min, hours_max,
  home_pc4, max_commute_km, certificates, driving_licences, work_capacity, sectors_refused,
  sectors_of_interest, available_from::text AS available_from, languages,
  jsonb_path_query_array(experiences, '$[*].occupationUri') AS occupations,
  jsonb_path_query_array(skills, '$[*].uri') AS skills`;

const VACANCY_COLUMNS = `id, employer_id, status, occupation_uri, sector, skills, languages, hours_min,
  hours_max, pc4, certificates, driving_licences, physical_demands, shifts,
  start_date::text AS start_date`;

/**
 * The first pass of matching runs over every candidate (or vacancy) in memory: 100,000 profiles
 * fit in a few tens of megabytes, and scanning them takes milliseconds where a database scan with
 * per-row scoring takes hundreds. The pool is only a prefilter: the best few hundred are read
 * again from the database and scored in full, so a stale entry can cost a place in the
 * prefilter but never shows stale data. Each request first reads the rows changed since the last
 * one (indexed on updated_at), so a change is matched as soon as it is committed.
 */
@Injectable()
export class MatchPool {
  readonly keys = new ConceptKeys();
  private candidates: Loaded<PooledCandidate> = {
    rows: new Map(),
    list: [],
    since: null,
    loadedAt: 0,
  };
  private vacancies: Loaded<PooledVacancy> = {
    rows: new Map(),
    list: [],
    since: null,
    loadedAt: 0,
  };
  private readonly refreshing = new Map<string, Promise<unknown>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tables: ReferenceTables,
  ) {}

  async allCandidates(): Promise<readonly PooledCandidate[]> {
    this.candidates = await this.refreshed(
      this.candidates,
      'candidates',
      CANDIDATE_COLUMNS,
      (row: CandidateRow, points) => toPooledCandidate(row, points, this.keys),
    );
    return this.candidates.list;
  }

  async allVacancies(): Promise<readonly PooledVacancy[]> {
    this.vacancies = await this.refreshed(
      this.vacancies,
      'vacancies',
      VACANCY_COLUMNS,
      toPooledVacancy,
    );
    return this.vacancies.list;
  }

  async point(pc4: string): Promise<Point | null> {
    return (await this.tables.postcodeCentres()).get(pc4) ?? null;
  }

  /** Reads what changed since the last refresh; concurrent callers share one refresh per table. */
  private refreshed<Row extends { id: string }, T>(
    current: Loaded<T>,
    table: 'candidates' | 'vacancies',
    columns: string,
    convert: (row: Row, points: Map<string, Point>) => T,
  ): Promise<Loaded<T>> {
    let refreshing = this.refreshing.get(table) as Promise<Loaded<T>> | undefined;
    if (!refreshing) {
      refreshing = this.tables
        .postcodeCentres()
        .then((points) => this.update(current, table, columns, (row: Row) => convert(row, points)))
        .finally(() => this.refreshing.delete(table));
      this.refreshing.set(table, refreshing);
    }
    return refreshing;
  }

  private async update<Row extends { id: string }, T>(
    current: Loaded<T>,
    table: 'candidates' | 'vacancies',
    columns: string,
    convert: (row: Row) => T,
  ): Promise<Loaded<T>> {
    const full = current.since === null || Date.now() - current.loadedAt > FULL_RELOAD_MS;
    const [{ now }] = await this.dataSource.query<{ now: string }[]>(
      'SELECT clock_timestamp()::text AS now',
    );
    const rows: Row[] = full
      ? await this.dataSource.query(`SELECT ${columns} FROM ${table}`)
      : await this.dataSource.query(
          `SELECT ${columns} FROM ${table} WHERE updated_at >= $1::timestamptz - make_interval(secs => $2)`,
          [current.since, OVERLAP_SECONDS],
        );
    const map = full ? new Map<string, T>() : current.rows;
    for (const row of rows) map.set(row.id, convert(row));
    const list = full || rows.length > 0 ? [...map.values()] : current.list;
    return { rows: map, list, since: now, loadedAt: full ? Date.now() : current.loadedAt };
  }
}

/** Every pooled load object with the same keys in the same order: fast property reads. */
function sameShape(load: PhysicalLoad): PhysicalLoad {
  return {
    standingMinutes: load.standingMinutes,
    sittingMinutes: load.sittingMinutes,
    walkingMinutes: load.walkingMinutes,
    liftingKg: load.liftingKg,
    nightWork: load.nightWork,
  };
}

function toPooledCandidate(
  row: CandidateRow,
  points: Map<string, Point>,
  keys: ConceptKeys,
): PooledCandidate {
  return {
    id: row.id,
    klantmanagerId: row.klantmanager_id,
    availableForMatching: row.available_for_matching,
    statusMatchable: MATCHABLE_STATUSES.includes(row.programme_status),
    facts: {
      hoursMin: row.hours_min,
      hoursMax: row.hours_max,
      home: points.get(row.home_pc4) ?? null,
      maxCommuteKm: row.max_commute_km,
      certificates: row.certificates,
      drivingLicences: row.driving_licences,
      workCapacity: sameShape(row.work_capacity),
      sectorsRefused: row.sectors_refused,
      availableFrom: row.available_from,
    },
    occupationKeys: keys.keysOf(row.occupations),
    skillKeys: keys.keysOf(row.skills),
    languageRanks: languageRanks(row.languages),
    interestMask: sectorMask(row.sectors_of_interest),
  };
}

function toPooledVacancy(row: VacancyRow, points: Map<string, Point>): PooledVacancy {
  return {
    id: row.id,
    employerId: row.employer_id,
    status: row.status,
    occupationUri: row.occupation_uri,
    sector: row.sector,
    skills: row.skills,
    languages: row.languages,
    facts: {
      hoursMin: row.hours_min,
      hoursMax: row.hours_max,
      location: points.get(row.pc4) ?? null,
      certificates: row.certificates,
      drivingLicences: row.driving_licences,
      physicalDemands: sameShape(row.physical_demands),
      shifts: row.shifts,
      sector: row.sector,
      startDate: row.start_date,
    },
  };
}
