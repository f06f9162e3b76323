/**
 * The labelled cases of the matching quality benchmark, over the pool in pool.ts.
 *
 * Every judgement is one pair (vacancy, candidate) with a grade, decided from the domain
 * (docs/domain.md, "Matching: what good means here") before any system output existed, and
 * never tuned to it:
 *   2 = strong fit: the work is essentially what the person has done (in a job, or clearly
 *       and for years as a hobby or volunteer), and an accountmanager would put them at the
 *       top of a shortlist without hesitation;
 *   1 = acceptable: a plausible transfer (other sector or occupation, shared skills, the
 *       languages asked) worth proposing, perhaps with a short course;
 *   unlisted = 0.
 * Only pairs that pass the hard constraints get a grade (checked when the bench runs). One
 * table serves both directions: a vacancy case reads a row, a candidate case a column, so the
 * two directions can never disagree.
 *
 * `mustNotRank` lists people (or vacancies) with a strong fit on skills that a hard constraint
 * (distance, hours, certificate, driving licence, work capacity, refused sector) or the scope
 * (programme paused, no consent, vacancy not open) rules out: they must not be in the ranking.
 */

export type Grade = 1 | 2;

export const FAMILIES = [
  'direct',
  'cross-sector',
  'hobby-volunteer',
  'language',
  'constraints',
  'distractor',
] as const;
export type Family = (typeof FAMILIES)[number];

export const FAMILY_LABELS: Record<Family, string> = {
  direct: 'same occupation in the pool',
  'cross-sector': 'other sector / occupation',
  'hobby-volunteer': 'hobby or volunteer work',
  language: 'languages',
  constraints: 'hard constraints',
  distractor: 'title-word distractors',
};

export interface MatchCase {
  id: string;
  direction: 'vacancy' | 'candidate';
  family: Family;
  /** The vacancy (direction vacancy) or candidate (direction candidate) key. */
  subject: string;
  /** What the case tests, in one line. */
  why: string;
  /** Keys of the other side that must not be in the ranking at all. */
  mustNotRank: string[];
}

