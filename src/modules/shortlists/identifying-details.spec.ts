import {
  earlierEmployerNames,
  FindingKind,
  FINDING_KINDS,
  findIdentifyingDetails,
  KnownIdentifiers,
} from './identifying-details';

const known: KnownIdentifiers = {
  names: ['Jan', 'de Vries', 'Gülşen', 'Henk', 'de Boer'],
  employerNames: ['Roto Smeets', 'PostNL'],
  values: ['K-2024-0042', '06-12345678', 'jan.devries@example.nl', '3512'],
};

const find = (text: string) => findIdentifyingDetails(text, known);
const summary = (text: string) => find(text).map((f) => [f.kind, f.match]);

describe('texts an employer may read as they are', () => {
  it.each([
    'Ruime ervaring als drukker in de industrie; werkt nauwkeurig en veilig met machines. Spreekt Turks en Nederlands (B1). Heeft een VCA-certificaat en rijbewijs B.',
    'Werkte 8 jaar als schoonmaker in een ziekenhuis en wil nu de logistiek in. Betrouwbaar, punctueel en gewend aan vaste protocollen. Heeft een heftruckcertificaat.',
    'Heeft jarenlang een eigen kapsalon gerund: plannen, inkopen, klanten te woord staan en de kas beheren. Zoekt werk als klantenservicemedewerker, 24 tot 32 uur per week.',
    'Als buschauffeur gewend aan drukte en aan veiligheid voorop. Rijbewijs D en C, code 95. Wil als machinist de bouw in; de opleiding start vanaf 1 maart.',
    'Repareert in de buurt fietsen en scooters en heeft technisch inzicht. Zoekt een plek als monteur in een werkplaats. Spreekt Arabisch, Engels en Nederlands (A2).',
    'Tien jaar ervaring in de horeca als kok: werkt onder tijdsdruk, houdt zich aan HACCP en stuurt een klein team aan. Wil als gastvrouw in een verpleeghuis gaan werken.',
    'Ervaring als magazijnmedewerker (10+ jaar). Sterk in orderpicken, voorraadbeheer en scannen. Werkt graag in ploegendiensten, ook in het weekend.',
    'Brengt ervaring mee als administratief medewerker uit een andere sector (financiële dienstverlening): vaardigheden die meegaan naar dit werk. Spreekt Nederlands en Engels.',
    'Brengt ervaring mee als schoonmaker uit een andere sector (gezondheids- en welzijnszorg). Sorteerde medicijnen in het magazijn van een groothandel.',
    'Was 12 jaar vrachtwagenchauffeur; daarna vrijwilliger in een buurthuis, waar hij de planning van de activiteiten maakte. Zoekt werk als planner.',
    'Werkte als verkoopmedewerker in een bouwmarkt en kent gereedschap en materialen goed. Volgde een cursus Excel; beschikbaar voor 32 uur per week, reisafstand 10 tot 20 km.',
    'Heeft 3 jaar ervaring als beveiliger en een diploma Beveiliger 2. Rustig, oplettend en sterk in communicatie; wil in het openbaar vervoer werken.',
    'Zorgde als thuiszorgmedewerker voor cliënten met dementie; geduldig en zorgvuldig. Wil de schoonmaak in, bij voorkeur in de wijk of in een kantoorgebouw.',
    'Kan blind typen, werkt nauwkeurig in Excel en Word en heeft ervaring met klachtenafhandeling. Deed vrijwilligerswerk in Wijk bij Duurstede.',
    'Werkte in de logistieke operatie van een distributiecentrum; bediende een pers van 2000 kg en haalt 40+ uur per week. Volgde een 3-jarige opleiding tot monteur.',
    'Werkte als boer op een melkveebedrijf en als bakker in een broodfabriek. Zoekt een baan met 5 tot 10 km reisafstand.',
    'Geachte heer, mevrouw, hierbij drie kandidaten voor de vacature Orderpicker. Via Werkspoor 45+ kunt u een proefplaatsing en een no-riskpolis aanvragen. Met vriendelijke groet,',
  ])('%s', (text) => {
    expect(find(text)).toEqual([]);
  });
});

