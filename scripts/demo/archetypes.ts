import { PhysicalLoad } from '../../src/modules/taxonomy/reference-lists';

/**
 * Fictitious but realistic building blocks for demo and benchmark data, keyed by ESCO codes
 * (resolved against the imported taxonomy at generation time) and English ESCO skill labels.
 */

/** Earlier work of 45+ clients, many in shrinking sectors. */
export interface PastJob {
  code: string;
  title: string;
  sector: string;
  shrinking: boolean;
}

export const PAST_JOBS: PastJob[] = [
  { code: '7322.1', title: 'drukker bij een drukkerij', sector: 'C', shrinking: true },
  { code: '7321.1.6', title: 'zetter bij een krantendrukkerij', sector: 'C', shrinking: true },
  { code: '7321.1.3', title: 'prepressmedewerker', sector: 'C', shrinking: true },
  { code: '4211.1', title: 'baliemedewerker bank', sector: 'K', shrinking: true },
  { code: '4412.2', title: 'postbode', sector: 'H', shrinking: true },
  { code: '8152.2', title: 'operator textielmachines', sector: 'C', shrinking: true },
  { code: '8153.1', title: 'naaister confectieatelier', sector: 'C', shrinking: true },
  { code: '4132.1', title: 'datatypist', sector: 'N', shrinking: true },
  { code: '4110.1', title: 'administratief medewerker', sector: 'N', shrinking: true },
  { code: '5230.1', title: 'caissière supermarkt', sector: 'G', shrinking: true },
  { code: '4211.2', title: 'loketmedewerker postkantoor', sector: 'H', shrinking: true },
  { code: '7511.1', title: 'slager', sector: 'G', shrinking: true },
  { code: '5141.1', title: 'kapper', sector: 'S', shrinking: false },
  { code: '9334.1', title: 'vakkenvuller', sector: 'G', shrinking: false },
  { code: '5244.1', title: 'callcentermedewerker', sector: 'N', shrinking: false },
  { code: '8332.2', title: 'vrachtwagenchauffeur', sector: 'H', shrinking: false },
  { code: '9112.2', title: 'schoonmaker kantoren', sector: 'N', shrinking: false },
  { code: '5120.1', title: 'kok in een bedrijfskantine', sector: 'I', shrinking: false },
  { code: '5131.2', title: 'bediening restaurant', sector: 'I', shrinking: false },
  { code: '7115.1', title: 'timmerman', sector: 'F', shrinking: false },
  { code: '7212.3', title: 'lasser', sector: 'C', shrinking: false },
  { code: '5322.1', title: 'thuiszorgmedewerker', sector: 'Q', shrinking: false },
];

/** Hobbies and volunteer work, with the ESCO skill (English label) they give evidence of. */
export interface Pastime {
  kind: 'hobby' | 'volunteer';
  description: string;
  skillLabels: string[];
}

export const PASTIMES: Pastime[] = [
  {
    kind: 'hobby',
    description: 'Repareert al jaren fietsen voor buren en familie',
    skillLabels: ['tune bicycles', 'repair electric bicycles'],
  },
  {
    kind: 'hobby',
    description: 'Moestuin en tuinonderhoud bij de volkstuinvereniging',
    skillLabels: ['use gardening equipment', 'maintain gardening equipment'],
  },
  {
    kind: 'hobby',
    description: 'Naait kleding en doet reparaties voor kennissen',
    skillLabels: ['use manual sewing techniques'],
  },
  {
    kind: 'volunteer',
    description: 'Vrijwilliger bij de voedselbank: uitgifte en klanten helpen',
    skillLabels: ['assist customers', 'operate forklift'],
  },
  {
    kind: 'volunteer',
    description: 'Kookt wekelijks voor de buurtmaaltijd in het wijkcentrum',
    skillLabels: ['apply food safety and hygiene'],
  },
  {
    kind: 'volunteer',
    description: 'Penningmeester van de voetbalvereniging',
    skillLabels: ['use microsoft office', 'have computer literacy'],
  },
  {
    kind: 'volunteer',
    description: 'Telefonische hulplijn voor ouderen in de wijk',
    skillLabels: ['communicate by telephone', 'customer service'],
  },
  {
    kind: 'hobby',
    description: 'Klust aan huis en meubels, maakt kasten op maat',
    skillLabels: ['use power tools'],
  },
  {
    kind: 'volunteer',
    description: 'Tolkt voor buurtgenoten bij afspraken met instanties',
    skillLabels: ['interact verbally in Turkish', 'interact verbally in Arabic'],
  },
  {
    kind: 'hobby',
    description: 'Volgt een cursus computervaardigheden in de bibliotheek',
    skillLabels: ['have computer literacy'],
  },
];

