/**
 * The check on every free text an employer will read (the accountmanager's pitch per candidate,
 * the shortlist's introduction): does it name the candidate, give away their age, health or
 * benefit, or carry contact details, an address or a number that identifies them? The
 * accountmanager is asked to rephrase each finding before the shortlist is sent.
 *
 * What is flagged, and why (each rule below has its own comment):
 * - name: the names we know (case-insensitive whole words; a last name with tussenvoegsels, also
 *   after initials: "J. de Vries"; a first name alone counts), and any capitalised word after
 *   "meneer", "mevrouw", "mevr.", "dhr." or "heer". Other capitalised words are NOT guessed to be
 *   names ("Wijk", "Zorg", a place or a brand would give false alarms).
 * - employer-name: the earlier employers we know (see earlierEmployerNames).
 * - age: explicit ages ("52 jaar", "52-jarige", "52 jaar oud", "Jan (52)"), age words ("vijftiger",
 *   "45-plusser", "50+", "leeftijd", "geboren", "pensioen", "oudere werknemer", "kleinkinderen")
 *   and durations of 20 years or more ("al 30 jaar", "twintig jaar"): a long duration gives age
 *   away roughly, so the advice is "ruime ervaring". Shorter durations ("3 jaar ervaring") are
 *   fine, and so is "Werkspoor 45+" (the programme's name, known to the employer).
 * - year: standalone years 19xx/20xx (not before a unit: "2000 kg"), "sinds '85", "de jaren 80",
 *   "jaren tachtig", "tachtiger jaren", "vorige eeuw".
 * - date: "12-03-1968", "1968-03-12", "12 maart 1968", "maart 1968". A day and month without a
 *   year ("vanaf 1 maart") is not flagged.
 * - contact: e-mail addresses, URLs and bare domains (.nl, .com, ...), Dutch phone numbers
 *   (06-, 0xx-, +31, 0031), and known e-mail addresses and phone numbers.
 * - address: postcodes "1234 AB", streets with a number ("Dorpsstraat 12", "Kerkweg 3a"),
 *   "woont in <Plaats>", and the known home PC4.
 * - id-number: 9-digit (BSN-like) numbers, IBANs, and any other known value (client number).
 * - health and benefit: the word lists below, matched as whole words or explicit stems. Words
 *   that also name work or workplaces are left out ("ziekenhuis", "pensioenfonds", "medicijnen",
 *   "revalidatiecentrum", "klachtenafhandeling"); "diagnose" is kept although a mechanic may
 *   "stelt een diagnose": asking once too often is the safer mistake.
 *
 * Known names are matched case-insensitively as the brief asks, so a last name that is also a
 * word ("Bakker", "Visser") flags that word too; only the separate words of a name of several
 * words ("Boer" of "de Boer") are required to be capitalised.
 *
 * When findings overlap, each problem is reported once: the longest match wins ("12 maart 1968"
 * is one date, not also a year; "WW-uitkering" is one benefit), and on equal spans the more
 * specific kind (KIND_PRIORITY). A first and last name next to each other become one finding.
 *
 * Every pattern starts at a word boundary (a lookbehind) and has no nested or adjacent
 * unbounded quantifiers over the same characters, so the work is linear in the text's length.
 */

