import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, Role } from '../../infra/auth/role';
import { sectorLabel } from '../taxonomy/sectors';
import { RejectionReportDto, RejectionReportQueryDto } from './dto/rejection-report.dto';
import { sectorsOf } from './nomination-scope';
import { aggregateRejections, ReportRow } from './rejection-report';

/**
 * Why nominations end without a hire, per employer or sector, over the nominations that reached
 * the employer. An accountmanager sees the employers they own or serve (or nominated to); a
 * coordinator all. Only counts, medians and bands: no person can be picked out.
 */
@Injectable()
export class RejectionReportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async report(actor: Actor, query: RejectionReportQueryDto): Promise<RejectionReportDto> {
    const params: unknown[] = [query.from ?? null, query.to ?? null];
    let scope = '';
    if (actor.role === Role.AccountManager) {
      params.push(actor.userId, await sectorsOf(this.dataSource.manager, actor));
      scope =
        'AND (n.account_manager_id = $3 OR e.account_manager_id = $3 OR e.sector = ANY($4::text[]))';
    }
    const rows = await this.dataSource.query<
      {
        employerId: string;
        employerName: string;
        sector: string;
        status: ReportRow['status'];
        endReason: string | null;
        years: string;
      }[]
    >(
      `SELECT e.id AS "employerId", e.name AS "employerName", e.sector,
              n.status, n.end_reason AS "endReason",
              (SELECT coalesce(sum((x->>'years')::numeric), 0)
                 FROM jsonb_array_elements(c.experiences) x) AS years
         FROM nominations n
         JOIN employers e ON e.id = n.employer_id
         JOIN candidates c ON c.id = n.candidate_id
        WHERE EXISTS (SELECT 1 FROM nomination_transitions t
                       WHERE t.nomination_id = n.id AND t.to_status = 'proposed')
          AND ($1::date IS NULL OR n.created_at >= $1::date)
          AND ($2::date IS NULL OR n.created_at < $2::date + 1)
          ${scope}`,
      params,
    );
    const byEmployer = query.groupBy === 'employer';
    return {
      groupBy: query.groupBy,
      from: query.from ?? null,
      to: query.to ?? null,
      groups: aggregateRejections(
        rows.map((row) => ({
          key: byEmployer ? row.employerId : row.sector,
          label: byEmployer ? row.employerName : `${row.sector} ${sectorLabel(row.sector)}`,
          status: row.status,
          endReason: row.endReason,
          years: Number(row.years),
        })),
      ),
    };
  }
}
