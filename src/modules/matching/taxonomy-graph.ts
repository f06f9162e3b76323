import { EntityManager } from 'typeorm';

/** An ESCO occupation with its skills, as the matching needs it. */
export interface GraphOccupation {
  uri: string;
  code: string;
  labelNl: string;
  iscoGroup: string;
  /** NACE sections (A-U), most typical first */
  sectors: string[];
  /** Nesta's skills-based sector, where known: the fallback when `sectors` is empty */
  skillsBasedSector: string | null;
  /** skill URIs, sorted */
  essential: string[];
  optional: string[];
}

export interface GraphSkill {
  uri: string;
  /** Dutch label, else the English label */
  label: string;
  labelIsDutch: boolean;
  skillType: string;
  reuseLevel: string | null;
  occupationCount: number;
}

export interface SkillCredit {
  credit: number;
  /** the held skill that gives the credit */
  via: string | null;
}

export interface OccupationSimilarity {
  /** 0..1 */
  score: number;
  /** skill URIs of `to` that `from` covers (credit >= SHARED_MIN_CREDIT), heaviest first */
  shared: string[];
  /** essential skill URIs of `to` that `from` does not cover, heaviest first */
  missingEssential: string[];
}

/** The rows `fromRows` reads: the columns of the taxonomy tables, camelCased. */
export interface GraphRows {
  occupations: {
    uri: string;
    code: string;
    iscoGroup: string;
    labelNl: string;
    sectors: string[];
    skillsBasedSector?: string | null;
  }[];
  skills: {
    uri: string;
    skillType: string;
    reuseLevel: string | null;
    labelNl: string | null;
    labelEn: string;
    occupationCount: number;
    /** ESCO skill-group codes (S4.2.1, 0613, T4.4, L1); only S and ISCED-F groups give credit */
    groupCodes?: string[];
  }[];
  occupationSkills: { occupationUri: string; skillUri: string; essential: boolean }[];
  /** skill -> broader concept; broader concepts that are not skills (skill groups) are ignored */
  broader: { skillUri: string; broaderUri: string }[];
}

/**
 * Credit a held skill gives for a required one, through the ESCO skills hierarchy (the broader
 * relations between skills, and the skill groups). The best applicable relation counts.
 */
export const CREDIT = {
  same: 1,
  /** the held skill is a narrower form of the required one (offset printing -> printing) */
  heldNarrower: 0.8,
  /** ... two levels down */
  heldNarrower2: 0.65,
  /** the held skill is the broader one: the specific form still has to be learnt */
  heldBroader: 0.5,
  heldBroader2: 0.4,
  /** held broader than required, but the broader skill is generic ("advise others") */
  heldGenericBroader: 0.2,
  /** siblings: both are narrower forms of one specific skill */
  sibling: 0.5,
  /** share a specific skill within two levels up (cousins, uncle and nephew) */
  relative: 0.3,
  /** share only a narrow skill group (S x.y.z or an ISCED-F field) */
  group: 0.2,
} as const;

/** A credit from this value on counts as "shared" in explanations; below it the skill is a gap. */
export const SHARED_MIN_CREDIT = 0.5;
/** Weight of a required skill of the target occupation, by essential/optional. */
export const ESSENTIAL_WEIGHT = 1;
export const OPTIONAL_WEIGHT = 0.35;
/** Skills that are optional for the origin occupation: not every worker in it has them. */
export const HELD_OPTIONAL_FACTOR = 0.5;
/** Weight of a skill the taxonomy does not know (for example from an older ESCO version). */
export const UNKNOWN_SKILL_WEIGHT = 0.1;
export const MIN_SKILL_WEIGHT = 0.05;
/**
 * A broader skill with more narrower skills than this, or a transversal one, is generic: sharing
 * it says little ("advise others" has 271 narrower skills from law to pig breeding), so siblings
 * under it get no credit.
 */
export const GENERIC_PARENT_CHILDREN = 40;
/** Exponent on the normalised IDF: damps the weight of very common skills further. */
const IDF_EXPONENT = 1.5;
const COVERAGE_CACHE_SIZE = 64;

/** The distinct credit values; neighbourhoods store an index into this list. */
const CREDIT_LEVELS = [0, ...new Set(Object.values(CREDIT))].sort((a, b) => a - b);
const CREDIT_LEVEL = new Map(CREDIT_LEVELS.map((value, index) => [value, index]));