export const FINDING_KINDS = [
  'name',
  'age',
  'year',
  'date',
  'contact',
  'address',
  'id-number',
  'health',
  'benefit',
  'employer-name',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export interface IdentifyingFinding {
  kind: FindingKind;
  /** The text found, as written */
  match: string;
  /** Offset in the text */
  index: number;
  /** In Dutch, what to do: "Noem geen leeftijd: '52 jaar oud'. Beschrijf ervaring in vaardigheden." */
  message: string;
}

export interface KnownIdentifiers {
  /**
   * The candidate's first and last name (as separate entries, as stored) and other names known
   * to identify. An entry of several words ("Jan de Vries") is also matched per word, but then
   * only when the word is capitalised in the text.
   */
  names: string[];
  /** Earlier employers' names, from earlierEmployerNames */
  employerNames: string[];
  /** Client number, phone, e-mail, PC4 of home */
  values: string[];
}

/** On equal spans, the earlier kind wins: it says more precisely what to rephrase. */
const KIND_PRIORITY: readonly FindingKind[] = [
  'contact',
  'address',
  'date',
  'id-number',
  'employer-name',
  'name',
  'age',
  'year',
  'health',
  'benefit',
];

const MESSAGES: Record<FindingKind, (match: string) => string> = {
  name: (m) => `Noem geen namen: '${m}'. Schrijf "de kandidaat".`,
  'employer-name': (m) =>
    `Noem geen eerdere werkgever: '${m}'. Beschrijf het soort bedrijf, bijvoorbeeld "een grote drukkerij".`,
  age: (m) => `Noem geen leeftijd: '${m}'. Beschrijf ervaring in vaardigheden.`,
  year: (m) =>
    `Noem geen jaartal: '${m}'. Schrijf "ruime ervaring" of "recente ervaring" en beschrijf wat de kandidaat kan.`,
  date: (m) => `Noem geen datum: '${m}'. Een datum kan de leeftijd of de persoon verraden.`,
  contact: (m) =>
    `Noem geen contactgegevens: '${m}'. De werkgever reageert via de shortlist; wij brengen het contact tot stand.`,
  address: (m) =>
    `Noem geen adres, postcode of woonplaats: '${m}'. De reisafstand staat al bij de kandidaat.`,
  'id-number': (m) =>
    `Noem geen nummer dat de kandidaat herkenbaar maakt: '${m}' (zoals een BSN of klantnummer).`,
  health: (m) =>
    `Noem geen gezondheidsinformatie: '${m}'. Beschrijf wat de kandidaat kan en welk werk past.`,
  benefit: (m) =>
    `Noem geen uitkering of financiële situatie: '${m}'. Regelingen voor de werkgever staan apart bij de kandidaat.`,
};

const LONG_DURATION = (m: string) =>
  `Noem geen leeftijd of lange duur: '${m}' verraadt ongeveer de leeftijd. Schrijf "ruime ervaring" en beschrijf ervaring in vaardigheden.`;

interface Rule {
  kind: FindingKind;
  /** Global, with the u flag */
  pattern: RegExp;
  message?: (match: string) => string;
  /** An extra condition on a match; without it every match counts */
  keep?: (match: RegExpMatchArray, text: string) => boolean;
}

// Word boundaries that work for letters with diacritics (é, ë, ï), unlike \b.
const START = String.raw`(?<![\p{L}\p{N}])`;
const END = String.raw`(?![\p{L}\p{N}])`;

/** Whole words, case-insensitive; entries may hold explicit stems like "leeftijd\p{L}*". */
function words(list: readonly string[]): RegExp {
  return new RegExp(`${START}(?:${list.join('|')})${END}`, 'giu');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A literal phrase, with any run of whitespace in it matching any run of whitespace. */
function phrase(text: string): string {
  return text
    .trim()
    .split(/\s+/)
    .map(escapeRegExp)
    .join(String.raw`\s+`);
}

// ---------------------------------------------------------------------------------------------
// Age

/** Dutch number words from twenty up: "twintig", "vijfentwintig", "tweeëndertig", "zestig". */
const NUMBER_WORD_20_PLUS = String.raw`(?:(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen)[eë]n)?(?:twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)`;

/** Units after a number that make it a quantity, not an age or a year: "50+ uur", "2000 kg". */
const UNITS = String.raw`(?:uur|km|kg|kilo|ton|liter|euro|procent|stuks|pakketten|dozen|pallets|m2|m²|m3|%)`;

const AGE_RULES: Rule[] = [
  // An age: "52 jaar oud", "vijftig jaar jong" (any number).
  {
    kind: 'age',
    pattern: new RegExp(
      String.raw`${START}(?:\d{1,3}|${NUMBER_WORD_20_PLUS})\s?-?\s?(?:jaar|jr\.?)\s+(?:oud|jong)${END}`,
      'giu',
    ),
  },
  // A number of years of 20 or more: an age ("52 jaar", "52-jarige") or a duration that gives
  // age away ("al 30 jaar", "30-jarige ervaring", "20+ jaar"). "3 jaar ervaring" is fine.
  {
    kind: 'age',
    pattern: new RegExp(
      String.raw`${START}(\d{1,3})\s?[+-]?\s?(?:jaar|jaren|jr\.?|jarige?)${END}`,
      'giu',
    ),
    keep: (m) => Number(m[1]) >= 20,
    message: LONG_DURATION,
  },
  {
    kind: 'age',
    pattern: new RegExp(
      String.raw`${START}${NUMBER_WORD_20_PLUS}\s?-?\s?(?:jaar|jaren|jarige?)${END}`,
      'giu',
    ),
    message: LONG_DURATION,
  },
  // An age in brackets after a name: "Jan (52)"
  { kind: 'age', pattern: /\(\s?[4-9]\d\s?(?:jaar|jr\.?)?\s?\)/gu },
  // "50+", "45+" (not "50+ uur"); the programme's own name "Werkspoor 45+" is known to the
  // employer and says nothing about one candidate.
  {
    kind: 'age',
    pattern: new RegExp(String.raw`${START}[4-9]\d\s?\+(?!\s?${UNITS}${END})`, 'gu'),
    keep: (m, text) => !/werkspoor\s$/i.test(text.slice(Math.max(0, m.index! - 10), m.index)),
  },
  {
    kind: 'age',
    pattern: words([
      String.raw`(?:\d{2}|${NUMBER_WORD_20_PLUS})\s?-?\s?plussers?`, // 45-plusser, vijftigplusser
      String.raw`(?:veertig|vijftig|zestig)ers?`, // vijftiger, zestigers
      String.raw`(?:in|begin|midden|eind)\s+de\s+(?:[4-6]0|veertig|vijftig|zestig)`, // in de vijftig
      String.raw`(?:[4-6]0|veertig|vijftig|zestig)\s+(?:gepasseerd|voorbij)`,
      String.raw`leeftijd\p{L}*`, // leeftijd, op leeftijd, leeftijdsgenoten
      'geboren',
      String.raw`geboorte\p{L}*`, // geboortejaar, geboortedatum
      'pensioen', // not "pensioenfonds": an employer
      'pensioenleeftijd',
      String.raw`pensioengerechtigd\p{L}*`,
      '(?:vroeg|pre)pensioen',
      String.raw`gepensioneerd\p{L}*`,
      String.raw`AOW\p{L}*`,
      String.raw`oudere\s+(?:werknemers?|medewerkers?|werkzoekenden?|kandidaten|kandidaat|collega(?:'s)?)`,
      'babyboomers?',
      String.raw`jong\s+van\s+(?:geest|hart)`,
      'opa',
      'oma',
      String.raw`kleinkind\p{L}*`, // kleinkinderen: a grandparent
    ]),
  },
];

// ---------------------------------------------------------------------------------------------
// Years and dates

const MONTHS = String.raw`(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)`;

const YEAR_RULES: Rule[] = [
  // A standalone 19xx/20xx: not part of a longer number ("1.968", "12:1968") nor a quantity.
  {
    kind: 'year',
    pattern: new RegExp(
      String.raw`(?<![\p{L}\p{N}.,:€])(?:19|20)\d{2}(?![\p{L}\p{N}]|[.,:]\p{N})(?!\s?${UNITS}${END})`,
      'gu',
    ),
  },
  // "sinds '85"
  { kind: 'year', pattern: new RegExp(String.raw`${START}['’‘]\d{2}${END}`, 'gu') },
  {
    kind: 'year',
    pattern: words([
      String.raw`jaren\s?['’-]?\s?(?:[2-9]0|2000|zestig|zeventig|tachtig|negentig)`, // jaren 80
      String.raw`(?:[2-9]0\s?['’]?-?\s?er|zestiger|zeventiger|tachtiger|negentiger)\s+jaren`,
      String.raw`vorige\s+eeuw`,
    ]),
  },
];

const DATE_RULES: Rule[] = [
  // 12-03-1968, 12/3/68, 12.03.1968
  {
    kind: 'date',
    pattern: /(?<![\p{N}])\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})(?!\p{N})/gu,
  },
  // 1968-03-12
  { kind: 'date', pattern: /(?<![\p{N}])\d{4}-\d{2}-\d{2}(?!\p{N})/gu },
  // 12 maart 1968, maart 1968, 12 mrt. '68
  {
    kind: 'date',
    pattern: new RegExp(
      String.raw`${START}(?:\d{1,2}\s+)?${MONTHS}\.?\s+(?:(?:19|20)\d{2}|['’]\d{2})${END}`,
      'giu',
    ),
  },
];