describe('each kind of identifying detail', () => {
  it.each<[string, FindingKind, string]>([
    // names: known names, whole words, case-insensitive
    ['Jan is een harde werker.', 'name', 'Jan'],
    ['Volgens JAN zelf gaat het goed.', 'name', 'JAN'],
    ['Gülşen werkt graag met mensen.', 'name', 'Gülşen'],
    ['Is J. de Vries al gesproken?', 'name', 'J. de Vries'],
    ['Collega De Vries is nauwkeurig.', 'name', 'De Vries'],
    ['Vries is betrouwbaar.', 'name', 'Vries'],
    ['Jan de Vries is nauwkeurig.', 'name', 'Jan de Vries'],
    ['Mevrouw De Vries werkte in de zorg.', 'name', 'Mevrouw De Vries'],
    ['Neem contact op met de heer Jansen.', 'name', 'de heer Jansen'],
    ['Overleg met dhr. Bakker.', 'name', 'dhr. Bakker'],
    ['Volgens meneer van den Berg klopt dit.', 'name', 'meneer van den Berg'],
    ['Henk de Boer', 'name', 'Henk de Boer'],
    // earlier employers
    ['Werkte als drukkerijmedewerker bij Roto Smeets.', 'employer-name', 'Roto Smeets'],
    ['Sorteerde pakketten voor postnl.', 'employer-name', 'postnl'],
    // ages and long durations
    ['Is 52 jaar en fit.', 'age', '52 jaar'],
    ['Een 52-jarige met veel ervaring.', 'age', '52-jarige'],
    ["Ze is zo'n 52 jaar oud.", 'age', '52 jaar oud'],
    ['Kandidaat B (58) zoekt werk.', 'age', '(58)'],
    ['Heeft al 30 jaar ervaring als lasser.', 'age', '30 jaar'],
    ['Ruim 20+ jaar ervaring in de bouw.', 'age', '20+ jaar'],
    ['Heeft twintig jaar in de bouw gewerkt.', 'age', 'twintig jaar'],
    ['Heeft vijfentwintig jaar gevaren.', 'age', 'vijfentwintig jaar'],
    ['Een echte vijftiger met energie.', 'age', 'vijftiger'],
    ['Als 45-plusser weet hij wat hij wil.', 'age', '45-plusser'],
    ['Geschikt voor de 50+ doelgroep.', 'age', '50+'],
    ['Is halverwege, in de vijftig.', 'age', 'in de vijftig'],
    ['Gezien de leeftijd is parttime fijn.', 'age', 'leeftijd'],
    ['Geboren en getogen in Rotterdam.', 'age', 'Geboren'],
    ['Wil tot zijn pensioen blijven werken.', 'age', 'pensioen'],
    ['Een oudere werknemer met ervaring.', 'age', 'oudere werknemer'],
    ['Past op de kleinkinderen op woensdag.', 'age', 'kleinkinderen'],
    // years and dates
    ['Werkt sinds 1998 als chauffeur.', 'year', '1998'],
    ["Sinds '85 actief in de metaal.", 'year', "'85"],
    ['Begon in de jaren 80 als leerling.', 'year', 'jaren 80'],
    ['Was in de jaren tachtig al monteur.', 'year', 'jaren tachtig'],
    ['Populair in de zestiger jaren.', 'year', 'zestiger jaren'],
    ['In dienst getreden op 12-03-1988.', 'date', '12-03-1988'],
    ['Begonnen op 12 maart 1988.', 'date', '12 maart 1988'],
    ['Gestart in mei 2019 bij een bakkerij.', 'date', 'mei 2019'],
    ['Datum in dienst: 1988-03-12.', 'date', '1988-03-12'],
    // contact details
    ['Bereikbaar via kandidaat.a@gmail.com.', 'contact', 'kandidaat.a@gmail.com'],
    ['Bel 06-98765432 voor een afspraak.', 'contact', '06-98765432'],
    ['Bel 06 98 76 54 32 voor een afspraak.', 'contact', '06 98 76 54 32'],
    ['Bel +31 6 98765432.', 'contact', '+31 6 98765432'],
    ['Telefoon: 020-1234567', 'contact', '020-1234567'],
    ['Telefoon: (0318) 123456', 'contact', '(0318) 123456'],
    ['Zie www.lasbedrijf-kandidaat.nl voor foto’s.', 'contact', 'www.lasbedrijf-kandidaat.nl'],
    [
      'Kijk op https://portfolio.example.org/werk.',
      'contact',
      'https://portfolio.example.org/werk',
    ],
    ['Profiel: linkedin.com/in/kandidaat', 'contact', 'linkedin.com/in/kandidaat'],
    ['Mail jan.devries@example.nl.', 'contact', 'jan.devries@example.nl'],
    // addresses
    ['Woont aan de Dorpsstraat 12 in Houten.', 'address', 'Dorpsstraat 12'],
    ['Adres: Kerkweg 3a.', 'address', 'Kerkweg 3a'],
    ['Postcode 4101 AB.', 'address', '4101 AB'],
    ['Woont in Amersfoort.', 'address', 'Woont in Amersfoort'],
    ['Woonachtig te Den Haag.', 'address', 'Woonachtig te Den Haag'],
    ['Komt uit postcodegebied 3512.', 'address', '3512'],
    // numbers
    ['BSN 123456789.', 'id-number', '123456789'],
    ['BSN 123.456.789.', 'id-number', '123.456.789'],
    ['Klantnummer K-2024-0042.', 'id-number', 'K-2024-0042'],
    ['Rekening NL91 ABNA 0417 1643 00.', 'id-number', 'NL91 ABNA 0417 1643 00'],
    // health
    ['Had een burn-out en is hersteld.', 'health', 'burn-out'],
    ['Heeft rugklachten, maar kan staand werk aan.', 'health', 'rugklachten'],
    ['Heeft een hernia gehad.', 'health', 'hernia'],
    ['Heeft een arbeidsbeperking.', 'health', 'arbeidsbeperking'],
    ['Is gedeeltelijk arbeidsongeschikt.', 'health', 'arbeidsongeschikt'],
    ['Zit in de WIA.', 'health', 'WIA'],
    ['Heeft Wajong.', 'health', 'Wajong'],
    ['Gebruikt medicatie.', 'health', 'medicatie'],
    ['Staat in het doelgroepregister.', 'health', 'doelgroepregister'],
    ['Lange tijd ziek geweest.', 'health', 'ziek'],
    ['Heeft last van een angststoornis.', 'health', 'angststoornis'],
    // benefit
    ['Zit al lang in de bijstand.', 'benefit', 'bijstand'],
    ['Heeft een uitkering.', 'benefit', 'uitkering'],
    ['Valt onder de Participatiewet.', 'benefit', 'Participatiewet'],
    ['Heeft een WW-uitkering.', 'benefit', 'WW-uitkering'],
    ['Zit in de WW.', 'benefit', 'WW'],
    ['Krijgt schuldhulpverlening.', 'benefit', 'schuldhulpverlening'],
    ['Heeft schulden.', 'benefit', 'schulden'],
  ])('%s -> %s %p', (text, kind, match) => {
    const findings = find(text);
    expect(findings.map((f) => [f.kind, f.match])).toEqual([[kind, match]]);
    expect(findings[0].index).toBe(text.indexOf(match));
    expect(findings[0].message).toContain(`'${match}'`);
  });

  it('finds every detail in a text, in text order', () => {
    const text =
      'Jan (52) werkte van 1990 tot 2015 bij Roto Smeets en woont op de Dorpsstraat 12, 3512 AB Utrecht. Bel 06-12345678.';
    expect(summary(text)).toEqual([
      ['name', 'Jan'],
      ['age', '(52)'],
      ['year', '1990'],
      ['year', '2015'],
      ['employer-name', 'Roto Smeets'],
      ['address', 'Dorpsstraat 12'],
      ['address', '3512 AB'],
      ['contact', '06-12345678'],
    ]);
    expect(find(text).map((f) => f.index)).toEqual([0, 4, 20, 29, 38, 65, 81, 102]);
  });

  it('reports separate problems in one sentence separately', () => {
    expect(summary('Kreeg de diagnose depressie en is chronisch ziek.')).toEqual([
      ['health', 'diagnose'],
      ['health', 'depressie'],
      ['health', 'chronisch'],
      ['health', 'ziek'],
    ]);
    expect(summary('Seizoen 2019/2020, daarvoor 1990-2005.')).toEqual([
      ['year', '2019'],
      ['year', '2020'],
      ['year', '1990'],
      ['year', '2005'],
    ]);
    expect(summary('Geboortedatum 12-03-1968.')).toEqual([
      ['age', 'Geboortedatum'],
      ['date', '12-03-1968'],
    ]);
  });
});

