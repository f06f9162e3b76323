import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One searchable label (preferred or alternative, Dutch or English) of an occupation or skill,
 * with a normalised form (lower case, accents removed) for typeahead with pg_trgm.
 */
@Entity('taxonomy_labels')
@Index(['conceptType', 'conceptUri'])
// trigram index for typeahead; created by hand in the migration (TypeORM cannot express gin_trgm_ops)
@Index('taxonomy_labels_normalized_trgm', { synchronize: false })
export class TaxonomyLabelEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  /** `occupation` or `skill` */
  @Column({ type: 'text' })
  conceptType: 'occupation' | 'skill';

  @Column({ type: 'text' })
  conceptUri: string;

  @Column({ type: 'text' })
  label: string;

  /** lower case, without accents; indexed with gin_trgm_ops in the migration */
  @Column({ type: 'text' })
  normalized: string;

  /** `nl` or `en` */
  @Column({ type: 'text' })
  language: 'nl' | 'en';

  @Column({ type: 'boolean' })
  preferred: boolean;
}
