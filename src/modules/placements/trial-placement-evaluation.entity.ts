import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  Relation,
} from 'typeorm';
import { TrialPlacementEntity } from './trial-placement.entity';

export const EVALUATION_OUTCOMES = ['on-track', 'concerns'] as const;
export type EvaluationOutcome = (typeof EVALUATION_OUTCOMES)[number];

/** An evaluation of a trial placement with the employer and the candidate (the first: week 4). */
@Entity('trial_placement_evaluations')
export class TrialPlacementEvaluationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  trialPlacementId: string;

  @ManyToOne(() => TrialPlacementEntity, { onDelete: 'CASCADE' })
  trialPlacement?: Relation<TrialPlacementEntity>;

  @Column({ type: 'date' })
  evaluatedOn: string;

  @Column({ type: 'text' })
  outcome: EvaluationOutcome;

  @Column({ type: 'text' })
  notes: string;

  @Column({ type: 'uuid' })
  createdById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
