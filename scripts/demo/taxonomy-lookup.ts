import { DataSource } from 'typeorm';
import { TaxonomyLookup } from './demo-data';

/** Municipalities within commuting range of Almere, for demo homes and workplaces. */
const AROUND_ALMERE = [
  'Almere',
  'Lelystad',
  'Zeewolde',
  'Huizen',
  'Diemen',
  'Weesp',
  'Amsterdam',
  'Hilversum',
  'Blaricum',
  'Naarden',
];

/** Reads what the demo generator needs from the imported taxonomy, in a few queries. */
export async function loadTaxonomyLookup(dataSource: DataSource): Promise<TaxonomyLookup> {
  const occupations: { code: string; uri: string }[] = await dataSource.query(
    `SELECT code, uri FROM occupations`,
  );
  const relations: { occupation_uri: string; skill_uri: string; essential: boolean }[] =
    await dataSource.query(
      `SELECT occupation_uri, skill_uri, essential FROM occupation_skills ORDER BY occupation_uri, skill_uri`,
    );
  const skills: { uri: string; label_en: string }[] = await dataSource.query(
    `SELECT uri, label_en FROM skills`,
  );
  const postcodes: { pc4: string }[] = await dataSource.query(
    `SELECT pc4 FROM postcodes WHERE municipality = ANY($1::text[]) AND (municipality <> 'Amsterdam' OR pc4 BETWEEN '1090' AND '1099') ORDER BY pc4`,
    [AROUND_ALMERE],
  );
  if (occupations.length === 0 || postcodes.length === 0) {
    throw new Error('The taxonomy is not loaded: run `npm run taxonomy:import` first');
  }
  const byCode = new Map(occupations.map((o) => [o.code, o.uri]));
  const essential = new Map<string, string[]>();
  const optional = new Map<string, string[]>();
  for (const r of relations) {
    const target = r.essential ? essential : optional;
    target.set(r.occupation_uri, [...(target.get(r.occupation_uri) ?? []), r.skill_uri]);
  }
  const byLabel = new Map(skills.map((s) => [s.label_en.toLowerCase(), s.uri]));
  return {
    occupationUri: (code) => byCode.get(code),
    essentialSkills: (uri) => essential.get(uri) ?? [],
    optionalSkills: (uri) => optional.get(uri) ?? [],
    skillUri: (label) => byLabel.get(label.toLowerCase()),
    postcodes: postcodes.map((p) => p.pc4),
  };
}
