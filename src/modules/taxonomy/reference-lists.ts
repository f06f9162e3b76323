/** Fixed vocabularies shared by vacancies, candidate profiles and matching. Labels are Dutch. */

export const CEFR_LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native'] as const;
export type CefrLevel = (typeof CEFR_LEVELS)[number];

/** True when `level` meets `minimum` (native meets everything). */
export function meetsCefr(level: CefrLevel, minimum: CefrLevel): boolean {
  return CEFR_LEVELS.indexOf(level) >= CEFR_LEVELS.indexOf(minimum);
}

/** ISO 639-1 codes of languages commonly met in Dutch municipal caseloads, with Dutch names. */
export const LANGUAGES: Record<string, string> = {
  nl: 'Nederlands',
  en: 'Engels',
  de: 'Duits',
  fr: 'Frans',
  es: 'Spaans',
  it: 'Italiaans',
  pt: 'Portugees',
  tr: 'Turks',
  ar: 'Arabisch',
  ber: 'Berbers (Tamazight)',
  pl: 'Pools',
  ro: 'Roemeens',
  bg: 'Bulgaars',
  ru: 'Russisch',
  uk: 'Oekraïens',
  so: 'Somalisch',
  ti: 'Tigrinya',
  fa: 'Perzisch (Farsi)',
  ps: 'Pasjtoe',
  hi: 'Hindi',
  sr: 'Servisch',
  hr: 'Kroatisch',
  bs: 'Bosnisch',
  zh: 'Chinees',
  pap: 'Papiaments',
  srn: 'Sranantongo',
  fy: 'Fries',
  ngt: 'Nederlandse Gebarentaal',
};
export const LANGUAGE_CODES = Object.keys(LANGUAGES);

/** Certificates employers ask for in the sectors this programme serves. */
export const CERTIFICATES: Record<string, string> = {
  'vca-basis': 'VCA Basis',
  'vca-vol': 'VCA VOL',
  heftruck: 'Heftruckcertificaat',
  reachtruck: 'Reachtruckcertificaat',
  'epm-pallettruck': 'Elektrische pallettruck (EPT)',
  bhv: 'BHV (bedrijfshulpverlening)',
  ehbo: 'EHBO',
  haccp: 'HACCP / hygiënecode',
  'sociale-hygiene': 'Sociale Hygiëne (SVH)',
  code95: 'Code 95 (vakbekwaamheid chauffeur)',
  'beveiliger-2': 'Beveiliger 2',
  'nen-3140': 'NEN 3140 (elektrotechniek)',
  'svh-barista': 'Barista (SVH)',
  'zorg-helpende': 'Helpende Zorg & Welzijn',
  'pas-taxi': 'Chauffeurskaart taxi',
  'digitale-vaardigheden': 'Digitale basisvaardigheden',
};
export const CERTIFICATE_CODES = Object.keys(CERTIFICATES);

export const DRIVING_LICENCES = ['AM', 'A', 'B', 'BE', 'C1', 'C', 'CE', 'D1', 'D', 'T'] as const;
export type DrivingLicence = (typeof DRIVING_LICENCES)[number];

/**
 * Physical load, in the same units on both sides: a vacancy's demands (what the work requires
 * at a stretch) and a candidate's work-capacity limits (what the person can do at a stretch).
 * Only limits needed for matching; never a diagnosis.
 */
export interface PhysicalLoad {
  /** minutes standing at a stretch */
  standingMinutes?: number;
  /** minutes sitting at a stretch */
  sittingMinutes?: number;
  /** minutes walking at a stretch */
  walkingMinutes?: number;
  /** kilograms lifted regularly */
  liftingKg?: number;
  /** night shifts */
  nightWork?: boolean;
}

export const PHYSICAL_LOAD_LABELS: Record<keyof PhysicalLoad, string> = {
  standingMinutes: 'staan (minuten achter elkaar)',
  sittingMinutes: 'zitten (minuten achter elkaar)',
  walkingMinutes: 'lopen (minuten achter elkaar)',
  liftingKg: 'tillen (kg)',
  nightWork: 'nachtwerk',
};

export const SHIFTS = ['day', 'evening', 'night', 'weekend', 'irregular'] as const;
export type Shift = (typeof SHIFTS)[number];

export const CONTRACT_TYPES = [
  'permanent',
  'fixed-term',
  'temp-agency',
  'on-call',
  'payroll',
  'self-employed',
] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];

/** Dutch education levels, lowest first. */
export const EDUCATION_LEVELS = [
  'none',
  'primary',
  'vmbo',
  'mbo1',
  'mbo2',
  'mbo3',
  'mbo4',
  'havo',
  'vwo',
  'hbo',
  'wo',
] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

// Dutch labels for the codes above, as shown to users (GET /taxonomy/reference-lists).

export const CEFR_LEVEL_LABELS: Record<CefrLevel, string> = {
  A1: 'A1 – beginner',
  A2: 'A2 – basisgebruiker',
  B1: 'B1 – onafhankelijk gebruiker',
  B2: 'B2 – gevorderd onafhankelijk gebruiker',
  C1: 'C1 – vaardig gebruiker',
  C2: 'C2 – zeer vaardig gebruiker',
  native: 'moedertaal',
};

export const DRIVING_LICENCE_LABELS: Record<DrivingLicence, string> = {
  AM: 'Rijbewijs AM (bromfiets)',
  A: 'Rijbewijs A (motor)',
  B: 'Rijbewijs B (personenauto)',
  BE: 'Rijbewijs BE (auto met aanhanger)',
  C1: 'Rijbewijs C1 (lichte vrachtauto)',
  C: 'Rijbewijs C (vrachtauto)',
  CE: 'Rijbewijs CE (vrachtauto met aanhanger)',
  D1: 'Rijbewijs D1 (kleine bus)',
  D: 'Rijbewijs D (bus)',
  T: 'Rijbewijs T (trekker)',
};

export const SHIFT_LABELS: Record<Shift, string> = {
  day: 'dagdienst',
  evening: 'avonddienst',
  night: 'nachtdienst',
  weekend: 'weekenddienst',
  irregular: 'onregelmatige diensten',
};

export const CONTRACT_TYPE_LABELS: Record<ContractType, string> = {
  permanent: 'vast contract (onbepaalde tijd)',
  'fixed-term': 'tijdelijk contract (bepaalde tijd)',
  'temp-agency': 'uitzendwerk',
  'on-call': 'oproepcontract',
  payroll: 'payrolling',
  'self-employed': 'zelfstandige (zzp)',
};

export const EDUCATION_LEVEL_LABELS: Record<EducationLevel, string> = {
  none: 'geen diploma',
  primary: 'basisonderwijs',
  vmbo: 'vmbo',
  mbo1: 'mbo niveau 1 (entree)',
  mbo2: 'mbo niveau 2',
  mbo3: 'mbo niveau 3',
  mbo4: 'mbo niveau 4',
  havo: 'havo',
  vwo: 'vwo',
  hbo: 'hbo',
  wo: 'wo (universiteit)',
};
