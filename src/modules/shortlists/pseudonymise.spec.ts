import {
  availabilityText,
  candidateLabel,
  distanceBand,
  experienceBand,
  hoursText,
  isRecent,
  mergeExperience,
  skillEvidence,
} from './pseudonymise';

describe('candidate labels', () => {
  it.each([
    [0, 'Kandidaat A'],
    [1, 'Kandidaat B'],
    [25, 'Kandidaat Z'],
    [26, 'Kandidaat AA'],
    [27, 'Kandidaat AB'],
    [51, 'Kandidaat AZ'],
    [52, 'Kandidaat BA'],
    [701, 'Kandidaat ZZ'],
    [702, 'Kandidaat AAA'],
  ])('%i -> %s', (index, label) => {
    expect(candidateLabel(index)).toBe(label);
  });

  it('gives every index its own label', () => {
    const labels = Array.from({ length: 1000 }, (_, i) => candidateLabel(i));
    expect(new Set(labels).size).toBe(1000);
  });

  it.each([-1, 1.5, NaN])('refuses index %p', (index) => {
    expect(() => candidateLabel(index)).toThrow(RangeError);
  });
});

describe('experience bands', () => {
  it.each([
    [0, 'minder dan 1 jaar'],
    [0.99, 'minder dan 1 jaar'],
    [1, '1 tot 2 jaar'],
    [1.99, '1 tot 2 jaar'],
    [2, '2 tot 5 jaar'],
    [4.99, '2 tot 5 jaar'],
    [5, '5 tot 10 jaar'],
    [9.99, '5 tot 10 jaar'],
    [10, '10+ jaar'],
  ])('%p years -> %s', (years, band) => {
    expect(experienceBand(years)).toBe(band);
  });

  it('never tells 10 years from 30 or 45', () => {
    const bands = new Set([10, 12, 20, 25, 30, 38, 45, 60].map(experienceBand));
    expect([...bands]).toEqual(['10+ jaar']);
  });

  it.each([-1, NaN, Infinity])('refuses %p years', (years) => {
    expect(() => experienceBand(years)).toThrow(RangeError);
  });
});

describe('recent experience: this calendar year and the four before', () => {
  it.each([
    [2026, true],
    [2024, true],
    [2022, true],
    [2021, false],
    [1995, false],
    [2027, true],
  ])('last worked in %i, today 2026-03-01 -> %p', (year, recent) => {
    expect(isRecent(year, '2026-03-01')).toBe(recent);
  });

  it('counts calendar years, whatever the day', () => {
    expect(isRecent(2022, '2026-01-01')).toBe(true);
    expect(isRecent(2022, '2026-12-31')).toBe(true);
    expect(isRecent(2022, '2027-01-01')).toBe(false);
  });

  it('refuses a today that is no date', () => {
    expect(() => isRecent(2026, '1-3-2026')).toThrow(RangeError);
  });
});

describe('distance bands', () => {
  it.each([
    [0, 'minder dan 5 km'],
    [4.9, 'minder dan 5 km'],
    [5, '5 tot 10 km'],
    [9.9, '5 tot 10 km'],
    [10, '10 tot 20 km'],
    [19.9, '10 tot 20 km'],
    [20, '20 tot 40 km'],
    [39.9, '20 tot 40 km'],
    [40, '40 km of meer'],
    [250, '40 km of meer'],
  ])('%p km -> %s', (km, band) => {
    expect(distanceBand(km)).toBe(band);
  });

  it('is null when the distance is unknown', () => {
    expect(distanceBand(null)).toBeNull();
  });

  it('refuses a negative distance', () => {
    expect(() => distanceBand(-1)).toThrow(RangeError);
  });
});

describe('hours', () => {
  it('gives one number when min and max are equal, else a range', () => {
    expect(hoursText(32, 32)).toBe('32 uur per week');
    expect(hoursText(24, 32)).toBe('24 tot 32 uur per week');
    expect(hoursText(0, 8)).toBe('0 tot 8 uur per week');
    expect(hoursText(24.5, 36)).toBe('24,5 tot 36 uur per week');
  });

  it('refuses a minimum above the maximum and negative hours', () => {
    expect(() => hoursText(32, 24)).toThrow(RangeError);
    expect(() => hoursText(-4, 24)).toThrow(RangeError);
  });
});

describe('availability', () => {
  const today = '2026-03-01';

  it('is direct without a date, on today and before', () => {
    expect(availabilityText(null, today)).toBe('Direct beschikbaar');
    expect(availabilityText('2026-03-01', today)).toBe('Direct beschikbaar');
    expect(availabilityText('2025-11-15', today)).toBe('Direct beschikbaar');
  });

  it('names the Dutch date when later', () => {
    expect(availabilityText('2026-03-02', today)).toBe('Beschikbaar vanaf 2 maart 2026');
    expect(availabilityText('2027-02-01', today)).toBe('Beschikbaar vanaf 1 februari 2027');
    expect(availabilityText('2026-12-31', today)).toBe('Beschikbaar vanaf 31 december 2026');
  });

  it('refuses dates it cannot read', () => {
    expect(() => availabilityText('01-02-2027', today)).toThrow(RangeError);
    expect(() => availabilityText(null, 'morgen')).toThrow(RangeError);
  });
});

