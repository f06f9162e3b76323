import { buildMeiliFilter, quoteFilterValue } from './meili-filter';
import { MeiliSearchEngine } from './meili-search.engine';
import { SearchFilter, SearchQuery, SearchQueryError } from './search-engine';
import { SEARCH_SCHEMAS } from './search-indexes';

const schema = SEARCH_SCHEMAS.candidates;

/**
 * How Meilisearch reads a quoted filter value, transcribed from its filter parser (milli
 * filter-parser `value.rs`: `quoted_by` and `unescape`): the value ends at the first quote not
 * preceded by a backslash, and only `\<quote>` is turned back into `<quote>`.
 */
function readQuoted(literal: string): { value: string; rest: string } {
  const quote = literal[0];
  if (quote !== '"' && quote !== "'") throw new Error(`not a quoted value: ${literal}`);
  let escaped = false;
  for (let i = 1; i < literal.length; i++) {
    const c = literal[i];
    if (c === quote) {
      const raw = literal.slice(1, i);
      return {
        value: escaped ? raw.replaceAll(`\\${quote}`, quote) : raw,
        rest: literal.slice(i + 1),
      };
    }
    if (c === '\\') {
      if (i + 1 === literal.length) throw new Error('malformed value');
      escaped ||= literal[i + 1] === quote;
      i++;
    }
  }
  throw new Error(`missing closing ${quote}`);
}

/** Reads `field = <literal>` back: the value Meilisearch compares with, and nothing after it. */
function readCondition(condition: string, field: string): string {
  expect(condition.startsWith(`${field} = `)).toBe(true);
  const { value, rest } = readQuoted(condition.slice(field.length + 3));
  expect(rest).toBe('');
  return value;
}

const HOSTILE = [
  '',
  "'",
  '"',
  "' OR 1=1 --",
  '") OR (',
  '" OR id EXISTS',
  "' OR id EXISTS OR '",
  'nl" OR languageCodes = "tr',
  "nl' OR languageCodes = 'tr",
  '_geoRadius(0, 0, 1)',
  '"_geoRadius(0, 0, 1)"',
  '\\\\',
  'a\\b',
  'a\\"b',
  "a\\'b",
  'a\\\\"b',
  '\\"\\"',
  'line\nOR languageCodes = tr',
  'tab\there\r\n',
  '%',
  '_',
  '*',
  '&|!:()[],=<>',
  'x'.repeat(2000),
  '"'.repeat(500),
  '😀 🇳🇱 ñ 中文 \u200b',
  'NOT languageCodes EXISTS',
];

