import {
  BaselineCandidate,
  baselineCandidatesFor,
  baselineScore,
  baselineVacanciesFor,
  keywords,
  SAME_OCCUPATION_BONUS,
} from './baseline';

const candidate = (
  id: string,
  title: string,
  occupationUri = 'occ:other',
  extra: Partial<BaselineCandidate> = {},
): BaselineCandidate => ({
  id,
  experiences: [{ occupationUri, title }],
  activities: [],
  availableForMatching: true,
  programmeStatus: 'active',
  ...extra,
});

describe('keyword baseline', () => {
  it('normalises Dutch titles simply', () => {
    expect(keywords('Medewerker klantcontact Turks en Nederlands')).toEqual([
      'medewerker',
      'klantcontact',
      'turk',
      'nederland',
    ]);
    expect(keywords('Conciërge (m/v)')).toEqual(['concierg']);
    expect(keywords('drukkers')).toEqual(keywords('drukker'));
  });

  it('scores the same occupation plus shared title words', () => {
    const vacancy = {
      id: 'v',
      title: 'Operator verpakkingsmachine',
      occupationUri: 'occ:pack',
      status: 'open',
    };
    expect(baselineScore(candidate('a', 'operator telefooncentrale'), vacancy)).toBe(1);
    expect(baselineScore(candidate('b', 'machinebediende', 'occ:pack'), vacancy)).toBe(
      SAME_OCCUPATION_BONUS,
    );
    expect(
      baselineScore(
        candidate('c', 'operator', 'occ:other', {
          activities: [{ description: 'Verpakkingsmachine thuis' }],
        }),
        vacancy,
      ),
    ).toBe(2);
  });

  it('ranks positive scores only, ties by id, within the scope', () => {
    const vacancy = { id: 'v', title: 'Orderpicker', occupationUri: 'occ:op', status: 'open' };
    const pool = [
      candidate('b', 'orderpicker'),
      candidate('a', 'orderpicker'),
      candidate('c', 'kok'),
      candidate('d', 'x', 'occ:op'),
      candidate('e', 'orderpicker', 'occ:op', { availableForMatching: false }),
    ];
    expect(baselineCandidatesFor(vacancy, pool)).toEqual(['d', 'a', 'b']);
  });

  it('ranks only open vacancies for a candidate', () => {
    const c = candidate('c', 'orderpicker');
    const vacancies = [
      { id: '2', title: 'Orderpicker', occupationUri: 'o', status: 'open' },
      { id: '1', title: 'Orderpicker', occupationUri: 'o', status: 'filled' },
      { id: '3', title: 'Kok', occupationUri: 'o', status: 'open' },
    ];
    expect(baselineVacanciesFor(c, vacancies)).toEqual(['2']);
  });
});
