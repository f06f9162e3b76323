import { VACANCY_STATUSES, VacancyStatus } from './vacancy.entity';
import { isFinalStatus, transitionProblem } from './vacancy-status';

const ALLOWED: [VacancyStatus, VacancyStatus][] = [
  ['draft', 'open'],
  ['draft', 'closed'],
  ['open', 'on-hold'],
  ['open', 'filled'],
  ['open', 'closed'],
  ['on-hold', 'open'],
  ['on-hold', 'filled'],
  ['on-hold', 'closed'],
];

describe('vacancy status transitions', () => {
  const moves = VACANCY_STATUSES.flatMap((from) =>
    VACANCY_STATUSES.filter((to) => to !== from).map((to) => [from, to] as const),
  );

  it.each(moves)('%s -> %s follows the lifecycle', (from, to) => {
    const allowed = ALLOWED.some(([f, t]) => f === from && t === to);
    expect(transitionProblem(from, to) === null).toBe(allowed);
  });

  it('treats staying in the same status as no move', () => {
    expect(transitionProblem('open', 'open')).toBeNull();
  });

  it('explains a refused move with the possible ones, and final statuses as final', () => {
    expect(transitionProblem('draft', 'filled')).toBe(
      'A draft vacancy cannot become filled; from draft it can become open, closed',
    );
    expect(transitionProblem('closed', 'open')).toMatch(/final/);
    expect(VACANCY_STATUSES.filter(isFinalStatus)).toEqual(['filled', 'closed']);
  });
});