interface Neighbourhood {
  ids: Int32Array;
  /** credit(this skill held, neighbour required), as an index into CREDIT_LEVELS */
  asHeld: Uint8Array;
  /** credit(neighbour held, this skill required), as an index into CREDIT_LEVELS */
  asRequired: Uint8Array;
}

/**
 * The ESCO occupations and skills in memory, with the skills hierarchy, for scoring how well
 * skills carry over between occupations. Immutable once built; safe to share.
 *
 * - `skillWeight`: rarer skills say more about a match. Normalised IDF,
 *   (ln((N+1)/(count+1)) / ln(N+1))^1.5 with N occupations, floor 0.05: a skill of one occupation
 *   weighs about 0.87, one of 100 about 0.28, the most common ones (350, "create solutions to
 *   problems") about 0.14.
 * - `skillCredit`: see CREDIT.
 * - `occupationSimilarity(from, to)`: weighted share of `to`'s skills that `from` covers,
 *   essential skills weigh 1, optional 0.35; `from`'s optional skills give half credit.
 */
export class TaxonomyGraph {
  private readonly occupationsByUri = new Map<string, GraphOccupation>();
  private readonly occupationsByCode = new Map<string, GraphOccupation>();
  private readonly skillIds = new Map<string, number>();
  private readonly skillList: GraphSkill[] = [];
  private readonly weights: Float64Array;
  private readonly parents: number[][];
  private readonly grandparents: number[][];
  private readonly children: number[][];
  private readonly groups: number[][];
  private readonly groupMembers: number[][] = [];
  private readonly generic: Uint8Array;
  private readonly essentialIds = new Map<string, Int32Array>();
  private readonly optionalIds = new Map<string, Int32Array>();
  private readonly neighbourhoods: (Neighbourhood | undefined)[];
  private readonly coverageCache = new Map<string, Float64Array>();

  private constructor(rows: GraphRows) {
    for (const skill of rows.skills) {
      if (this.skillIds.has(skill.uri)) continue;
      this.skillIds.set(skill.uri, this.skillList.length);
      this.skillList.push({
        uri: skill.uri,
        label: skill.labelNl || skill.labelEn,
        labelIsDutch: !!skill.labelNl,
        skillType: skill.skillType,
        reuseLevel: skill.reuseLevel,
        occupationCount: skill.occupationCount,
      });
    }
    const n = this.skillList.length;
    this.parents = Array.from({ length: n }, () => []);
    this.children = Array.from({ length: n }, () => []);
    this.groups = Array.from({ length: n }, () => []);
    this.neighbourhoods = new Array<Neighbourhood | undefined>(n);

    for (const { skillUri, broaderUri } of rows.broader) {
      const narrow = this.skillIds.get(skillUri);
      const broad = this.skillIds.get(broaderUri);
      if (narrow === undefined || broad === undefined || narrow === broad) continue;
      if (this.parents[narrow].includes(broad)) continue;
      this.parents[narrow].push(broad);
      this.children[broad].push(narrow);
    }
    this.grandparents = this.parents.map((direct) => {
      const up = new Set<number>();
      for (const parent of direct) for (const grand of this.parents[parent]) up.add(grand);
      for (const parent of direct) up.delete(parent);
      return [...up];
    });
    this.generic = new Uint8Array(n);
    this.skillList.forEach((skill, id) => {
      if (skill.reuseLevel === 'transversal' || this.children[id].length > GENERIC_PARENT_CHILDREN)
        this.generic[id] = 1;
    });

    const groupIds = new Map<string, number>();
    for (const skill of rows.skills) {
      const id = this.skillIds.get(skill.uri)!;
      for (const code of skill.groupCodes ?? []) {
        if (!isSpecificGroup(code)) continue;
        let group = groupIds.get(code);
        if (group === undefined) {
          group = this.groupMembers.length;
          groupIds.set(code, group);
          this.groupMembers.push([]);
        }
        if (this.groups[id].includes(group)) continue;
        this.groups[id].push(group);
        this.groupMembers[group].push(id);
      }
    }

    const occupationCount = rows.occupations.length;
    const norm = Math.log(occupationCount + 1);
    this.weights = new Float64Array(n);
    this.skillList.forEach((skill, id) => {
      const idf =
        norm > 0 ? Math.log((occupationCount + 1) / (skill.occupationCount + 1)) / norm : 1;
      this.weights[id] = Math.min(1, Math.max(MIN_SKILL_WEIGHT, Math.max(0, idf) ** IDF_EXPONENT));
    });

    const skillsOf = new Map<string, { essential: string[]; optional: string[] }>();
    for (const { occupationUri, skillUri, essential } of rows.occupationSkills) {
      let lists = skillsOf.get(occupationUri);
      if (!lists) skillsOf.set(occupationUri, (lists = { essential: [], optional: [] }));
      (essential ? lists.essential : lists.optional).push(skillUri);
    }
    for (const row of rows.occupations) {
      const lists = skillsOf.get(row.uri) ?? { essential: [], optional: [] };
      const essential = [...new Set(lists.essential)].sort();
      const essentialSet = new Set(essential);
      const optional = [...new Set(lists.optional)].filter((uri) => !essentialSet.has(uri)).sort();
      const occupation: GraphOccupation = {
        uri: row.uri,
        code: row.code,
        labelNl: row.labelNl,
        iscoGroup: row.iscoGroup,
        sectors: row.sectors,
        skillsBasedSector: row.skillsBasedSector ?? null,
        essential,
        optional,
      };
      this.occupationsByUri.set(row.uri, occupation);
      this.occupationsByCode.set(row.code, occupation);
      this.essentialIds.set(row.uri, this.toIds(essential));
      this.optionalIds.set(row.uri, this.toIds(optional));
    }
  }

