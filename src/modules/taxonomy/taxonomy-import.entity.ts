import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One load of data/taxonomy into the database. The newest row says which data version is
 * loaded, so the import can skip when nothing changed.
 */
@Entity('taxonomy_imports')
export class TaxonomyImportEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  /** sha256 of the data files (data/taxonomy/manifest.json `version`) */
  @Column({ type: 'text' })
  version: string;

  @CreateDateColumn({ type: 'timestamptz' })
  importedAt: Date;

  /** rows loaded per table */
  @Column({ type: 'jsonb' })
  counts: Record<string, number>;

  @Column({ type: 'int' })
  durationMs: number;
}
