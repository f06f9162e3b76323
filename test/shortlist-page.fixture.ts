import type {
  EmployerCandidateView,
  EmployerShortlistView,
} from '../src/modules/shortlists/employer-shortlist-view';

/**
 * A realistic employer view for the renderer's tests (unit, PDF and browser). Three candidates:
 * one without an answer, one invited (with a revealed name), one without a vacancy match label.
 */
export function shortlistViewFixture(): EmployerShortlistView {
  return {
    shortlistId: '6f1c1d2e-0000-4000-8000-000000000001',
    title: 'Kandidaten voor de vacature Orderpicker',
    employerName: 'Van der Berg Logistiek B.V.',
    vacancy: { title: 'Orderpicker', hours: '32 tot 40 uur per week', place: 'Almere' },
    accountManager: { name: 'Sanne Jansen', email: 'am.logistiek@werkspoor.demo' },
    introduction:
      'Goedemiddag, hierbij drie kandidaten die goed passen bij uw vacature.\n' +
      'Alle drie kunnen met een proefplaatsing van twee maanden beginnen.',
    status: 'sent',
    sentOn: '2026-12-01',
    expiresOn: '2027-01-04',
    notSuitableReasons: [
      { code: 'skills', label: 'Mist belangrijke vaardigheden' },
      { code: 'hours', label: 'Uren passen niet' },
      { code: 'filled', label: 'De vacature is al vervuld' },
      { code: 'other', label: 'Andere reden' },
    ],
    candidates: [
      candidate({
        entryId: '0b7e4f0a-0000-4000-8000-00000000000a',
        label: 'Kandidaat A',
        pitch:
          'Twintig jaar ervaring in een drukkerij, gewend aan ploegendienst en nauwkeurig werken. ' +
          'Zoekt werk met aanpakken; rijdt al jaren heftruck.',
        matchLabel: 'sterk',
        educationLevel: 'mbo niveau 2',
        drivingLicences: ['B', 'C'],
        certificates: ['Heftruckcertificaat', 'VCA Basis'],
        commute: '5 tot 10 km',
      }),
      candidate({
        entryId: '0b7e4f0a-0000-4000-8000-00000000000b',
        label: 'Kandidaat B',
        revealedName: 'Łukasz Wiśniewski',
        pitch: 'Voormalig postbezorger, kent de regio op zijn duimpje en is altijd op tijd.',
        matchLabel: 'goed',
        languages: [
          { name: 'Pools', level: 'C2' },
          { name: 'Nederlands', level: 'B1' },
        ],
        answer: {
          kind: 'invite',
          label: 'Uitgenodigd voor een gesprek',
          at: '2026-12-03T13:30:00.000Z',
          reason: null,
          text: 'Graag op het kantoor aan de Vaartweg; vraag naar Ellen.',
          interviewAt: '2026-12-10T09:00:00.000Z',
        },
      }),
      candidate({
        entryId: '0b7e4f0a-0000-4000-8000-00000000000c',
        label: 'Kandidaat C',
        pitch: 'Repareert al jaren fietsen als vrijwilliger en sorteert bij de voedselbank.',
        matchLabel: null,
        commute: null,
        educationLevel: null,
        arrangements: [],
        availability: 'Beschikbaar vanaf 1 februari 2027',
      }),
    ],
  };
}

function candidate(
  overrides: Partial<EmployerCandidateView> & Pick<EmployerCandidateView, 'entryId' | 'label'>,
): EmployerCandidateView {
  return {
    revealedName: null,
    pitch: '',
    matchLabel: 'goed',
    experience: [
      {
        occupation: 'magazijnmedewerker',
        sector: 'Vervoer en opslag',
        band: '10+ jaar',
        recent: true,
      },
      { occupation: 'drukker', sector: 'Industrie', band: '5 tot 10 jaar', recent: false },
    ],
    skills: [
      { label: 'orderpicken', evidence: 'uit werk als magazijnmedewerker', forVacancy: true },
      { label: 'heftruck besturen', evidence: 'uit werk als drukker', forVacancy: true },
      { label: 'fietsen repareren', evidence: 'hobby', forVacancy: false },
    ],
    languages: [{ name: 'Nederlands', level: 'C1' }],
    certificates: [],
    drivingLicences: ['B'],
    educationLevel: 'vmbo',
    hours: '24 tot 32 uur per week',
    commute: 'minder dan 5 km',
    availability: 'Direct beschikbaar',
    arrangements: [
      {
        kind: 'no-risk-policy',
        label: 'No-riskpolis',
        summary: 'Bij ziekte betaalt het UWV het loon door; u betaalt geen premie.',
      },
      {
        kind: 'trial-placement',
        label: 'Proefplaatsing',
        summary: 'Twee maanden met behoud van uitkering: u betaalt in die tijd geen loon (€ 0).',
      },
      {
        kind: 'wage-cost-subsidy',
        label: 'Loonkostensubsidie',
        summary: 'Tot 30% van het loon wordt vergoed zolang de loonwaarde lager is.',
      },
    ],
    answer: null,
    ...overrides,
  };
}

/**
 * A view in which every text field holds markup that must come out as text. `marker` ends up in
 * each field, so a test can count that nothing arrives unescaped.
 */
export function hostileViewFixture(): EmployerShortlistView {
  const evil = (field: string) =>
    `<script>alert("${field}")</script><img src=x onerror=alert(1)>&"'`;
  const view = shortlistViewFixture();
  view.title = evil('title');
  view.employerName = evil('employerName');
  view.vacancy = {
    title: evil('vacancy.title'),
    hours: evil('vacancy.hours'),
    place: evil('vacancy.place'),
  };
  view.accountManager = {
    name: evil('am.name'),
    email: `x"><script>alert(1)</script>@example.org`,
  };
  view.introduction = evil('introduction');
  view.notSuitableReasons = [{ code: `"><script>alert(1)</script>`, label: evil('reason.label') }];
  view.candidates = view.candidates.map((c, i) => ({
    ...c,
    entryId: `"><script>alert(${i})</script>`,
    label: evil('label'),
    revealedName: evil('revealedName'),
    pitch: evil('pitch'),
    matchLabel: evil('matchLabel'),
    experience: [
      { occupation: evil('occupation'), sector: evil('sector'), band: evil('band'), recent: true },
    ],
    skills: [{ label: evil('skill'), evidence: evil('evidence'), forVacancy: true }],
    languages: [{ name: evil('language'), level: evil('level') }],
    certificates: [evil('certificate')],
    drivingLicences: [evil('licence')],
    educationLevel: evil('educationLevel'),
    hours: evil('hours'),
    commute: evil('commute'),
    availability: evil('availability'),
    arrangements: [{ kind: evil('kind'), label: evil('arrangement'), summary: evil('summary') }],
    answer: {
      kind: 'not-suitable',
      label: evil('answer.label'),
      at: '2026-12-03T13:30:00.000Z',
      reason: evil('answer.reason'),
      text: evil('answer.text'),
      interviewAt: null,
    },
  }));
  return view;
}
