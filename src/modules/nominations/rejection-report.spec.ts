import { aggregateRejections, median, ReportRow } from './rejection-report';

const row = (status: ReportRow['status'], years: number, endReason: string | null = null) => ({
  key: 'e1',
  label: 'Testlogistiek',
  status,
  endReason,
  years,
});

describe('rejection report', () => {
  it('takes the median of odd and even counts', () => {
    expect(median([])).toBeNull();
    expect(median([30, 10, 20])).toBe(20);
    expect(median([10, 25])).toBe(17.5);
  });

  it('shows an employer who turns down every candidate with long experience', () => {
    const [group] = aggregateRejections([
      row('rejected', 32, 'experience-mismatch'),
      row('rejected', 28, 'experience-mismatch'),
      row('not-hired', 35, 'trial-not-successful'),
      row('hired', 8),
      row('hired', 12),
      row('withdrawn', 20, 'candidate-found-work'),
      row('proposed', 25),
    ]);
    expect(group).toMatchObject({
      nominations: 7,
      open: 1,
      hired: 2,
      rejected: 2,
      notHired: 1,
      withdrawn: 1,
      rejectionRate: 0.6,
      medianYearsExperience: { turnedDown: 32, hired: 10 },
    });
    expect(group.experienceBands).toEqual([
      { band: '0-9', nominations: 1, turnedDown: 0, hired: 1 },
      { band: '10-19', nominations: 1, turnedDown: 0, hired: 1 },
      { band: '20-29', nominations: 3, turnedDown: 1, hired: 0 },
      { band: '30+', nominations: 2, turnedDown: 2, hired: 0 },
    ]);
    expect(group.reasons.map((r) => [r.reason, r.total])).toEqual([
      ['experience-mismatch', 2],
      ['candidate-found-work', 1],
      ['trial-not-successful', 1],
    ]);
    expect(group.reasons[0]).toMatchObject({ label: 'Werkervaring sluit niet aan', rejected: 2 });
  });

  it('has no rate without decisions', () => {
    expect(aggregateRejections([row('proposed', 10)])[0].rejectionRate).toBeNull();
  });
});
