import { IndexSchema, SearchIndexName } from './search-engine';

/**
 * What each index holds. Candidate documents carry only what matching needs: never a name,
 * birth year, BSN, contact detail, work-capacity limit or note (test/search-sync.e2e-spec.ts
 * checks the stored documents).
 */
export const SEARCH_SCHEMAS: Record<SearchIndexName, IndexSchema> = {
  candidates: {
    text: [
      ['occupationLabels'],
      ['experienceTitles', 'skillLabels'],
      ['occupationAltLabels', 'activities', 'skillEvidence'],
    ],
    keywords: [
      'occupations',
      'iscoGroups',
      'skills',
      'languages',
      'languageCodes',
      'certificates',
      'drivingLicences',
      'sectors',
      'sectorsOfInterest',
      'programmeStatus',
      'educationLevel',
      'klantmanagerId',
      'availableForMatching',
    ],
    facets: [
      'iscoGroups',
      'languageCodes',
      'certificates',
      'drivingLicences',
      'sectors',
      'programmeStatus',
      'educationLevel',
    ],
    numbers: ['hoursMin', 'hoursMax', 'availableFrom', 'updatedAt'],
  },
  vacancies: {
    text: [
      ['title', 'occupationLabel'],
      ['skillLabels', 'employerName'],
      ['occupationAltLabels', 'description'],
    ],
    keywords: [
      'occupation',
      'iscoGroup',
      'skills',
      'requiredSkills',
      'languages',
      'languageCodes',
      'certificates',
      'drivingLicences',
      'sector',
      'status',
      'kind',
      'contractType',
      'shifts',
      'employerId',
      'trialPlacementPossible',
    ],
    facets: ['iscoGroup', 'sector', 'status', 'contractType', 'kind', 'languageCodes', 'shifts'],
    numbers: ['hoursMin', 'hoursMax', 'startDate', 'updatedAt'],
  },
  employers: {
    text: [['name'], ['sectorLabel', 'vacancyTitles'], ['places']],
    keywords: [
      'sector',
      'sbiCode',
      'opennessTo45Plus',
      'acceptsTrialPlacements',
      'accountManagerId',
      'hasOpenVacancies',
    ],
    facets: ['sector', 'opennessTo45Plus', 'acceptsTrialPlacements', 'hasOpenVacancies'],
    numbers: ['openVacancies', 'updatedAt'],
  },
};
