import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '../auth/role';

export type AuditResult = 'allowed' | 'denied';

/**
 * Append-only record of changes, denied access and reads of sensitive fields.
 * Holds ids and field names, never the sensitive content itself. A database trigger refuses
 * UPDATE, DELETE and TRUNCATE, so the application cannot rewrite history.
 */
@Entity('audit_log')
@Index(['objectType', 'objectId'])
@Index(['actorId', 'at'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @CreateDateColumn({ type: 'timestamptz' })
  @Index()
  at: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text', nullable: true })
  actorRole: Role | null;

  /** e.g. `candidate.read-sensitive`, `vacancy.update`, `access.denied` */
  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text', nullable: true })
  objectType: string | null;

  @Column({ type: 'text', nullable: true })
  objectId: string | null;

  @Column({ type: 'text', nullable: true })
  purpose: string | null;

  @Column({ type: 'text' })
  result: AuditResult;

  @Column({ type: 'text', nullable: true })
  requestId: string | null;

  /** Non-sensitive context: names of fields read or changed, the route, the reason for denial. */
  @Column({ type: 'jsonb', nullable: true })
  details: Record<string, unknown> | null;
}
