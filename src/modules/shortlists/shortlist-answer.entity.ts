import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { UserEntity } from '../accounts/user.entity';
import { AnswerKind } from './employer-shortlist-view';
import { ShortlistEntryEntity } from './shortlist-entry.entity';

export const ANSWER_CHANNELS = ['link', 'account'] as const;
export type AnswerChannel = (typeof ANSWER_CHANNELS)[number];

/** An employer's answer on one candidate: an invitation, a question, or not suitable. */
@Entity('shortlist_answers')
@Index(['entryId', 'at'])
export class ShortlistAnswerEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  entryId: string;

  @ManyToOne(() => ShortlistEntryEntity, { onDelete: 'CASCADE' })
  entry?: Relation<ShortlistEntryEntity>;

  @Column({ type: 'text' })
  kind: AnswerKind;

  /** For not-suitable: a code of NOMINATION_REASONS. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'text', nullable: true })
  text: string | null;

  /** For invite: the moment the employer proposes. */
  @Column({ type: 'timestamptz', nullable: true })
  interviewAt: Date | null;

  @Column({ type: 'text' })
  channel: AnswerChannel;

  /** The employer contact's account; null when answered through the link. */
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  user?: Relation<UserEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