describe('each problem once', () => {
  it('takes the longest match: a date, not also its year', () => {
    expect(summary('Sinds 12 maart 1968 en sinds 01-02-1970.')).toEqual([
      ['date', '12 maart 1968'],
      ['date', '01-02-1970'],
    ]);
  });

  it('takes "52 jaar oud" as one age and a WW-uitkering as one benefit', () => {
    expect(summary('52 jaar oud, met een WW-uitkering')).toEqual([
      ['age', '52 jaar oud'],
      ['benefit', 'WW-uitkering'],
    ]);
  });

  it('takes a known name that is also an earlier employer as the employer', () => {
    const both = { ...known, names: [...known.names, 'Roto Smeets'] };
    expect(
      findIdentifyingDetails('Werkte bij Roto Smeets.', both).map((f) => [f.kind, f.match]),
    ).toEqual([['employer-name', 'Roto Smeets']]);
  });

  it('takes a known phone number or e-mail address as contact, once', () => {
    expect(summary('Bel 06-12345678 of mail jan.devries@example.nl')).toEqual([
      ['contact', '06-12345678'],
      ['contact', 'jan.devries@example.nl'],
    ]);
  });

  it('takes a known home postcode as address, also in a full postcode', () => {
    expect(summary('Postcode 3512 AB, of kortweg 3512.')).toEqual([
      ['address', '3512 AB'],
      ['address', '3512'],
    ]);
  });

  it('joins a first and last name into one finding', () => {
    const [finding] = find('Dit is Jan  de Vries.');
    expect(finding).toEqual({
      kind: 'name',
      match: 'Jan  de Vries',
      index: 7,
      message: `Noem geen namen: 'Jan  de Vries'. Schrijf "de kandidaat".`,
    });
  });
});

