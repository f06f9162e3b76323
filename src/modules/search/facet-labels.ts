import { DataSource } from 'typeorm';
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

/** Dutch labels for facet values; ISCO groups are looked up once per response. */
export async function facetLabeller(
  dataSource: DataSource,
  facets: Record<string, Record<string, number>>,
): Promise<(field: string, value: string) => string> {
  const iscoCodes = [
    ...Object.keys(facets.iscoGroups ?? {}),
    ...Object.keys(facets.iscoGroup ?? {}),
  ];
  const isco = new Map<string, string>();
  if (iscoCodes.length > 0) {
    const rows = await dataSource.query<{ code: string; label_nl: string }[]>(
      `SELECT code, label_nl FROM isco_groups WHERE code = ANY($1::text[])`,
      [iscoCodes],
    );
    for (const row of rows) isco.set(row.code, row.label_nl);
  }
  return (field, value) =>
    (field === 'iscoGroups' || field === 'iscoGroup' ? isco.get(value) : LABELS[field]?.[value]) ??
    value;
}