describe('skill evidence', () => {
  it.each([
    ['work', 'magazijnmedewerker', 'uit werk als magazijnmedewerker'],
    ['work', null, 'uit werkervaring'],
    ['work', '  ', 'uit werkervaring'],
    ['hobby', null, 'uit een hobby'],
    ['hobby', 'magazijnmedewerker', 'uit een hobby'],
    ['volunteer', null, 'uit vrijwilligerswerk'],
    ['course', null, 'uit een cursus'],
    ['education', null, 'uit een opleiding'],
  ] as const)('%s with %p -> %s', (source, label, text) => {
    expect(skillEvidence(source, label)).toBe(text);
  });
});

describe('merging experience', () => {
  const today = '2026-03-01';

  it('sums one occupation, bands the total, sorts by years and marks recent work', () => {
    const lines = mergeExperience(
      [
        { occupation: 'drukker', sector: 'Industrie', years: 8, lastYearWorked: 2012 },
        {
          occupation: 'magazijnmedewerker',
          sector: 'Vervoer en opslag',
          years: 3,
          lastYearWorked: 2025,
        },
        { occupation: 'drukker', sector: 'Industrie', years: 14, lastYearWorked: 2004 },
        { occupation: 'schoonmaker', sector: null, years: 0.5, lastYearWorked: 2019 },
      ],
      today,
    );
    expect(lines).toEqual([
      { occupation: 'drukker', sector: 'Industrie', band: '10+ jaar', recent: false },
      {
        occupation: 'magazijnmedewerker',
        sector: 'Vervoer en opslag',
        band: '2 tot 5 jaar',
        recent: true,
      },
      { occupation: 'schoonmaker', sector: null, band: 'minder dan 1 jaar', recent: false },
    ]);
  });

  it('is recent when any stint in the occupation is', () => {
    const [line] = mergeExperience(
      [
        { occupation: 'chauffeur', sector: 'Vervoer en opslag', years: 1, lastYearWorked: 2010 },
        { occupation: 'chauffeur', sector: 'Vervoer en opslag', years: 1, lastYearWorked: 2023 },
      ],
      today,
    );
    expect(line).toEqual({
      occupation: 'chauffeur',
      sector: 'Vervoer en opslag',
      band: '2 tot 5 jaar',
      recent: true,
    });
  });

  it('takes the sector of the longest stint, and a known sector over none', () => {
    const lines = mergeExperience(
      [
        { occupation: 'monteur', sector: null, years: 9, lastYearWorked: 2020 },
        { occupation: 'monteur', sector: 'Industrie', years: 2, lastYearWorked: 2015 },
        { occupation: 'monteur', sector: 'Bouwnijverheid', years: 4, lastYearWorked: 2010 },
        { occupation: 'kok', sector: 'Horeca', years: 3, lastYearWorked: 2000 },
        { occupation: 'kok', sector: 'Industrie', years: 3, lastYearWorked: 2001 },
      ],
      today,
    );
    expect(lines.map((l) => [l.occupation, l.sector, l.band])).toEqual([
      ['monteur', 'Bouwnijverheid', '10+ jaar'],
      ['kok', 'Horeca', '5 tot 10 jaar'],
    ]);
  });

  it('puts equal years in order: recent first, then alphabetical', () => {
    const lines = mergeExperience(
      [
        { occupation: 'verkoper', sector: null, years: 3, lastYearWorked: 2000 },
        { occupation: 'kassamedewerker', sector: null, years: 3, lastYearWorked: 2001 },
        { occupation: 'vakkenvuller', sector: null, years: 3, lastYearWorked: 2025 },
      ],
      today,
    );
    expect(lines.map((l) => l.occupation)).toEqual(['vakkenvuller', 'kassamedewerker', 'verkoper']);
  });

  it('shows no years or dates: 10 and 32 years of one occupation look the same', () => {
    const ten = mergeExperience(
      [{ occupation: 'drukker', sector: 'Industrie', years: 10, lastYearWorked: 2014 }],
      today,
    );
    const thirtyTwo = mergeExperience(
      [
        { occupation: 'drukker', sector: 'Industrie', years: 20, lastYearWorked: 2012 },
        { occupation: 'drukker', sector: 'Industrie', years: 12, lastYearWorked: 1993 },
      ],
      today,
    );
    expect(thirtyTwo).toEqual(ten);
    expect(JSON.stringify(thirtyTwo)).not.toMatch(/\b(?:19|20)\d\d\b|\b32\b|\b20\b|\b12\b/);
  });

  it('is empty without experience', () => {
    expect(mergeExperience([], today)).toEqual([]);
  });
});
