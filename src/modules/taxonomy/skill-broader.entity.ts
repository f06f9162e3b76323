import { Entity, Index, PrimaryColumn } from 'typeorm';

/** ESCO skill pillar hierarchy: skill (or group) -> broader skill or skill group. */
@Entity('skill_broader')
@Index(['broaderUri'])
export class SkillBroaderEntity {
  @PrimaryColumn({ type: 'text' })
  skillUri: string;

  @PrimaryColumn({ type: 'text' })
  broaderUri: string;
}
