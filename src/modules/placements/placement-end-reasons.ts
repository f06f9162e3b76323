/** Why a placement ended (the work stopped), with Dutch labels. */
export const PLACEMENT_END_REASONS = {
  'contract-ended': 'Contract afgelopen en niet verlengd',
  'employer-ended': 'Werkgever beëindigde het dienstverband',
  'candidate-resigned': 'Kandidaat nam ontslag',
  'work-capacity': 'Werk bleek te zwaar (belastbaarheid)',
  illness: 'Langdurige ziekte',
  'business-reasons': 'Bedrijfseconomische redenen of reorganisatie',
  'better-job': 'Kandidaat vond beter werk',
  other: 'Anders',
} as const;

export type PlacementEndReason = keyof typeof PLACEMENT_END_REASONS;
export const PLACEMENT_END_REASON_CODES = Object.keys(
  PLACEMENT_END_REASONS,
) as PlacementEndReason[];

export function placementEndReasonLabel(code: string): string {
  return (PLACEMENT_END_REASONS as Record<string, string>)[code] ?? code;
}
