import { CandidateEntity } from '../candidates/candidate.entity';
import { candidateProfile } from './candidate-evidence';
import { assessMatch, MatchCandidate, MatchContext, MatchVacancy } from './match-assessment';
import { explainMatch } from './match-explanation';
import {
  LABEL_THRESHOLDS,
  languageFits,
  languageRanks,
  languageScore,
  languageScoreOfRanks,
  matchLabel,
  rankedRequirements,
  vacancyRequirements,
} from './match-score';
import { matchingGraph, occupation, skill } from './testing/matching-graph.fixture';

const graph = matchingGraph();
const context: MatchContext = {
  graph,
  similarity: (from, to) => graph.occupationSimilarity(from, to).score,
};
const HOME = { lat: 52.37, lng: 5.22 };

function candidate(over: Partial<MatchCandidate> = {}): MatchCandidate {
  return {
    experiences: [],
    skills: [],
    languages: [{ language: 'nl', level: 'B2' }],
    hoursMin: 24,
    hoursMax: 36,
    maxCommuteKm: 25,
    certificates: [],
    drivingLicences: [],
    workCapacity: {},
    sectorsRefused: [],
    sectorsOfInterest: [],
    availableFrom: null,
    home: HOME,
    ...over,
  };
}

function vacancy(over: Partial<MatchVacancy> = {}): MatchVacancy {
  return {
    occupationUri: occupation('order-picker'),
    sector: 'H',
    skills: [{ uri: skill('pick-orders'), required: true }],
    languages: [{ language: 'nl', minLevel: 'A2' }],
    hoursMin: 24,
    hoursMax: 38,
    location: { lat: 52.4, lng: 5.25 },
    certificates: [],
    drivingLicences: [],
    physicalDemands: {},
    shifts: [],
    startDate: null,
    ...over,
  };
}

const assess = (c: MatchCandidate, v: MatchVacancy = vacancy()) =>
  assessMatch(c, v, vacancyRequirements(v, graph), context);

const printer: CandidateEntity['experiences'] = [
  {
    occupationUri: occupation('printer'),
    title: 'drukker bij Roto Smeets',
    sector: 'C',
    years: 22,
    lastYearWorked: 2019,
  },
];
const picker: CandidateEntity['experiences'] = [
  {
    occupationUri: occupation('order-picker'),
    title: 'orderpicker bij Bol',
    sector: 'H',
    years: 3,
    lastYearWorked: 2024,
  },
];