/** Languages met in the caseload (beyond Dutch), with the ESCO label for speaking them. */
export const EXTRA_LANGUAGES: { code: string; skillLabel?: string }[] = [
  { code: 'tr', skillLabel: 'interact verbally in Turkish' },
  { code: 'ar', skillLabel: 'interact verbally in Arabic' },
  { code: 'ber' },
  { code: 'pap' },
  { code: 'srn' },
  { code: 'pl', skillLabel: 'interact verbally in Polish' },
  { code: 'en', skillLabel: 'interact verbally in English' },
  { code: 'de', skillLabel: 'interact verbally in German' },
  { code: 'so' },
];

/** Jobs that employers around Almere offer, with what the work demands. */
export interface JobOpening {
  code: string;
  title: string;
  sector: string;
  certificates: string[];
  drivingLicences: string[];
  demands: PhysicalLoad;
  languages: { language: string; minLevel: 'A2' | 'B1' | 'B2' }[];
  hours: [number, number];
}

export const JOB_OPENINGS: JobOpening[] = [
  {
    code: '9333.8.1',
    title: 'Orderpicker',
    sector: 'H',
    certificates: [],
    drivingLicences: [],
    demands: { standingMinutes: 120, walkingMinutes: 120, liftingKg: 20 },
    languages: [{ language: 'nl', minLevel: 'A2' }],
    hours: [24, 40],
  },
  {
    code: '9333.8',
    title: 'Magazijnmedewerker',
    sector: 'H',
    certificates: ['vca-basis'],
    drivingLicences: [],
    demands: { standingMinutes: 120, liftingKg: 25 },
    languages: [{ language: 'nl', minLevel: 'A2' }],
    hours: [32, 40],
  },
  {
    code: '8344.1',
    title: 'Heftruckchauffeur',
    sector: 'H',
    certificates: ['heftruck', 'vca-basis'],
    drivingLicences: [],
    demands: { sittingMinutes: 120, liftingKg: 10 },
    languages: [{ language: 'nl', minLevel: 'A2' }],
    hours: [32, 40],
  },
  {
    code: '9321.2',
    title: 'Inpakker',
    sector: 'C',
    certificates: [],
    drivingLicences: [],
    demands: { standingMinutes: 90, liftingKg: 10 },
    languages: [{ language: 'nl', minLevel: 'A2' }],
    hours: [16, 32],
  },
  {
    code: '8183.7',
    title: 'Operator verpakkingsmachine',
    sector: 'C',
    certificates: ['vca-basis'],
    drivingLicences: [],
    demands: { standingMinutes: 120, liftingKg: 15 },
    languages: [{ language: 'nl', minLevel: 'B1' }],
    hours: [32, 40],
  },
  {
    code: '4225.1',
    title: 'Medewerker klantenservice',
    sector: 'N',
    certificates: [],
    drivingLicences: [],
    demands: { sittingMinutes: 120 },
    languages: [{ language: 'nl', minLevel: 'B2' }],
    hours: [20, 36],
  },
  {
    code: '4222.1',
    title: 'Medewerker klantcontactcentrum',
    sector: 'N',
    certificates: [],
    drivingLicences: [],
    demands: { sittingMinutes: 120 },
    languages: [
      { language: 'nl', minLevel: 'B1' },
      { language: 'tr', minLevel: 'B1' },
    ],
    hours: [16, 32],
  },
  {
    code: '7234.1',
    title: 'Fietsenmaker',
    sector: 'G',
    certificates: [],
    drivingLicences: [],
    demands: { standingMinutes: 60, liftingKg: 15 },
    languages: [{ language: 'nl', minLevel: 'A2' }],
    hours: [24, 38],
  },
  {
    code: '8219.2',
    title: 'Fietsenbouwer (werkplaats)',
    sector: 'C',
    certificates: [],
    drivingLicences: [],
    demands: { standingMinutes: 90, liftingKg: 15 },
    languages: [{ language: 'nl', minLevel: 'A2' }],
    hours: [32, 40],
  },
  {
    code: '5223.4',
    title: 'Verkoopmedewerker',
    sector: 'G',
    certificates: [],
    drivingLicences: [],
    demands: { standingMinutes: 120, walkingMinutes: 60 },
    languages: [{ language: 'nl', minLevel: 'B1' }],
    hours: [12, 32],
  },
  {
    code: '5230.1',
    title: 'Kassamedewerker',
    sector: 'G',
    certificates: [],
    drivingLicences: [],
    demands: { sittingMinutes: 120, standingMinutes: 60 },
    languages: [{ language: 'nl', minLevel: 'A2' }],
    hours: [12, 24],
  },
  {
    code: '9112.2',
    title: 'Schoonmaker gebouwen',
    sector: 'N',
    certificates: [],
    drivingLicences: [],
    demands: { standingMinutes: 60, walkingMinutes: 120, liftingKg: 10 },
    languages: [{ language: 'nl', minLevel: 'A2' }],
    hours: [12, 30],
  },
  {
    code: '9412.1',
    title: 'Keukenhulp',
    sector: 'I',
    certificates: ['haccp'],
    drivingLicences: [],
    demands: { standingMinutes: 180, liftingKg: 15 },
    languages: [{ language: 'nl', minLevel: 'A2' }],
    hours: [16, 32],
  },
  {
    code: '5120.1',
    title: 'Kok bedrijfsrestaurant',
    sector: 'I',
    certificates: ['haccp'],
    drivingLicences: [],
    demands: { standingMinutes: 180, liftingKg: 15 },
    languages: [{ language: 'nl', minLevel: 'B1' }],
    hours: [24, 36],
  },
  {
    code: '5153.1',
    title: 'Conciërge',
    sector: 'P',
    certificates: ['bhv'],
    drivingLicences: [],
    demands: { walkingMinutes: 60, liftingKg: 15 },
    languages: [{ language: 'nl', minLevel: 'B1' }],
    hours: [20, 36],
  },
  {
    code: '4226.1',
    title: 'Receptionist',
    sector: 'N',
    certificates: [],
    drivingLicences: [],
    demands: { sittingMinutes: 120 },
    languages: [
      { language: 'nl', minLevel: 'B2' },
      { language: 'en', minLevel: 'B1' },
    ],
    hours: [16, 32],
  },
  {
    code: '8322.2',
    title: 'Bezorger bestelbus',
    sector: 'H',
    certificates: [],
    drivingLicences: ['B'],
    demands: { sittingMinutes: 120, liftingKg: 20, walkingMinutes: 30 },
    languages: [{ language: 'nl', minLevel: 'A2' }],
    hours: [20, 40],
  },
  {
    code: '8332.2',
    title: 'Vrachtwagenchauffeur',
    sector: 'H',
    certificates: ['code95'],
    drivingLicences: ['C', 'CE'],
    demands: { sittingMinutes: 240, nightWork: true },
    languages: [{ language: 'nl', minLevel: 'B1' }],
    hours: [32, 40],
  },
  {
    code: '5414.1',
    title: 'Beveiliger',
    sector: 'N',
    certificates: ['beveiliger-2'],
    drivingLicences: [],
    demands: { standingMinutes: 120, walkingMinutes: 120, nightWork: true },
    languages: [{ language: 'nl', minLevel: 'B1' }],
    hours: [24, 40],
  },
  {
    code: '6113.5',
    title: 'Hovenier',
    sector: 'N',
    certificates: ['vca-basis'],
    drivingLicences: ['B'],
    demands: { standingMinutes: 120, walkingMinutes: 120, liftingKg: 25 },
    languages: [{ language: 'nl', minLevel: 'A2' }],
    hours: [32, 40],
  },
  {
    code: '5322.1',
    title: 'Thuiszorgmedewerker',
    sector: 'Q',
    certificates: ['zorg-helpende'],
    drivingLicences: [],
    demands: { standingMinutes: 60, walkingMinutes: 60, liftingKg: 15 },
    languages: [{ language: 'nl', minLevel: 'B1' }],
    hours: [12, 28],
  },
  {
    code: '4411.1',
    title: 'Bibliotheekmedewerker',
    sector: 'R',
    certificates: [],
    drivingLicences: [],
    demands: { walkingMinutes: 60, liftingKg: 10 },
    languages: [{ language: 'nl', minLevel: 'B2' }],
    hours: [12, 24],
  },
  {
    code: '4110.1',
    title: 'Administratief medewerker',
    sector: 'M',
    certificates: [],
    drivingLicences: [],
    demands: { sittingMinutes: 180 },
    languages: [{ language: 'nl', minLevel: 'B2' }],
    hours: [24, 36],
  },
  {
    code: '7322.1',
    title: 'Digitaal drukker',
    sector: 'C',
    certificates: [],
    drivingLicences: [],
    demands: { standingMinutes: 120, liftingKg: 15 },
    languages: [{ language: 'nl', minLevel: 'A2' }],
    hours: [32, 40],
  },
  {
    code: '2643.2',
    title: 'Tolk (zakelijk)',
    sector: 'M',
    certificates: [],
    drivingLicences: [],
    demands: {},
    languages: [{ language: 'nl', minLevel: 'B2' }],
    hours: [8, 24],
  },
];

