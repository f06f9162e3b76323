/** Sources of the reference data, shown in the README, the API description and GET /taxonomy/attribution. */
export const ATTRIBUTION = [
  {
    source: 'ESCO v1.1.1',
    licence: 'European Commission, reuse allowed (Decision 2011/833/EU)',
    text: 'This service uses the ESCO classification of the European Commission.',
  },
  {
    source: 'CBS (Statistics Netherlands)',
    licence: 'CC BY 4.0',
    text: 'Occupation classes (BRC 2014) and wage data: CBS, CC BY 4.0.',
  },
  {
    source: 'GeoNames',
    licence: 'CC BY 4.0',
    text: 'Postcode centroids: GeoNames (www.geonames.org), CC BY 4.0.',
  },
  {
    source: 'Eurostat',
    licence: 'Reuse with acknowledgement',
    text: 'Employment by sector and occupation group: Eurostat.',
  },
  {
    source: 'Nesta, Mapping Career Causeways',
    licence: 'MIT',
    text: 'Skills-based sectors of occupations: Nesta, Mapping Career Causeways (MIT licence).',
  },
] as const;
