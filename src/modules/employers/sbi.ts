/**
 * SBI 2008 / NACE Rev. 2: the section letter of an SBI code, from its first two digits (the
 * division). Used to refuse an sbiCode that contradicts the employer's sector.
 */
const SECTION_DIVISIONS: ReadonlyArray<readonly [section: string, first: number, last: number]> = [
  ['A', 1, 3],
  ['B', 5, 9],
  ['C', 10, 33],
  ['D', 35, 35],
  ['E', 36, 39],
  ['F', 41, 43],
  ['G', 45, 47],
  ['H', 49, 53],
  ['I', 55, 56],
  ['J', 58, 63],
  ['K', 64, 66],
  ['L', 68, 68],
  ['M', 69, 75],
  ['N', 77, 82],
  ['O', 84, 84],
  ['P', 85, 85],
  ['Q', 86, 88],
  ['R', 90, 93],
  ['S', 94, 96],
  ['T', 97, 98],
  ['U', 99, 99],
];

/** `5210` -> `H`; null when the division does not exist (e.g. `04`, `34`). */
export function sectionOfSbi(sbiCode: string): string | null {
  const division = Number(sbiCode.slice(0, 2));
  const match = SECTION_DIVISIONS.find(([, first, last]) => division >= first && division <= last);
  return match ? match[0] : null;
}
