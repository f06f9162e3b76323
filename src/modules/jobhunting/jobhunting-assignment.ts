import { sectorLabel } from '../taxonomy/sectors';

/** What the assignment rule knows of an accountmanager. */
export interface AssignableAccountManager {
  id: string;
  active: boolean;
  sectors: readonly string[];
  /** requests assigned to them that are open, accepted or in progress */
  openRequests: number;
}

export type AssignmentChoice =
  { accountManagerId: string; reason: string } | { accountManagerId: null; reason: string };

/**
 * The accountmanager for a new request, by sector: an active accountmanager who serves
 * `sector`, with the fewest running requests; ties go to the lowest user id (deterministic,
 * not meaningful). Null when nobody serves the sector: a coordinator assigns it then.
 */
export function chooseAccountManager(
  sector: string,
  accountManagers: readonly AssignableAccountManager[],
): AssignmentChoice {
  const eligible = accountManagers
    .filter((am) => am.active && am.sectors.includes(sector))
    .sort((a, b) => a.openRequests - b.openRequests || compareIds(a.id, b.id));
  const chosen = eligible[0];
  if (!chosen) {
    return {
      accountManagerId: null,
      reason: `Geen actieve accountmanager voor sector ${sector} (${sectorLabel(sector)}); een coördinator wijst het verzoek toe`,
    };
  }
  return {
    accountManagerId: chosen.id,
    reason: `Sector ${sector} (${sectorLabel(sector)}): accountmanager met de minste lopende verzoeken (${chosen.openRequests}) van ${eligible.length}`,
  };
}

/** Plain code-point order, the same in every locale (PostgreSQL's `ORDER BY id` on uuids). */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