// ---------------------------------------------------------------------------------------------
// Contact details, addresses and numbers

const TLDS = '(?:nl|com|org|net|eu|be|de|info|io)';
const URL_TAIL = String.raw`[^\s<>"']*[^\s<>"'.,;:!?)]`;

const CONTACT_RULES: Rule[] = [
  // e-mail
  {
    kind: 'contact',
    pattern: /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/gu,
  },
  // URL
  {
    kind: 'contact',
    pattern: new RegExp(String.raw`${START}(?:https?:\/\/|www\.)${URL_TAIL}`, 'giu'),
  },
  // bare domain: jandevries.nl, linkedin.com/in/jan
  {
    kind: 'contact',
    pattern: new RegExp(
      String.raw`(?<![\p{L}\p{N}@./-])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.${TLDS}${END}(?:\/${URL_TAIL})?`,
      'gu',
    ),
  },
  // +31 6 12345678, 0031 20 1234567, +31 (0)6 12345678
  {
    kind: 'contact',
    pattern: /(?<![\p{L}\p{N}+])(?:\+31|0031)\s?(?:\(0\)\s?)?[1-9](?:[\s-]?\d){8}(?!\p{N})/gu,
  },
  // 06-12345678, 06 12 34 56 78, 020-1234567, 0318 123456: ten digits starting with 0
  { kind: 'contact', pattern: /(?<![\p{L}\p{N}+])0[1-9](?:[\s-]?\d){8}(?!\p{N})/gu },
  // (020) 123 4567, (0318) 123456
  {
    kind: 'contact',
    pattern: /\(0\d{2}\)\s?\d(?:[\s-]?\d){6}(?!\p{N})|\(0\d{3}\)\s?\d(?:[\s-]?\d){5}(?!\p{N})/gu,
  },
];