  /** Reads the taxonomy tables (about 130k occupation-skill rows; well under 2 s). */
  static async load(manager: EntityManager): Promise<TaxonomyGraph> {
    // one after the other: in a transaction they share one connection
    const occupations = await manager.query<GraphRows['occupations']>(
      `SELECT uri, code, isco_group AS "iscoGroup", label_nl AS "labelNl", sectors,
                skills_based_sector AS "skillsBasedSector"
           FROM occupations ORDER BY uri`,
    );
    const skills = await manager.query<GraphRows['skills']>(
      `SELECT uri, skill_type AS "skillType", reuse_level AS "reuseLevel", label_nl AS "labelNl",
                label_en AS "labelEn", occupation_count AS "occupationCount", group_codes AS "groupCodes"
           FROM skills ORDER BY uri`,
    );
    const occupationSkills = await manager.query<GraphRows['occupationSkills']>(
      `SELECT occupation_uri AS "occupationUri", skill_uri AS "skillUri", essential
           FROM occupation_skills`,
    );
    const broader = await manager.query<GraphRows['broader']>(
      `SELECT b.skill_uri AS "skillUri", b.broader_uri AS "broaderUri"
           FROM skill_broader b JOIN skills s ON s.uri = b.broader_uri`,
    );
    return new TaxonomyGraph({ occupations, skills, occupationSkills, broader });
  }

  /** For unit tests and tools: a graph from rows in memory. */
  static fromRows(rows: GraphRows): TaxonomyGraph {
    return new TaxonomyGraph(rows);
  }

  /** All occupations, in the order of the rows. */
  occupations(): IterableIterator<GraphOccupation> {
    return this.occupationsByUri.values();
  }

  get occupationCount(): number {
    return this.occupationsByUri.size;
  }

  get skillCount(): number {
    return this.skillList.length;
  }

  occupation(uri: string): GraphOccupation | undefined {
    return this.occupationsByUri.get(uri);
  }

  occupationByCode(code: string): GraphOccupation | undefined {
    return this.occupationsByCode.get(code);
  }

  skill(uri: string): GraphSkill | undefined {
    const id = this.skillIds.get(uri);
    return id === undefined ? undefined : this.skillList[id];
  }

  /** In (0,1]: rarer skills (fewer occupations) weigh more. Unknown skills: UNKNOWN_SKILL_WEIGHT. */
  skillWeight(uri: string): number {
    const id = this.skillIds.get(uri);
    return id === undefined ? UNKNOWN_SKILL_WEIGHT : this.weights[id];
  }

  /** How much having `held` counts for `required`: 1 same skill, partial through the hierarchy, else 0. */
  skillCredit(held: string, required: string): number {
    if (held === required) return CREDIT.same;
    const h = this.skillIds.get(held);
    const r = this.skillIds.get(required);
    if (h === undefined || r === undefined) return 0;
    return this.creditById(h, r);
  }

