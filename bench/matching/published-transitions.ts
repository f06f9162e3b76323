/**
 * Occupation transitions published by others, to compare our transitions with
 * (`transition-agreement.ts`). Each pair is given by ESCO code as in our data (ESCO v1.1.1), with
 * the English label the source uses, so the mapping can be checked.
 *
 * What they are: the viable transitions that Nesta's career-transition algorithm (Mapping Career
 * Causeways; Kanders, Djumalieva, Sleeman and Orlik 2020) recommends for two example occupations,
 * as printed in notebooks of its public codebase. Nesta's similarity combines essential and
 * optional ESCO skills, O*NET work activities and work context; "viable" means a combined
 * similarity of at least 0.3 ("highly viable" 0.4) and at most one O*NET job zone apart. They
 * are algorithm recommendations, not observed job moves, and they cover only two origins: a
 * sanity check of agreement, not a validation. Many of Nesta's transitions rest on similar work
 * activities and context rather than shared skills (their essential-skills similarity, where
 * printed, is often below 0.15); a skills-only measure like ours is not expected to find those.
 * No other ESCO-coded published pairs were found (Dawson et al. 2021 work with Australian ANZSCO
 * occupations and job-ad skills, not ESCO).
 */
export interface PublishedTransition {
  /** ESCO code or occupation URI */
  from: string;
  to: string;
  /** English labels as in the source */
  fromLabel: string;
  toLabel: string;
  /** the source's (combined) similarity */
  sourceSimilarity: number;
  /** the source's essential-skills similarity, where it prints one */
  sourceEssentialSimilarity: number | null;
  source: string;
}

const MCC =
  'Kanders K. et al. (2020), Mapping Career Causeways, Nesta; codebase github.com/nestauk/mapping-career-causeways';
const TUTORIAL_CLOSEST = `${MCC}, codebase/notebooks/Tutorial_01_transitions.ipynb, "1. Example: Hotel concierge": the 14 most similar occupations`;
const TUTORIAL_SAFE = `${MCC}, codebase/notebooks/Tutorial_01_transitions.ipynb, "1.2 Generate transition recommendations": viable, safe and desirable transitions of hotel concierge`;
const VALIDATION = `${MCC}, codebase/notebooks/05_transition_analyses/specific_examples/Generate_transitions_examples.ipynb, Example 2 (validation batch 1): viable transitions of legal guardian`;

const HOTEL_CONCIERGE = { from: '4229.2', fromLabel: 'hotel concierge' };
const LEGAL_GUARDIAN = { from: '3412.2', fromLabel: 'legal guardian' };

export const PUBLISHED_TRANSITIONS: PublishedTransition[] = [
  // hotel concierge: the most similar occupations in the tutorial's list
  ...(
    [
      ['5151.1', 'hotel butler', 0.69, null],
      ['4224.1', 'hospitality establishment receptionist', 0.64, null],
      ['9621.1', 'doorman/doorwoman', 0.63, 0.67],
      ['9621.2', 'hotel porter', 0.57, 0.67],
      ['4224.2', 'night auditor', 0.54, null],
      ['5111.2', 'steward/stewardess', 0.54, null],
      ['5169.1', 'club host/club hostess', 0.53, 0.41],
      ['5152.1', 'bed and breakfast operator', 0.45, null],
      ['9629.4', 'cloak room attendant', 0.45, null],
      ['9629.7', 'usher', 0.45, null],
      ['4221.4', 'tourist information officer', 0.43, null],
      ['5131.1', 'restaurant host/restaurant hostess', 0.43, null],
      ['2659.4', 'tourist animator', 0.42, null],
      ['4221.3', 'ticket sales agent', 0.42, null],
    ] as const
  ).map(([to, toLabel, sourceSimilarity, sourceEssentialSimilarity]) => ({
    ...HOTEL_CONCIERGE,
    to,
    toLabel,
    sourceSimilarity,
    sourceEssentialSimilarity,
    source: TUTORIAL_CLOSEST,
  })),
  // hotel concierge: the further viable, safe and desirable transitions (the three above with
  // a listed essential-skills similarity are in this list too)
  ...(
    [
      ['4222.1', 'customer contact centre information clerk', 0.4, 0.16],
      ['5163.3', 'funeral attendant', 0.39, 0.25],
      ['1411.2', 'hospitality entertainment manager', 0.36, 0.18],
      ['2431.8', 'customer experience manager', 0.35, 0.23],
      ['3359.2', 'consumer rights advisor', 0.33, 0.12],
      ['3353.2', 'social security officer', 0.33, 0.05],
      ['2431.3', 'advertising specialist', 0.31, 0.11],
      ['3512.1', 'ICT help desk agent', 0.31, 0.12],
      ['1411.3', 'rooms division manager', 0.31, 0.16],
      ['1324.7', 'railway station manager', 0.3, 0.15],
      ['4225.1', 'customer service representative', 0.3, 0.08],
      ['3411.8', 'private detective', 0.3, 0.06],
      ['2431.2', 'advertising media buyer', 0.3, 0.1],
      ['1439.8', 'travel agency manager', 0.3, 0.13],
      ['4212.6', 'lottery operator', 0.3, 0.07],
    ] as const
  ).map(([to, toLabel, sourceSimilarity, sourceEssentialSimilarity]) => ({
    ...HOTEL_CONCIERGE,
    to,
    toLabel,
    sourceSimilarity,
    sourceEssentialSimilarity,
    source: TUTORIAL_SAFE,
  })),
  // legal guardian
  ...(
    [
      ['2269.9', 'recreational therapist', 0.37, 0.2],
      ['2635.1', 'social counsellor', 0.36, 0.07],
      ['2635.2', 'social pedagogue', 0.35, 0.09],
      ['2423.2', 'employment and vocational integration consultant', 0.33, 0.12],
      ['2352.1', 'special educational needs teacher', 0.32, 0.02],
    ] as const
  ).map(([to, toLabel, sourceSimilarity, sourceEssentialSimilarity]) => ({
    ...LEGAL_GUARDIAN,
    to,
    toLabel,
    sourceSimilarity,
    sourceEssentialSimilarity,
    source: VALIDATION,
  })),
];
