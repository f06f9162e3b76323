import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const CONTACT_CHANNELS = ['phone', 'email', 'visit', 'meeting', 'event', 'other'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** Contact history with an employer: append-only notes by accountmanagers. */
@Entity('employer_notes')
@Index(['employerId', 'occurredAt'])
export class EmployerNoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  employerId: string;

  @Column({ type: 'uuid' })
  authorId: string;

  @Column({ type: 'text' })
  channel: ContactChannel;

  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'text' })
  summary: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
