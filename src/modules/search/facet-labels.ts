import { PROGRAMME_STATUS_LABELS } from '../candidates/candidate.entity';
import {
  CERTIFICATES,
  CONTRACT_TYPE_LABELS,
  DRIVING_LICENCE_LABELS,
  EDUCATION_LEVEL_LABELS,
  LANGUAGES,
  SHIFT_LABELS,
} from '../taxonomy/reference-lists';
import { SECTORS } from '../taxonomy/sectors';

const YES_NO: Record<string, string> = { true: 'ja', false: 'nee' };
const OPENNESS: Record<string, string> = {
  unknown: 'onbekend',
  open: 'staat open',
  hesitant: 'aarzelend',
  'not-open': 'staat niet open',
};

const LABELS: Record<string, Record<string, string>> = {
  sector: SECTORS,
  sectors: SECTORS,
  languageCodes: LANGUAGES,
  certificates: CERTIFICATES,
  drivingLicences: DRIVING_LICENCE_LABELS,
  educationLevel: EDUCATION_LEVEL_LABELS,
  contractType: CONTRACT_TYPE_LABELS,
  shifts: SHIFT_LABELS,
  programmeStatus: PROGRAMME_STATUS_LABELS,
  acceptsTrialPlacements: YES_NO,
  hasOpenVacancies: YES_NO,
  opennessTo45Plus: OPENNESS,
};

/** Dutch labels for facet values (ISCO groups from the taxonomy, the rest from fixed lists). */
export function facetLabeller(
  iscoLabels: ReadonlyMap<string, string>,
): (field: string, value: string) => string {
  return (field, value) =>
    (field === 'iscoGroups' || field === 'iscoGroup'
      ? iscoLabels.get(value)
      : LABELS[field]?.[value]) ?? value;
}
