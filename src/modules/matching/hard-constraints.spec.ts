import {
  CandidateFacts,
  checkConstraints,
  DEFAULT_MAX_COMMUTE_KM,
  failedMask,
  maskConstraints,
  VacancyFacts,
} from './hard-constraints';

const ALMERE = { lat: 52.37, lng: 5.22 };
const LELYSTAD = { lat: 52.51, lng: 5.47 };

const candidate = (over: Partial<CandidateFacts> = {}): CandidateFacts => ({
  hoursMin: 24,
  hoursMax: 32,
  home: ALMERE,
  maxCommuteKm: 30,
  certificates: ['vca-basis'],
  drivingLicences: ['B'],
  workCapacity: { liftingKg: 10, nightWork: false },
  sectorsRefused: ['I'],
  availableFrom: '2027-01-01',
  ...over,
});

const vacancy = (over: Partial<VacancyFacts> = {}): VacancyFacts => ({
  hoursMin: 24,
  hoursMax: 38,
  location: LELYSTAD,
  certificates: [],
  drivingLicences: [],
  physicalDemands: {},
  shifts: ['day'],
  sector: 'H',
  startDate: '2027-02-01',
  ...over,
});

const failed = (c: CandidateFacts, v: VacancyFacts) =>
  checkConstraints(c, v).failed.map((f) => [f.constraint, f.message, f.bridgeable]);

describe('hard constraints', () => {
  it('passes a candidate who meets everything and reports the distance', () => {
    const check = checkConstraints(candidate(), vacancy());
    expect(check.failed).toEqual([]);
    expect(check.distanceKm).toBeGreaterThan(20);
    expect(check.distanceKm).toBeLessThan(30);
  });

  it('says which hours would make it fit', () => {
    expect(failed(candidate({ hoursMax: 24, hoursMin: 16 }), vacancy({ hoursMin: 32 }))).toEqual([
      ['hours', 'zou passen als de werkgever 24 uur per week accepteert (vraagt 32-38)', false],
    ]);
    expect(failed(candidate({ hoursMin: 36, hoursMax: 40 }), vacancy({ hoursMax: 32 }))[0][0]).toBe(
      'hours',
    );
  });

  it('keeps to the maximum commute, and a default when the profile leaves it open', () => {
    expect(failed(candidate({ maxCommuteKm: 10 }), vacancy())).toEqual([
      [
        'distance',
        expect.stringMatching(/^woont 2\d(,\d)? km van het werk, reist maximaal 10 km$/),
        false,
      ],
    ]);
    const far = { lat: ALMERE.lat + 0.5, lng: ALMERE.lng };
    expect(failed(candidate({ maxCommuteKm: null }), vacancy({ location: far }))).toEqual([
      ['distance', expect.stringContaining(`maximaal ${DEFAULT_MAX_COMMUTE_KM} km`), false],
    ]);
  });

  it('names missing certificates and licences, and whether a short course bridges them', () => {
    expect(
      failed(
        candidate(),
        vacancy({ certificates: ['heftruck', 'beveiliger-2'], drivingLicences: ['C'] }),
      ),
    ).toEqual([
      [
        'certificate',
        'mist Heftruckcertificaat; te halen met een korte cursus (maatwerkbudget)',
        true,
      ],
      ['certificate', 'mist Beveiliger 2', false],
      ['drivingLicence', 'mist Rijbewijs C (vrachtauto)', false],
    ]);
  });

  it('refuses work beyond the work capacity without stating the limit itself', () => {
    const result = failed(
      candidate(),
      vacancy({ physicalDemands: { liftingKg: 25 }, shifts: ['night'] }),
    );
    expect(result.map((r) => r[0])).toEqual(['workCapacity', 'workCapacity']);
    for (const [, message] of result) expect(message).not.toMatch(/\d/);
    expect(failed(candidate(), vacancy({ physicalDemands: { liftingKg: 10 } }))).toEqual([]);
  });

  it('respects refused sectors and availability', () => {
    expect(failed(candidate(), vacancy({ sector: 'I' }))).toEqual([
      ['refusedSector', 'wil niet werken in de sector horeca', false],
    ]);
    expect(failed(candidate({ availableFrom: '2027-03-01' }), vacancy())).toEqual([
      ['availability', 'beschikbaar vanaf 1 maart 2027, de baan begint 1 februari 2027', false],
    ]);
    expect(
      failed(candidate({ availableFrom: '2027-03-01' }), vacancy({ startDate: null })),
    ).toEqual([]);
  });

  it('gives the first pass the same verdict as the full check', () => {
    const candidates = [
      candidate(),
      candidate({ hoursMax: 16, hoursMin: 12, maxCommuteKm: 5 }),
      candidate({ certificates: [], drivingLicences: [], workCapacity: { standingMinutes: 10 } }),
      candidate({ availableFrom: '2028-01-01', sectorsRefused: ['H'] }),
    ];
    const vacancies = [
      vacancy(),
      vacancy({
        certificates: ['vca-basis', 'heftruck'],
        drivingLicences: ['B'],
        shifts: ['night'],
      }),
      vacancy({ physicalDemands: { standingMinutes: 60, liftingKg: 20 }, sector: 'I' }),
    ];
    for (const c of candidates)
      for (const v of vacancies)
        expect(maskConstraints(failedMask(c, v))).toEqual([
          ...new Set(checkConstraints(c, v).failed.map((f) => f.constraint)),
        ]);
  });
});
