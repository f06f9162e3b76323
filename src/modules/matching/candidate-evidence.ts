import { CandidateEntity, SkillSource } from '../candidates/candidate.entity';
import { TaxonomyGraph } from './taxonomy-graph';

/** How much a skill counts by where it comes from: said and shown beats implied by a job title. */
export const EVIDENCE_STRENGTH = {
  explicit: 1,
  occupationEssential: 0.85,
  occupationOptional: 0.6,
} as const;

const SOURCE_WORDS: Record<SkillSource, string> = {
  work: 'werkervaring',
  hobby: 'hobby',
  volunteer: 'vrijwilligerswerk',
  course: 'cursus',
  education: 'opleiding',
};

/** Why we believe the candidate has a skill, in words an accountmanager can repeat. */
export interface Evidence {
  source: SkillSource;
  /** "hobby: repareert al 20 jaar fietsen" or "werk als drukker bij een drukkerij" */
  text: string;
  strength: number;
}

export interface PastOccupation {
  uri: string;
  title: string;
  sector: string;
}

/** A candidate as matching sees it: skills with evidence, past occupations and sectors. */
export interface CandidateProfile {
  held: ReadonlyMap<string, Evidence>;
  heldSet: ReadonlySet<string>;
  occupations: PastOccupation[];
  /** NACE sections of earlier work */
  sectors: string[];
}

type ProfileSource = Pick<CandidateEntity, 'experiences' | 'skills'>;

/**
 * The skills a candidate holds: those recorded with their evidence (job, hobby, volunteer work,
 * course) and those implied by the ESCO occupations of their earlier work. Years of experience
 * and the year work ended are not used: they would favour age and penalise long unemployment.
 */
export function candidateProfile(candidate: ProfileSource, graph: TaxonomyGraph): CandidateProfile {
  const held = new Map<string, Evidence>();
  const offer = (uri: string, evidence: Evidence) => {
    const current = held.get(uri);
    if (!current || current.strength < evidence.strength) held.set(uri, evidence);
  };
  for (const skill of candidate.skills) {
    const words = SOURCE_WORDS[skill.source];
    offer(skill.uri, {
      source: skill.source,
      text: skill.evidence ? `${words}: ${skill.evidence}` : words,
      strength: EVIDENCE_STRENGTH.explicit,
    });
  }
  for (const experience of candidate.experiences) {
    const occupation = graph.occupation(experience.occupationUri);
    if (!occupation) continue;
    const text = `werk als ${experience.title}`;
    for (const uri of occupation.essential)
      offer(uri, { source: 'work', text, strength: EVIDENCE_STRENGTH.occupationEssential });
    for (const uri of occupation.optional)
      offer(uri, { source: 'work', text, strength: EVIDENCE_STRENGTH.occupationOptional });
  }
  return {
    held,
    heldSet: new Set(held.keys()),
    occupations: candidate.experiences.map(({ occupationUri, title, sector }) => ({
      uri: occupationUri,
      title,
      sector,
    })),
    sectors: [...new Set(candidate.experiences.map((e) => e.sector))],
  };
}