/** grade[vacancyKey][candidateKey]; open vacancies only. */
export const JUDGEMENTS: Record<string, Record<string, Grade>> = {
  'v-orderpicker': {
    'c-orderpicker-henk': 2,
    'c-orderpicker-ewa': 2,
    'c-tr-orderpicker': 2,
    'c-buiten-orderpicker': 2,
    'c-magazijn-ronald': 2,
    'c-heftruck-nocert': 1,
    'c-heftruck-jan': 1,
    'c-voedselbank-gerda': 1,
    'c-print-marco': 1,
    'c-vakkenvuller-dirk': 1,
    'c-postbode-wim': 1,
    'c-postbode-anja': 1,
    'c-inpakker-zeewolde': 1,
    'c-verpak-monique': 1,
  },
  'v-magazijn': {
    'c-magazijn-ronald': 2,
    'c-orderpicker-henk': 2,
    'c-heftruck-nocert': 2,
    'c-heftruck-jan': 2,
    'c-voedselbank-gerda': 1,
    'c-verpak-monique': 1,
  },
  'v-heftruck': {
    'c-magazijn-ronald': 2,
    'c-heftruck-jan': 2,
    'c-voedselbank-gerda': 1,
  },
  'v-inpak': {
    'c-inpakker-zeewolde': 2,
    'c-inpak-ria': 2,
    'c-verpak-monique': 1,
    'c-orderpicker-henk': 1,
    'c-orderpicker-ewa': 1,
    'c-tr-orderpicker': 1,
    'c-buiten-orderpicker': 1,
    'c-orderpicker-16h': 1,
    'c-magazijn-lift10': 1,
    'c-vakkenvuller-dirk': 1,
    'c-print-marco': 1,
  },
  'v-orderpicker-lely': {
    'c-lely-orderpicker': 2,
    'c-buiten-orderpicker': 2,
    'c-orderpicker-henk': 2,
    'c-magazijn-ronald': 2,
    'c-heftruck-jan': 1,
    'c-print-marco': 1,
    'c-inpakker-zeewolde': 1,
  },
  'v-drukker': {
    'c-print-digital': 2,
    'c-print-marco': 2,
    'c-print-prepress': 1,
    'c-print-zetter': 1,
    'c-textiel-tomasz': 1,
    'c-verpak-monique': 1,
  },
  'v-assistent-drukker': {
    'c-print-marco': 2,
    'c-print-digital': 2,
    'c-print-zetter': 1,
    'c-print-prepress': 1,
    'c-verpak-monique': 1,
    'c-textiel-tomasz': 1,
  },
  'v-vlees': {
    'c-slager-ahmet': 2,
    'c-voedselproductie-fatma': 2,
    'c-kok-refuses-horeca': 1,
    'c-kok-ricardo': 1,
    'c-verpak-monique': 1,
  },
  'v-voedsel': {
    'c-voedselproductie-fatma': 2,
    'c-verpak-monique': 2,
    'c-slager-ahmet': 1,
    'c-kok-refuses-horeca': 1,
    'c-kok-ricardo': 1,
    'c-keukenhulp-hatice': 1,
  },
  'v-verpak': {
    'c-verpak-monique': 2,
    'c-voedselproductie-fatma': 1,
    'c-textiel-tomasz': 1,
    'c-print-marco': 1,
    'c-print-digital': 1,
    'c-inpakker-zeewolde': 1,
    'c-slager-ahmet': 1,
  },
  'v-verpak-zeew': {
    'c-verpak-zeewolde': 2,
    'c-verpak-monique': 2,
    'c-inpakker-zeewolde': 1,
    'c-voedselproductie-fatma': 1,
    'c-print-marco': 1,
    'c-print-digital': 1,
    'c-slager-ahmet': 1,
  },
  'v-fietsenmaker': {
    'c-fiets-hobby-rachid': 2,
    'c-fietsenbouwer-stanley': 2,
    'c-automonteur-gerrit': 1,
  },
  'v-fietsenbouwer': {
    'c-fietsenbouwer-stanley': 2,
    'c-fiets-hobby-rachid': 1,
    'c-automonteur-gerrit': 1,
    'c-tr-lasser': 1,
  },
  'v-fietsverkoop': {
    'c-verkoop-wendy': 2,
    'c-pl-verkoop': 2,
    'c-fiets-hobby-rachid': 1,
    'c-kassa-sanne': 1,
    'c-tr-kassa-emine': 1,
    'c-fietsenbouwer-stanley': 1,
    'c-voedselbank-gerda': 1,
  },
  'v-klantenservice': {
    'c-callcenter-karin': 2,
    'c-tr-callcenter-sevda': 2,
    'c-pl-klantenservice': 2,
    'c-bank-ingrid': 2,
    'c-postloket-marja': 1,
    'c-tr-kassa-emine': 1,
    'c-kassa-sanne': 1,
    'c-admin-paul': 1,
    'c-telefonist-annie': 1,
    'c-verkoop-wendy': 1,
    'c-pl-verkoop': 1,
    'c-voedselbank-gerda': 1,
  },
  'v-klantcontact-tr': {
    'c-tr-callcenter-sevda': 2,
    'c-tr-kassa-emine': 2,
    'c-tr-orderpicker': 1,
    'c-voedselproductie-fatma': 1,
    'c-keukenhulp-hatice': 1,
    'c-heftruck-nocert': 1,
    'c-slager-ahmet': 1,
  },
  'v-klantcontact-pl': {
    'c-pl-klantenservice': 2,
    'c-pl-verkoop': 2,
  },
  'v-telefonist': {
    'c-telefonist-annie': 2,
    'c-tr-callcenter-sevda': 2,
    'c-callcenter-karin': 2,
    'c-pl-klantenservice': 1,
    'c-bank-ingrid': 1,
    'c-postloket-marja': 1,
    'c-admin-paul': 1,
  },
  'v-receptie': {
    'c-bank-ingrid': 2,
    'c-callcenter-karin': 1,
    'c-postloket-marja': 1,
    'c-pl-klantenservice': 1,
    'c-tr-callcenter-sevda': 1,
    'c-telefonist-annie': 1,
    'c-admin-paul': 1,
    'c-concierge-arie': 1,
  },
  'v-receptie-zorg': {
    'c-bank-ingrid': 2,
    'c-postloket-marja': 2,
    'c-telefonist-annie': 1,
    'c-callcenter-karin': 1,
    'c-tr-callcenter-sevda': 1,
    'c-admin-paul': 1,
    'c-zorg-vrijwilliger-gonny': 1,
    'c-ober-rob': 1,
    'c-tr-kassa-emine': 1,
    'c-kassa-sanne': 1,
  },
  'v-schoonmaak': {
    'c-schoonmaak-hassan': 2,
    'c-fiets-hobby-rachid': 2,
    'c-concierge-arie': 1,
    'c-thuiszorg-fatima': 1,
    'c-hobby-naaien-esther': 1,
  },
  'v-beveiliger': {
    'c-beveiliger-dennis': 2,
  },
  'v-groen': {
    'c-groen-bert': 2,
    'c-groen-hobby-frans': 2,
  },
  'v-admin': {
    'c-admin-paul': 2,
    'c-boekhouding-cor': 2,
    'c-datatypist-mirjam': 1,
    'c-buurtmaaltijd-joke': 1,
    'c-bank-ingrid': 1,
  },
  'v-bezorger': {
    'c-postbode-wim': 2,
    'c-taxi-mohamed': 2,
    'c-truck-johan': 2,
    'c-truck-nonight': 2,
    'c-automonteur-gerrit': 1,
  },
  'v-vrachtwagen': {
    'c-truck-johan': 2,
  },
  'v-stoffeerder': {
    'c-naaister-nadia': 2,
    'c-verstelster-ilse': 1,
    'c-hobby-naaien-esther': 1,
    'c-groen-hobby-frans': 1,
  },
  'v-kledingreparatie': {
    'c-verstelster-ilse': 2,
    'c-naaister-nadia': 2,
    'c-hobby-naaien-esther': 1,
  },
  'v-keukenhulp': {
    'c-keukenhulp-hatice': 2,
    'c-kok-ricardo': 2,
    'c-buurtmaaltijd-joke': 2,
    'c-ober-rob': 1,
    'c-zorg-vrijwilliger-gonny': 1,
    'c-voedselproductie-fatma': 1,
    'c-slager-ahmet': 1,
  },
  'v-kok': {
    'c-kok-ricardo': 2,
    'c-slager-ahmet': 1,
  },
  'v-kassa': {
    'c-kassa-sanne': 2,
    'c-tr-kassa-emine': 2,
    'c-voedselbank-gerda': 2,
    'c-postloket-marja': 2,
    'c-bank-ingrid': 1,
    'c-pl-verkoop': 1,
    'c-verkoop-wendy': 1,
    'c-ober-rob': 1,
  },
  'v-vakkenvuller': {
    'c-vakkenvuller-dirk': 2,
    'c-kassa-sanne': 1,
    'c-tr-kassa-emine': 1,
    'c-orderpicker-ewa': 1,
    'c-orderpicker-16h': 1,
    'c-tr-orderpicker': 1,
    'c-voedselbank-gerda': 1,
  },
  'v-thuiszorg': {
    'c-thuiszorg-fatima': 2,
  },
};

