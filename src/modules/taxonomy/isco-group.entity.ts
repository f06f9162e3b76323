import { Column, Entity, PrimaryColumn } from 'typeorm';

/** ISCO-08 group (major `8`, sub-major `83`, minor `834`, unit `8344`) with Dutch and English labels. */
@Entity('isco_groups')
export class IscoGroupEntity {
  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  labelNl: string;

  @Column({ type: 'text' })
  labelEn: string;
}