describe('what is deliberately not flagged', () => {
  it.each([
    ['a duration under 20 years', 'Heeft 3 jaar ervaring, daarvoor 19 jaar in de bouw.'],
    ['a band from the profile', 'Ervaring als drukker (10+ jaar) en als kok (5 tot 10 jaar).'],
    ['a course of some years', 'Volgde een 3-jarige opleiding.'],
    ['long experience without numbers', 'Jarenlange ervaring met machines; ruime ervaring.'],
    ['a quantity that looks like a year', 'Tilde dozen van 20 kg en laadde 2000 pallets per week.'],
    ['hours and percentages', 'Kan 40+ uur werken en haalt 98% van de targets.'],
    ['a day and month without a year', 'Beschikbaar vanaf 1 maart, of eerder.'],
    ['the programme by name', 'Aangemeld via Werkspoor 45+.'],
    [
      'capitalised words that are no known name',
      'Werkte in Wijk bij Duurstede en Zwolle bij Stichting Zorg.',
    ],
    ['a workplace in care', 'Schoonmaker in een ziekenhuis en een revalidatiecentrum.'],
    [
      'work words near health words',
      'Klachtenafhandeling, logistieke operatie, medicijnen sorteren.',
    ],
    ['an employer in pensions', 'Administratief medewerker bij een pensioenfonds.'],
    ['a lowercase word that is part of a known last name', 'Was boer en daarna bakker.'],
    [
      'a lowercase word after a form of address',
      'Meneer werkt graag buiten; mevrouw is nauwkeurig.',
    ],
    ['an e-mail address mentioned as a skill', 'Werkt handig met e-mail, Word en Outlook.'],
    [
      'a phone-length number that does not start with 0',
      'Scande 1234567890 keer? Nee: 1.234 orders.',
    ],
    ['a street name without a house number', 'Kent de Dorpsstraat en de Kerkweg goed.'],
  ])('%s', (_what, text) => {
    expect(find(text)).toEqual([]);
  });

  it('flags a last name that is also a word when written as a name', () => {
    expect(summary('De Boer en Boer.')).toEqual([
      ['name', 'De Boer'],
      ['name', 'Boer'],
    ]);
  });

  it('flags a one-word last name that is also a word, in any case (asking once too often)', () => {
    const bakker = { names: ['Piet', 'Bakker'], employerNames: [], values: [] };
    expect(
      findIdentifyingDetails('Werkte als bakker.', bakker).map((f) => [f.kind, f.match]),
    ).toEqual([['name', 'bakker']]);
  });

  it('flags nothing without known identifiers beyond the fixed rules', () => {
    const none = { names: [], employerNames: [], values: [] };
    expect(findIdentifyingDetails('Jan werkte bij Roto Smeets.', none)).toEqual([]);
    expect(findIdentifyingDetails('', known)).toEqual([]);
  });

  it('ignores known values too short to mean anything', () => {
    const short = { names: ['J', ' '], employerNames: [' '], values: ['12', ''] };
    expect(findIdentifyingDetails('J werkte 12 uur.', short)).toEqual([]);
  });
});

