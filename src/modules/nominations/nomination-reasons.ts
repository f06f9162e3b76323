/** Why a nomination ended without a hire: a fixed list (Dutch labels) plus free text. */
export const NOMINATION_REASONS = {
  'skills-gap': 'Vaardigheden of certificaat ontbreken',
  'experience-mismatch': 'Werkervaring sluit niet aan',
  'hours-mismatch': 'Uren passen niet',
  'schedule-mismatch': 'Werktijden of diensten passen niet',
  'distance-travel': 'Afstand of reistijd te groot',
  'language-level': 'Taalniveau onvoldoende',
  'work-capacity': 'Belastbaarheid past niet bij het werk',
  'employment-conditions': 'Arbeidsvoorwaarden passen niet',
  'other-candidate': 'Werkgever koos een andere kandidaat',
  'vacancy-cancelled': 'Vacature vervallen of ingetrokken',
  'no-answer': 'Geen reactie van de werkgever',
  'interview-no-show': 'Kandidaat niet verschenen op het gesprek',
  'candidate-withdrew': 'Kandidaat trok zich terug',
  'candidate-found-work': 'Kandidaat vond ander werk',
  'candidate-unavailable': 'Kandidaat niet beschikbaar (ziekte of omstandigheden)',
  'trial-not-successful': 'Proefplaatsing niet geslaagd',
  other: 'Anders',
} as const;

export type NominationReason = keyof typeof NOMINATION_REASONS;
export const NOMINATION_REASON_CODES = Object.keys(NOMINATION_REASONS) as NominationReason[];

export function reasonLabel(code: string): string {
  return (NOMINATION_REASONS as Record<string, string>)[code] ?? code;
}
