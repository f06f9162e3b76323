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
import { NominationEntity } from './nomination.entity';
import { NominationStatus } from './nomination-status';

/** One step of a nomination's history: who moved it, when, from where to where, and why. */
@Entity('nomination_transitions')
export class NominationTransitionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  nominationId: string;

  @ManyToOne(() => NominationEntity, { onDelete: 'CASCADE' })
  nomination?: Relation<NominationEntity>;

  /** Null for the creation of the nomination (as draft). */
  @Column({ type: 'text', nullable: true })
  fromStatus: NominationStatus | null;

  @Column({ type: 'text' })
  toStatus: NominationStatus;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'text', nullable: true })
  reasonText: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** null: the employer, answering through a shortlist link (actorRole werkgever). */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @ManyToOne(() => UserEntity)
  actor?: Relation<UserEntity>;

  @Column({ type: 'text' })
  actorRole: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