describe('messages', () => {
  it('tells the accountmanager in Dutch what to rephrase', () => {
    expect(find("Ze is zo'n 52 jaar oud.")[0].message).toBe(
      "Noem geen leeftijd: '52 jaar oud'. Beschrijf ervaring in vaardigheden.",
    );
    expect(find('Al 30 jaar lasser.')[0].message).toBe(
      `Noem geen leeftijd of lange duur: '30 jaar' verraadt ongeveer de leeftijd. Schrijf "ruime ervaring" en beschrijf ervaring in vaardigheden.`,
    );
  });

  it('has a message for every kind', () => {
    const text = [
      'Jan',
      'Roto Smeets',
      '52 jaar oud',
      '1998',
      '12-03-1968',
      'kandidaat@example.nl',
      'Dorpsstraat 12',
      '123456789',
      'hernia',
      'bijstand',
    ].join(', ');
    const findings = find(text);
    expect(findings.map((f) => f.kind).sort()).toEqual([...FINDING_KINDS].sort());
    for (const f of findings) {
      expect(f.message).toMatch(/^Noem geen /);
      expect(f.message).toContain(`'${f.match}'`);
    }
  });
});

describe('long input', () => {
  it.each([
    ['one long word', 'a'.repeat(50_000), 0],
    ['one long number', '1'.repeat(50_000), 0],
    ['spaces', ' '.repeat(50_000), 0],
    ['dots and at signs', 'a.@'.repeat(16_667), 0],
    ['forms of address without a name', 'meneer '.repeat(7_143), 0],
    ['a number far from its unit', `1${' '.repeat(50_000)}jaar`, 0],
    ['street names without numbers', 'Dorpsstraat'.repeat(4_546), 0],
    ['a URL that never ends', `www.${'a.'.repeat(25_000)}`, 1],
    ['a repeated pitch', 'Jan de Vries is 52 jaar. '.repeat(2_000), 4_000],
  ])('returns for %s', (_what, text, count) => {
    expect(text.length).toBeGreaterThanOrEqual(50_000);
    expect(find(text)).toHaveLength(count);
  });
});

describe('earlier employers from job titles', () => {
  it.each<[string, string[]]>([
    ['drukkerijmedewerker bij Roto Smeets', ['Roto Smeets']],
    ['Chauffeur bij PostNL in Utrecht', ['PostNL']],
    ['Magazijnmedewerker bij de Jumbo', ['Jumbo']],
    ['Monteur bij Van Dijk Installatietechniek B.V. te Zeist', ['Van Dijk Installatietechniek']],
    ['Kok bij Hotel De Wereld, Wageningen', ['Hotel De Wereld']],
    ['Operator bij Philips 1998-2010', ['Philips']],
    ['Inpakker bij Jansen en Zonen', ['Jansen en Zonen']],
    ['Teamleider in dienst van Vion', ['Vion']],
    ['Werkvoorbereider @ BAM', ['BAM']],
    ['Vrijwilliger voor Stichting Present', ['Stichting Present']],
    ['Monteur voor Volvo-trucks bij Garage Jansen', ['Garage Jansen']],
    ['Chauffeur bij PostNL, later bij DHL (Nieuwegein)', ['PostNL', 'DHL']],
    ['Medewerker bij de gemeente', []],
    ['Chauffeur voor kinderen met een beperking', []],
    ['Schoonmaker', []],
    ['', []],
  ])('%p -> %p', (title, names) => {
    expect(earlierEmployerNames([title])).toEqual(names);
  });

  it('gives each employer once, as first written', () => {
    expect(
      earlierEmployerNames(['Chauffeur bij PostNL', 'Sorteerder bij POSTNL', 'Kok bij Vion']),
    ).toEqual(['PostNL', 'Vion']);
  });

  it('finds the employers in a pitch, also with their legal form', () => {
    const employerNames = earlierEmployerNames(['Monteur bij Van Dijk Installatietechniek B.V.']);
    const findings = findIdentifyingDetails(
      'Werkte twaalf jaar bij Van Dijk Installatietechniek B.V. als monteur.',
      { names: [], employerNames, values: [] },
    );
    expect(findings.map((f) => [f.kind, f.match])).toEqual([
      ['employer-name', 'Van Dijk Installatietechniek'],
    ]);
  });
});