/** Street name endings; not "baan", "veld", "markt" or "park" (loopbaan, werkveld, arbeidsmarkt). */
const STREET_ENDINGS =
  '(?:straat|weg|laan|plein|gracht|kade|dijk|singel|steeg|dreef|plantsoen|hof|pad)';

const ADDRESS_RULES: Rule[] = [
  // Postcode, in capitals as written on letters: "1234 AB", "1234AB" ("2019 en" is no postcode)
  { kind: 'address', pattern: new RegExp(String.raw`${START}[1-9]\d{3}\s?[A-Z]{2}${END}`, 'gu') },
  // A capitalised street name with a house number: "Dorpsstraat 12", "Kerkweg 3a"
  {
    kind: 'address',
    pattern: new RegExp(
      String.raw`(?<!\p{L})\p{Lu}\p{Ll}*${STREET_ENDINGS}\s+\d{1,4}(?:\s?[a-zA-Z])?${END}`,
      'gu',
    ),
  },
  // Place of residence: "woont in Amersfoort", "woonachtig te Den Haag"
  {
    kind: 'address',
    pattern: new RegExp(
      String.raw`${START}[Ww]o(?:ont|onachtig|nend|nende)\s+(?:in|te)\s+\p{Lu}[\p{L}'-]*(?:\s\p{Lu}[\p{L}'-]*)?`,
      'gu',
    ),
  },
];

const ID_RULES: Rule[] = [
  // 9 digits, like a BSN: 123456789, 123 456 789, 1234.56.789
  {
    kind: 'id-number',
    pattern:
      /(?<![\p{N}.,])(?:\d{9}|\d{3} \d{3} \d{3}|\d{3}\.\d{3}\.\d{3}|\d{4}\.\d{2}\.\d{3})(?![\p{N}]|[.,]\p{N})/gu,
  },
  // IBAN: NL91 ABNA 0417 1643 00
  {
    kind: 'id-number',
    pattern: new RegExp(String.raw`${START}NL\s?\d{2}\s?[A-Z]{4}(?:\s?\d){10}${END}`, 'giu'),
  },
];

// ---------------------------------------------------------------------------------------------
// Health and benefit: documented word lists. Whole words, or stems where every continuation is
// still about health; words that also name work are left out or listed in full (see notes).