export const EMPLOYER_NAME_PARTS: Record<string, { prefixes: string[]; suffixes: string[] }> = {
  H: {
    prefixes: ['Flevo', 'Poort', 'Gooi', 'Polder', 'Weerwater', 'Stichtse'],
    suffixes: ['Logistiek', 'Distributie', 'Transport', 'Fulfilment', 'Koeriers'],
  },
  C: {
    prefixes: ['Almeerse', 'Flevoland', 'Noorderplassen', 'Havens', 'Zeewolder'],
    suffixes: ['Verpakkingen', 'Drukwerk', 'Metaal', 'Fietsfabriek', 'Voedingsmiddelen'],
  },
  G: {
    prefixes: ['Stadshart', 'Buiten', 'Filmwijk', 'Muziekwijk', 'Haven'],
    suffixes: ['Supermarkt', 'Fietsen', 'Bouwmarkt', 'Tuincentrum', 'Warenhuis'],
  },
  N: {
    prefixes: ['Flevo', 'Almere', 'Randstad-Oost', 'Stedelijk', 'Poort'],
    suffixes: ['Schoonmaak', 'Klantcontact', 'Beveiliging', 'Facilitair', 'Groenbeheer'],
  },
  I: {
    prefixes: ['De Weerwater', 'Het Kasteel', 'Lumière', 'De Esplanade', 'Buitenhout'],
    suffixes: ['Catering', 'Bedrijfsrestaurants', 'Hotel', 'Brasserie'],
  },
  Q: {
    prefixes: ['Zorggroep', 'Thuiszorg', 'Woonzorg'],
    suffixes: ['Almere', 'Flevoland', 'De Kruidenwijk', 'Haven'],
  },
  P: {
    prefixes: ['Scholengroep', 'ROC', 'Onderwijsstichting'],
    suffixes: ['Almere', 'Flevoland', 'Poort'],
  },
  R: {
    prefixes: ['Bibliotheek', 'Sportcentrum', 'Theater'],
    suffixes: ['Almere', 'Flevoland', 'Stad'],
  },
  M: {
    prefixes: ['Administratiekantoor', 'Tolkenbureau', 'Adviesbureau'],
    suffixes: ['Flevo', 'Almere', 'Stadhuisplein'],
  },
};

