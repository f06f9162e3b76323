import { DataSource } from 'typeorm';
import { DemoData } from '../../scripts/demo/demo-data';
import { Random } from '../../scripts/demo/random';
import { SEARCH_SCHEMAS } from '../../src/infra/search/search-indexes';
import { searchWords } from '../../src/infra/search/search-text';
import { RARE_HOBBIES, RARE_REQUIREMENTS } from './data-load';

/** The kinds of query in the mix; latencies are also reported per kind. */
export const QUERY_KINDS = [
  'frequent',
  'two-words',
  'rare',
  'typo',
  'prefix',
  'filters',
  'geo',
  'combined',
] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export interface BenchQuery {
  index: 'candidates' | 'vacancies';
  kind: QueryKind;
  /** Query parameters of GET /<index>/search, as the API takes them. */
  params: Record<string, string>;
}

/** The path and query string of the HTTP request for a query. */
export function searchPath(query: BenchQuery): string {
  return `/${query.index}/search?${new URLSearchParams(query.params).toString()}`;
}

/**
 * Function words, never searched for on their own: Dutch, and English because most ESCO skills
 * in the taxonomy have an English label only.
 */
const STOP_WORDS = new Set(
  [
    'de het een en van bij in op met voor als aan of te om uit tot naar door over dat die er is zijn',
    'with and the for from into using such other their them this that',
  ]
    .join(' ')
    .split(' '),
);

/** The examples of frequent words; kept when the data holds them (also as a prefix). */
const ALWAYS_FREQUENT = ['medewerker', 'magazijn'];

/** Documents the word frequencies are estimated from (a deterministic sample). */
const FREQUENCY_SAMPLE = 20000;

/** Taxonomy labels the documents carry, for the words of the mix. */
export interface Labels {
  occupation: Map<string, string>;
  skill: Map<string, string>;
}

export async function loadLabels(dataSource: DataSource, data: DemoData): Promise<Labels> {
  const occupationUris = new Set<string>();
  const skillUris = new Set<string>();
  for (const c of data.candidates) {
    for (const e of c.experiences) occupationUris.add(e.occupationUri);
    for (const s of c.skills) skillUris.add(s.uri);
  }
  for (const v of data.vacancies) {
    occupationUris.add(v.occupationUri);
    for (const s of v.skills) skillUris.add(s.uri);
  }
  const occupations = await dataSource.query<{ uri: string; label: string }[]>(
    `SELECT uri, label_nl AS label FROM occupations WHERE uri = ANY($1::text[])`,
    [[...occupationUris]],
  );
  const skills = await dataSource.query<{ uri: string; label: string }[]>(
    `SELECT uri, coalesce(label_nl, label_en) AS label FROM skills WHERE uri = ANY($1::text[])`,
    [[...skillUris]],
  );
  return {
    occupation: new Map(occupations.map((o) => [o.uri, o.label])),
    skill: new Map(skills.map((s) => [s.uri, s.label])),
  };
}

/** Roughly the words a candidate document holds (the document builder is the authority). */
function candidateText(c: DemoData['candidates'][number], labels: Labels): string[] {
  return [
    ...c.experiences.map((e) => labels.occupation.get(e.occupationUri) ?? ''),
    ...c.experiences.map((e) => e.title),
    ...c.skills.map((s) => labels.skill.get(s.uri) ?? ''),
    ...c.skills.map((s) => s.evidence ?? ''),
    ...c.activities.map((a) => a.description),
  ];
}

function vacancyText(v: DemoData['vacancies'][number], labels: Labels, employer: string): string[] {
  return [
    v.title,
    labels.occupation.get(v.occupationUri) ?? '',
    ...v.skills.map((s) => labels.skill.get(s.uri) ?? ''),
    employer,
    v.description,
  ];
}

