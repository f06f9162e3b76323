/**
 * Sectors as NACE Rev. 2 sections, which are the same letters as the Dutch SBI 2008 sections.
 * Employers, vacancies, work experience and accountmanagers' portfolios use these letters.
 */
export const SECTORS = {
  A: 'Landbouw, bosbouw en visserij',
  B: 'Delfstoffenwinning',
  C: 'Industrie',
  D: 'Energievoorziening',
  E: 'Waterbedrijven en afvalbeheer',
  F: 'Bouwnijverheid',
  G: 'Groot- en detailhandel',
  H: 'Vervoer en opslag',
  I: 'Horeca',
  J: 'Informatie en communicatie',
  K: 'Financiële dienstverlening',
  L: 'Verhuur van en handel in onroerend goed',
  M: 'Specialistische zakelijke diensten',
  N: 'Verhuur en overige zakelijke diensten',
  O: 'Openbaar bestuur en overheidsdiensten',
  P: 'Onderwijs',
  Q: 'Gezondheids- en welzijnszorg',
  R: 'Cultuur, sport en recreatie',
  S: 'Overige dienstverlening',
  T: 'Huishoudens',
  U: 'Extraterritoriale organisaties',
} as const;

export type SectorCode = keyof typeof SECTORS;
export const SECTOR_CODES = Object.keys(SECTORS) as SectorCode[];

export function sectorLabel(code: string): string {
  return (SECTORS as Record<string, string>)[code] ?? code;
}