describe('matching a candidate to a vacancy', () => {
  it('ranks someone who did the work above someone from another sector, and flags the cross-sector move', () => {
    const same = assess(candidate({ experiences: picker }));
    const other = assess(candidate({ experiences: printer }));
    expect(same.score).toBeGreaterThan(other.score);
    expect(same.crossSector).toBe(false);
    expect(other.crossSector).toBe(true);
    expect(other.fromSectors).toEqual(['C']);
  });

  it('credits a skill shown in a hobby, with the hobby as evidence', () => {
    const bikeJob = vacancy({
      occupationUri: occupation('bicycle-mechanic'),
      sector: 'G',
      skills: [{ uri: skill('repair-bicycles'), required: true }],
    });
    const hobbyist = candidate({
      experiences: printer,
      skills: [
        {
          uri: skill('repair-bicycles'),
          source: 'hobby',
          evidence: 'repareert al 20 jaar fietsen voor de buurt',
        },
      ],
    });
    const result = assess(hobbyist, bikeJob);
    const fit = result.fits.find((f) => f.requirement.uri === skill('repair-bicycles'))!;
    expect(fit.status).toBe('covered');
    expect(fit.via?.evidence.text).toBe('hobby: repareert al 20 jaar fietsen voor de buurt');
    expect(result.score).toBeGreaterThan(
      assess(candidate({ experiences: printer }), bikeJob).score,
    );
    expect(explainMatch(result, graph).summary).toContain(
      'fietsen repareren (hobby: repareert al 20 jaar fietsen voor de buurt)',
    );
  });

  it('gives partial credit through the skills hierarchy', () => {
    const job = vacancy({ skills: [{ uri: skill('repair-bicycles'), required: true }] });
    const tuner = assess(
      candidate({ skills: [{ uri: skill('tune-bicycles'), source: 'course' }] }),
      job,
    );
    const fit = tuner.fits.find((f) => f.requirement.uri === skill('repair-bicycles'))!;
    expect(fit.credit).toBeGreaterThan(0);
    expect(fit.credit).toBeLessThan(1);
    expect(fit.via?.uri).toBe(skill('tune-bicycles'));
  });

  it('weighs a rare skill more than a common one', () => {
    const job = vacancy({
      skills: [
        { uri: skill('speak-turkish'), required: true },
        { uri: skill('assist-customers'), required: true },
      ],
      occupationUri: occupation('customer-service'),
      sector: 'N',
    });
    const rare = assess(
      candidate({ skills: [{ uri: skill('speak-turkish'), source: 'education' }] }),
      job,
    );
    const common = assess(
      candidate({ skills: [{ uri: skill('assist-customers'), source: 'volunteer' }] }),
      job,
    );
    expect(rare.parts.skills).toBeGreaterThan(common.parts.skills);
  });

  it('meets a language requirement by level, a native speaker meets every level', () => {
    const job = vacancy({ languages: [{ language: 'tr', minLevel: 'B2' }] });
    expect(
      assess(candidate({ languages: [{ language: 'tr', level: 'native' }] }), job).parts.languages,
    ).toBe(1);
    expect(
      assess(candidate({ languages: [{ language: 'tr', level: 'B1' }] }), job).parts.languages,
    ).toBe(0.5);
    expect(assess(candidate({ languages: [] }), job).parts.languages).toBe(0);
  });

  it('keeps scores between 0 and 1 and labels them by fixed thresholds', () => {
    for (const c of [
      candidate(),
      candidate({ experiences: picker }),
      candidate({ experiences: printer }),
    ]) {
      const { score, label } = assess(c);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
      expect(label).toBe(matchLabel(score));
    }
    expect(matchLabel(LABEL_THRESHOLDS.sterk)).toBe('sterk');
    expect(matchLabel(LABEL_THRESHOLDS.goed)).toBe('goed');
    expect(matchLabel(LABEL_THRESHOLDS.mogelijk)).toBe('mogelijk');
    expect(matchLabel(LABEL_THRESHOLDS.mogelijk - 0.001)).toBeNull();
  });

  it('does not count years of experience or how long ago work ended', () => {
    const recent = candidate({ experiences: [{ ...printer[0], years: 2, lastYearWorked: 2026 }] });
    const longAgo = candidate({
      experiences: [{ ...printer[0], years: 35, lastYearWorked: 2009 }],
    });
    expect(assess(longAgo)).toEqual(assess(recent));
  });

  it('lists what is missing and whether a short course bridges it', () => {
    const job = vacancy({
      skills: [
        { uri: skill('operate-forklift'), required: true },
        { uri: skill('assist-customers'), required: false },
      ],
    });
    const explanation = explainMatch(assess(candidate({ experiences: printer }), job), graph);
    expect(explanation.missingSkills).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          label: 'heftruck besturen',
          requirement: 'required',
          bridgeable: false,
        }),
        expect.objectContaining({
          label: 'klanten helpen',
          requirement: 'wished',
          bridgeable: true,
        }),
      ]),
    );
    expect(explanation.summary).toContain(
      'Komt uit een andere sector (industrie), als drukker bij Roto Smeets.',
    );
    expect(explanation.summary).toContain('klanten helpen (te leren met een korte cursus)');
  });

  it('builds the profile from recorded skills first, then the skills of earlier occupations', () => {
    const profile = candidateProfile(
      {
        experiences: printer,
        skills: [
          {
            uri: skill('check-quality'),
            source: 'volunteer',
            evidence: 'controleert de kassa van de voedselbank',
          },
        ],
      },
      graph,
    );
    expect(profile.held.get(skill('check-quality'))?.text).toBe(
      'vrijwilligerswerk: controleert de kassa van de voedselbank',
    );
    expect(profile.held.get(skill('operate-press'))?.text).toBe('werk als drukker bij Roto Smeets');
    expect(profile.held.get(skill('teamwork'))?.strength).toBeLessThan(
      profile.held.get(skill('operate-press'))!.strength,
    );
  });

  it('scores languages the same from ranks (first pass) as from levels', () => {
    const required = [
      { language: 'tr', minLevel: 'B2' as const },
      { language: 'nl', minLevel: 'B1' as const },
    ];
    for (const spoken of [
      [],
      [{ language: 'tr', level: 'native' as const }],
      [
        { language: 'tr', level: 'B1' as const },
        { language: 'nl', level: 'A2' as const },
      ],
      [
        { language: 'nl', level: 'C1' as const },
        { language: 'pl', level: 'B2' as const },
      ],
    ]) {
      expect(languageScoreOfRanks(rankedRequirements(required), languageRanks(spoken))).toBe(
        languageScore(languageFits(required, spoken)),
      );
    }
  });
});
