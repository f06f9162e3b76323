import { reasonLabel } from './nomination-reasons';
import { NominationStatus, OPEN_NOMINATION_STATUSES } from './nomination-status';

/** One nomination that reached the employer, as the report needs it (no personal data). */
export interface ReportRow {
  key: string;
  label: string;
  status: NominationStatus;
  endReason: string | null;
  /** Total years of work experience of the candidate (from the profile's experiences) */
  years: number;
}

export const EXPERIENCE_BANDS = [
  { band: '0-9', from: 0, to: 10 },
  { band: '10-19', from: 10, to: 20 },
  { band: '20-29', from: 20, to: 30 },
  { band: '30+', from: 30, to: Infinity },
] as const;

export interface ReasonCount {
  reason: string;
  label: string;
  rejected: number;
  notHired: number;
  withdrawn: number;
  total: number;
}

export interface ExperienceBand {
  band: string;
  nominations: number;
  turnedDown: number;
  hired: number;
}

export interface RejectionGroup {
  key: string;
  label: string;
  /** Nominations that reached the employer (were proposed) */
  nominations: number;
  open: number;
  hired: number;
  rejected: number;
  notHired: number;
  withdrawn: number;
  /** (rejected + not hired) / (rejected + not hired + hired): the employer's no among its decisions */
  rejectionRate: number | null;
  medianYearsExperience: { turnedDown: number | null; hired: number | null };
  experienceBands: ExperienceBand[];
  reasons: ReasonCount[];
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return Math.round(value * 10) / 10;
}

const turnedDown = (status: NominationStatus) => status === 'rejected' || status === 'not-hired';

/** Groups, most nominations first; reasons per group, most frequent first. */
export function aggregateRejections(rows: readonly ReportRow[]): RejectionGroup[] {
  const groups = new Map<string, ReportRow[]>();
  for (const row of rows) groups.set(row.key, [...(groups.get(row.key) ?? []), row]);
  return [...groups.values()]
    .map((group) => {
      const count = (status: NominationStatus) => group.filter((r) => r.status === status).length;
      const hired = count('hired');
      const rejected = count('rejected');
      const notHired = count('not-hired');
      const decided = hired + rejected + notHired;
      const reasons = new Map<string, ReasonCount>();
      for (const row of group) {
        if (!row.endReason) continue;
        const entry = reasons.get(row.endReason) ?? {
          reason: row.endReason,
          label: reasonLabel(row.endReason),
          rejected: 0,
          notHired: 0,
          withdrawn: 0,
          total: 0,
        };
        if (row.status === 'rejected') entry.rejected += 1;
        if (row.status === 'not-hired') entry.notHired += 1;
        if (row.status === 'withdrawn') entry.withdrawn += 1;
        entry.total += 1;
        reasons.set(row.endReason, entry);
      }
      return {
        key: group[0].key,
        label: group[0].label,
        nominations: group.length,
        open: group.filter((r) => OPEN_NOMINATION_STATUSES.includes(r.status)).length,
        hired,
        rejected,
        notHired,
        withdrawn: count('withdrawn'),
        rejectionRate:
          decided === 0 ? null : Math.round(((rejected + notHired) / decided) * 1000) / 1000,
        medianYearsExperience: {
          turnedDown: median(group.filter((r) => turnedDown(r.status)).map((r) => r.years)),
          hired: median(group.filter((r) => r.status === 'hired').map((r) => r.years)),
        },
        experienceBands: EXPERIENCE_BANDS.map(({ band, from, to }) => {
          const inBand = group.filter((r) => r.years >= from && r.years < to);
          return {
            band,
            nominations: inBand.length,
            turnedDown: inBand.filter((r) => turnedDown(r.status)).length,
            hired: inBand.filter((r) => r.status === 'hired').length,
          };
        }),
        reasons: [...reasons.values()].sort(
          (a, b) => b.total - a.total || a.reason.localeCompare(b.reason),
        ),
      };
    })
    .sort((a, b) => b.nominations - a.nominations || a.label.localeCompare(b.label));
}
