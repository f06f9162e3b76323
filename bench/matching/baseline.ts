/**
 * The keyword baseline the matching is compared with: what a keyword search on job titles
 * gives an accountmanager. score = a big bonus when the candidate's work experience holds the
 * vacancy's ESCO occupation + the number of distinct vacancy title words found in the
 * candidate's experience titles and descriptions and hobby/volunteer descriptions. Only
 * candidates (vacancies) with a positive score are ranked, best first, ties by id. No hard
 * constraints: that is what keyword search does. The scope is the same as the system's: open
 * vacancies, candidates available for matching in programme status active or jobhunting.
 */

export interface BaselineCandidate {
  id: string;
  experiences: { occupationUri: string; title: string; description?: string }[];
  activities: { description: string }[];
  availableForMatching: boolean;
  programmeStatus: string;
}

export interface BaselineVacancy {
  id: string;
  title: string;
  occupationUri: string;
  status: string;
}

export const SAME_OCCUPATION_BONUS = 100;

/** Function words and fillers that say nothing about the work. */
const STOPWORDS = new Set([
  'de',
  'het',
  'een',
  'en',
  'of',
  'bij',
  'van',
  'in',
  'op',
  'voor',
  'met',
  'aan',
  'als',
  'te',
  'tot',
  'uit',
  'door',
  'naar',
  'om',
  'die',
  'dat',
  'ook',
  'al',
  'er',
  'm',
  'v',
  'x',
  'mv',
]);

/**
 * Lower-case, strip accents, split on anything but letters and digits, drop stopwords and
 * one-letter words, and strip a simple Dutch plural/inflection ending (-en, -s, -e) from longer
 * words: "drukkers" -> "drukker", "bootkussens" -> "bootkuss", "schoonmakers" -> "schoonmaker".
 */
export function keywords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 1 && !STOPWORDS.has(word))
    .map(stem);
}

function stem(word: string): string {
  if (word.length > 5 && word.endsWith('en')) return word.slice(0, -2);
  if (word.length > 4 && (word.endsWith('s') || word.endsWith('e'))) return word.slice(0, -1);
  return word;
}

function candidateWords(candidate: BaselineCandidate): Set<string> {
  return new Set(
    [
      ...candidate.experiences.flatMap((e) => [e.title, e.description ?? '']),
      ...candidate.activities.map((a) => a.description),
    ].flatMap(keywords),
  );
}

export function baselineScore(candidate: BaselineCandidate, vacancy: BaselineVacancy): number {
  const words = candidateWords(candidate);
  const titleWords = new Set(keywords(vacancy.title));
  const sameOccupation = candidate.experiences.some(
    (e) => e.occupationUri === vacancy.occupationUri,
  );
  let score = sameOccupation ? SAME_OCCUPATION_BONUS : 0;
  for (const word of titleWords) if (words.has(word)) score++;
  return score;
}

const inScope = (c: BaselineCandidate) =>
  c.availableForMatching && ['active', 'jobhunting'].includes(c.programmeStatus);

function ranked<T extends { id: string }>(scored: { item: T; score: number }[]): string[] {
  return scored
    .filter((s) => s.score > 0)
    .sort(
      (a, b) => b.score - a.score || (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0),
    )
    .map((s) => s.item.id);
}

/** Candidate ids for a vacancy, best first. */
export function baselineCandidatesFor(
  vacancy: BaselineVacancy,
  candidates: readonly BaselineCandidate[],
): string[] {
  return ranked(
    candidates.filter(inScope).map((item) => ({ item, score: baselineScore(item, vacancy) })),
  );
}

/** Open vacancy ids for a candidate, best first. */
export function baselineVacanciesFor(
  candidate: BaselineCandidate,
  vacancies: readonly BaselineVacancy[],
): string[] {
  return ranked(
    vacancies
      .filter((v) => v.status === 'open')
      .map((item) => ({ item, score: baselineScore(candidate, item) })),
  );
}