const HEALTH_WORDS = [
  // illness; not "ziekenhuis" or "ziekenverzorgende" (workplaces, occupations)
  'ziek',
  'zieke',
  'ziekten',
  String.raw`ziekte\p{L}*`, // ziekte, ziektes, ziektewet, ziekteverzuim
  String.raw`ziekmelding\p{L}*`,
  'ziekgemeld',
  'ziekgeschreven',
  'suikerziekte',
  'verzuim', // not "verzuimbegeleiding": HR work
  'verzuimhistorie',
  // work capacity and disability
  String.raw`(?:arbeids|functie)?beperking(?:en)?`,
  String.raw`arbeidsongeschikt\p{L}*`,
  String.raw`(?:arbeids)?gehandicapt\p{L}*`,
  String.raw`handicap\p{L}*`,
  'invalide',
  'invaliditeit',
  String.raw`rolstoel\p{L}*`,
  'beperkt\\s+belastbaar',
  'belastbaarheid',
  'WIA',
  'WAO',
  'WGA',
  'IVA',
  'Wajong\\p{L}*',
  'doelgroepregister', // implies a work-related disability
  'banenafspraak',
  'bedrijfsarts',
  'verzekeringsarts',
  'arbo-?arts',
  // conditions
  'burn-?out',
  'burn\\s+out',
  String.raw`overspannen\p{L}*`,
  String.raw`depressie\p{L}*`,
  'depressief',
  'depressieve',
  String.raw`psychisch\p{L}*`,
  'psycholoog',
  'psychiater',
  String.raw`\p{L}*stoornis(?:sen)?`, // angststoornis, persoonlijkheidsstoornis
  'ADHD',
  'autisme',
  String.raw`autistisch\p{L}*`,
  'asperger',
  'PTSS',
  'verslaving',
  'verslaafd',
  'verslaafde',
  'alcoholisme',
  'dyslexie',
  'dyslectisch',
  'hernia',
  'artrose',
  String.raw`reuma\p{L}*`,
  String.raw`diabet\p{L}*`,
  'kanker',
  'tumor',
  'hartinfarct',
  'hartaanval',
  'herseninfarct',
  'hersenletsel',
  'NAH',
  'beroerte',
  'astma',
  'COPD',
  String.raw`epilep\p{L}*`,
  'migraine',
  'whiplash',
  'long\\s?covid',
  'slechtziend\\p{L}*',
  'slechthorend\\p{L}*',
  'doof',
  String.raw`zwanger\p{L}*`,
  '(?:rug|nek|knie|schouder|heup|pols|hart|long|gewrichts|spier|gezondheids)klachten',
  '(?:lichamelijke|fysieke)\\s+klachten',
  'gezondheidsproblemen',
  'gezondheidsredenen',
  'gezondheidssituatie',
  'diagnose',
  'diagnoses',
  'gediagnosticeerd',
  'medicatie', // not "medicijnen": packing medicines is work in a pharma warehouse
  'medicijngebruik',
  String.raw`chronisch\p{L}*`,
  'revalidatie', // not "revalidatiecentrum": a workplace
  'revalideren',
  'revaliderend',
  'gerevalideerd',
  '(?:fysio|psycho|ergo)?therapie',
  'geopereerd',
];

const BENEFIT_WORDS = [
  String.raw`bijstand\p{L}*`, // bijstand, bijstandsuitkering, bijstandsgerechtigde
  String.raw`(?:\p{L}+-)?uitkering\p{L}*`, // uitkering, WW-uitkering, uitkeringsgerechtigde
  'participatiewet',
  'WW',
  'IOAW',
  'IOW',
  'UWV',
  'sociale\\s+dienst',
  String.raw`schuldhulp\p{L}*`,
  'schulden',
  'schuldsanering',
  'WSNP',
  String.raw`bewindvoer\p{L}*`,
  'beschermingsbewind',
  'budgetbeheer',
  'voedselbank',
];

const WORD_LIST_RULES: Rule[] = [
  { kind: 'health', pattern: words(HEALTH_WORDS) },
  { kind: 'benefit', pattern: words(BENEFIT_WORDS) },
];

// ---------------------------------------------------------------------------------------------
// Names

const TUSSENVOEGSELS = new Set([
  'van',
  'de',
  'der',
  'den',
  'het',
  "'t",
  'ter',
  'ten',
  'te',
  'in',
  'op',
  'aan',
  'uit',
  'bij',
  'von',
  'la',
  'le',
  'du',
  'da',
  'di',
  'del',
]);

/** Optional initials before a name: "J. ", "J.P. ", "J. P. " */
const INITIALS = String.raw`(?:(?:\p{Lu}\.\s?){1,4}\s?)?`;