const vacancyCase = (
  subject: string,
  family: Family,
  why: string,
  mustNotRank: string[] = [],
): MatchCase => ({ id: subject, direction: 'vacancy', family, subject, why, mustNotRank });

const candidateCase = (
  subject: string,
  family: Family,
  why: string,
  mustNotRank: string[] = [],
): MatchCase => ({ id: subject, direction: 'candidate', family, subject, why, mustNotRank });

export const CASES: MatchCase[] = [
  // ---- vacancy -> candidates ----
  vacancyCase(
    'v-inpak',
    'direct',
    'hand packers first, then warehouse people for whom 10 kg is fine',
  ),
  vacancyCase('v-drukker', 'direct', 'printers first; other machine operators acceptable', [
    'c-print-lift10',
  ]),
  vacancyCase('v-verpak-zeew', 'direct', 'packaging operators who reach Zeewolde'),
  vacancyCase('v-fietsverkoop', 'direct', 'sales assistants, then cashiers and bicycle people'),
  vacancyCase('v-telefonist', 'direct', 'switchboard and call-centre people', [
    'c-callcenter-8h',
    'c-unavailable-callcenter',
  ]),
  vacancyCase('v-schoonmaak', 'direct', 'office cleaners; not the one who may walk 30 minutes', [
    'c-schoonmaak-walk30',
  ]),
  vacancyCase('v-admin', 'direct', 'office clerks and bookkeeping'),
  vacancyCase('v-kassa', 'direct', 'cashiers and counter clerks'),
  vacancyCase('v-vakkenvuller', 'direct', 'shelf filler, then retail and warehouse people'),
  vacancyCase('v-vlees', 'cross-sector', 'butcher (retail) and food production for a meat factory'),
  vacancyCase('v-voedsel', 'cross-sector', 'food production, food packaging, then kitchen people'),
  vacancyCase(
    'v-fietsenbouwer',
    'cross-sector',
    'bicycle assembler, then bicycle repair and metal/technical people',
  ),
  vacancyCase('v-receptie', 'cross-sector', 'bank teller to reception (English asked)', [
    'c-intake-bank',
  ]),
  vacancyCase(
    'v-receptie-zorg',
    'cross-sector',
    'bank and post office counter people to a care-home reception',
    ['c-intake-bank'],
  ),
  vacancyCase(
    'v-bezorger',
    'cross-sector',
    'postman, taxi and truck drivers to van delivery; licence B needed',
    ['c-postbode-anja', 'c-fietskoerier-abdel'],
  ),
  vacancyCase('v-stoffeerder', 'cross-sector', 'seamstress to upholstery', ['c-stoffeerder-far']),
  vacancyCase(
    'v-fietsenmaker',
    'hobby-volunteer',
    'hobby bicycle repairer next to the bicycle assembler',
  ),
  vacancyCase(
    'v-keukenhulp',
    'hobby-volunteer',
    'volunteer cook next to kitchen staff; the cook who refuses hospitality is out',
    ['c-kok-refuses-horeca'],
  ),
  vacancyCase(
    'v-groen',
    'hobby-volunteer',
    'allotment gardener next to the green maintenance worker',
  ),
  vacancyCase(
    'v-klantcontact-tr',
    'language',
    'Turkish and Dutch speakers with customer contact first',
  ),
  vacancyCase('v-klantcontact-pl', 'language', 'Polish speakers with customer contact'),
  vacancyCase(
    'v-orderpicker',
    'constraints',
    'orderpickers, but not the far, the 16-hour, the 10-kg or the paused one',
    [
      'c-orderpicker-far',
      'c-orderpicker-16h',
      'c-magazijn-lift10',
      'c-lely-orderpicker',
      'c-paused-orderpicker',
    ],
  ),
  vacancyCase('v-magazijn', 'constraints', 'VCA and 25 kg lifting required', [
    'c-magazijn-lift10',
    'c-orderpicker-far',
  ]),
  vacancyCase('v-heftruck', 'constraints', 'forklift certificate required', [
    'c-heftruck-nocert',
    'c-orderpicker-far',
  ]),
  vacancyCase('v-orderpicker-lely', 'constraints', 'in Lelystad: only those who travel that far', [
    'c-orderpicker-ewa',
    'c-tr-orderpicker',
    'c-orderpicker-far',
    'c-orderpicker-16h',
    'c-paused-orderpicker',
  ]),
  vacancyCase('v-beveiliger', 'constraints', 'Beveiliger 2 diploma required', [
    'c-beveiliger-nocert',
  ]),
  vacancyCase(
    'v-vrachtwagen',
    'constraints',
    'night work: not for the driver who may not work nights',
    ['c-truck-nonight'],
  ),
  vacancyCase('v-kok', 'constraints', 'HACCP required; hospitality refused by one cook', [
    'c-kok-refuses-horeca',
  ]),
  vacancyCase('v-thuiszorg', 'constraints', 'Helpende certificate required', [
    'c-hobby-naaien-esther',
  ]),
  vacancyCase('v-assistent-drukker', 'distractor', 'printers, not the bookkeeping "assistent"', [
    'c-print-lift10',
  ]),
  vacancyCase('v-klantenservice', 'distractor', 'customer contact, not other "medewerkers"', [
    'c-callcenter-8h',
    'c-unavailable-callcenter',
  ]),
  vacancyCase('v-verpak', 'distractor', 'machine operators, not the switchboard "operator"', [
    'c-verpak-zeewolde',
  ]),
  vacancyCase(
    'v-kledingreparatie',
    'distractor',
    'sewing, not the laundry "medewerker textielreiniging"',
  ),
  // ---- candidate -> vacancies ----
  candidateCase(
    'c-print-marco',
    'cross-sector',
    'print-shop worker: print, machine and warehouse jobs',
    ['v-offset-filled'],
  ),
  candidateCase('c-bank-ingrid', 'cross-sector', 'bank teller: reception and customer contact'),
  candidateCase('c-postbode-wim', 'cross-sector', 'postman: van delivery'),
  candidateCase('c-naaister-nadia', 'cross-sector', 'seamstress: upholstery and clothing repair'),
  candidateCase('c-slager-ahmet', 'cross-sector', 'butcher: meat and food production'),
  candidateCase('c-fiets-hobby-rachid', 'hobby-volunteer', 'cleaner who repairs bicycles', [
    'v-fietsenmaker-draft',
  ]),
  candidateCase(
    'c-voedselbank-gerda',
    'hobby-volunteer',
    'former cashier with food-bank warehouse work',
  ),
  candidateCase('c-tr-kassa-emine', 'language', 'cashier speaking Turkish and Dutch'),
  candidateCase(
    'c-tr-callcenter-sevda',
    'language',
    'call-centre agent speaking Turkish and Dutch',
  ),
  candidateCase(
    'c-kok-refuses-horeca',
    'constraints',
    'cook who refuses hospitality: food production only',
    ['v-keukenhulp', 'v-kok'],
  ),
  candidateCase('c-verpak-zeewolde', 'constraints', 'travels 10 km from Zeewolde', ['v-verpak']),
  candidateCase('c-magazijn-lift10', 'constraints', 'warehouse worker with a 10 kg limit', [
    'v-magazijn',
    'v-orderpicker',
  ]),
];

/** The graded labels of a case: the row (vacancy) or column (candidate) of JUDGEMENTS. */
export function gradesOf(c: MatchCase): Record<string, Grade> {
  if (c.direction === 'vacancy') return { ...(JUDGEMENTS[c.subject] ?? {}) };
  const column: Record<string, Grade> = {};
  for (const [vacancy, row] of Object.entries(JUDGEMENTS)) {
    const grade = row[c.subject];
    if (grade) column[vacancy] = grade;
  }
  return column;
}