  /** The best credit any held skill gives for `required`, and which one gives it. */
  bestCredit(held: ReadonlySet<string>, required: string): SkillCredit {
    if (held.has(required)) return { credit: CREDIT.same, via: required };
    const r = this.skillIds.get(required);
    if (r === undefined || held.size === 0) return { credit: 0, via: null };
    let credit = 0;
    let via: string | null = null;
    const consider = (value: number, uri: string) => {
      if (value > credit || (value === credit && value > 0 && via !== null && uri < via)) {
        credit = value;
        via = uri;
      }
    };
    const neighbourhood = this.neighbourhood(r);
    if (neighbourhood.ids.length <= held.size) {
      for (let i = 0; i < neighbourhood.ids.length; i++) {
        const value = CREDIT_LEVELS[neighbourhood.asRequired[i]];
        if (value < credit || value === 0) continue;
        const uri = this.skillList[neighbourhood.ids[i]].uri;
        if (held.has(uri)) consider(value, uri);
      }
    } else {
      for (const uri of held) {
        const h = this.skillIds.get(uri);
        if (h !== undefined) consider(this.creditById(h, r), uri);
      }
    }
    return { credit, via };
  }

  /** How well `from`'s skills cover `to`'s (asymmetric). Unknown occupations score 0. */
  occupationSimilarity(from: string, to: string): OccupationSimilarity {
    const coverage = this.coverage(from);
    if (!coverage || !this.occupationsByUri.has(to)) {
      return { score: 0, shared: [], missingEssential: [] };
    }
    const similarity = this.similarityFromCoverage(coverage, to);
    // its own optional skills count at a discount above; the occupation itself is a full match
    return from === to ? { ...similarity, score: 1 } : similarity;
  }

  // ------------------------------------------------------------------------------------------
  // batch computation (transitions): per-origin coverage vectors indexed by skill id

  /** The skill's index into coverage vectors. */
  skillIndex(uri: string): number | undefined {
    return this.skillIds.get(uri);
  }

  skillAt(index: number): GraphSkill {
    return this.skillList[index];
  }

  skillWeightAt(index: number): number {
    return this.weights[index];
  }

  /** Skill indexes of an occupation's essential or optional skills. */
  skillIndexes(occupationUri: string, essential: boolean): Int32Array {
    return (
      (essential ? this.essentialIds : this.optionalIds).get(occupationUri) ?? new Int32Array()
    );
  }

  /**
   * For every skill (by index), the best credit the occupation's skills give for it: essential
   * skills in full, optional skills times HELD_OPTIONAL_FACTOR. Cached for a few occupations
   * unless `cache` is false.
   */
  coverage(occupationUri: string, cache = true): Float64Array | undefined {
    const cached = this.coverageCache.get(occupationUri);
    if (cached) return cached;
    if (!this.occupationsByUri.has(occupationUri)) return undefined;
    const values = new Float64Array(this.skillList.length);
    const add = (ids: Int32Array, factor: number) => {
      for (const h of ids) {
        const { ids: neighbours, asHeld } = this.neighbourhood(h);
        for (let i = 0; i < neighbours.length; i++) {
          const value = CREDIT_LEVELS[asHeld[i]] * factor;
          if (value > values[neighbours[i]]) values[neighbours[i]] = value;
        }
      }
    };
    add(this.skillIndexes(occupationUri, false), HELD_OPTIONAL_FACTOR);
    add(this.skillIndexes(occupationUri, true), 1);
    if (cache) {
      if (this.coverageCache.size >= COVERAGE_CACHE_SIZE) {
        this.coverageCache.delete(this.coverageCache.keys().next().value!);
      }
      this.coverageCache.set(occupationUri, values);
    }
    return values;
  }