/**
 * A capitalised word (with tussenvoegsels and initials) after a form of address: "meneer Jansen",
 * "mevr. Van den Berg", "dhr. J. de Vries", "de heer Bakker". Lowercase after it is not a name.
 */
const TITLE_RULE: Rule = {
  kind: 'name',
  pattern: new RegExp(
    String.raw`(?<!\p{L})(?:(?:[Mm]eneer|[Mm]evrouw|[Mm]evr|[Dd]hr|(?:[Dd]e\s+)?[Hh]eer)\s+|(?:[Mm]evr|[Dd]hr)\.\s*)${INITIALS}(?:(?:[Vv]an|[Dd]e|[Dd]en|[Dd]er|[Tt]er|[Tt]en|[Hh]et|'t|[Ii]n|[Oo]p|[Vv]on)\s+){0,3}\p{Lu}[\p{L}'-]*`,
    'gu',
  ),
};

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function nameRules(names: readonly string[]): Rule[] {
  const rules: Rule[] = [];
  for (const name of names) {
    const trimmed = name.trim();
    if (trimmed.length < 2) continue;
    // The whole entry, case-insensitive, also after initials: "de Vries", "J. de Vries"
    rules.push({
      kind: 'name',
      pattern: new RegExp(`${START}${INITIALS}${phrase(trimmed)}${END}`, 'giu'),
    });
    // Each word of an entry of several words ("Vries" of "de Vries", "Jan" of "Jan de Vries"),
    // only when capitalised: "Boer" is a name, "boer" may be the work.
    const parts = trimmed.split(/\s+/);
    if (parts.length > 1) {
      for (const part of parts) {
        if (part.length < 2 || TUSSENVOEGSELS.has(part.toLowerCase())) continue;
        rules.push({
          kind: 'name',
          pattern: new RegExp(`${START}${escapeRegExp(capitalise(part))}${END}`, 'gu'),
        });
      }
    }
  }
  return rules;
}

function employerRules(employerNames: readonly string[]): Rule[] {
  return employerNames
    .map((name) => name.trim())
    .filter((name) => name.length >= 2)
    .map((name) => ({
      kind: 'employer-name' as const,
      pattern: new RegExp(`${START}${phrase(name)}${END}`, 'giu'),
    }));
}

/** A known value's kind: its e-mail or phone is contact, its PC4 an address, the rest an id. */
function valueKind(value: string): FindingKind {
  if (value.includes('@')) return 'contact';
  if (/^\d{4}$/.test(value)) return 'address';
  if (/^[+\d][\d\s()-]*$/.test(value) && value.replace(/\D/g, '').length >= 10) return 'contact';
  return 'id-number';
}

function valueRules(values: readonly string[]): Rule[] {
  return values
    .map((value) => value.trim())
    .filter((value) => value.length >= 3)
    .map((value) => {
      // Word boundaries only where the value begins or ends with a letter or digit: "+31 6 ..."
      const before = /^[\p{L}\p{N}]/u.test(value) ? START : '';
      const after = /[\p{L}\p{N}]$/u.test(value) ? END : '';
      return {
        kind: valueKind(value),
        pattern: new RegExp(`${before}${phrase(value)}${after}`, 'giu'),
      };
    });
}

const FIXED_RULES: Rule[] = [
  ...AGE_RULES,
  ...YEAR_RULES,
  ...DATE_RULES,
  ...CONTACT_RULES,
  ...ADDRESS_RULES,
  ...ID_RULES,
  ...WORD_LIST_RULES,
  TITLE_RULE,
];

// ---------------------------------------------------------------------------------------------

interface Candidate {
  kind: FindingKind;
  index: number;
  match: string;
  message: string;
}

/** The identifying details in a text meant for an employer, in text order. */
export function findIdentifyingDetails(
  text: string,
  known: KnownIdentifiers,
): IdentifyingFinding[] {
  if (!text) return [];
  const rules = [
    ...FIXED_RULES,
    ...nameRules(known.names),
    ...employerRules(known.employerNames),
    ...valueRules(known.values),
  ];
  const candidates: Candidate[] = [];
  for (const rule of rules) {
    for (const m of text.matchAll(rule.pattern)) {
      if (rule.keep && !rule.keep(m, text)) continue;
      const message = rule.message ?? MESSAGES[rule.kind];
      candidates.push({ kind: rule.kind, index: m.index, match: m[0], message: message(m[0]) });
    }
  }
  return mergeAdjacentNames(text, resolveOverlaps(text, candidates));
}

