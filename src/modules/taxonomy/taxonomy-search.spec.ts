import { DomainException } from '../../infra/http/domain.exception';
import { labelSearch, parseOccupationId, parsePc4, parseSkillId } from './taxonomy-search';

const UUID = 'eeac6251-1974-42f5-91ed-513c6c883755';

describe('typeahead query', () => {
  it('searches the normalised query and escapes wildcards in every pattern', () => {
    const { parameters } = labelSearch('occupation', ' Kassa_Medewerker% ', 10);
    expect(parameters).toEqual([
      'kassa_medewerker%',
      'kassa\\_medewerker\\%%',
      '(^|[^a-z0-9])kassa\\_medewerker\\%',
      '%kassa\\_medewerker\\%%',
      'occupation',
      10,
    ]);
  });

  it('uses trigram similarity from three characters, and only label and word starts below that', () => {
    const long = labelSearch('skill', 'kas', 5);
    const short = labelSearch('skill', 'ka', 5);
    expect(long.sql).toContain('<%');
    expect(short.sql).not.toContain('<%');
    expect(short.parameters[6]).toBe('% ka%');
  });

  it('never puts user input into the SQL text', () => {
    const { sql } = labelSearch('occupation', "x'; DROP TABLE occupations; --", 10);
    expect(sql).not.toContain('DROP');
  });
});

describe('identifiers', () => {
  it('reads an occupation id as ESCO code, URI or bare UUID', () => {
    expect(parseOccupationId('8344.1')).toEqual({ code: '8344.1' });
    expect(parseOccupationId('2654.1.7')).toEqual({ code: '2654.1.7' });
    expect(parseOccupationId(`http://data.europa.eu/esco/occupation/${UUID}`)).toEqual({
      uri: `http://data.europa.eu/esco/occupation/${UUID}`,
    });
    expect(parseOccupationId(UUID.toUpperCase())).toEqual({
      uri: `http://data.europa.eu/esco/occupation/${UUID}`,
    });
  });

  it('refuses other occupation ids with a message that says what to give', () => {
    for (const bad of ['heftruck', '834', `http://data.europa.eu/esco/skill/${UUID}`]) {
      expect(() => parseOccupationId(bad)).toThrow(DomainException);
    }
    expect(() => parseOccupationId('heftruck')).toThrow(/ESCO code like 8344\.1/);
  });

  it('reads a skill id as URI or UUID', () => {
    expect(parseSkillId(UUID)).toBe(`http://data.europa.eu/esco/skill/${UUID}`);
    expect(() => parseSkillId(`http://data.europa.eu/esco/occupation/${UUID}`)).toThrow(
      /not a skill id/,
    );
  });

  it('accepts four-digit Dutch postcodes only', () => {
    expect(parsePc4('1315')).toBe('1315');
    for (const bad of ['0999', '131', '13155', '1315AB', 'abcd']) {
      expect(() => parsePc4(bad)).toThrow(/4 digits of a Dutch postcode/);
    }
  });
});
