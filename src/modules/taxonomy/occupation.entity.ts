import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An ESCO occupation with Dutch and English labels and its sectors. */
@Entity('occupations')
export class OccupationEntity {
  /** ESCO concept URI, e.g. http://data.europa.eu/esco/occupation/… */
  @PrimaryColumn({ type: 'text' })
  uri: string;

  /** ESCO code, e.g. `8344.1` (ISCO unit group + sequence). */
  @Index({ unique: true })
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  iscoGroup: string;

  @Column({ type: 'text' })
  labelNl: string;

  @Column({ type: 'text' })
  labelEn: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  altLabelsNl: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  altLabelsEn: string[];

  /** NACE Rev. 2 sections (A-U) where this occupation is found, most typical first. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  sectors: string[];

  /** NACE codes as given by ESCO (v1.2.1). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  naceCodes: string[];

  /** Dutch CBS occupation class (BRC 2014), e.g. `10` Transport en logistiek. */
  @Column({ type: 'text', nullable: true })
  brcClass: string | null;

  @Column({ type: 'text', nullable: true })
  brcClassLabel: string | null;

  @Column({ type: 'text', nullable: true })
  brcGroup: string | null;

  @Column({ type: 'text', nullable: true })
  brcGroupLabel: string | null;

  /** Skills-based sector (Nesta, Mapping Career Causeways). */
  @Column({ type: 'text', nullable: true })
  skillsBasedSector: string | null;
}