/** Document frequency of each searchable word (share of documents that hold it). */
export function documentFrequencies(texts: Iterable<string[]>): Map<string, number> {
  const counts = new Map<string, number>();
  let documents = 0;
  for (const text of texts) {
    documents++;
    for (const word of new Set(text.flatMap(searchWords)))
      counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return new Map([...counts].map(([word, count]) => [word, count / documents]));
}

function searchable(word: string): boolean {
  return word.length >= 4 && !STOP_WORDS.has(word) && !/\d/.test(word);
}

/** A deterministic misspelling: two letters swapped, one dropped or one replaced. */
export function misspell(word: string, rng: Random): string {
  const at = rng.int(1, word.length - 2);
  switch (rng.int(0, 2)) {
    case 0:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    default: {
      const letters = 'aeiourstnl'.replace(word[at], '');
      return word.slice(0, at) + letters[rng.int(0, letters.length - 1)] + word.slice(at + 1);
    }
  }
}

interface Vocabulary {
  frequent: string[];
  rare: string[];
  /** Pairs of frequent words that occur together in some document. */
  pairs: string[];
}

function vocabulary(
  texts: string[][],
  plantedRare: string[],
  rng: Random,
  sizes: { frequent: number; rare: number; pairs: number },
): Vocabulary {
  const sample = texts.length > FREQUENCY_SAMPLE ? rng.sample(texts, FREQUENCY_SAMPLE) : texts;
  const df = documentFrequencies(sample);
  const ranked = [...df].filter(([word]) => searchable(word)).sort((a, b) => b[1] - a[1]);
  const present = ALWAYS_FREQUENT.filter((w) => [...df.keys()].some((k) => k.startsWith(w)));
  const frequent = [
    ...present,
    ...ranked
      .filter(([word, share]) => share >= 0.02 && !present.includes(word))
      .slice(0, sizes.frequent - present.length)
      .map(([word]) => word),
  ];
  const naturallyRare = ranked
    .filter(([word, share]) => share < 0.005 && word.length >= 6 && !plantedRare.includes(word))
    .map(([word]) => word);
  const rare = [
    ...plantedRare,
    ...rng.sample(naturallyRare, Math.max(0, sizes.rare - plantedRare.length)),
  ];
  const frequentSet = new Set(frequent);
  const pairs = new Set<string>();
  for (const text of sample.slice(0, 2000)) {
    const words = [...new Set(text.flatMap(searchWords))].filter((w) => frequentSet.has(w));
    if (words.length >= 2) {
      const [a, b] = rng.sample(words, 2);
      pairs.add(`${a} ${b}`);
    }
    if (pairs.size >= sizes.pairs) break;
  }
  return { frequent, rare, pairs: [...pairs] };
}

const CANDIDATE_FACETS = SEARCH_SCHEMAS.candidates.facets;
const VACANCY_FACETS = SEARCH_SCHEMAS.vacancies.facets;

/** The parameters of several filters together. */
function combine(makers: (() => Record<string, string>)[]): Record<string, string> {
  return makers.reduce<Record<string, string>>((params, make) => ({ ...params, ...make() }), {});
}

/** Picks one of several, deterministically. */
function oneOf<T>(rng: Random, ...options: T[]): T {
  return rng.pick(options);
}

/** Facets on about a third of the queries: a few fields, or all of them. */
function withFacets(
  rng: Random,
  params: Record<string, string>,
  facets: readonly string[],
): Record<string, string> {
  if (!rng.chance(0.35)) return params;
  const chosen = rng.chance(0.3) ? [...facets] : rng.sample(facets, rng.int(1, 3));
  return { ...params, facets: chosen.join(',') };
}

/** Now and then a later page or a bigger page, as people browse. */
function withPaging(rng: Random, params: Record<string, string>): Record<string, string> {
  if (rng.chance(0.1)) return { ...params, page: String(rng.int(2, 4)) };
  if (rng.chance(0.05)) return { ...params, pageSize: '100' };
  return params;
}

export interface QueryMix {
  candidates: BenchQuery[];
  vacancies: BenchQuery[];
  /** The words chosen, for the report. */
  words: Record<'candidates' | 'vacancies', Vocabulary>;
}

/**
 * A deterministic, varied query mix drawn from the generated data: frequent and rare words,
 * pairs, typos, prefixes (search as you type), filters only, distance only, and text with
 * filters and distance; about a third ask for facets. Distinct queries only.
 */
export function buildQueryMix(data: DemoData, labels: Labels, seed: number): QueryMix {
  const rng = new Random(seed ^ 0x9e3779b9);
  const employerName = new Map(data.employers.map((e) => [e.id, e.name]));
  const pc4s = [
    ...new Set([...data.candidates.map((c) => c.homePc4), ...data.vacancies.map((v) => v.pc4)]),
  ].sort();
  const occupations = [...labels.occupation.keys()].sort();
  const candidateOccupations = [
    ...new Set(data.candidates.flatMap((c) => c.experiences.map((e) => e.occupationUri))),
  ].sort();
  const skillCounts = new Map<string, number>();
  for (const c of data.candidates)
    for (const s of c.skills) skillCounts.set(s.uri, (skillCounts.get(s.uri) ?? 0) + 1);
  const skills = [...skillCounts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([uri]) => uri);
  const commonSkills = skills.slice(0, 40);
  const rareSkills = skills.filter(
    (uri) => (skillCounts.get(uri) ?? 0) < data.candidates.length * 0.005,
  );

  const candidateWords = vocabulary(
    data.candidates.map((c) => candidateText(c, labels)),
    RARE_HOBBIES.map((h) => h.word),
    rng,
    { frequent: 40, rare: 30, pairs: 30 },
  );
  const vacancyWords = vocabulary(
    data.vacancies.map((v) => vacancyText(v, labels, employerName.get(v.employerId) ?? '')),
    RARE_REQUIREMENTS.map((r) => r.word),
    rng,
    { frequent: 30, rare: 20, pairs: 20 },
  );

  const candidateFilters = (): Record<string, string> => {
    const all: (() => Record<string, string>)[] = [
      () => ({ language: oneOf(rng, 'tr:B1', 'ar:B2', 'pl:B1', 'en:B2', 'de:B1', 'nl:B2') }),
      () =>
        oneOf(
          rng,
          { hoursMin: '24', hoursMax: '32' },
          { hoursMin: '8', hoursMax: '16' },
          { hoursMin: '32', hoursMax: '40' },
        ),
      () => ({ sector: oneOf(rng, 'H', 'C', 'G', 'N', 'I', 'Q', 'H,C') }),
      () => ({
        status: oneOf(rng, 'jobhunting', 'active', 'active,jobhunting', 'trial-placement'),
      }),
      () => ({ occupation: rng.pick(candidateOccupations) }),
      () => ({
        skill: rng.chance(0.7)
          ? rng.pick(commonSkills)
          : rng.pick(rareSkills.length ? rareSkills : commonSkills),
      }),
      () => ({ certificate: oneOf(rng, 'vca-basis', 'heftruck', 'bhv', 'haccp', 'ehbo') }),
      () => ({ drivingLicence: 'B' }),
      () => ({ educationLevel: oneOf(rng, 'mbo2', 'vmbo', 'mbo3,mbo4', 'primary') }),
      () => ({ availableBy: oneOf(rng, '2026-01-01', '2026-06-30', '2027-01-01') }),
    ];
    return combine(rng.sample(all, rng.int(1, 3)));
  };
  const vacancyFilters = (): Record<string, string> => {
    const all: (() => Record<string, string>)[] = [
      () => ({ language: oneOf(rng, 'nl:B1', 'nl:A2', 'tr:B1', 'en:B1', 'nl:B2') }),
      () =>
        oneOf(
          rng,
          { hoursMin: '24', hoursMax: '32' },
          { hoursMin: '12', hoursMax: '20' },
          { hoursMin: '32', hoursMax: '40' },
        ),
      () => ({ sector: oneOf(rng, 'H', 'C', 'G', 'N', 'I', 'Q', 'H,C') }),
      () => ({ status: oneOf(rng, 'open', 'open,on-hold', 'draft') }),
      () => ({ occupation: rng.pick(occupations) }),
      () => ({ contractType: oneOf(rng, 'permanent', 'fixed-term', 'temp-agency') }),
      () => ({ kind: oneOf(rng, 'posted', 'open-to-person') }),
      () => ({ trialPlacementPossible: oneOf(rng, 'true', 'false') }),
      () => ({ skill: rng.pick(commonSkills) }),
    ];
    return combine(rng.sample(all, rng.int(1, 3)));
  };
  const geo = (): Record<string, string> => ({
    nearPc4: rng.pick(pc4s),
    radiusKm: oneOf(rng, '10', '25', '10', '25', '5'),
    ...(rng.chance(0.3) ? { sort: 'distance' } : {}),
  });

  const build = (
    index: BenchQuery['index'],
    words: Vocabulary,
    filters: () => Record<string, string>,
    facets: readonly string[],
    counts: Record<QueryKind, number>,
  ): BenchQuery[] => {
    const seen = new Set<string>();
    const queries: BenchQuery[] = [];
    const add = (kind: QueryKind, make: () => Record<string, string>) => {
      for (
        let attempt = 0;
        attempt < 20 * counts[kind] && queries.filter((q) => q.kind === kind).length < counts[kind];
        attempt++
      ) {
        const params = withPaging(rng, withFacets(rng, make(), facets));
        const query: BenchQuery = { index, kind, params };
        const key = searchPath(query);
        if (seen.has(key)) continue;
        seen.add(key);
        queries.push(query);
      }
    };
    const typoSource = [...words.frequent, ...words.rare].filter((w) => w.length >= 6);
    add('frequent', () => ({ q: rng.pick(words.frequent) }));
    add('two-words', () => ({ q: rng.pick(words.pairs) }));
    add('rare', () => ({ q: rng.pick(words.rare) }));
    add('typo', () => ({ q: misspell(rng.pick(typoSource), rng) }));
    add('prefix', () => {
      const word = rng.pick(words.frequent.filter((w) => w.length >= 6));
      return { q: word.slice(0, rng.int(3, Math.min(6, word.length - 1))) };
    });
    add('filters', filters);
    add('geo', geo);
    add('combined', () => {
      // one filter (most of the time), so that most combinations still find something
      const [name, value] = rng.pick(Object.entries(filters()));
      return {
        q: rng.chance(0.75) ? rng.pick(words.frequent) : rng.pick(words.rare),
        [name]: value,
        ...(name === 'hoursMin' || name === 'hoursMax' ? { hoursMin: '24', hoursMax: '32' } : {}),
        ...(rng.chance(0.7) ? geo() : {}),
      };
    });
    // interleave the kinds, so every client sees a mix from the start
    return rng.sample(queries, queries.length);
  };

  return {
    candidates: build('candidates', candidateWords, candidateFilters, CANDIDATE_FACETS, {
      frequent: 40,
      'two-words': 30,
      rare: 30,
      typo: 30,
      prefix: 20,
      filters: 50,
      geo: 40,
      combined: 60,
    }),
    vacancies: build('vacancies', vacancyWords, vacancyFilters, VACANCY_FACETS, {
      frequent: 30,
      'two-words': 20,
      rare: 20,
      typo: 20,
      prefix: 15,
      filters: 35,
      geo: 25,
      combined: 35,
    }),
    words: { candidates: candidateWords, vacancies: vacancyWords },
  };
}