  /** occupationSimilarity for an origin given by its coverage vector. */
  similarityFromCoverage(coverage: Float64Array, to: string): OccupationSimilarity {
    const scored: { id: number; weight: number; credit: number; essential: boolean }[] = [];
    let numerator = 0;
    let denominator = 0;
    for (const [essential, factor] of [
      [true, ESSENTIAL_WEIGHT],
      [false, OPTIONAL_WEIGHT],
    ] as const) {
      for (const id of this.skillIndexes(to, essential)) {
        const weight = this.weights[id] * factor;
        const credit = coverage[id];
        numerator += weight * credit;
        denominator += weight;
        scored.push({ id, weight, credit, essential });
      }
    }
    const byUri = (a: { id: number }, b: { id: number }) =>
      this.skillList[a.id].uri < this.skillList[b.id].uri ? -1 : 1;
    const shared = scored
      .filter((s) => s.credit >= SHARED_MIN_CREDIT)
      .sort((a, b) => b.weight * b.credit - a.weight * a.credit || byUri(a, b))
      .map((s) => this.skillList[s.id].uri);
    const missingEssential = scored
      .filter((s) => s.essential && s.credit < SHARED_MIN_CREDIT)
      .sort((a, b) => b.weight - a.weight || byUri(a, b))
      .map((s) => this.skillList[s.id].uri);
    return {
      score: denominator > 0 ? Math.min(1, numerator / denominator) : 0,
      shared,
      missingEssential,
    };
  }

  // ------------------------------------------------------------------------------------------

  private toIds(uris: string[]): Int32Array {
    return Int32Array.from(
      uris.flatMap((uri) => {
        const id = this.skillIds.get(uri);
        return id === undefined ? [] : [id];
      }),
    );
  }

  private creditById(h: number, r: number): number {
    if (h === r) return CREDIT.same;
    let best = 0;
    if (this.parents[h].includes(r)) best = CREDIT.heldNarrower;
    else if (this.grandparents[h].includes(r)) best = CREDIT.heldNarrower2;
    if (best >= CREDIT.heldNarrower2) return best;
    if (this.parents[r].includes(h)) {
      best = this.generic[h] ? CREDIT.heldGenericBroader : CREDIT.heldBroader;
    } else if (this.grandparents[r].includes(h)) {
      best = this.generic[h] ? CREDIT.heldGenericBroader : CREDIT.heldBroader2;
    }
    if (best >= CREDIT.sibling) return best;
    for (const parent of this.parents[h]) {
      if (!this.generic[parent] && this.parents[r].includes(parent)) return CREDIT.sibling;
    }
    if (best < CREDIT.relative) {
      const up = (id: number) => [...this.parents[id], ...this.grandparents[id]];
      const mine = up(h).filter((a) => !this.generic[a]);
      if (mine.length > 0 && up(r).some((a) => mine.includes(a))) best = CREDIT.relative;
    }
    if (best < CREDIT.group && this.groups[h].some((g) => this.groups[r].includes(g))) {
      best = CREDIT.group;
    }
    return best;
  }

  /** The skills with any credit relation to `id`, either way, computed once per skill. */
  private neighbourhood(id: number): Neighbourhood {
    const known = this.neighbourhoods[id];
    if (known) return known;
    const candidates = new Set<number>([id]);
    const addAll = (ids: number[]) => {
      for (const other of ids) candidates.add(other);
    };
    addAll(this.parents[id]);
    addAll(this.grandparents[id]);
    for (const child of this.children[id]) {
      candidates.add(child);
      addAll(this.children[child]);
    }
    for (const ancestor of [...this.parents[id], ...this.grandparents[id]]) {
      if (this.generic[ancestor]) continue;
      for (const child of this.children[ancestor]) {
        candidates.add(child);
        addAll(this.children[child]);
      }
    }
    for (const group of this.groups[id]) addAll(this.groupMembers[group]);

    const ids: number[] = [];
    const asHeld: number[] = [];
    const asRequired: number[] = [];
    for (const other of candidates) {
      const held = this.creditById(id, other);
      const required = this.creditById(other, id);
      if (held === 0 && required === 0) continue;
      ids.push(other);
      asHeld.push(held);
      asRequired.push(required);
    }
    const neighbourhood: Neighbourhood = {
      ids: Int32Array.from(ids),
      asHeld: Uint8Array.from(asHeld, (value) => CREDIT_LEVEL.get(value)!),
      asRequired: Uint8Array.from(asRequired, (value) => CREDIT_LEVEL.get(value)!),
    };
    this.neighbourhoods[id] = neighbourhood;
    return neighbourhood;
  }
}

/**
 * Skill groups narrow enough to give credit: ESCO skills groups at the third level (S6.2.1) and
 * ISCED-F fields (0613). Transversal (T) and language (L) groups say nothing about transfer:
 * speaking Turkish does not help with Polish.
 */
function isSpecificGroup(code: string): boolean {
  return /^S\d+\.\d+\.\d+$/.test(code) || /^\d{3,4}$/.test(code);
}