describe('quoteFilterValue', () => {
  it.each(HOSTILE.map((value) => [JSON.stringify(value).slice(0, 60), value]))(
    'reads back exactly %s',
    (_name, value) => {
      const literal = quoteFilterValue(value);
      expect(literal).not.toBeNull();
      const { value: read, rest } = readQuoted(literal ?? '');
      expect(read).toBe(value);
      expect(rest).toBe('');
    },
  );

  it('reads back every short string over the characters that matter, or refuses it', () => {
    const alphabet = ['\\', '"', "'", 'a', ' '];
    let refused = 0;
    let strings = [''];
    for (let length = 1; length <= 6; length++) {
      strings = strings.flatMap((s) => alphabet.map((c) => s + c));
      for (const value of strings) {
        const literal = quoteFilterValue(value);
        if (literal === null) {
          refused++;
          // refused only when a backslash sits right before a quote or at the end
          expect(value).toMatch(/\\("|'|$)/);
          continue;
        }
        expect(readQuoted(literal)).toEqual({ value, rest: '' });
      }
    }
    expect(refused).toBeGreaterThan(0);
  });

  it('refuses values no quoting can express instead of sending a different value', () => {
    expect(quoteFilterValue('\\')).toBeNull();
    expect(quoteFilterValue('ends with a backslash\\')).toBeNull();
    expect(quoteFilterValue('a\\"b\\\'c')).toBeNull();
    // an even run of backslashes before the end is expressible
    expect(quoteFilterValue('a\\\\')).toBe('"a\\\\"');
  });

  it('uses single quotes when only they can express the value', () => {
    const value = 'a\\"b';
    expect(quoteFilterValue(value)).toBe(`'${value}'`);
  });
});

describe('buildMeiliFilter', () => {
  it('turns anyOf into one OR list, ranges into inclusive bounds and near into _geoRadius', () => {
    expect(
      buildMeiliFilter(
        schema,
        [
          { kind: 'anyOf', field: 'languageCodes', values: ['nl', 'tr', 'nl'] },
          { kind: 'range', field: 'hoursMin', min: 24 },
          { kind: 'range', field: 'availableFrom', min: 0, max: 20251231 },
        ],
        { centre: { lat: 52.37, lng: 5.22 }, radiusKm: 30 },
      ),
    ).toEqual([
      ['languageCodes = "nl"', 'languageCodes = "tr"'],
      'hoursMin >= "24"',
      'availableFrom >= "0"',
      'availableFrom <= "20251231"',
      '_geoRadius(52.370000, 5.220000, 30000)',
    ]);
  });

  it('keeps every hostile value inside one literal of its own condition', () => {
    const filter = buildMeiliFilter(schema, [
      { kind: 'anyOf', field: 'certificates', values: HOSTILE },
    ]);
    expect(filter).toHaveLength(1);
    const alternatives = (filter ?? [])[0] as string[];
    // one condition per distinct value, each reading back as exactly that value
    expect(alternatives).toHaveLength(new Set(HOSTILE).size);
    expect(alternatives.map((c) => readCondition(c, 'certificates'))).toEqual([
      ...new Set(HOSTILE),
    ]);
  });

  it('matches nothing for an empty anyOf or one with only inexpressible values', () => {
    expect(buildMeiliFilter(schema, [{ kind: 'anyOf', field: 'sectors', values: [] }])).toBeNull();
    expect(
      buildMeiliFilter(schema, [{ kind: 'anyOf', field: 'sectors', values: ['x\\'] }]),
    ).toBeNull();
    expect(
      buildMeiliFilter(schema, [{ kind: 'anyOf', field: 'sectors', values: ['x\\', 'zorg'] }]),
    ).toEqual([['sectors = "zorg"']]);
  });

  it('refuses fields outside the schema, whatever their name holds', () => {
    const bad: SearchFilter[] = [
      { kind: 'anyOf', field: 'name', values: ['x'] },
      { kind: 'anyOf', field: 'hoursMin', values: ['1'] },
      { kind: 'anyOf', field: 'languageCodes = "nl" OR id', values: ['x'] },
      { kind: 'anyOf', field: '_geo', values: ['x'] },
      { kind: 'range', field: 'languageCodes', min: 1 },
      { kind: 'range', field: 'hoursMin >= 0 OR hoursMax', min: 1 },
    ];
    for (const filter of bad)
      expect(() => buildMeiliFilter(schema, [filter])).toThrow(SearchQueryError);
  });

  it('refuses bounds and centres that are not finite numbers in range', () => {
    for (const bound of [NaN, Infinity, -Infinity, '1 OR 1' as unknown as number])
      expect(() =>
        buildMeiliFilter(schema, [{ kind: 'range', field: 'hoursMin', min: bound }]),
      ).toThrow(SearchQueryError);
    for (const near of [
      { centre: { lat: 91, lng: 5 }, radiusKm: 1 },
      { centre: { lat: 52, lng: -181 }, radiusKm: 1 },
      { centre: { lat: NaN, lng: 5 }, radiusKm: 1 },
      { centre: { lat: 52, lng: 5 }, radiusKm: -1 },
    ])
      expect(() => buildMeiliFilter(schema, [], near)).toThrow(SearchQueryError);
  });

  it('writes extreme numbers as one token and never in exponent form inside _geoRadius', () => {
    expect(
      buildMeiliFilter(schema, [{ kind: 'range', field: 'updatedAt', min: 1e21, max: -1e-7 }]),
    ).toEqual(['updatedAt >= "1e+21"', 'updatedAt <= "-1e-7"']);
    expect(
      buildMeiliFilter(schema, [], { centre: { lat: 1e-7, lng: -0 }, radiusKm: 1e30 }),
    ).toEqual(['_geoRadius(0.000000, 0.000000, 40075000)']);
  });
});

describe('MeiliSearchEngine.search', () => {
  // nothing listens on port 9: these queries are refused before any request is made
  const engine = new MeiliSearchEngine('http://127.0.0.1:9', undefined, 'unit');
  const query: SearchQuery = { offset: 0, limit: 10 };

  it('refuses unknown fields, bad sorts and offsets that are not a multiple of limit', async () => {
    for (const bad of [
      { ...query, filters: [{ kind: 'anyOf' as const, field: 'name', values: ['x'] }] },
      { ...query, facets: ['klantmanagerId'] },
      {
        ...query,
        sort: { by: 'field' as const, field: 'occupationLabels', direction: 'asc' as const },
      },
      { ...query, sort: { by: 'distance' as const } },
      { ...query, offset: 5 },
    ])
      await expect(engine.search('candidates', bad)).rejects.toThrow(SearchQueryError);
  });
});