/** Each stretch of text is reported once: the longest match, then the most specific kind. */
function resolveOverlaps(text: string, candidates: Candidate[]): Candidate[] {
  candidates.sort(
    (a, b) =>
      b.match.length - a.match.length ||
      KIND_PRIORITY.indexOf(a.kind) - KIND_PRIORITY.indexOf(b.kind) ||
      a.index - b.index,
  );
  const taken = new Uint8Array(text.length);
  const kept: Candidate[] = [];
  for (const c of candidates) {
    const end = c.index + c.match.length;
    let free = true;
    for (let i = c.index; i < end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, c.index, end);
    kept.push(c);
  }
  return kept.sort((a, b) => a.index - b.index);
}

/** "Jan" and "de Vries" next to each other are one name: "Jan de Vries". */
function mergeAdjacentNames(text: string, findings: Candidate[]): IdentifyingFinding[] {
  const merged: IdentifyingFinding[] = [];
  for (const f of findings) {
    const last = merged.at(-1);
    if (last?.kind === 'name' && f.kind === 'name') {
      const between = text.slice(last.index + last.match.length, f.index);
      if (/^\s+$/.test(between)) {
        last.match = text.slice(last.index, f.index + f.match.length);
        last.message = MESSAGES.name(last.match);
        continue;
      }
    }
    merged.push({ kind: f.kind, match: f.match, index: f.index, message: f.message });
  }
  return merged;
}

// ---------------------------------------------------------------------------------------------
// Earlier employers from job titles

/** "bij X", "in dienst van X", "@ X"; "voor X" only when a title has none of these. */
const EMPLOYER_MARKERS = /(?<![\p{L}\p{N}])(?:bij|in\s+dienst\s+van)\s+|@\s*/giu;
const FOR_MARKER = /(?<![\p{L}\p{N}])voor\s+/giu;
/** Where an employer's name ends: a comma, a bracket, or "in"/"te" <place>, "sinds", "tot", ... */
const NAME_STOP =
  /[,;()/|\n]|\s[-–]\s|\s(?:in|te|sinds|tot|vanaf|gedurende|tussen|van(?=\s+\d))\s|\s\d{4}/u;
const LEGAL_FORM = /[\s,]+(?:B\.?V\.?|N\.?V\.?|V\.?O\.?F\.?|v\.o\.f\.?)$/u;

/**
 * Earlier employers' names in job titles as people say them: "drukkerijmedewerker bij Roto
 * Smeets" -> "Roto Smeets". Conservative: only after "bij", "in dienst van", "@" (and "voor" when
 * a title has none of those), and only a name written with a capital or digit ("bij de gemeente"
 * and "voor kinderen" give nothing; "bij de Jumbo" gives "Jumbo"). The name ends at a comma,
 * bracket, dash, " in <plaats>", " te ", " sinds ", " tot " or a year; a legal form (B.V., N.V.)
 * is dropped so both spellings are found. Unique, case-insensitively, in order of appearance.
 */
export function earlierEmployerNames(titles: string[]): string[] {
  const names = new Map<string, string>();
  for (const title of titles) {
    if (!title) continue;
    let found = namesAfter(title, EMPLOYER_MARKERS);
    if (found.length === 0) found = namesAfter(title, FOR_MARKER);
    for (const name of found) {
      if (!names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
    }
  }
  return [...names.values()];
}

function namesAfter(title: string, marker: RegExp): string[] {
  const names: string[] = [];
  for (const m of title.matchAll(marker)) {
    let rest = title.slice(m.index + m[0].length).replace(/^(?:de|het)\s+/u, '');
    const stop = NAME_STOP.exec(rest);
    if (stop) rest = rest.slice(0, stop.index);
    const name = rest
      .trim()
      .replace(LEGAL_FORM, '')
      .replace(/[\s.:!?-]+$/u, '')
      .trim();
    const capitalised = m[0].startsWith('@') ? /^[\p{L}\p{N}]/u : /^[\p{Lu}\p{N}]/u;
    if (name.length >= 2 && capitalised.test(name)) names.push(name);
  }
  return names;
}