export const FIRST_NAMES = [
  'Anja',
  'Marco',
  'Fatma',
  'Mohamed',
  'Ingrid',
  'Henk',
  'Yvonne',
  'Rachid',
  'Petra',
  'Kees',
  'Saskia',
  'Ahmet',
  'Monique',
  'Erik',
  'Nadia',
  'Ronald',
  'Sevda',
  'Wim',
  'Marja',
  'Hassan',
  'Gerda',
  'Ricardo',
  'Ilse',
  'Jan',
  'Karin',
  'Mustafa',
  'Linda',
  'Peter',
  'Hatice',
  'Roel',
  'Esther',
  'Abdel',
  'Joke',
  'Stanley',
  'Ewa',
  'Tomasz',
];
export const LAST_NAMES = [
  'de Vries',
  'Jansen',
  'Yilmaz',
  'El Amrani',
  'Bakker',
  'Visser',
  'Kaya',
  'Smit',
  'Mulder',
  'Bouzid',
  'de Boer',
  'Martina',
  'Dekker',
  'Brouwer',
  'Özdemir',
  'van Dijk',
  'Koster',
  'Doorson',
  'Kowalski',
  'Hendriks',
  'Ait Taleb',
  'Peters',
  'Bos',
  'Vermeulen',
  'Celik',
  'Wijnaldum',
];

/** Work-capacity limits (belastbaarheid) found in caseloads: limits only, never a diagnosis. */
export const CAPACITY_PROFILES: PhysicalLoad[] = [
  {},
  {},
  { standingMinutes: 30, walkingMinutes: 30 },
  { liftingKg: 10 },
  { standingMinutes: 60, liftingKg: 15 },
  { nightWork: false },
  { sittingMinutes: 60 },
];
