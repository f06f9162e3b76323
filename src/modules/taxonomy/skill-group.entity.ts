import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An ESCO skill group (skill pillar hierarchy: `S` skills, `K` knowledge, `T` transversal, `L`
 * language, and the groups below them). Knowledge groups are ISCED-F fields of education;
 * their code is the ISCED-F code (e.g. `0613`). Gives the labels of `skill_broader` targets.
 */
@Entity('skill_groups')
export class SkillGroupEntity {
  @PrimaryColumn({ type: 'text' })
  uri: string;

  /** e.g. `S8.1.3` or `0613` */
  @Index()
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  labelNl: string;

  @Column({ type: 'text' })
  labelEn: string;
}
