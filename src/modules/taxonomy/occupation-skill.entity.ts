import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** ESCO occupation -> skill relation, essential or optional. */
@Entity('occupation_skills')
@Index(['skillUri'])
export class OccupationSkillEntity {
  @PrimaryColumn({ type: 'text' })
  occupationUri: string;

  @PrimaryColumn({ type: 'text' })
  skillUri: string;

  @Column({ type: 'boolean' })
  essential: boolean;
}
