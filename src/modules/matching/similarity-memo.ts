import { TaxonomyGraph } from './taxonomy-graph';

const MAX_ENTRIES = 50_000;

/**
 * Floors from the occupation hierarchies: a narrower or broader ESCO occupation (order picker
 * under warehouse worker) is close whatever the skill lists say, and ISCO groups occupations by
 * the kind of work: the same unit group (4 digits), minor group (3) or sub-major group (2, e.g.
 * 42 customer services clerks: bank teller and receptionist) keeps a floor under the skills
 * similarity, where ESCO's skill lists for related jobs often do not overlap.
 */
export const HIERARCHY_FLOOR = {
  narrowerOrBroader: 0.8,
  iscoUnitGroup: 0.5,
  iscoMinorGroup: 0.4,
  iscoSubMajorGroup: 0.3,
} as const;

export function occupationSimilarity(graph: TaxonomyGraph, from: string, to: string): number {
  const score = graph.occupationSimilarity(from, to).score;
  const a = graph.occupation(from);
  const b = graph.occupation(to);
  if (!a || !b) return score;
  return Math.max(score, hierarchyFloor(a, b));
}

function hierarchyFloor(
  a: { code: string; iscoGroup: string },
  b: { code: string; iscoGroup: string },
): number {
  if (a.code.startsWith(`${b.code}.`) || b.code.startsWith(`${a.code}.`))
    return HIERARCHY_FLOOR.narrowerOrBroader;
  const shared = (digits: number) => a.iscoGroup.slice(0, digits) === b.iscoGroup.slice(0, digits);
  if (shared(4)) return HIERARCHY_FLOOR.iscoUnitGroup;
  if (shared(3)) return HIERARCHY_FLOOR.iscoMinorGroup;
  if (shared(2)) return HIERARCHY_FLOOR.iscoSubMajorGroup;
  return 0;
}

/** Occupation similarity from -> to, remembered per graph (the graph is immutable once loaded). */
export class SimilarityMemo {
  private graph: TaxonomyGraph | null = null;
  private readonly scores = new Map<string, number>();

  for(graph: TaxonomyGraph): (from: string, to: string) => number {
    if (this.graph !== graph) {
      this.graph = graph;
      this.scores.clear();
    }
    return (from, to) => {
      const key = `${from}|${to}`;
      let score = this.scores.get(key);
      if (score === undefined) {
        score = occupationSimilarity(graph, from, to);
        if (this.scores.size >= MAX_ENTRIES) this.scores.clear();
        this.scores.set(key, score);
      }
      return score;
    };
  }
}
