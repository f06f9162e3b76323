import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An ESCO skill or knowledge concept. Dutch label where ESCO has one; every skill has Dutch group labels. */
@Entity('skills')
export class SkillEntity {
  @PrimaryColumn({ type: 'text' })
  uri: string;

  /** `skill/competence` or `knowledge` */
  @Column({ type: 'text' })
  skillType: string;

  /** `transversal`, `cross-sector`, `sector-specific` or `occupation-specific` */
  @Column({ type: 'text', nullable: true })
  reuseLevel: string | null;

  @Column({ type: 'text', nullable: true })
  labelNl: string | null;

  @Column({ type: 'text' })
  labelEn: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  altLabelsNl: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  altLabelsEn: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  groupCodes: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  groupLabelsNl: string[];

  /** How many occupations name this skill: rarer skills say more about a match. */
  @Column({ type: 'int', default: 0 })
  occupationCount: number;
}
